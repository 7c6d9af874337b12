import { DataError, formatIssue } from '../../data/issues';
import { loadCatalog } from '../../data/load';
import type { DataFileName } from '../../schemas/index';
import type { Check, Finding } from './check';
import { shown } from './site';

/**
 * Validates every data file and cross-checks them. `optional`: files the site may leave out
 * (those only sections it does not publish read), as the build allows.
 */
export function dataCheck(dir: string, optional: readonly DataFileName[] = []): Check {
  return {
    name: `data (${shown(dir)})`,
    run(): Finding[] {
      try {
        loadCatalog(dir, { optional });
        return [];
      } catch (error) {
        if (error instanceof DataError)
          return error.issues.map((i) => ({ level: 'error', text: formatIssue(i) }));
        throw error;
      }
    },
  };
}
