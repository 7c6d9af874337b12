import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import AxeBuilder from '@axe-core/playwright';
import { tierById } from '../../packages/starlight-charter/lib/catalog';
import {
  channelsForTier,
  formatUpdated,
  kbTypeLabel,
  type KbType,
} from '../../packages/starlight-charter/lib/kb';
import { SAMPLE } from '../support/sites';
import { catalog } from './support';

/** The KB articles' frontmatter, read from the sample's articles the way a writer sees it. */
interface Front {
  slug: string;
  title: string;
  category: string;
  tiers: string[];
  type: KbType;
  updated: string | Date;
  related?: string[];
}
const articles: Front[] = readdirSync(SAMPLE.kb, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.mdx?$/.test(f) && !f.split('/').pop()!.startsWith('_'))
  .map((file) => {
    const text = readFileSync(join(SAMPLE.kb, file), 'utf8');
    const front = parse(text.split(/^---$/m)[1]!) as Omit<Front, 'slug'>;
    return { ...front, slug: file.replace(/\.mdx?$/, '') };
  });
const resultLinks = (page: import('@playwright/test').Page) =>
  page.getByRole('list', { name: 'Results' }).getByRole('link');

test('the KB home shows each category with the number of its articles', async ({ page }) => {
  await page.goto('/kb/');
  const cards = page.getByRole('main').getByRole('list', { name: 'Categories' });
  for (const category of catalog.kb.categories) {
    const count = articles.filter((a) => a.category === category.id).length;
    const card = cards
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: category.name, exact: true }) });
    await expect(card).toContainText(`${count} ${count === 1 ? 'article' : 'articles'}`);
  }
});

test('a category page lists exactly its articles', async ({ page }) => {
  const category = catalog.kb.categories[1]!;
  await page.goto(`/kb/${category.id}/`);
  const titles = articles.filter((a) => a.category === category.id).map((a) => a.title);
  const list = page.getByRole('list', { name: `${category.name} articles` });
  await expect(list.getByRole('link')).toHaveText(titles.sort((a, b) => a.localeCompare(b)));
});

test('an article shows breadcrumbs, last updated, related links and channels for its tiers', async ({
  page,
}) => {
  const article = articles.find((a) => (a.related?.length ?? 0) > 0 && a.tiers.length > 1)!;
  const category = catalog.kb.categories.find((c) => c.id === article.category)!;
  await page.goto(`/kb/${article.slug}/`);

  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  await expect(crumbs.getByRole('link')).toHaveText(['Knowledge base', category.name]);
  await expect(crumbs.getByRole('link', { name: category.name })).toHaveAttribute(
    'href',
    `/kb/${category.id}/`,
  );

  const updated = new Date(article.updated);
  await expect(page.getByText(formatUpdated(updated, catalog.company.locale))).toBeVisible();

  const related = page.getByRole('region', { name: 'Related articles' });
  const relatedTitles = article.related!.map(
    (slug) => articles.find((a) => a.slug === slug)!.title,
  );
  await expect(related.getByRole('link')).toHaveText(relatedTitles);

  const stuck = page.getByRole('region', { name: 'Still stuck?' });
  for (const tierId of article.tiers) {
    const tier = stuck.getByRole('region', { name: tierById(catalog, tierId).name, exact: true });
    const names = channelsForTier(catalog.channels.channels, tierId).map((c) => c.name);
    await expect(tier.getByRole('listitem')).toHaveCount(names.length);
    for (const name of names)
      await expect(tier.getByText(name, { exact: false }).first()).toBeVisible();
  }
});

