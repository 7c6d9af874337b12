import { DataError, formatIssue } from '../../data/issues';
import { loadCatalog, translationGaps } from '../../data/load';
import type { DataFileName } from '../../schemas/index';
import type { Check, Finding } from './check';
import { shown } from './site';

/**
 * Validates every data file and cross-checks them. `optional`: files the site may leave out
 * (those only sections it does not publish read), as the build allows. Texts translated into
 * some languages but not all are warnings: the site's languages are in its Starlight config,
 * which the command cannot read, so the languages are those any text is written in.
 */
export function dataCheck(dir: string, optional: readonly DataFileName[] = []): Check {
  return {
    name: `data (${shown(dir)})`,
    run(): Finding[] {
      try {
        const catalog = loadCatalog(dir, { optional });
        return translationGaps(catalog).map((gap) => ({
          level: 'warning',
          text: formatIssue(gap),
        }));
      } catch (error) {
        if (error instanceof DataError)
          return error.issues.map((i) => ({ level: 'error', text: formatIssue(i) }));
        throw error;
      }
    },
  };
}
