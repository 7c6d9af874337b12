import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { parseRoadmap } from '../../../packages/starlight-charter/cli/lib/roadmap';
import {
  capabilitiesMentioned,
  checkRoadmap,
  formatRoadmapFinding,
  ROADMAP_RULES,
  RoadmapReadError,
} from '../../../packages/starlight-charter/cli/lib/roadmap-check';
import { routeInBuild, routeInSources, routePattern } from '../../../packages/starlight-charter/cli/lib/routes';

const FIXTURES = 'test/fixtures/roadmap';
const TODAY = '2026-11-24';
const catalog = loadCatalog('data');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-roadmap-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A small project: two sidebar sections, the knowledge base and two data files. */
function capabilityRoot(): string {
  return tempTree({
    'astro.config.mjs':
      "sidebar: [...section('Commercial', 'commercial'), ...section('Calculators', 'calculators')]",
    'content/docs/commercial/tiers.mdx': '',
    'content/docs/calculators/credit.mdx': '',
    'content/docs/empty/.gitkeep': '',
    'content/kb/api/pagination.mdx': '',
    'data/pricing.yaml': '',
    'data/credits.yaml': '',
  });
}

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((fixture) => ({
    fixture,
    expected: readFileSync(join(FIXTURES, fixture), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('<!-- expect: '))
      .map((l) => l.slice('<!-- expect: '.length, -' -->'.length)),
  }));

/** Findings for a fixture: the capability fixture runs on a small project of its own. */
function findingsFor(fixture: string, rules = ROADMAP_RULES): string[] {
  const file = join(FIXTURES, fixture);
  const own = fixture === 'unmentioned-capability.md';
  const root = own ? capabilityRoot() : '.';
  const chosen = own ? rules : rules.filter((r) => r !== capabilitiesMentioned);
  return checkRoadmap({
    file,
    root,
    dist: null,
    today: TODAY,
    catalog,
    dataDir: 'data',
    rules: chosen,
  }).map((f) => `${f.level === 'warning' ? 'warning: ' : ''}${formatRoadmapFinding(file, f)}`);
}

describe('check-roadmap', () => {
  test.each(cases)('reports exactly what $fixture says', ({ fixture, expected }) => {
    expect(findingsFor(fixture)).toEqual(expected);
  });

  test.each(ROADMAP_RULES.map((r) => ({ id: r.id, rule: r })))(
    'has a failing fixture for rule $id',
    ({ rule }) => {
      expect(cases.some((c) => findingsFor(c.fixture, [rule]).length > 0)).toBe(true);
    },
  );

  test('passes the real ROADMAP.md', () => {
    const errors = checkRoadmap({ dist: null }).filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
  });

  test('throws a read error for a missing file', () => {
    expect(() => checkRoadmap({ file: join(FIXTURES, 'no-such-roadmap.md') })).toThrow(
      RoadmapReadError,
    );
  });
});

describe('parseRoadmap', () => {
  test('nests items by indentation and keeps their lines, dates and references', () => {
    const { items } = parseRoadmap(
      [
        '- [x] A (2026-01-02)',
        '  - [ ] B (src/x.ts, /route/)',
        '    - [x] C [see](docs/c.md)',
        '- [ ] D (two words)',
      ].join('\n'),
    );
    expect(items.map((i) => [i.line, i.title, i.checked, i.parent?.title ?? null, i.date])).toEqual(
      [
        [1, 'A', true, null, '2026-01-02'],
        [2, 'B', false, 'A', null],
        [3, 'C see', true, 'B', null],
        [4, 'D (two words)', false, null, null],
      ],
    );
    expect(items[1]!.refs).toEqual([
      { kind: 'file', target: 'src/x.ts' },
      { kind: 'route', target: '/route/' },
    ]);
    expect(items[2]!.refs).toEqual([{ kind: 'file', target: 'docs/c.md' }]);
  });

  test('ignores external links and checkboxes inside code blocks', () => {
    const { items } = parseRoadmap(
      ['- [x] A [site](https://example.com)', '```', '- [x] not an item', '```'].join('\n'),
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.refs).toEqual([]);
  });
});

describe('routes', () => {
  test.each([
    { prefix: '', file: 'commercial/sla.mdx', route: 'commercial/sla', expected: true },
    { prefix: '', file: 'index.mdx', route: '', expected: true },
    { prefix: 'kb/', file: 'api/pagination.mdx', route: 'kb/api/pagination', expected: true },
    { prefix: '', file: 'og/[slug].png.ts', route: 'og/enterprise.png', expected: true },
    { prefix: '', file: 'api/[...path].json.ts', route: 'api/a/b.json', expected: true },
    { prefix: '', file: 'commercial/sla.mdx', route: 'commercial/slas', expected: false },
  ])('matches $route against $prefix$file: $expected', ({ prefix, file, route, expected }) => {
    expect(routePattern(prefix, file)!.test(route)).toBe(expected);
  });

  test('skips files that start with an underscore', () => {
    expect(routePattern('', 'sow/_parts.astro')).toBeNull();
  });

  test('resolves routes in a build when there is one', () => {
    const dist = tempTree({ 'commercial/sla/index.html': '', 'api/tiers.json': '' });
    expect(routeInBuild(dist, '/commercial/sla/')).toBe(true);
    expect(routeInBuild(dist, '/api/tiers.json')).toBe(true);
    expect(routeInBuild(dist, '/commercial/pricing/')).toBe(false);
  });

  test('resolves routes against content files without a build', () => {
    expect(routeInSources('.', '/commercial/tiers/')).toBe(true);
    expect(routeInSources('.', '/commercial/no-such-page/')).toBe(false);
  });

  test('reports a missing route against the build when there is one', () => {
    const dist = tempTree({ 'index.html': '' });
    const file = join(FIXTURES, 'missing-route.md');
    const found = checkRoadmap({
      file,
      dist,
      today: TODAY,
      catalog,
      rules: ROADMAP_RULES.slice(1, 2),
    });
    expect(found.map((f) => f.message)).toEqual([
      `"SLA page" refers to the route /commercial/no-such-page/, which the built site (${dist}/) ` +
        `does not have`,
    ]);
  });
});

describe('check-roadmap CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['scripts/check-roadmap.ts', ...args], { encoding: 'utf8' });

  test('prints findings as JSON with --json and exits 1 on errors', () => {
    const file = join(FIXTURES, 'no-reference.md');
    const run = cli('--json', file);
    expect(run.status).toBe(1);
    const errors = JSON.parse(run.stdout).filter((f: { level: string }) => f.level === 'error');
    expect(errors).toEqual([
      {
        level: 'error',
        file,
        line: 3,
        message: '"SLA offerings" is checked but names no file or route that delivers it',
      },
    ]);
  }, 60_000);

  test('exits 2 when the file cannot be read', () => {
    expect(cli(join(FIXTURES, 'no-such-roadmap.md')).status).toBe(2);
  }, 60_000);
});
