import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DataError, formatIssue } from '../../data/issues.ts';
import { loadData } from '../../data/load.ts';
import {
  lastRelease,
  loadReleases,
  RELEASE_FILE,
  RELEASED_FILES,
  VERSIONS_DIR,
} from '../../data/releases.ts';
import { compareVersions } from '../../lib/terms-version.ts';
import { TermsVersionSchema } from '../../schemas/company.ts';
import type { DataFileName } from '../../schemas/index.ts';
import { DateSchema } from '../../schemas/shared.ts';
import { shown } from './site.ts';

/** Why a release was not made: the lines to print. Nothing was written. */
export class ReleaseError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ReleaseError';
  }
}

export interface ReleaseResult {
  /** The release's folder. */
  dir: string;
  /** The terms files kept in it. */
  files: string[];
}

/**
 * Keeps the current terms as release `version`, effective `date`: copies the files that carry
 * figures (data/releases.ts, RELEASED_FILES) into `<terms>/versions/<version>/` with a
 * release.yaml, and sets terms_version and effective_date in company.yaml, comments kept.
 * Checks everything first; throws ReleaseError and writes nothing when something is wrong.
 */
export function releaseTerms(
  termsDir: string,
  version: string,
  date: string,
  /** Terms files the site may leave out (data/absent.ts). */
  optional: readonly DataFileName[] = [],
): ReleaseResult {
  if (!TermsVersionSchema.safeParse(version).success)
    throw new ReleaseError([`version "${version}": expected a version like 1.0 or 2.3.1`]);
  if (!DateSchema.safeParse(date).success)
    throw new ReleaseError([`date "${date}": expected a real date like 2026-10-01 (YYYY-MM-DD)`]);

  // The terms must be sound before they are kept, and so must the releases kept so far.
  let releases;
  try {
    loadData(termsDir, { optional });
    releases = loadReleases(termsDir);
  } catch (error) {
    if (error instanceof DataError)
      throw new ReleaseError([
        `the terms have ${error.issues.length} problem(s); fix them before a release:`,
        ...error.issues.map(formatIssue),
      ]);
    throw error;
  }
  const same = releases.find((r) => compareVersions(r.version, version) === 0);
  if (same)
    throw new ReleaseError([
      `version ${version} is already released (${shown(join(termsDir, VERSIONS_DIR, same.version))}); give a new version`,
    ]);
  const last = lastRelease(releases);
  if (last && compareVersions(version, last.version) < 0)
    throw new ReleaseError([
      `version ${version} comes before ${last.version}, the last release; give a later version`,
    ]);
  if (last && date < last.effectiveDate)
    throw new ReleaseError([
      `date ${date} is before ${last.effectiveDate}, when the last release (${last.version}) took effect`,
    ]);

  const companyFile = join(termsDir, 'company.yaml');
  const company = parseDocument(readFileSync(companyFile, 'utf8'));
  company.set('terms_version', version);
  company.set('effective_date', date);
  // Quoted, as the schema asks for strings: an unquoted 2.0 would read as a number.
  for (const key of ['terms_version', 'effective_date']) {
    const node = company.get(key, true) as { type?: string } | undefined;
    if (node) node.type = 'QUOTE_DOUBLE';
  }

  const files = RELEASED_FILES.filter((name: DataFileName) =>
    existsSync(join(termsDir, `${name}.yaml`)),
  ).map((name) => `${name}.yaml`);
  const versions = join(termsDir, VERSIONS_DIR);
  const dir = join(versions, version);
  // Written beside, then moved into place: a failure leaves no half-written release.
  const staging = join(versions, `.${version}.partial`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const file of files)
      writeFileSync(
        join(staging, file),
        schemaTwoLevelsUp(readFileSync(join(termsDir, file), 'utf8')),
      );
    writeFileSync(
      join(staging, RELEASE_FILE),
      `# Kept by \`charter release\`: the terms of version ${version} as they took effect.\n` +
        `effective_date: "${date}"\n`,
    );
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  writeFileSync(companyFile, company.toString());
  return { dir, files };
}

/**
 * The file as it is, but for a relative `# yaml-language-server: $schema=` path, which now
 * starts two folders deeper (versions/<version>/), so editors still find the schema.
 */
export function schemaTwoLevelsUp(text: string): string {
  return text.replace(
    /^(# yaml-language-server: \$schema=)(?![a-z]+:|\/)(\S+)/m,
    (_, head: string, path: string) => `${head}../../${path}`,
  );
}
