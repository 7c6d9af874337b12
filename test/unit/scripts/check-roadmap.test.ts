import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
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
import {
  routeInBuild,
  routeInSources,
  routePattern,
} from '../../../packages/starlight-charter/cli/lib/routes';
import { siteFromOptions } from '../../../packages/starlight-charter/cli/lib/site';
import { siteRoutes } from '../../../packages/starlight-charter/cli/lib/site-routes';
import { SAMPLE, SITES_DIR } from '../../support/sites';

const FIXTURES = 'test/unit/scripts/fixtures/roadmap';
const TODAY = '2026-11-24';
const catalog = loadCatalog(SAMPLE.terms);
/** The sample's public site, as its astro.config.mjs sets it up. */
const sample = siteFromOptions(SAMPLE.root, { terms: './terms' });
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempTree(files: Record<string, string>, parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'charter-roadmap-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/**
 * A small site for the capability fixture, inside the repository so its paths are short:
 * Charter's commercial and calculator pages, the knowledge base, a folder of its own pages (and
 * an empty one), two terms files.
 */
const capabilityRoot = tempTree(
  {
    'src/content/docs/index.mdx': '',
    'src/content/docs/guides/setup.mdx': '',
    'src/content/docs/empty/.gitkeep': '',
    'src/content/kb/api/pagination.mdx': '',
    'terms/pricing.yaml': '',
    'terms/credits.yaml': '',
  },
  SITES_DIR,
);
const capabilitySite = siteFromOptions(capabilityRoot, {
  sections: { sow: false, roi: false, customDevelopment: false },
});
const siteShown = relative('.', capabilityRoot);

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((fixture) => ({
    fixture,
    expected: readFileSync(join(FIXTURES, fixture), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('<!-- expect: '))
      .map((l) => l.slice('<!-- expect: '.length, -' -->'.length).replaceAll('{site}', siteShown)),
  }));

/** Findings for a fixture: the capability fixture runs on a small site of its own. */
function findingsFor(fixture: string, rules = ROADMAP_RULES): string[] {
  const own = fixture === 'unmentioned-capability.md';
  const source = join(FIXTURES, fixture);
  let file = source;
  if (own) {
    // Its references name the small site, whose folder is known only now.
    file = join(capabilityRoot, fixture);
    writeFileSync(file, readFileSync(source, 'utf8').replaceAll('{site}', siteShown));
  }
  const chosen = own ? rules : rules.filter((r) => r !== capabilitiesMentioned);
  return checkRoadmap({
    file,
    root: '.',
    site: own ? capabilitySite : sample,
    dist: null,
    today: TODAY,
    catalog,
    rules: chosen,
  }).map((f) => `${f.level === 'warning' ? 'warning: ' : ''}${formatRoadmapFinding(source, f)}`);
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

  test('passes the real ROADMAP.md for the sample site', () => {
    const errors = checkRoadmap({ site: sample, dist: null }).filter((f) => f.level === 'error');
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
  ])(
    'matches $route against $file under "$prefix": $expected',
    ({ prefix, file, route, expected }) => {
      expect(routePattern(prefix, file)!.test(route)).toBe(expected);
    },
  );

  test('skips files that start with an underscore', () => {
    expect(routePattern('', 'sow/_parts.astro')).toBeNull();
  });

  test('resolves routes in a build when there is one', () => {
    const dist = tempTree({ 'commercial/sla/index.html': '', 'api/tiers.json': '' });
    expect(routeInBuild(dist, '/commercial/sla/')).toBe(true);
    expect(routeInBuild(dist, '/api/tiers.json')).toBe(true);
    expect(routeInBuild(dist, '/commercial/pricing/')).toBe(false);
  });

  describe("before a build: the site's own pages and what Charter adds for its options", () => {
    const routes = siteRoutes(sample, catalog);
    const has = (route: string) => routeInSources(routes, route);

    test.each([
      ['/', "the site's home page"],
      ['/commercial/tiers/', "one of Charter's pages"],
      ['/calculators/monthly-cost/', "one of Charter's calculators"],
      ['/kb/', 'the knowledge-base home'],
      [`/kb/${catalog.kb.categories[0]!.id}/`, 'a category of kb.yaml'],
      ['/kb/api/rate-limit-429/', "an article of the site's KB"],
      ['/api/plans.json', 'an endpoint Charter adds'],
      ['/robots.txt', 'robots.txt'],
      ['/favicon.svg', 'a static file of public/'],
    ])('%s (%s)', (route) => {
      expect(has(route)).toBe(true);
    });

    test.each([
      ['/commercial/no-such-page/', 'a page Charter does not have'],
      ['/kb/no-such-category/', 'a category kb.yaml does not list'],
      ['/kb/api/no-such-article/', 'an article the KB does not have'],
      ['/playbook/', 'the playbook, which the public site leaves out'],
    ])('not %s (%s)', (route) => {
      expect(has(route)).toBe(false);
    });

    test('follows the options: the playbook when it is on, every page under the prefix', () => {
      const internal = siteFromOptions(SAMPLE.root, {
        prefix: '/support/',
        sections: { playbook: true },
      });
      const under = siteRoutes(internal, catalog);
      expect(routeInSources(under, '/support/playbook/launch-checklist/')).toBe(true);
      expect(routeInSources(under, '/support/commercial/tiers/')).toBe(true);
      expect(routeInSources(under, '/commercial/tiers/')).toBe(false);
      // robots.txt and the site's own pages stay at the root.
      expect(routeInSources(under, '/robots.txt')).toBe(true);
      expect(routeInSources(under, '/')).toBe(true);
    });
  });

  test('reports a missing route against the build when there is one', () => {
    const dist = tempTree({ 'index.html': '' });
    const file = join(FIXTURES, 'missing-route.md');
    const found = checkRoadmap({
      file,
      site: sample,
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

describe('charter roadmap', () => {
  const cli = (...args: string[]) =>
    spawnSync('node_modules/.bin/charter', ['roadmap', '--root', SAMPLE.root, ...args], {
      encoding: 'utf8',
    });

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
  });

  test("finds the routes of the site given with --root, and Charter's", () => {
    const file = join(FIXTURES, 'valid.md');
    const run = cli(file);
    // No errors: only warnings for the sections and terms files it does not mention.
    for (const line of run.stderr.trim().split('\n'))
      expect(line).toMatch(/^warning: .* never mentions it$/);
    expect(run.stdout).toMatch(
      new RegExp(`^✓ ${file} is true for the project, \\d+ warning\\(s\\)\\n$`),
    );
    expect(run.status).toBe(0);
    const missing = cli(join(FIXTURES, 'missing-route.md'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      '/commercial/no-such-page/, which no page of the site (examples/sample)',
    );
  });

  test('exits 2 when the file cannot be read', () => {
    expect(cli(join(FIXTURES, 'no-such-roadmap.md')).status).toBe(2);
  });
});
