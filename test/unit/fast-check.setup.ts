import fc from 'fast-check';

// Property tests use fresh random inputs on every run. FC_SEED=<seed from a failure> replays a
// failing run exactly; FC_NUM_RUNS=5000 searches harder for counterexamples.
fc.configureGlobal({
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
  ...(process.env.FC_NUM_RUNS ? { numRuns: Number(process.env.FC_NUM_RUNS) } : {}),
});
