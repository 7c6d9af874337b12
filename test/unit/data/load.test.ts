import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError, formatIssue } from '../../../packages/starlight-charter/data/issues';
import { loadCatalog, loadData } from '../../../packages/starlight-charter/data/load';
import { SAMPLE } from '../../support/sites';

const FIXTURES = 'test/fixtures/data/invalid';
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the sample terms with one file replaced (or added) by a fixture. */
function dataWith(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-data-'));
  temps.push(dir);
  cpSync(SAMPLE.terms, dir, { recursive: true });
  copyFileSync(join(FIXTURES, fixture), join(dir, `${fixture.split('.')[0]}.yaml`));
  return dir;
}

function problems(dir: string): string[] {
  try {
    // The fixtures' expect lines name the files as data/<file>.yaml.
    loadData(dir, { displayDir: 'data' });
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((fixture) => ({
    fixture,
    expected: readFileSync(join(FIXTURES, fixture), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('# expect: '))
      .map((line) => line.slice('# expect: '.length)),
  }));

describe('loadData', () => {
  test('loads the sample terms into a Catalog', () => {
    const catalog = loadCatalog(SAMPLE.terms);
    expect(catalog.tiers.tiers.length).toBeGreaterThan(0);
    expect(catalog.pricing.plans.map((p) => p.tier)).toEqual(catalog.tiers.tiers.map((t) => t.id));
  });

  test('has at least 15 broken fixtures, each stating its messages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases) expect(c.expected.length, c.fixture).toBeGreaterThan(0);
  });

  test.each(cases)('reports exactly what $fixture says', ({ fixture, expected }) => {
    expect(problems(dataWith(fixture))).toEqual(expected);
  });

  // Each fixture's messages equal its expect lines (above), so checking the lines checks them.
  test('every message has the form file:line:col path: message', () => {
    for (const { fixture, expected } of cases) {
      for (const line of expected)
        expect(line, fixture).toMatch(/^data\/[a-z]+\.yaml:\d+:\d+ \S+: .+$/);
    }
  });

  test('reports a missing data directory', () => {
    expect(() => loadData(join(tmpdir(), 'charter-no-such-dir'))).toThrow(DataError);
  });

  test('reports a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-data-'));
    temps.push(dir);
    cpSync(SAMPLE.terms, dir, { recursive: true });
    rmSync(join(dir, 'roi.yaml'));
    expect(problems(dir)).toEqual(['data/roi.yaml:1:1 (root): file is missing']);
  });

  test('lists problems from several files at once', () => {
    const dir = dataWith('sla.percent-over-100.yaml');
    copyFileSync(join(FIXTURES, 'pricing.negative-price.yaml'), join(dir, 'pricing.yaml'));
    const found = problems(dir);
    expect(found.some((l) => l.startsWith('data/sla.yaml'))).toBe(true);
    expect(found.some((l) => l.startsWith('data/pricing.yaml'))).toBe(true);
  });
});
