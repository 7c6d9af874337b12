import { DataError, formatIssue } from '../../data/issues';
import { loadData } from '../../data/load';
import type { DataFileName } from '../../schemas/index';
import type { Check, Finding } from './check';
import { shown } from './site';
import { lintData, type LintContext } from './lint-rules';

/** Loads a data directory for linting; data errors come back as findings instead. */
export function loadForLint(
  dir: string,
  optional: readonly DataFileName[] = [],
): LintContext | Finding[] {
  try {
    const { catalog, sources } = loadData(dir, { optional });
    return { catalog, sources };
  } catch (error) {
    if (error instanceof DataError)
      return error.issues.map((i) => ({ level: 'error', text: formatIssue(i) }));
    throw error;
  }
}

/**
 * The commercial lint for one data directory. With `quietOnDataErrors`, data that does not
 * load gives no findings here, because the data check beside it already lists them.
 */
export function commercialLintCheck(
  dir: string,
  options: { quietOnDataErrors?: boolean; optional?: readonly DataFileName[] } = {},
): Check {
  return {
    name: `lint (${shown(dir)})`,
    run(): Finding[] {
      const loaded = loadForLint(dir, options.optional);
      if (Array.isArray(loaded)) return options.quietOnDataErrors ? [] : loaded;
      return lintData(loaded);
    },
  };
}
