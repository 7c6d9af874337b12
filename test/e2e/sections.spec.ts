import { cpSync, globSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSite, makeSite, SAMPLE } from '../support/sites';
import { internalSite, routesOf, SAMPLE_OUT, serve, weeSite } from './support';

/**
 * Sites that publish part of Charter: only the sections they turn on, only from the terms
 * files those sections read, and Charter's pages under a prefix beside the site's own.
 */

/** Charter's own pages in a folder of the package, as routes without a prefix. */
const packagePages = (folder: string) =>
  readdirSync(join('packages/starlight-charter/pages', folder))
    // `downtime.de.mdx` is the German version of a page, not a page of its own.
    .filter((file) => /^[^.]+\.mdx$/.test(file))
    .map((file) =>
      file === 'index.mdx' ? `/${folder}/` : `/${folder}/${file.replace(/\.mdx$/, '')}/`,
    );

/** Every same-site link (`<a href="/…">`) of each built page, by route. */
function linksOf(out: string): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const file of globSync('**/*.html', { cwd: out })) {
    const html = readFileSync(join(out, file), 'utf8');
    const hrefs = [...html.matchAll(/<a\b[^>]*?\shref="(\/(?!\/)[^"#?]*)/g)].map((m) => m[1]!);
    links.set(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, hrefs);
  }
  return links;
}

/** Links to nothing the build wrote: `route → href` for each. */
function brokenLinks(out: string): string[] {
  const files = new Set(globSync('**/*', { cwd: out }).map((f) => `/${f}`));
  const resolves = (href: string) =>
    href.endsWith('/') ? files.has(`${href}index.html`) || href === '/' : files.has(href);
  return [...linksOf(out)].flatMap(([route, hrefs]) =>
    [...new Set(hrefs)].filter((href) => !resolves(href)).map((href) => `${route} → ${href}`),
  );
}

/** The sidebar's group labels and link targets, as a reader sees them. */
async function sidebarOf(page: Page) {
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const groups = await sidebar
    .locator('details > summary')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
  const links = await sidebar
    .locator('a[href]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
  return { groups, links };
}

test.describe('a site with only the commercial pages and calculators', () => {
  test.describe.configure({ mode: 'serial' });
  const SECTIONS = {
    commercial: true,
    calculators: true,
    kb: false,
    sow: false,
    roi: false,
    customDevelopment: false,
  };
  // Routes of the sections left out (the playbook is off unless a site asks for it).
  const LEFT_OUT = [
    '/kb/',
    '/sales/',
    '/playbook/',
    '/calculators/roi/',
    '/commercial/custom-development/',
    '/commercial/engagement-process/',
  ];
  const leftOut = (route: string) => LEFT_OUT.some((prefix) => route.startsWith(prefix));
  let terms = '';
  let out = '';
  let routes: string[] = [];
  let server: { url: string; close: () => void } | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // The terms those sections read: without the KB categories, playbook, ROI model and rate
    // card, which only the sections left out read.
    terms = mkdtempSync(join(tmpdir(), 'charter-terms-'));
    cpSync(SAMPLE.terms, terms, { recursive: true });
    for (const file of ['kb', 'playbook', 'roi', 'services']) rmSync(join(terms, `${file}.yaml`));
    out = buildSite(makeSite({ terms, options: { sections: SECTIONS } }));
    routes = routesOf(out);
    server = await serve(out);
  });
  test.afterAll(() => {
    server?.close();
    if (terms) rmSync(terms, { recursive: true, force: true });
  });

  test('has the commercial pages and calculators, and no page of a section left out', () => {
    const expected = [
      ...packagePages('commercial'),
      ...packagePages('calculators'),
      '/reference/api/',
    ].filter((route) => !leftOut(route));
    expect(expected.length).toBeGreaterThan(8);
    expect(routes).toEqual(expect.arrayContaining(expected));
    expect(routes.filter(leftOut)).toEqual([]);
    // Nor the KB's search help, which only the KB's search reads.
    expect(globSync('search-help.json', { cwd: out })).toEqual([]);
  });

  test('its sidebar names no section left out, and every entry has its page', async ({ page }) => {
    await page.goto(`${server!.url}/commercial/`);
    const { groups, links } = await sidebarOf(page);
    expect(groups).toEqual(expect.arrayContaining(['Commercial', 'Calculators']));
    for (const label of ['Knowledge base', 'Sales', 'Playbook'])
      expect(groups).not.toContain(label);
    expect(links.filter(leftOut)).toEqual([]);
    expect(links.filter((href) => !routes.includes(href))).toEqual([]);
  });

  test('no page links to a page the site does not have', () => {
    expect(brokenLinks(out)).toEqual([]);
  });
});

