import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { loadReleases, RELEASED_FILES } from '../../../packages/starlight-charter/data/releases';
import {
  ReleaseError,
  releaseTerms,
  schemaTwoLevelsUp,
} from '../../../packages/starlight-charter/cli/lib/release';
import { SAMPLE, SITES_DIR, copyTerms } from '../../support/sites';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the sample's terms; with `releases: false`, none kept yet. */
function terms({ releases = true } = {}): string {
  const dir = copyTerms();
  temps.push(dir);
  rmSync(join(dir, 'kb'), { recursive: true, force: true });
  if (!releases) rmSync(join(dir, 'versions'), { recursive: true });
  return dir;
}

/** Every file under `dir` with its text: what a failed release must leave as it was. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const company = (dir: string) => parse(readFileSync(join(dir, 'company.yaml'), 'utf8'));
const released = loadReleases(SAMPLE.terms);
const last = released.at(-1)!;

describe('releaseTerms', () => {
  test('keeps the terms files with figures and sets the version and date, comments kept', () => {
    const dir = terms({ releases: false });
    const before = readFileSync(join(dir, 'company.yaml'), 'utf8');
    const result = releaseTerms(dir, '7.1', '2030-02-03');
    expect(result.dir).toBe(join(dir, 'versions', '7.1'));
    expect(readdirSync(result.dir).sort()).toEqual(
      [...RELEASED_FILES.map((n) => `${n}.yaml`), 'release.yaml'].sort(),
    );
    for (const name of RELEASED_FILES)
      expect(readFileSync(join(result.dir, `${name}.yaml`), 'utf8')).toBe(
        schemaTwoLevelsUp(readFileSync(join(dir, `${name}.yaml`), 'utf8')),
      );
    expect(parse(readFileSync(join(result.dir, 'release.yaml'), 'utf8'))).toEqual({
      effective_date: '2030-02-03',
    });
    // Only the two lines change in company.yaml.
    const after = readFileSync(join(dir, 'company.yaml'), 'utf8');
    const changedLines = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changedLines).toEqual(['terms_version: "7.1"', 'effective_date: "2030-02-03"']);
    expect(after.split('\n').filter((l) => l.startsWith('#'))).toEqual(
      before.split('\n').filter((l) => l.startsWith('#')),
    );
    // The terms still load, and the release loads back as the current terms.
    expect(loadCatalog(dir).company.terms_version).toBe('7.1');
    const [kept] = loadReleases(dir);
    expect(kept).toMatchObject({ version: '7.1', effectiveDate: '2030-02-03' });
    expect(kept!.catalog.pricing).toEqual(loadCatalog(dir).pricing);
  });

  test('a relative schema comment points two folders further up; other text is as it was', () => {
    expect(schemaTwoLevelsUp('# yaml-language-server: $schema=../a/b.json\nx: 1\n')).toBe(
      '# yaml-language-server: $schema=../../../a/b.json\nx: 1\n',
    );
    expect(schemaTwoLevelsUp('# yaml-language-server: $schema=https://x.dev/s.json\n')).toBe(
      '# yaml-language-server: $schema=https://x.dev/s.json\n',
    );
    expect(schemaTwoLevelsUp('x: 1\n')).toBe('x: 1\n');
  });

  const BAD: [string, string, string, RegExp][] = [
    [
      'a version that exists',
      last.version,
      '2099-01-01',
      new RegExp(`version ${last.version.replace('.', '\\.')} is already released`),
    ],
    ['the same version written longer', `${last.version}.0`, '2099-01-01', /is already released/],
    ['a version before the last release', '0.1', '2099-01-01', /comes before .* the last release/],
    [
      'a date before the last release',
      '99.0',
      '2000-01-01',
      new RegExp(`date 2000-01-01 is before ${last.effectiveDate}`),
    ],
    ['a malformed version', 'v3', '2099-01-01', /^version "v3": expected a version like 1\.0/],
    ['a malformed date', '99.0', '1/2/2099', /^date "1\/2\/2099": expected a real date/],
    ['a date that does not exist', '99.0', '2099-02-30', /expected a real date/],
  ];
  test.each(BAD)('%s: one clear message, nothing written', (_, version, date, message) => {
    const dir = terms();
    const before = snapshot(dir);
    let error: unknown;
    try {
      releaseTerms(dir, version, date);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReleaseError);
    expect((error as ReleaseError).lines).toHaveLength(1);
    expect((error as ReleaseError).lines[0]).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });

  test('terms with a problem: the problems, located, and nothing written', () => {
    const dir = terms();
    const file = join(dir, 'credits.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^cap_percent: .*$/m, 'cap_percent: lots'),
    );
    const before = snapshot(dir);
    expect(() => releaseTerms(dir, '99.0', '2099-01-01')).toThrow(
      /credits\.yaml:\d+:\d+ cap_percent: /,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test('a hand-broken release folder: located, and nothing written', () => {
    const dir = terms();
    writeFileSync(join(dir, 'versions', last.version, 'release.yaml'), 'effective_date: [\n');
    const before = snapshot(dir);
    expect(() => releaseTerms(dir, '99.0', '2099-01-01')).toThrow(
      new RegExp(
        `versions/${last.version.replace('.', '\\.')}/release\\.yaml:\\d+:\\d+ \\(yaml\\)`,
      ),
    );
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('charter release (the command)', () => {
  /** A site folder under .sites/ with the sample's terms, where `starlight-charter` resolves. */
  function site(): string {
    mkdirSync(SITES_DIR, { recursive: true });
    const root = mkdtempSync(join(SITES_DIR, 'release-'));
    temps.push(root);
    writeFileSync(
      join(root, 'astro.config.mjs'),
      "import charter from 'starlight-charter';\ncharter({ terms: './terms' });\nexport default {};\n",
    );
    const copy = terms();
    cpSync(copy, join(root, 'terms'), { recursive: true });
    return root;
  }
  const charter = (...args: string[]) =>
    spawnSync('node_modules/.bin/charter', args, { encoding: 'utf8' });

  test('bad input: one line on stderr, exit 1, nothing written', () => {
    const root = site();
    const before = snapshot(root);
    const run = charter('release', '--root', root, last.version, '2099-01-01');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^charter release: version .* is already released/);
    expect(snapshot(root)).toEqual(before);
  });

  test('a release: says what it kept, exit 0', () => {
    const root = site();
    const run = charter('release', '--root', root, '99.0', '2099-01-01');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Released the terms as version 99\.0, effective 2099-01-01/);
    expect(company(join(root, 'terms'))).toMatchObject({
      terms_version: '99.0',
      effective_date: '2099-01-01',
    });
  });

  test('without the version and date: the usage, exit 2', () => {
    const run = charter('release', '--root', SAMPLE.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^charter: release: give the version and the date/);
  });
});