test('a code block is highlighted, and one wider than the page scrolls from the keyboard', async ({
  page,
}) => {
  // The article with the longest line of highlighted code (a language other than plain text).
  const longestCodeLine = (a: Front) => {
    const file = ['.md', '.mdx'].map((ext) => join(SAMPLE.kb, `${a.slug}${ext}`)).find(existsSync)!;
    const blocks = [...readFileSync(file, 'utf8').matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)];
    const code = blocks.filter((m) => !['', 'text'].includes(m[1]!)).map((m) => m[2]!);
    return Math.max(0, ...code.flatMap((c) => c.split('\n').map((line) => line.length)));
  };
  const article = articles.reduce((a, b) => (longestCodeLine(b) > longestCodeLine(a) ? b : a));
  expect(longestCodeLine(article)).toBeGreaterThan(100);
  await page.goto(`/kb/${article.slug}/`);

  const highlighted = page.locator('main pre:has(.token)');
  const colours = await highlighted
    .first()
    .evaluate((pre) =>
      [pre, pre.querySelector('.token.string, .token.property, .token.keyword')!].map(
        (e) => getComputedStyle(e).color,
      ),
    );
  expect(colours[1]).not.toBe(colours[0]);

  const wide = await highlighted.evaluateAll((pres) =>
    pres.findIndex((pre) => pre.scrollWidth > pre.clientWidth),
  );
  expect(wide).toBeGreaterThanOrEqual(0);
  const block = highlighted.nth(wide);
  await block.focus();
  await expect(block).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => block.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
});

test('filtering the KB search by tier and by category changes the results to match', async ({
  page,
}) => {
  // A tier that some, but not all, articles apply to.
  const tier = catalog.tiers.tiers.find((t) => {
    const n = articles.filter((a) => a.tiers.includes(t.id)).length;
    return n > 0 && n < articles.length;
  })!;
  await page.goto('/kb/search/?q=ticket');
  await expect(resultLinks(page).first()).toBeVisible();
  const hrefs = () =>
    resultLinks(page).evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  const allowed = new Set(
    articles.filter((a) => a.tiers.includes(tier.id)).map((a) => `/kb/${a.slug}/`),
  );
  // The unfiltered results include a page the tier filter must remove, so the test can fail.
  expect((await hrefs()).some((h) => !allowed.has(h))).toBe(true);

  await page
    .getByRole('group', { name: 'Tier' })
    .getByRole('checkbox', { name: new RegExp(`^${tier.name} `) })
    .check();
  await expect(page).toHaveURL(/tier=/);
  // Non-empty and all for this tier (an empty list would pass "every" and prove nothing).
  const settled = async (ok: (href: string) => boolean) => {
    const h = await hrefs();
    return h.length > 0 && h.every(ok);
  };
  await expect.poll(() => settled((h) => allowed.has(h))).toBe(true);
  const tierResults = await hrefs();

  // A category that holds some, not all, of these results, so its filter has one to remove.
  const categoryOf = (href: string) => href.split('/')[2];
  const category = catalog.kb.categories.find(
    (c) =>
      tierResults.some((h) => categoryOf(h) === c.id) &&
      tierResults.some((h) => categoryOf(h) !== c.id),
  )!;
  expect(category, `the results for "ticket" on ${tier.name} span two categories`).toBeDefined();
  const kept = tierResults.filter((h) => categoryOf(h) === category.id);
  await page
    .getByRole('group', { name: 'Category' })
    .getByRole('checkbox', { name: new RegExp(`^${category.name} `) })
    .check();
  await expect(page).toHaveURL(/category=/);
  // Only the category's results for this tier are left, and each of them that was shown still is.
  await expect.poll(() => settled((h) => categoryOf(h) === category.id)).toBe(true);
  const filtered = await hrefs();
  for (const h of filtered) expect(allowed.has(h), h).toBe(true);
  expect(filtered).toEqual(expect.arrayContaining(kept));
});

test('a KB search address with a question and a filter opens with both applied', async ({
  page,
}) => {
  const tier = catalog.tiers.tiers.find((t) => {
    const n = articles.filter((a) => a.tiers.includes(t.id)).length;
    return n > 0 && n < articles.length;
  })!;
  const allowed = new Set(
    articles.filter((a) => a.tiers.includes(tier.id)).map((a) => `/kb/${a.slug}/`),
  );
  // Filter values are the names the pages show.
  await page.goto(`/kb/search/?q=ticket&tier=${encodeURIComponent(tier.name)}`);
  await expect(page.getByLabel('Describe your problem')).toHaveValue('ticket');
  await expect(
    page
      .getByRole('group', { name: 'Tier' })
      .getByRole('checkbox', { name: new RegExp(`^${tier.name} `) }),
  ).toBeChecked();
  await expect(resultLinks(page).first()).toBeVisible();
  const hrefs = await resultLinks(page).evaluateAll((links) =>
    links.map((l) => l.getAttribute('href')!),
  );
  expect(hrefs.every((h) => allowed.has(h))).toBe(true);
});

