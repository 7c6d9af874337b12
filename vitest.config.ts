import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/unit/fast-check.setup.ts'],
    // A test fails on what it checks, not on how busy the machine is: five seconds (the
    // default) is too little for a worker to start or a data set to load on a loaded one.
    testTimeout: 60_000,
    reporters: ['default'],
  },
});
