import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { compareVersions } from '../lib/terms-version.ts';
import { TermsVersionSchema } from '../schemas/company.ts';
import { DATA_FILES, type DataFileName } from '../schemas/index.ts';
import { DateSchema } from '../schemas/shared.ts';
import { isAbsent } from './absent.ts';
import { DataError, issueAt, sortIssues, type DataIssue } from './issues.ts';
import { loadData, type Catalog } from './load.ts';
import { parseSource, type SourceFile } from './positions.ts';
import { textLanguageOf } from './text-maps.ts';

/**
 * The terms files a release keeps: every file that carries a commercial figure or names what
 * the figures belong to (tiers, meters, severities, levels, schedules, features, roles). The
 * company's name and contacts, channels, process, KB, ROI and playbook are not terms a
 * customer signs, so they are not kept.
 */
export const RELEASED_FILES = [
  'tiers',
  'pricing',
  'severities',
  'sla',
  'credits',
  'escalation',
  'features',
  'services',
] as const satisfies readonly DataFileName[];

/** Files a release may lack: a site without custom development has no services.yaml. */
const OPTIONAL_RELEASED: readonly DataFileName[] = ['services'];

/** The folder beside the terms files that holds one folder per release. */
export const VERSIONS_DIR = 'versions';

/** The file in a release's folder that says when it took effect. */
export const RELEASE_FILE = 'release.yaml';

export const ReleaseFileSchema = z.strictObject({
  /** The day this release took effect (YYYY-MM-DD). */
  effective_date: DateSchema,
});

/** One kept release: its version (the folder's name), its date and its terms. */
export interface Release {
  version: string;
  effectiveDate: string;
  /**
   * The release's terms. Files a release does not keep (company, channels …) stand in as
   * values that stop when read: use `withCompany` to format its figures.
   */
  catalog: Catalog;
  sources: Partial<Record<DataFileName, SourceFile>>;
}

/** The language of the company's locale in `termsDir`'s company.yaml, if it can be read. */
function companyLanguage(termsDir: string): string | undefined {
  try {
    const company = parse(readFileSync(join(termsDir, 'company.yaml'), 'utf8')) as {
      locale?: unknown;
    };
    return typeof company?.locale === 'string' ? textLanguageOf(company.locale) : undefined;
  } catch {
    // The terms' own check says what is wrong with company.yaml.
    return undefined;
  }
}

/** The files a release folder leaves out, as the loader's `optional`. */
function notReleased(): DataFileName[] {
  return (Object.keys(DATA_FILES) as DataFileName[]).filter(
    (name) =>
      !(RELEASED_FILES as readonly DataFileName[]).includes(name) ||
      OPTIONAL_RELEASED.includes(name),
  );
}

/**
 * Every release kept in `<terms>/versions/<version>/`, oldest first. Throws DataError with
 * file:line:col for every problem: a folder not named like a version, a release.yaml missing
 * or malformed, a kept terms file that no longer parses or validates.
 */
