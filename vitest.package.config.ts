import { defineConfig } from 'vitest/config';

/**
 * The tests of starlight-charter as a company installs and uses it (test/package): they pack
 * the package, install it outside the repository, build sites and run a dev server, so they
 * take minutes and run apart from the unit tests (`npm run test:package`).
 */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    // Packs and installs the package once for every file.
    globalSetup: ['test/package/global-setup.ts'],
    // One file at a time: each builds a whole site or runs a dev server.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
