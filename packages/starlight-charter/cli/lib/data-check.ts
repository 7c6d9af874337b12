import { DataError, formatIssue } from '../../data/issues';
import { loadCatalog } from '../../data/load';
import type { Check, Finding } from './check';
import { shown } from './site';

/** Validates every data file and cross-checks them. */
export function dataCheck(dir: string): Check {
  return {
    name: `data (${shown(dir)})`,
    run(): Finding[] {
      try {
        loadCatalog(dir);
        return [];
      } catch (error) {
        if (error instanceof DataError) return error.issues.map((i) => ({ level: 'error', text: formatIssue(i) }));
        throw error;
      }
    },
  };
}
