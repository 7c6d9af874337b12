import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  charterIntegration,
  charterRoutes,
  faviconFor,
  type SiteIcon,
} from '../../../packages/starlight-charter/integrations/charter';
import type { CharterSiteConfig } from '../../../packages/starlight-charter/integrations/virtual-modules';
import {
  parseOptions,
  SECTION_IDS,
  type SectionId,
} from '../../../packages/starlight-charter/options';
import { charterPageRoutes } from '../../../packages/starlight-charter/site-checks';
import { SAMPLE } from '../../support/sites';

const ROUTES = new URL('../../../packages/starlight-charter/routes/', import.meta.url);
const only = (...on: SectionId[]) =>
  Object.fromEntries(SECTION_IDS.map((id) => [id, on.includes(id)])) as Record<SectionId, boolean>;
const patterns = (sections: Record<SectionId, boolean>) =>
  charterRoutes(sections).map(([pattern]) => pattern);
const API = ['plans', 'catalog', 'escalation', 'credits', 'sla'].map((name) => `api/${name}.json`);
const KB = ['kb', 'kb/search', 'kb/[category]', 'kb/[category]/[article]', 'search-help.json'];

describe('charterRoutes', () => {
  test('every route file exists, and no pattern is injected twice', () => {
    const routes = charterRoutes(only(...SECTION_IDS));
    for (const [, file] of routes) expect(existsSync(new URL(file, ROUTES)), file).toBe(true);
    expect(new Set(routes.map(([p]) => p)).size).toBe(routes.length);
  });

  // Charter's pages go through one route whatever the sections; pagePaths picks its pages.
  const ALWAYS = ['robots.txt', '[folder]/[...page]'];

  test("robots.txt and the pages' route whatever the site publishes", () => {
    expect(patterns(only())).toEqual(ALWAYS);
  });

  test('commercial: the JSON API, the schemas, the change log, its feed and each release', () => {
    expect(patterns(only('commercial')).sort()).toEqual(
      [
        ...ALWAYS,
        ...API,
        'schemas/[...file]',
        'commercial/changes',
        'commercial/changes.xml',
        'commercial/terms/[version]',
      ].sort(),
    );
  });

  test.each([['customDevelopment'], ['calculators'], ['roi'], ['sow'], ['playbook']] as const)(
    '%s: pages only, no other route',
    (section) => {
      expect(patterns(only(section))).toEqual(ALWAYS);
    },
  );

  test('kb: the KB home, search, categories, articles and the search help', () => {
    expect(patterns(only('kb')).sort()).toEqual([...ALWAYS, ...KB].sort());
  });

  test('the playbook is not routed by default', () => {
    const routes = patterns(parseOptions({}).sections);
    expect(routes.some((p) => p.startsWith('playbook/'))).toBe(false);
    expect(routes).toEqual(expect.arrayContaining([...ALWAYS, 'kb', ...API]));
  });

  test.each([
    ['default', parseOptions({}).sections],
    ['all', only(...SECTION_IDS)],
    ['only custom development', only('customDevelopment')],
    ['only ROI', only('roi')],
  ])('with %s sections, a route serves every page the site publishes', (_, sections) => {
    const served = patterns(sections);
    for (const page of charterPageRoutes({ prefix: '/', sections, replace: [] }))
      expect(served.includes(page) || served.includes('[folder]/[...page]'), page).toBe(true);
  });
});

