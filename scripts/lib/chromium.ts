import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../packages/starlight-charter/cli/lib/pdf.ts';

/** Which Chromium the tests and benchmarks use: the one `charter sow` prints with. */
export { CHROMIUM_ARGS, chromiumPath } from '../../packages/starlight-charter/cli/lib/pdf.ts';

/** Whether a browser can be launched at all (a configured path, or Playwright's own). */
export function hasChromium(): boolean {
  return chromiumPath() !== undefined || process.env.CHROMIUM_PATH === 'bundled';
}

/** Launches the Chromium the tests use (or Playwright's own, where no path is configured). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
}
