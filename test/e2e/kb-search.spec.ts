import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { languageOf, translator } from '../../packages/starlight-charter/lib/i18n';
import {
  askSearchPage,
  relevance,
  SEARCH_QUESTIONS,
  WEE_SEARCH_QUESTIONS,
} from '../support/search-questions';
import { WEE } from '../support/sites';
import { catalog, serve, weeSite } from './support';

/**
 * Search relevance: questions written the way customers type them (test/support/
 * search-questions.ts), each with the article that must be among the first three results,
 * asked on the built site's knowledge-base search page in Chromium.
 */

test('customers find the right article in the top 3 for at least 95% of questions', async ({
  page,
}) => {
  test.setTimeout(180_000);
  expect(SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(100);
  // Every category of the knowledge base is asked about.
  expect(new Set(SEARCH_QUESTIONS.map(([, slug]) => slug.split('/')[0]))).toEqual(
    new Set(catalog.kb.categories.map((c) => c.id)),
  );
  const ranked = await askSearchPage(
    page,
    '/kb/search/',
    SEARCH_QUESTIONS.map(([query]) => query),
  );
  const { top1, top3, misses } = relevance(ranked);
  const pct = (n: number) => `${((100 * n) / SEARCH_QUESTIONS.length).toFixed(1)}%`;
  console.log(
    `KB search relevance over ${SEARCH_QUESTIONS.length} questions: top-1 ${pct(top1)}, top-3 ${pct(top3)}`,
  );
  if (misses.length) console.log(`Not in the top 3:\n  ${misses.join('\n  ')}`);
  expect(top3 / SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(0.95);
});

test('a question no article answers shows how to reach support on each plan, and the severity guide', async ({
  page,
}) => {
  // No page holds every word of it: the results, if any, are guesses from some of its words.
  await page.goto('/kb/search/?q=best+pizza+in+town');
  const help = page.getByRole('region', { name: 'No article answers that exactly' });
  await expect(help).toBeVisible();
  const channels = help.getByRole('table', { name: 'Contact channels by tier' });
  for (const tier of catalog.tiers.tiers)
    await expect(channels.getByRole('columnheader', { name: tier.name })).toBeVisible();
  for (const channel of catalog.channels.channels)
    await expect(channels.getByRole('rowheader', { name: channel.name })).toBeVisible();
  const severities = help.getByRole('table', { name: 'Severity definitions' });
  for (const severity of catalog.severities.severities)
    await expect(severities).toContainText(severity.name);
  // A question an article answers hides it again.
  const [query] = SEARCH_QUESTIONS[0]!;
  await page.getByLabel('Describe your problem').fill(query);
  await page.getByLabel('Describe your problem').press('Enter');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('link').first()).toBeVisible();
  await expect(help).toBeHidden();
});

test('every expected article exists, so a renamed article fails here rather than lowering the rate', async ({
  request,
}) => {
  for (const [, slug] of SEARCH_QUESTIONS) {
    expect((await request.get(`/kb/${slug}/`)).status(), slug).toBe(200);
  }
});

test.describe('WEE, a German site', () => {
  const wee = loadCatalog(WEE.terms);
  const language = languageOf(wee.company.locale);
  const t = translator(language);
  const basePath = new URL(wee.company.site_url).pathname;

  test('the search index is built in the site’s language, so German words are stemmed as German', () => {
    const entry = JSON.parse(
      readFileSync(join(weeSite(), 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
    expect(language).toBe('de');
    // German, and English for WEE's pages under /en/ (examples/wee/astro.config.mjs).
    expect(Object.keys(entry.languages).sort()).toEqual([language, 'en'].sort());
  });

  test('German customers find the right WEE article in the top 3 for at least 90% of questions', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    expect(WEE_SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(WEE_SEARCH_QUESTIONS.map(([, slug]) => slug.split('/')[0]))).toEqual(
      new Set(wee.kb.categories.map((c) => c.id)),
    );
    const server = await serve(weeSite(), basePath);
    try {
      const ranked = await askSearchPage(
        page,
        `${server.url}/kb/search/`,
        WEE_SEARCH_QUESTIONS.map(([query]) => query),
        t('charter.search.describe'),
      );
      const { top1, top3, misses } = relevance(ranked, basePath, WEE_SEARCH_QUESTIONS);
      const pct = (n: number) => `${((100 * n) / WEE_SEARCH_QUESTIONS.length).toFixed(1)}%`;
      console.log(
        `WEE (German) KB search relevance over ${WEE_SEARCH_QUESTIONS.length} questions: top-1 ${pct(top1)}, top-3 ${pct(top3)}`,
      );
      if (misses.length) console.log(`Not in the top 3:\n  ${misses.join('\n  ')}`);
      expect(top3 / WEE_SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(0.9);
    } finally {
      server.close();
    }
  });

  test('every expected WEE article exists', async ({ request }) => {
    const server = await serve(weeSite(), basePath);
    try {
      for (const [, slug] of WEE_SEARCH_QUESTIONS)
        expect((await request.get(`${server.url}/kb/${slug}/`)).status(), slug).toBe(200);
    } finally {
      server.close();
    }
  });
});