export function loadReleases(termsDir: string, options: { displayDir?: string } = {}): Release[] {
  const dir = join(termsDir, VERSIONS_DIR);
  if (!existsSync(dir)) return [];
  const shown = (...parts: string[]) =>
    options.displayDir !== undefined
      ? join(options.displayDir, VERSIONS_DIR, ...parts)
      : relative(process.cwd(), join(dir, ...parts)) || '.';
  const issues: DataIssue[] = [];
  const releases: Release[] = [];
  // A release keeps no company.yaml: its texts are in the current company's language.
  const language = companyLanguage(termsDir);
  const at = (file: string, message: string): DataIssue => ({
    file,
    line: 1,
    col: 1,
    path: '(root)',
    message,
  });

  if (!statSync(dir).isDirectory())
    throw new DataError([at(shown(), 'expected a folder of releases')]);
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    if (!statSync(join(dir, name)).isDirectory()) {
      issues.push(at(shown(name), 'expected only folders named by version, such as 1.0/'));
      continue;
    }
    if (!TermsVersionSchema.safeParse(name).success) {
      issues.push(
        at(shown(name), 'a release folder is named by its version, such as 1.0 or 2.3.1'),
      );
      continue;
    }
    let effectiveDate: string | undefined;
    const releaseFile = join(dir, name, RELEASE_FILE);
    if (!existsSync(releaseFile)) {
      issues.push(at(shown(name, RELEASE_FILE), 'file is missing'));
    } else {
      const source = parseSource(shown(name, RELEASE_FILE), readFileSync(releaseFile, 'utf8'));
      const error = source.doc.errors[0];
      if (error) {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        issues.push({
          file: source.file,
          line: pos.line,
          col: pos.col,
          path: '(yaml)',
          message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        });
      } else {
        const value = (source.doc.toJS() ?? {}) as Record<string, unknown>;
        const parsed = ReleaseFileSchema.safeParse(value);
        if (parsed.success) effectiveDate = parsed.data.effective_date;
        else
          for (const issue of parsed.error.issues) {
            const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
            if (issue.code === 'unrecognized_keys')
              for (const key of issue.keys)
                issues.push(issueAt(source, path, `unknown key "${key}"`, key));
            else if (path.length === 1 && value[path[0] as string] === undefined)
              issues.push(issueAt(source, path, `missing required field "${String(path[0])}"`));
            else issues.push(issueAt(source, path, issue.message));
          }
      }
    }
    try {
      const loaded = loadData(join(dir, name), {
        displayDir: options.displayDir && join(options.displayDir, VERSIONS_DIR, name),
        optional: notReleased(),
        companions: [RELEASE_FILE],
        language,
      });
      if (effectiveDate !== undefined)
        releases.push({
          version: name,
          effectiveDate,
          catalog: loaded.catalog,
          sources: loaded.sources,
        });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new DataError(sortIssues(issues));
  releases.sort((a, b) => compareVersions(a.version, b.version));
  // Versions and dates go up together: a later version never took effect earlier.
  for (let i = 1; i < releases.length; i++) {
    const [before, after] = [releases[i - 1]!, releases[i]!];
    if (after.effectiveDate < before.effectiveDate)
      issues.push(
        at(
          shown(after.version, RELEASE_FILE),
          `effective_date ${after.effectiveDate} is before ${before.effectiveDate}, the date of the earlier release ${before.version}`,
        ),
      );
  }
  if (issues.length > 0) throw new DataError(issues);
  return releases;
}

/** The latest release, or undefined when none is kept. */
export function lastRelease(releases: readonly Release[]): Release | undefined {
  return releases[releases.length - 1];
}

/** A kept release as pages read it: the terms files it holds, without the rest. */
export interface KeptRelease {
  version: string;
  effectiveDate: string;
  terms: Partial<Catalog>;
}

/** Every kept release as pages read it, oldest first; throws DataError like loadReleases. */
export function keptReleases(termsDir: string): KeptRelease[] {
  return loadReleases(termsDir).map((r) => ({
    version: r.version,
    effectiveDate: r.effectiveDate,
    terms: keptTerms(r),
  }));
}

/** The YAML files under the versions folder, which the dev server watches. */
export function releaseFiles(termsDir: string): string[] {
  const dir = join(termsDir, VERSIONS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name));
}

/** The files a release keeps, as they are in its Catalog: what pages need of it. */
export function keptTerms(release: Release): Partial<Catalog> {
  const kept: Partial<Catalog> = {};
  for (const name of RELEASED_FILES)
    if (release.sources[name]) (kept as Record<string, unknown>)[name] = release.catalog[name];
  return kept;
}

/**
 * A release's terms with the current company (currency, locale, name), so the lib's formatters
 * and lookups read it like the site's own Catalog. A file the release does not hold (a site
 * without custom development keeps no services.yaml) is the current one, and one the site
 * has since left out is left out here too, so the two compare file for file.
 */
export function withCurrent(kept: Partial<Catalog>, current: Catalog): Catalog {
  const both = Object.entries(kept).filter(([name]) => !isAbsent(current[name as DataFileName]));
  return { ...current, ...Object.fromEntries(both) };
}

/** `withCurrent` for a loaded release. */
export function withCompany(release: Release, current: Catalog): Catalog {
  return withCurrent(keptTerms(release), current);
}
