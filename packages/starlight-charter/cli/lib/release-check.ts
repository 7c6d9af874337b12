import { DataError, formatIssue, issueAt } from '../../data/issues.ts';
import { loadData } from '../../data/load.ts';
import { lastRelease, loadReleases, withCompany } from '../../data/releases.ts';
import { diffTerms } from '../../lib/terms-diff.ts';
import { compareVersions, nextVersion } from '../../lib/terms-version.ts';
import type { DataFileName } from '../../schemas/index.ts';
import type { Check, Finding } from './check.ts';

/**
 * The kept releases (terms/versions/) load, and no commercial figure changed silently: when
 * company.yaml still names the last release's version, every figure must be as released. Each
 * changed figure is reported where it is in the current terms, with how to release it.
 */
export function releaseCheck(termsDir: string, optional: readonly DataFileName[] = []): Check {
  return {
    name: 'releases',
    run(): Finding[] {
      let releases;
      try {
        releases = loadReleases(termsDir);
      } catch (error) {
        if (error instanceof DataError)
          return error.issues.map((i) => ({ level: 'error', text: formatIssue(i) }));
        throw error;
      }
      const last = lastRelease(releases);
      if (!last) return [];
      let loaded;
      try {
        loaded = loadData(termsDir, { optional });
      } catch (error) {
        // The data check lists the terms' own problems.
        if (error instanceof DataError) return [];
        throw error;
      }
      const { catalog, sources } = loaded;
      const version = catalog.company.terms_version;
      const order = compareVersions(version, last.version);
      if (order < 0)
        return [
          {
            level: 'error',
            text: formatIssue(
              issueAt(
                sources.company,
                ['terms_version'],
                `version ${version} is older than ${last.version}, the last release in versions/`,
              ),
            ),
          },
        ];
      // A later version is one on its way to release: its figures may change.
      if (order > 0) return [];
      const hint = `to publish the change, release new terms: npm run terms:release -- ${nextVersion(version)} <effective date, YYYY-MM-DD>`;
      return diffTerms(withCompany(last, catalog), catalog).map((change) => ({
        level: 'error',
        text: formatIssue(
          issueAt(
            sources[change.file],
            change.path,
            `changed since release ${version}, and terms_version is still ${version}: ${change.sentence}`,
          ),
        ),
        hint,
      }));
    },
  };
}
