import { dataDir, getCatalog } from './index.ts';
import { DataError, formatIssue } from './issues.ts';
import type { Catalog } from './load.ts';

/**
 * Loads the Catalog for a command-line entry point (astro.config, scripts). On bad data it
 * prints one line per problem and exits 1: people need the list, not a stack trace.
 */
export function loadCatalogOrExit(): Catalog {
  try {
    return getCatalog();
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(`Charter: the data in ${dataDir()}/ has ${error.issues.length} problem(s):\n`);
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.exit(1);
    }
    throw error;
  }
}