test.describe("a site with Charter's pages under /support/ beside its own", () => {
  test.describe.configure({ mode: 'serial' });
  const PREFIX = '/support/';
  const OWN = {
    'index.mdx':
      '---\ntitle: Northwind\ndescription: What Northwind makes.\n---\n\nNorthwind makes wind farms talk.\n',
    'company/about.md':
      '---\ntitle: About Northwind\ndescription: Who we are.\n---\n\nA small team in Leeds.\n',
  };
  const OWN_ROUTES = ['/', '/company/about/'];
  const SIDEBAR = [
    {
      label: 'Northwind',
      items: [
        { label: 'Home', link: '/' },
        { label: 'About us', link: '/company/about/' },
      ],
    },
  ];
  let out = '';
  let routes: string[] = [];
  let server: { url: string; close: () => void } | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    // The build checks every internal link: a link of Charter's that still points outside the
    // prefix stops it, and its message lists them.
    const site = makeSite({
      terms: SAMPLE.terms,
      kb: SAMPLE.kb,
      options: { prefix: PREFIX },
      docs: OWN,
      starlight: { title: 'Northwind', sidebar: SIDEBAR },
    });
    out = buildSite(site);
    routes = routesOf(out);
    server = await serve(out);
  });
  test.afterAll(() => server?.close());

  test("Charter's pages are under the prefix, and the site's own pages where it put them", () => {
    const charter = routes.filter((route) => !OWN_ROUTES.includes(route));
    expect(charter.length).toBeGreaterThan(50);
    expect(charter.filter((route) => !route.startsWith(PREFIX))).toEqual([]);
    for (const route of [
      'commercial/pricing/',
      'calculators/service-credit/',
      'kb/',
      'reference/api/',
    ])
      expect(routes).toContain(`${PREFIX}${route}`);
    expect(routes).toEqual(expect.arrayContaining(OWN_ROUTES));
    expect(globSync('api/*.json', { cwd: join(out, PREFIX) }).length).toBeGreaterThan(0);
  });

  test("the site's own pages show what the site wrote", async ({ page }) => {
    await page.goto(`${server!.url}/`);
    await expect(page.getByRole('main')).toContainText('Northwind makes wind farms talk.');
    await page.goto(`${server!.url}/company/about/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Northwind');
    await expect(page.getByRole('main')).toContainText('A small team in Leeds.');
  });

  test("the sidebar keeps the site's own group first, and Charter's entries lead under the prefix", async ({
    page,
  }) => {
    for (const route of ['/company/about/', `${PREFIX}commercial/pricing/`]) {
      await page.goto(`${server!.url}${route}`);
      const { groups, links } = await sidebarOf(page);
      expect(groups[0], route).toBe('Northwind');
      expect(links.slice(0, 2), route).toEqual(OWN_ROUTES);
      const charter = links.slice(2);
      expect(charter.length, route).toBeGreaterThan(5);
      expect(
        charter.filter((href) => !href.startsWith(PREFIX)),
        route,
      ).toEqual([]);
      expect(
        links.filter((href) => !routes.includes(href)),
        route,
      ).toEqual([]);
    }
  });

  test("Charter's pages link only under the prefix and to the site's own pages", () => {
    const outside = [...linksOf(out)]
      .filter(([route]) => route.startsWith(PREFIX))
      .flatMap(([route, hrefs]) =>
        [...new Set(hrefs)]
          .filter((href) => !href.startsWith(PREFIX) && !OWN_ROUTES.includes(href))
          .map((href) => `${route} → ${href}`),
      );
    expect(outside).toEqual([]);
    expect(brokenLinks(out)).toEqual([]);
  });
});

test.describe('internal material', () => {
  /** Built pages and links of the playbook in a site. */
  const playbookIn = (out: string) => ({
    pages: globSync('playbook/**/index.html', { cwd: out }),
    links: [...linksOf(out)].flatMap(([route, hrefs]) =>
      hrefs.filter((href) => href.startsWith('/playbook/')).map((href) => `${route} → ${href}`),
    ),
  });

  test('the public sites of the sample and WEE have no playbook page and link to none', () => {
    for (const out of [SAMPLE_OUT, weeSite()])
      expect(playbookIn(out), out).toEqual({ pages: [], links: [] });
    // The sample's internal site has it: the check above would see it.
    const internal = playbookIn(internalSite());
    expect(internal.pages.length).toBeGreaterThan(0);
    expect(internal.links.length).toBeGreaterThan(0);
  });

  test("the public sample's sidebar has no Playbook group", async ({ page }) => {
    await page.goto('/commercial/');
    const { groups } = await sidebarOf(page);
    expect(groups).toContain('Commercial');
    expect(groups).not.toContain('Playbook');
  });
});
