import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import semver from 'semver';
import { afterAll, describe, expect, test } from 'vitest';
import { parseOptions, type CharterUserOptions } from '../../../packages/starlight-charter/options';
import { PAGE_FOLDERS, sectionOfPage } from '../../../packages/starlight-charter/pages/index';
import {
  charterPageRoutes,
  routeCollisions,
  versionProblems,
} from '../../../packages/starlight-charter/site-checks';
import { SAMPLE, WEE } from '../../support/sites';

const PACKAGE = 'packages/starlight-charter';
const PEERS = (
  JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
  }
).peerDependencies;

/** Every one of Charter's pages as its slug (`commercial/pricing`; `commercial` for an index). */
const PAGES = PAGE_FOLDERS.flatMap((folder) =>
  readdirSync(join(PACKAGE, 'pages', folder))
    // `sla.de.mdx` is the German version of a page, not a page of its own.
    .filter((f) => /^[^.]+\.mdx$/.test(f))
    .map((f) => (f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`)),
);

describe('versionProblems', () => {
  const peers = Object.entries(PEERS);

  test('Charter names the Astro and Starlight it needs', () => {
    expect(Object.keys(PEERS).sort()).toEqual(['@astrojs/starlight', 'astro']);
  });

  test('is quiet when every peer is in its range', () => {
    const installed = Object.fromEntries(
      peers.map(([name, range]) => [name, semver.minVersion(range)!.version]),
    );
    expect(versionProblems('/nowhere', installed)).toEqual([]);
  });

  test('names each missing peer and the range it needs, one line each', () => {
    const lines = versionProblems('/nowhere', {});
    expect(lines).toEqual(
      peers.map(
        ([name, range]) =>
          `starlight-charter: ${name} is not installed; Charter needs ${name} ${range}.`,
      ),
    );
  });

  test('names a peer outside its range with the version found, whether older or newer', () => {
    const [[name, range], ...others] = peers as [[string, string], ...[string, string][]];
    const fine = Object.fromEntries(others.map(([n, r]) => [n, semver.minVersion(r)!.version]));
    const lowest = semver.minVersion(range)!;
    const older =
      lowest.major > 0 ? `${lowest.major - 1}.0.0` : `0.${Math.max(lowest.minor - 1, 0)}.0`;
    const newer = semver.inc(lowest, 'major')!;
    for (const version of [older, newer]) {
      expect(semver.satisfies(version, range), version).toBe(false);
      expect(versionProblems('/nowhere', { ...fine, [name]: version })).toEqual([
        `starlight-charter: ${name} ${version} is installed; Charter needs ${name} ${range}.`,
      ]);
    }
  });

  test.each([SAMPLE.root, WEE.root])('finds the versions installed for the site in %s', (root) => {
    expect(versionProblems(resolve(root))).toEqual([]);
  });

  test('finds nothing installed where there is no node_modules', () => {
    const empty = mkdtempSync(join(tmpdir(), 'charter-no-modules-'));
    try {
      expect(versionProblems(empty)).toHaveLength(peers.length);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('routeCollisions', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A site folder whose src/content/docs holds `pages` (paths under docs/). */
  function docs(pages: string[]): { cwd: string; dir: string } {
    const cwd = mkdtempSync(join(tmpdir(), 'charter-collisions-'));
    made.push(cwd);
    const dir = join(cwd, 'src/content/docs');
    mkdirSync(dir, { recursive: true });
    for (const page of ['index.mdx', ...pages]) {
      mkdirSync(dirname(join(dir, page)), { recursive: true });
      writeFileSync(join(dir, page), '---\ntitle: A page of the site\n---\n\nText.\n');
    }
    return { cwd, dir };
  }
  const collisions = (pages: string[], options: CharterUserOptions = {}) => {
    const { cwd, dir } = docs(pages);
    return routeCollisions(dir, parseOptions(options), cwd);
  };

  test("a page at one of Charter's addresses collides, naming the file, the address and the ways out", () => {
    const lines = collisions(['commercial/pricing.md']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^starlight-charter: src\/content\/docs\/commercial\/pricing\.md is at \/commercial\/pricing\/, /,
    );
    expect(lines[0]).toContain('"prefix"');
    expect(lines[0]).not.toContain('\n');
  });

  test('a page beside them does not, nor the home page, nor a page Starlight leaves out', () => {
    expect(
      collisions([
        'commercial/other.md',
        '_drafts/commercial/pricing.md',
        'commercial/_pricing.md',
      ]),
    ).toEqual([]);
  });

  test("a folder's index page is at the folder's address, and addresses are compared in lower case", () => {
    expect(collisions(['commercial/index.mdx'])).toEqual([
      expect.stringContaining(' is at /commercial/, '),
    ]);
    expect(collisions(['Commercial/Pricing.md'])).toEqual([
      expect.stringContaining(' is at /commercial/pricing/, '),
    ]);
  });

  test("every one of Charter's pages collides with a page of the site's at its address", () => {
    const all = parseOptions({ sections: { playbook: true } });
    expect(PAGES.length).toBeGreaterThan(PAGE_FOLDERS.length);
    const lines = collisions(
      PAGES.map((slug) => `${slug}.md`),
      all,
    );
    expect(lines).toHaveLength(PAGES.length);
  });

  test("a prefix moves Charter's pages, and the collisions with them", () => {
    const options = { prefix: '/support/' };
    expect(collisions(['commercial/pricing.md'], options)).toEqual([]);
    expect(collisions(['support/commercial/pricing.md'], options)).toEqual([
      expect.stringContaining(' is at /support/commercial/pricing/, '),
    ]);
    expect(collisions(['support/kb/index.md', 'kb/index.md'], options)).toEqual([
      expect.stringContaining(' is at /support/kb/, '),
    ]);
  });

  test('the knowledge base home and search are Charter’s while the section is on', () => {
    expect(collisions(['kb.md', 'kb/search.md'])).toHaveLength(2);
    expect(collisions(['kb.md', 'kb/search.md'], { sections: { kb: false } })).toEqual([]);
  });

  test("more of Charter's routes (the KB's categories) collide too, under the prefix; .markdown pages are pages", () => {
    const { cwd, dir } = docs(['kb/api.markdown', 'support/kb/billing.md', 'kb/other.md']);
    expect(routeCollisions(dir, parseOptions({}), cwd, ['kb/api', 'kb/billing'])).toEqual([
      expect.stringContaining('kb/api.markdown is at /kb/api/, '),
    ]);
    expect(
      routeCollisions(dir, parseOptions({ prefix: '/support/' }), cwd, ['kb/api', 'kb/billing']),
    ).toEqual([expect.stringContaining(' is at /support/kb/billing/, ')]);
  });

  test('pages of a section the site leaves out do not collide', () => {
    const sections = PAGES.map((slug) => sectionOfPage(slug));
    // The playbook is off by default, so its pages are free.
    const playbook = PAGES.filter((_, i) => sections[i] === 'playbook');
    expect(playbook.length).toBeGreaterThan(0);
    expect(collisions(playbook.map((slug) => `${slug}.md`))).toEqual([]);
    expect(
      collisions(
        playbook.map((slug) => `${slug}.md`),
        { sections: { playbook: true } },
      ),
    ).toHaveLength(playbook.length);
    // A page follows its own section, not its folder's: with commercial off, the custom
    // development pages in commercial/ are still Charter's.
    const commercialFolder = PAGES.filter((slug) => slug.split('/')[0] === 'commercial');
    const stillOn = commercialFolder.filter((slug) => sectionOfPage(slug) !== 'commercial');
    expect(stillOn.length).toBeGreaterThan(0);
    const lines = collisions(
      commercialFolder.map((slug) => `${slug}.md`),
      { sections: { commercial: false } },
    );
    expect(lines).toHaveLength(stillOn.length);
    for (const slug of stillOn) expect(lines.join('\n')).toContain(` is at /${slug}/, `);
  });

  test('a site with no docs folder has no collisions', () => {
    expect(routeCollisions(join(tmpdir(), 'charter-no-such-docs'), parseOptions({}))).toEqual([]);
  });
});

describe('charterPageRoutes', () => {
  test('a page written in another language is a version of its page, not a route', () => {
    const options = parseOptions({ prefix: '/' });
    const routes = charterPageRoutes(options);
    expect(routes).toContain('calculators/downtime');
    expect(routes.filter((route) => /\.[a-z]{2,3}$/.test(route))).toEqual([]);
  });
  test("are Charter's pages of the sections on, the KB home and search, and the terms' change log, under the prefix", () => {
    const options = parseOptions({ prefix: '/support/' });
    const published = PAGES.filter((slug) => options.sections[sectionOfPage(slug)]);
    expect(charterPageRoutes(options).sort()).toEqual(
      [...published, 'kb', 'kb/search', 'commercial/changes']
        .map((route) => `support/${route}`)
        .sort(),
    );
  });

  test('a site with every section off publishes none of them', () => {
    const off = Object.fromEntries(Object.keys(parseOptions({}).sections).map((id) => [id, false]));
    expect(charterPageRoutes(parseOptions({ sections: off }))).toEqual([]);
  });
});
