import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { WEE } from '../support/sites';
import { articlesIn, downtimeText, routesOf, serve, weeSite, wordsOf } from './support';

/**
 * A site served under a path: WEE publishes its support site under the path of its site_url
 * (https://…/support/). Served there as its host would serve it, nothing it asks for is missing
 * and nothing leaves the path: pages, scripts, styles, the search bundle and its help, the
 * JSON API, the social cards.
 */
const wee = loadCatalog(WEE.terms);
const basePath = new URL(wee.company.site_url).pathname;
/** Charter's words in WEE's language, from its locale file. */
const t = wordsOf(wee);

let server: { url: string; close: () => void } | undefined;
let origin = '';
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  expect(basePath, "WEE's site_url has a path, so its site is served under it").not.toBe('/');
  server = await serve(weeSite(), basePath);
  base = server.url;
  origin = new URL(base).origin;
});

test.afterAll(() => server?.close());

/**
 * Watches a page: every response that failed, every request outside the base path, every
 * console error and uncaught error goes into the returned list.
 */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && !url.pathname.startsWith(basePath))
      problems.push(`outside ${basePath}: ${url.pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  return problems;
}

/**
 * Every page but the knowledge base's articles, of which one per category: articles differ in
 * their words, not in what they load (the build's link check covers every page's links).
 */
function pagesOfEachKind(routes: string[]): string[] {
  const categories = new Set<string>();
  return routes.filter((route) => {
    const article = /^\/kb\/([^/]+)\/[^/]+\/$/.exec(route);
    if (!article) return route !== '/404.html';
    if (categories.has(article[1]!)) return false;
    categories.add(article[1]!);
    return true;
  });
}

test('every kind of page loads under the base path with all it asks for, and no error', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  const routes = pagesOfEachKind(routesOf(weeSite()));
  expect(routes).toContain('/kb/search/');
  expect(routes.filter((route) => route.startsWith('/calculators/')).length).toBeGreaterThan(3);
  for (const route of routes) {
    await page.goto(`${base}${route}`);
    // Every link on the page that stays on this site stays under the base path.
    const outside = await page.evaluate(
      ([at, path]) =>
        [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
          .filter((a) => a.origin === at && !a.pathname.startsWith(path))
          .map((a) => a.getAttribute('href')),
      [origin, basePath] as const,
    );
    expect(outside, route).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test('the home page leads to the pages through their links', async ({ page }) => {
  const problems = watch(page);
  // The home page's first call to action, in WEE's own words.
  const home = parse(readFileSync(join(WEE.docs, 'index.mdx'), 'utf8').split(/^---$/m)[1]!) as {
    hero: { actions: { text: string; link: string }[] };
  };
  const action = home.hero.actions[0]!;
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: action.text }).click();
  await expect(page).toHaveURL(`${base}/${action.link}`);
  await page
    .locator('#starlight__sidebar')
    .getByRole('link', { name: t('charter.sidebar.kbHome') })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`^${base}/kb/`));
  expect(problems).toEqual([]);
});

test('the social card and canonical address of a page are under the base path', async ({
  page,
  request,
}) => {
  await page.goto(`${base}/commercial/pricing/`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toBe(new URL('commercial/pricing/', wee.company.site_url).href);
  const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
  expect(image.pathname.startsWith(`${basePath}og/`), image.pathname).toBe(true);
  const card = await request.get(`${origin}${image.pathname}`);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
});

test('the knowledge-base search finds an article and opens it', async ({ page }) => {
  const problems = watch(page);
  const [slug, title] = [...articlesIn(WEE.kb)].find(([s]) => s.endsWith('rate-limit-429'))!;
  await page.goto(`${base}/kb/search/`);
  await page.getByLabel(t('charter.search.describe')).fill(title);
  await page.getByLabel(t('charter.search.describe')).press('Enter');
  const hit = page
    .getByRole('list', { name: t('charter.search.results') })
    .getByRole('link', { name: title });
  await expect(hit).toHaveAttribute('href', `${basePath}kb/${slug}/`);
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the site search dialog loads its index from under the base path', async ({ page }) => {
  const problems = watch(page);
  const [slug, title] = [...articlesIn(WEE.kb)].find(([s]) => s.endsWith('authentication-401'))!;
  await page.goto(`${base}/commercial/`);
  await page
    .getByRole('banner')
    .getByRole('button', { name: t('charter.search.dialogTitle') })
    .click();
  const dialog = page.getByRole('dialog', { name: t('charter.search.dialogTitle') });
  await dialog.getByRole('textbox').fill(title);
  await expect(dialog.getByRole('link', { name: title }).first()).toHaveAttribute(
    'href',
    new RegExp(`^${basePath}kb/${slug}/`),
  );
  expect(problems).toEqual([]);
});

test('a calculator runs under the base path', async ({ page }) => {
  const problems = watch(page);
  const availability = wee.sla.tiers.find((t) => t.availability !== null)!.availability!;
  await page.goto(`${base}/calculators/downtime/`);
  await page.getByLabel(t('charter.downtime.target')).fill(String(availability));
  // A week's minutes, from first principles.
  const week = (7 * 24 * 60 * (100 - availability)) / 100;
  const [caption] = t('charter.downtime.caption', { availability: '\u0000' }).split('\u0000');
  await expect(
    page
      .getByRole('table', { name: caption })
      .getByRole('row', { name: t('charter.downtime.week') }),
  ).toContainText(downtimeText(week, t));
  expect(problems).toEqual([]);
});

test('the JSON API is served under the base path', async ({ request }) => {
  const sla = await request.get(`${base}/api/sla.json`);
  expect(sla.status()).toBe(200);
  const outside = await request.get(`${origin}/api/sla.json`);
  expect(outside.status()).toBe(404);
});
