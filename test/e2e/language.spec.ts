import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { languageOf } from '../../packages/starlight-charter/lib/i18n';
import { charterTranslations } from '../../packages/starlight-charter/translations/index';
import { WEE } from '../support/sites';
import { routesOf, serve, weeSite } from './support';

/**
 * WEE's locale is German: every page of its site speaks German. Checked against the locale
 * files, not a list typed here: each English text of Charter's (translations/en.json) that the
 * site's language words differently, or not at all, must appear on no page, neither in what a
 * reader sees nor in the labels assistive technology reads out.
 */

const wee = loadCatalog(WEE.terms);
const language = languageOf(wee.company.locale);
const basePath = new URL(wee.company.site_url).pathname;

/** Folds case and runs of white space, as CSS may change both in what a page shows. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The English phrases that must not appear: the parts of each English text between its
 * placeholders, long enough to mean something (two words, or a word of eight letters), of
 * every key whose text in the site's language differs from the English.
 */
function untranslatedPhrases(
  english: Record<string, string>,
  own: Record<string, string>,
): { key: string; phrase: string }[] {
  return Object.entries(english)
    .filter(([key, text]) => own[key] !== text)
    .flatMap(([key, text]) =>
      text
        .split(/\{\{\s*\w+\s*\}\}/)
        .map((part) => part.replace(/\s+/g, ' ').trim())
        .filter((part) => {
          const words = part.match(/\p{L}+/gu) ?? [];
          return words.length >= 2 || words.some((word) => word.length >= 8);
        })
        // A phrase the language's own text uses too ("Health score" in "Health Score …") proves
        // nothing.
        .filter((phrase) => !fold(own[key] ?? '').includes(fold(phrase)))
        .map((phrase) => ({ key, phrase })),
    );
}

test('the phrases come from the locale files: an English text German words differently is one', () => {
  expect(language).toBe('de');
  const phrases = untranslatedPhrases(
    {
      'a.b.c': 'Terms version {{version}}',
      'a.b.d': 'Search',
      'a.b.e': 'Same words',
      'a.b.f': 'Availability',
      'a.b.g': 'Health score {{score}}',
    },
    {
      'a.b.c': 'Version der Bedingungen {{version}}',
      'a.b.e': 'Same words',
      'a.b.g': 'Health Score {{score}}',
    },
  );
  expect(phrases).toEqual([
    { key: 'a.b.c', phrase: 'Terms version' },
    { key: 'a.b.f', phrase: 'Availability' },
  ]);
  expect(
    untranslatedPhrases(charterTranslations.en!, charterTranslations[language]!).length,
  ).toBeGreaterThan(0);
});

/**
 * The phrases of `phrases` each of `routes` shows, in its text, title and labels read out, with
 * the routes that show them; every page must be in `lang`. Pages whose content is another
 * language's, marked as such (an article the language has not translated), are left out.
 */
async function phrasesOnPages(
  page: Page,
  siteUrl: string,
  routes: readonly string[],
  phrases: readonly { key: string; phrase: string }[],
  lang: string,
): Promise<string[]> {
  const found = new Map<string, Set<string>>();
  for (const route of routes) {
    await page.goto(`${siteUrl}${route}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if ((await page.locator('main').getAttribute('lang')) !== lang) continue;
    const text = fold(
      await page.evaluate(() =>
        [
          document.title,
          // Code (JSON examples, field names) is not prose: it reads the same in every language.
          // E-mail addresses are addresses, not words of the page's language.
          (() => {
            const code = [...document.querySelectorAll<HTMLElement>('pre, code')];
            for (const el of code) el.style.display = 'none';
            const text = document.body.innerText.replace(/\S+@\S+/g, ' ');
            for (const el of code) el.style.display = '';
            return text;
          })(),
          ...[...document.querySelectorAll('[aria-label], [placeholder], [alt]')].flatMap((el) =>
            ['aria-label', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
          ),
        ].join('\n'),
      ),
    );
    for (const { key, phrase } of phrases) {
      if (!text.includes(fold(phrase))) continue;
      const where = `${key} "${phrase}"`;
      found.set(where, (found.get(where) ?? new Set()).add(route));
    }
  }
  return [...found].map(([where, pages]) => `${where}: ${[...pages].join(', ')}`);
}

/** WEE's English pages: under /en/ (examples/wee/astro.config.mjs). */
const ENGLISH = '/en/';

/**
 * The change log and the pages of earlier releases quote the terms as those releases wrote
 * them, in whatever words the company used then; the current release's page is checked.
 */
const quoting = (route: string) => {
  const path = route.startsWith(ENGLISH) ? route.slice(ENGLISH.length - 1) : route;
  return (
    path === '/commercial/changes/' ||
    (path.startsWith('/commercial/terms/') &&
      path !== `/commercial/terms/${wee.company.terms_version}/`)
  );
};

test('no page of the WEE site shows English words of Charter’s that German has its own words for', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const phrases = untranslatedPhrases(charterTranslations.en!, charterTranslations[language] ?? {});
  // WEE's English pages are English on purpose.
  const routes = routesOf(weeSite()).filter(
    (route) => !quoting(route) && !route.startsWith(ENGLISH),
  );
  expect(routes.length).toBeGreaterThan(20);
  expect(routes).toContain(`/commercial/terms/${wee.company.terms_version}/`);
  const server = await serve(weeSite(), basePath);
  let report: string[];
  try {
    // Every built page, and the page a missing address shows.
    report = await phrasesOnPages(
      page,
      server.url,
      [...routes, '/this-page-does-not-exist/'],
      phrases,
      language,
    );
  } finally {
    server.close();
  }
  if (report.length) console.log(`English still on WEE's pages:\n  ${report.join('\n  ')}`);
  expect(report).toEqual([]);
});

test('no English page of the WEE site shows German words of Charter’s', async ({ page }) => {
  test.setTimeout(300_000);
  const phrases = untranslatedPhrases(charterTranslations[language]!, charterTranslations.en!);
  // Every release page quotes the terms as released, in the company's language (German).
  const routes = routesOf(weeSite()).filter(
    (route) =>
      route.startsWith(ENGLISH) &&
      !quoting(route) &&
      !route.startsWith(`${ENGLISH}commercial/terms/`),
  );
  expect(routes.length).toBeGreaterThan(20);
  const server = await serve(weeSite(), basePath);
  let report: string[];
  try {
    report = await phrasesOnPages(page, server.url, routes, phrases, 'en');
  } finally {
    server.close();
  }
  if (report.length) console.log(`German on WEE's English pages:\n  ${report.join('\n  ')}`);
  expect(report).toEqual([]);
});
