import { DataError, formatIssue } from './issues.ts';
import { loadCatalog, type Catalog, type LoadOptions } from './load.ts';
import { keptReleases, type KeptRelease } from './releases.ts';

/**
 * Loads the Catalog for a command-line entry point (the plugin, the CLI). On bad data it
 * prints one line per problem and exits 1: people need the list, not a stack trace.
 */
export function loadCatalogOrExit(dir: string, shown = dir, options: LoadOptions = {}): Catalog {
  try {
    return loadCatalog(dir, options);
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(
        `Charter: the terms in ${shown}/ have ${error.issues.length} problem(s):\n`,
      );
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The kept releases as pages read them, or the located problems and exit 1, like the terms. */
export function loadReleasesOrExit(termsDir: string, shown = termsDir): KeptRelease[] {
  try {
    return keptReleases(termsDir);
  } catch (error) {
    if (error instanceof DataError) {
      process.stderr.write(
        `Charter: the releases in ${shown}/versions/ have ${error.issues.length} problem(s):\n`,
      );
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.exit(1);
    }
    throw error;
  }
}
