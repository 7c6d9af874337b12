// @ts-check
// `npm run test:mutation`: mutation testing of the money and time logic. Each mutant is a small
// change to the code (a `<` for a `<=`, a dropped guard, another rounding digit); a mutant the
// unit tests still pass with marks a rule they do not pin down. Static mutants (values computed
// once, as a module loads) are left out: each would need a fresh test environment, which would
// make the run many times longer for a few constants.
/** Stryker's JSON report, which `npm run bench` reads for the score. */
export const JSON_REPORT = 'reports/mutation/mutation.json';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'packages/starlight-charter/lib/credits.ts',
    'packages/starlight-charter/lib/money.ts',
    'packages/starlight-charter/lib/duration.ts',
    'packages/starlight-charter/schemas/duration.ts',
    'packages/starlight-charter/lib/downtime.ts',
    'packages/starlight-charter/lib/sla-clock.ts',
    'packages/starlight-charter/lib/holidays.ts',
    'packages/starlight-charter/lib/cost.ts',
    'packages/starlight-charter/lib/charges.ts',
  ],
  // Only these files' own unit tests judge them.
  testFiles: [
    'test/unit/lib/credits.test.ts',
    'test/unit/lib/money.test.ts',
    'test/unit/lib/duration.test.ts',
    'test/unit/lib/downtime.test.ts',
    'test/unit/lib/sla-clock.test.ts',
    'test/unit/lib/holidays.test.ts',
    'test/unit/lib/cost.test.ts',
    'test/unit/lib/charges.test.ts',
  ],
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  // A mutant that loops for ever is stopped after this much time beyond its tests' usual
  // duration; the test process is then restarted, and its first run loads every module again,
  // which on a busy 2-core machine takes several seconds. A shorter limit makes that first run
  // time out too, and every mutant after it, reported as detected without being tested.
  timeoutMS: 15_000,
  // The sandbox copies the project; these are not needed to run the unit tests above.
  ignorePatterns: [
    'dist',
    'examples/*/dist',
    'examples/*/dist-internal',
    'examples/*/.astro',
    '.sites',
    'test-results',
    'playwright-report',
    'bench',
    '.bench',
    '.astro',
    'reports',
    'test/e2e',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: JSON_REPORT },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 95, low: 90, break: null },
};
