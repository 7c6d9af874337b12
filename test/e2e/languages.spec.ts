import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { translator } from '../../packages/starlight-charter/lib/i18n';
import { askSearchPage, relevance, WEE_EN_SEARCH_QUESTIONS } from '../support/search-questions';
import { WEE } from '../support/sites';
import { routesOf, serve, weeSite } from './support';

/**
 * WEE publishes in two languages (examples/wee/astro.config.mjs): German at the root, English
 * under /en/. Charter's pages, the knowledge base and search come in each; a reader who picks a
 * language stays in it.
 */

const wee = loadCatalog(WEE.terms);
const basePath = new URL(wee.company.site_url).pathname;
const en = translator('en');
const de = translator('de');
const ENGLISH = 'en';

/** Starlight's own words (its translations), for the parts of the page Starlight draws. */
function starlightWord(language: string, key: string): string {
  const file = join('node_modules/@astrojs/starlight/dist/translations', `${language}.js`);
  const match = new RegExp(`"${key.replace(/\./g, '\\.')}": "([^"]*)"`).exec(
    readFileSync(file, 'utf8'),
  );
  if (!match) throw new Error(`Starlight has no ${language} text for ${key}`);
  return match[1]!;
}

/** A KB article's frontmatter title, from its file. */
function titleOf(file: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!;
  return (parse(front) as { title: string }).title;
}

/** The articles of a KB folder by slug (`api/rate-limit-429`), with their files. */
function articlesIn(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(sep).join('/'))
      .filter((name) => /^[^/]+\/[^/]+\.mdx?$/.test(name))
      .map((name) => [name.replace(/\.mdx?$/, ''), join(dir, name)]),
  );
}
const englishArticles = () => articlesIn(join(WEE.kb, ENGLISH));
const germanArticles = () => articlesIn(WEE.kb);

/** One article WEE has in both languages. */
function translatedArticle() {
  const [slug, english] = [...englishArticles()][0]!;
  return { slug, english, german: germanArticles().get(slug)! };
}

let server: { url: string; close: () => void };
test.beforeAll(async () => {
  server = await serve(weeSite(), basePath);
});
test.afterAll(() => server.close());