test('the KB search page offers the type filter with every article type in use', async ({
  page,
}) => {
  await page.goto('/kb/search/');
  const group = page.getByRole('group', { name: 'Type' });
  for (const type of new Set(articles.map((a) => a.type))) {
    await expect(
      group.getByRole('checkbox', { name: new RegExp(`^${kbTypeLabel(type)} `) }),
    ).toBeVisible();
  }
});

test('the site search dialog answers a question typed in full', async ({ page }) => {
  await page.goto('/kb/');
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox').fill('how do I fix 429 too many requests');
  await expect(
    dialog.getByRole('link', {
      name: articles.find((a) => a.slug === 'api/rate-limit-429')!.title,
    }),
  ).toBeVisible();
});

test('search help comes as one file, fetched only once someone searches', async ({
  page,
  request,
}) => {
  const served = await request.get('/search-help.json');
  // The sample writes its search help once, for its one language.
  const help = catalog.kb.search as { stop_words: string[]; synonyms: Record<string, string[]> };
  expect(await served.json()).toEqual({ stopWords: help.stop_words, synonyms: help.synonyms });
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/kb/');
  expect(await page.content()).not.toContain('data-search-help');
  expect(asked).not.toContain('/search-help.json');
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => asked).toContain('/search-help.json');
});

test('opening the search dialog loads the search engine and index metadata before anything is typed', async ({
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('/kb/');
  expect(asked.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await expect
    .poll(() =>
      asked.filter((path) =>
        /^\/pagefind\/(wasm\.[^/]+\.pagefind|pagefind\.[^/]+\.pf_meta)$/.test(path),
      ),
    )
    .toHaveLength(2);
  await expect(page.getByRole('dialog', { name: 'Search' }).getByRole('textbox')).toHaveValue('');
});

test('search says so when the index cannot load, and works once it can', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js*', (route) => route.abort('internetdisconnected'));
  await page.goto('/kb/');
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox').fill('invoice');
  await expect(dialog.getByRole('status')).toHaveText(/Search is not available right now/);
  await expect(dialog.getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveCount(
    0,
  );

  await page.unroute('**/pagefind/pagefind.js*');
  await dialog.getByRole('textbox').fill('invoices');
  await expect(
    dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first(),
  ).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/\d+ results/);
});

test('the KB search page says so when the index cannot load', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js*', (route) => route.abort('internetdisconnected'));
  await page.goto('/kb/search/?q=invoice');
  await expect(page.getByRole('status')).toHaveText(/Search is not available right now/);
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('checkbox')).toHaveCount(0);
});

test('the search button has no accessibility violations', async ({ page }) => {
  await page.goto('/kb/');
  const results = await new AxeBuilder({ page }).include('site-search').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the 404 page offers a search that opens the KB search', async ({ page }) => {
  await page.goto('/no-such-page/');
  await page
    .getByRole('searchbox', { name: 'Search for the page you were looking for' })
    .fill('invoice');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/kb\/search\/\?q=invoice/);
  await expect(resultLinks(page).first()).toBeVisible();
});

test('articles stay out of the sidebar, which lists the KB home and categories', async ({
  page,
}) => {
  await page.goto('/kb/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  for (const c of catalog.kb.categories) {
    await expect(sidebar.getByRole('link', { name: c.name, exact: true })).toHaveAttribute(
      'href',
      `/kb/${c.id}/`,
    );
  }
  await expect(sidebar.locator('a[href^="/kb/"][href$="/"]')).toHaveCount(
    catalog.kb.categories.length + 2,
  );
});
