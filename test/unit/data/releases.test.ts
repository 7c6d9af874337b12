import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { DataError, formatIssue } from '../../../packages/starlight-charter/data/issues';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  keptTerms,
  loadReleases,
  RELEASED_FILES,
} from '../../../packages/starlight-charter/data/releases';
import { SAMPLE, copyTerms } from '../../support/sites';

/** The problems loadReleases reports for a terms folder, as printed, the folder shown as `terms`. */
function problems(terms: string): string[] {
  try {
    loadReleases(terms, { displayDir: 'terms' });
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

describe('loadReleases', () => {
  test('the sample keeps its releases oldest first, each with its date and terms', () => {
    const versions = join(SAMPLE.terms, 'versions');
    const folders = readdirSync(versions).sort();
    const releases = loadReleases(SAMPLE.terms);
    expect(releases.map((r) => r.version)).toEqual(folders);
    for (const release of releases) {
      const file = parse(readFileSync(join(versions, release.version, 'release.yaml'), 'utf8'));
      expect(release.effectiveDate).toBe(file.effective_date);
      // The kept files load like the terms themselves.
      const kept = loadCatalog(join(versions, release.version), {
        optional: ['company', 'channels', 'process', 'roi', 'kb', 'playbook'],
        companions: ['release.yaml'],
      });
      expect(keptTerms(release)).toEqual(
        Object.fromEntries(RELEASED_FILES.map((n) => [n, kept[n]])),
      );
    }
  });

  test('no versions folder: no releases', () => {
    const terms = copyTerms();
    rmSync(join(terms, 'versions'), { recursive: true });
    expect(loadReleases(terms)).toEqual([]);
  });

  test('a kept file edited so that it no longer parses: file:line:col, like any terms file', () => {
    const terms = copyTerms();
    const [version] = readdirSync(join(terms, 'versions')).sort();
    const file = join(terms, 'versions', version!, 'pricing.yaml');
    // A key given twice, on a new last line.
    const text = readFileSync(file, 'utf8').replace(/\n*$/, '\n');
    writeFileSync(file, `${text}plans: []\n`);
    const line = text.split('\n').length;
    const found = problems(terms);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(
      new RegExp(
        `^terms/versions/${version!.replace('.', '\\.')}/pricing\\.yaml:${line}:1 \\(yaml\\): Map keys must be unique`,
      ),
    );
  });

  test('a kept file whose figure breaks its schema: located too', () => {
    const terms = copyTerms();
    const [version] = readdirSync(join(terms, 'versions')).sort();
    const file = join(terms, 'versions', version!, 'credits.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('cap_percent:'));
    writeFileSync(file, text.replace(/^cap_percent: .*$/m, 'cap_percent: lots'));
    expect(problems(terms)).toEqual([
      expect.stringMatching(new RegExp(`credits\\.yaml:${line + 1}:14 cap_percent: `)),
    ]);
  });

  test('a folder not named by version, a missing release.yaml, a bad date', () => {
    const terms = copyTerms();
    const versions = join(terms, 'versions');
    const [first, second] = readdirSync(versions).sort();
    // Named like no version.
    writeFileSync(join(versions, 'notes.txt'), 'x');
    rmSync(join(versions, first!, 'release.yaml'));
    writeFileSync(join(versions, second!, 'release.yaml'), 'effective_date: "2026-13-01"\n');
    expect(problems(terms)).toEqual([
      `terms/versions/${first}/release.yaml:1:1 (root): file is missing`,
      `terms/versions/${second}/release.yaml:1:17 effective_date: expected a real date like 2026-01-31`,
      'terms/versions/notes.txt:1:1 (root): expected only folders named by version, such as 1.0/',
    ]);
  });

  test('a later version that took effect earlier', () => {
    const terms = copyTerms();
    const versions = join(terms, 'versions');
    const [first, second] = readdirSync(versions).sort();
    writeFileSync(join(versions, second!, 'release.yaml'), 'effective_date: "2000-01-01"\n');
    expect(problems(terms)).toEqual([
      expect.stringMatching(
        new RegExp(
          `release\\.yaml:1:1 \\(root\\): effective_date 2000-01-01 is before .* release ${first!.replace('.', '\\.')}$`,
        ),
      ),
    ]);
  });
});
