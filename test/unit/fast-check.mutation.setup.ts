import fc from 'fast-check';

// Under mutation testing only whether a property fails matters, not its smallest
// counterexample: stop at the first failure instead of shrinking it, which can take longer
// than Stryker allows a mutant and would count a mutant as timed out rather than killed.
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