test('picking English on a German page leads to the same page in English', async ({ page }) => {
  await page.goto(`${server.url}/commercial/sla/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const picker = page
    .getByRole('combobox', { name: starlightWord('de', 'languageSelect.accessibleLabel') })
    .first();
  await picker.selectOption({ label: 'English' });
  await expect(page).toHaveURL(`${server.url}/${ENGLISH}/commercial/sla/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The page's own text in English: its heading is the English page's title.
  const sla = readFileSync('packages/starlight-charter/pages/commercial/sla.mdx', 'utf8');
  const title = (parse(/^---\n([\s\S]*?)\n---/.exec(sla)![1]!) as { title: string }).title;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // Charter's words too: the terms version line, in English.
  await expect(page.getByText(en('charter.terms.whatChanged'))).toBeVisible();
});

test('every link of every English page leads to an English page or a file, never to the German pages', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const english = routesOf(weeSite()).filter((r) => r.startsWith(`/${ENGLISH}/`));
  expect(english.length).toBeGreaterThan(30);
  const wrong: string[] = [];
  for (const route of english) {
    await page.goto(`${server.url}${route}`);
    const hrefs = await page.$$eval('a[href], form[action]', (elements) =>
      elements.map((e) => e.getAttribute('href') ?? e.getAttribute('action') ?? ''),
    );
    for (const href of hrefs) {
      const path = href.split(/[?#]/)[0]!;
      if (!path.startsWith(basePath) || !path.endsWith('/')) continue;
      if (!path.startsWith(`${basePath}${ENGLISH}/`)) wrong.push(`${route} → ${href}`);
    }
  }
  expect(wrong).toEqual([]);
});

test('the sidebar of an English page is in English, leads to English pages and marks the page itself', async ({
  page,
}) => {
  await page.goto(`${server.url}/${ENGLISH}/commercial/pricing/`);
  const sidebar = page.locator('#starlight__sidebar');
  await expect(sidebar.getByText(en('charter.sidebar.commercial'), { exact: true })).toBeVisible();
  await expect(sidebar.getByText(de('charter.sidebar.commercial'), { exact: true })).toHaveCount(0);
  const current = sidebar.locator('a[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('href', `${basePath}${ENGLISH}/commercial/pricing/`);
  await sidebar.getByRole('link', { name: en('charter.sidebar.kbHome') }).click();
  await expect(page).toHaveURL(`${server.url}/${ENGLISH}/kb/`);
});

test('an article with an English version shows it; the German one stays at the root', async ({
  page,
}) => {
  const { slug, english, german } = translatedArticle();
  await page.goto(`${server.url}/${ENGLISH}/kb/${slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(english));
  await expect(page.locator('main')).toHaveAttribute('lang', 'en');
  await page.goto(`${server.url}/kb/${slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(german));
});

test('an article without an English version shows the German one, marked as such and kept out of English search', async ({
  page,
}) => {
  const english = englishArticles();
  const germanOnly = [...germanArticles().keys()].find((slug) => !english.has(slug));
  expect(germanOnly, 'WEE keeps one article in German only').toBeDefined();
  await page.goto(`${server.url}/${ENGLISH}/kb/${germanOnly}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main')).toHaveAttribute('lang', 'de');
  await expect(page.getByText(starlightWord('en', 'i18n.untranslatedContent'))).toBeVisible();
  // Out of the English index: Pagefind reads a page only with a searchable body.
  await expect(page.locator('main')).not.toHaveAttribute('data-pagefind-body', '');
});

test('search has an index per language, and English search finds English articles only', async ({
  page,
}) => {
  const entry = JSON.parse(
    readFileSync(join(weeSite(), 'pagefind', 'pagefind-entry.json'), 'utf8'),
  );
  expect(Object.keys(entry.languages).sort()).toEqual(['de', ENGLISH]);
  const { english } = translatedArticle();
  await page.goto(`${server.url}/${ENGLISH}/kb/search/?q=${encodeURIComponent(titleOf(english))}`);
  const results = page.locator('.kb-results li > a');
  await expect(results.first()).toBeVisible();
  const hrefs = await results.evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^${basePath}${ENGLISH}/`));
  await expect(results.first()).toHaveText(titleOf(english));
});

test('English-speaking customers find the right English article in the top 3 for at least 90% of questions', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(WEE_EN_SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(15);
  const english = englishArticles();
  for (const [, slug] of WEE_EN_SEARCH_QUESTIONS) expect(english.has(slug), slug).toBe(true);
  const ranked = await askSearchPage(
    page,
    `${server.url}/${ENGLISH}/kb/search/`,
    WEE_EN_SEARCH_QUESTIONS.map(([query]) => query),
    en('charter.search.describe'),
  );
  const { top1, top3, misses } = relevance(
    ranked,
    `${basePath}${ENGLISH}/`,
    WEE_EN_SEARCH_QUESTIONS,
  );
  const pct = (n: number) => `${((100 * n) / WEE_EN_SEARCH_QUESTIONS.length).toFixed(1)}%`;
  console.log(
    `WEE (English) KB search relevance over ${WEE_EN_SEARCH_QUESTIONS.length} questions: top-1 ${pct(top1)}, top-3 ${pct(top3)}`,
  );
  if (misses.length) console.log(`Not in the top 3:\n  ${misses.join('\n  ')}`);
  expect(top3 / WEE_EN_SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(0.9);
});

test('each language has its own search help: German stop words are not English ones', async ({
  request,
}) => {
  const german = await (await request.get(`${server.url}/search-help.json`)).json();
  const english = await (await request.get(`${server.url}/${ENGLISH}/search-help.json`)).json();
  expect(german.stopWords.length).toBeGreaterThan(0);
  expect(english.stopWords.length).toBeGreaterThan(0);
  expect(german.stopWords).not.toEqual(english.stopWords);
});

test('a calculator works in English on the English pages', async ({ page }) => {
  await page.goto(`${server.url}/${ENGLISH}/calculators/downtime/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const target = page.getByLabel(`${en('charter.downtime.target')} (%)`, { exact: true });
  await target.fill('101');
  await target.press('Tab');
  await expect(target).toHaveAttribute('aria-invalid', 'true');
  await expect(target).toHaveAccessibleDescription(
    new RegExp(
      `${en('charter.calc.atMost', { value: '100%' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
    ),
  );
  await target.fill('99.95');
  // English writes a percentage with a point and no space.
  await expect(
    page.getByRole('table', {
      name: en('charter.downtime.caption', { availability: '99.95%' }),
    }),
  ).toBeVisible();
});