describe('charterIntegration', () => {
  const catalog = loadCatalog(SAMPLE.terms);
  const config = (prefix: string): CharterSiteConfig => ({
    ...parseOptions({ prefix }),
    termsDir: SAMPLE.terms,
    kbDir: SAMPLE.kb,
    language: 'en',
    locales: [{ path: '', lang: 'en' }],
  });

  /** Runs the setup hook as Astro would, returning what it injected and configured. */
  function setup(site: CharterSiteConfig, astroSite?: string, icon?: SiteIcon) {
    const injected: { pattern: string; entrypoint: string; prerender?: boolean }[] = [];
    const updates: Record<string, any>[] = [];
    const hook = charterIntegration(site, catalog, icon, '/').hooks[
      'astro:config:setup'
    ] as unknown as (options: unknown) => void;
    hook({
      injectRoute: (route: (typeof injected)[number]) => injected.push(route),
      updateConfig: (update: Record<string, any>) => updates.push(update),
      config: { site: astroSite },
    });
    return { injected, update: Object.assign({}, ...updates) as Record<string, any> };
  }

  test('injects every route of the sections on, under the prefix, prerendered, from its file', () => {
    const site = config('/support/');
    const { injected } = setup(site);
    // Crawlers and the search box ask the site's root for these, whatever the prefix.
    const atRoot = new Set(['robots.txt', 'search-help.json']);
    expect(injected.map((r) => r.pattern)).toEqual(
      charterRoutes(site.sections).map(([pattern]) =>
        atRoot.has(pattern) ? pattern : `support/${pattern}`,
      ),
    );
    expect(injected.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(['support/[folder]/[...page]', 'support/kb']),
    );
    for (const route of injected) {
      expect(route.prerender, route.pattern).toBe(true);
      expect(existsSync(fileURLToPath(route.entrypoint)), route.entrypoint).toBe(true);
    }
  });

  test('a site in two languages: pages, KB and search help in each, files once at the root', () => {
    const site = {
      ...config('/support/'),
      locales: [
        { path: '', lang: 'de' },
        { path: 'en', lang: 'en' },
      ],
    };
    const patterns = setup(site).injected.map((r) => r.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        'support/[folder]/[...page]',
        'en/support/[folder]/[...page]',
        'support/kb/[category]/[article]',
        'en/support/kb/[category]/[article]',
        'support/commercial/changes',
        'en/support/commercial/changes',
        'search-help.json',
        'en/search-help.json',
        'robots.txt',
        'support/api/plans.json',
        'support/commercial/changes.xml',
      ]),
    );
    // The JSON API, the schemas, the feed and robots.txt say the same in every language.
    for (const once of ['robots.txt', 'api/', 'schemas/', 'commercial/changes.xml'])
      expect(
        patterns.filter((p) => p.startsWith('en/') && p.includes(once)),
        once,
      ).toEqual([]);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  test('a site whose every language has a folder (no root locale) puts each under its folder', () => {
    const site = {
      ...config('/'),
      locales: [
        { path: 'fr', lang: 'fr' },
        { path: 'en', lang: 'en' },
      ],
    };
    const patterns = setup(site).injected.map((r) => r.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['fr/kb', 'en/kb', 'fr/search-help.json', 'api/sla.json']),
    );
    expect(patterns).not.toContain('kb');
  });

  test("at the root without a prefix; the site's address is the company's unless the site sets one", () => {
    const { injected, update } = setup(config('/'));
    expect(injected.map((r) => r.pattern)).toContain('[folder]/[...page]');
    expect(update.site).toBe(catalog.company.site_url);
    expect(setup(config('/'), 'https://help.example.test/').update.site).toBe(
      'https://help.example.test/',
    );
  });

  test('serves an icon only for a site without one of its own, at the address of its kind', () => {
    const icons = (icon?: SiteIcon) =>
      setup(config('/support/'), undefined, icon).injected.filter((r) =>
        r.pattern.startsWith('favicon.'),
      );
    expect(icons()).toEqual([]);
    const [plain] = icons(faviconFor('/terms', undefined));
    expect(plain!.pattern).toBe('favicon.svg');
    expect(existsSync(fileURLToPath(plain!.entrypoint))).toBe(true);
    expect(icons(faviconFor('/terms', 'brand/Icon.PNG'))[0]!.pattern).toBe('favicon.png');
  });

  test("faviconFor: the company's icon file from the terms, or the plain one", () => {
    expect(faviconFor('/site/terms', undefined)).toEqual({ href: '/favicon.svg' });
    expect(faviconFor('/site/terms', 'brand/icon.ico')).toEqual({
      href: '/favicon.ico',
      file: '/site/terms/brand/icon.ico',
    });
  });

  test("adds the virtual modules the pages read the terms from, and the URLs Charter's links assume", () => {
    const { update } = setup(config('/'));
    expect(update.trailingSlash).toBe('always');
    expect(update.vite.plugins.map((p: { name: string }) => p.name)).toContain(
      'starlight-charter:virtual-modules',
    );
  });
});
