import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium';

/**
 * Playwright drives the sample's built site (examples/sample/dist, from `npm run build`) served
 * on 127.0.0.1 in Chromium; test/e2e/global-setup.ts builds the other sites specs read. By
 * default it uses Debian's Chromium (its headless shell where installed); set CHROMIUM_PATH to
 * another binary, or to "bundled" to use a browser installed with `npx playwright install
 * chromium`.
 */
const executablePath = chromiumPath();
const port = Number(process.env.CHARTER_TEST_PORT || 4329);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `node packages/starlight-charter/cli/serve.mjs --dir examples/sample/dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    // Never another server left on the port: it could serve another build than this run's.
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
