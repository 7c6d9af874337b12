import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The unit tests as `npm run test:mutation` runs them (see stryker.config.mjs).
export default mergeConfig(
  base,
  defineConfig({ test: { setupFiles: ['test/unit/fast-check.mutation.setup.ts'] } }),
);
