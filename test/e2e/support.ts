import { spawn } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import { languageOf, type Translate } from '../../packages/starlight-charter/lib/i18n';
import { SAMPLE } from '../support/sites';

/** The sample terms, read the same way the site reads them: tests compute expectations from them. */
export const catalog: Catalog = loadCatalog(SAMPLE.terms);

/** The sample's public site, built by `npm run build` and served by playwright.config.ts. */
export const SAMPLE_OUT = SAMPLE.dist;

/** The server that serves a built site, as a static host does (with its `_headers`). */
export const SERVE = 'packages/starlight-charter/cli/serve.mjs';

/** A build that global-setup.ts made once for the whole run, by the variable it set. */
function built(variable: string, what: string): string {
  const out = process.env[variable];
  if (!out) throw new Error(`${variable} is not set: test/e2e/global-setup.ts builds ${what}`);
  return out;
}

/** The WEE site, shared by every spec that reads it (one build per company). */
export const weeSite = () => built('CHARTER_WEE_OUT', 'the WEE site');

/** The sample's internal site (public site and playbook), shared by the specs that read it. */
export const internalSite = () => built('CHARTER_INTERNAL_OUT', "the sample's internal site");

/**
 * Serves the built site in `dir` on a port the system picks, under the base path `base` it
 * was built for; resolves once the server listens with its address, the base path included
 * and without a closing slash (`http://127.0.0.1:4000/support`), so `${url}/kb/` is a page.
 */
export function serve(dir: string, base = '/'): Promise<{ url: string; close: () => void }> {
  const server = spawn(process.execPath, [SERVE, '--dir', dir, '--port', '0', '--base', base], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`${SERVE} exited with ${code}`)));
    let said = '';
    // It prints its address once it listens.
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(said)?.[0];
      if (url) resolve({ url: url.replace(/\/$/, ''), close: () => server.kill() });
    });
  });
}

/**
 * Playwright's `test`, with `baseURL` at a server of the built site `dir()` started once per
 * worker, for specs of a site other than the sample's public one.
 */
export function testServing(dir: () => string) {
  return base.extend<object, { servedAt: string }>({
    servedAt: [
      async ({}, use) => {
        const server = await serve(dir());
        await use(server.url);
        server.close();
      },
      { scope: 'worker' },
    ],
    baseURL: async ({ servedAt }, use) => use(servedAt),
  });
}

/** The routes of a built site's pages (`/kb/`, `/commercial/sla/`), sorted. */
export function routesOf(out: string): string[] {
  return globSync('**/index.html', { cwd: out })
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
}

/** A common phone's screen, in CSS pixels. */
export const PHONE = { width: 375, height: 812 };

/**
 * How wide the page's content is and how wide the screen shows it, once its fonts are in: a
 * page wider than its screen scrolls sideways.
 */
export const pageWidths = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });

/** Text of a table's body cells, row by row, as a person reads them. */
export const TABLE_ROWS = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) =>
      (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );

/** The KB articles of a folder, by slug, with their titles. */
export function articlesIn(dir: string): Map<string, string> {
  return new Map(
    globSync('*/*.{md,mdx}', { cwd: dir }).map((file) => {
      const front = parse(readFileSync(join(dir, file), 'utf8').split(/^---$/m)[1]!) as {
        title: string;
      };
      return [file.replace(/\.mdx?$/, ''), front.title];
    }),
  );
}

/**
 * Charter's texts in `language` as its locale file has them, English where it has none: read
 * from the JSON files themselves, so an expectation does not come from the code a spec checks.
 */
export function localeMessages(language: string): Record<string, string> {
  const file = (name: string): Record<string, string> =>
    JSON.parse(readFileSync(`packages/starlight-charter/translations/${name}.json`, 'utf8'));
  return { ...file('en'), ...(language === 'en' ? {} : file(language)) };
}

/**
 * A text of the locale file of `language`, its plural form picked by `Intl.PluralRules` from
 * `count`, its `{{name}}` values filled in.
 */
export function localeWords(
  language: string,
): (key: string, values?: Record<string, string | number>) => string {
  const messages = localeMessages(language);
  const plurals = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const count = values.count;
    const text =
      (typeof count === 'number'
        ? (messages[`${key}_${plurals.select(count)}`] ?? messages[`${key}_other`])
        : undefined) ?? messages[key];
    if (text === undefined) throw new Error(`the locale file has no ${key}`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

/**
 * Charter's words in the language a company's site speaks (its locale's language), so a spec
 * expects what the page says without typing a translation.
 */
export function wordsOf(company: Catalog): Translate {
  return localeWords(languageOf(company.company.locale));
}

/**
 * A percentage as `locale` writes it, with exactly the decimals the figure has in the data
 * (99.95 → two, 100 → none): "99.95%", in German "99,95 %".
 */
export function percentText(value: number, locale: string): string {
  const digits = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}

/** A credit band in words from `t`, its edges as the data writes them. */
export function bandText(
  band: { at_least: number; below: number },
  locale: string,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  const below = percentText(band.below, locale);
  return band.at_least === 0
    ? t('charter.credits.bandBelow', { below })
    : t('charter.credits.band', { atLeast: percentText(band.at_least, locale), below });
}

/**
 * A credit of `percent` of a monthly `fee` (in micro-units) as Intl writes the amount in the
 * currency, with the amount in minor units (cents) beside it.
 */
export function creditAmount(
  fee: number,
  percent: number,
  { currency, locale }: { currency: string; locale: string },
): { minor: number; text: string } {
  const digits = new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits!;
  const minor = Math.round((fee / 1_000_000) * 10 ** digits * (percent / 100));
  const text = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
  }).format(minor / 10 ** digits);
  return { minor, text };
}

/**
 * A duration in whole hours and minutes left over, in words from `t`: "1 hour 30 minutes".
 * Written again here on purpose, as lib/duration.ts formatDuration is what the tests check.
 */
export function durationText(
  minutes: number,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  const minutesText = t('charter.duration.minutes', { count: rest });
  if (hours === 0) return minutesText;
  const hoursText = t('charter.duration.hours', { count: hours });
  return rest === 0
    ? hoursText
    : t('charter.duration.join', { hours: hoursText, minutes: minutesText });
}

/** A downtime in words, largest unit first: days, hours, minutes and seconds from `t`. */
export function downtimeText(minutes: number, t: Translate): string {
  let seconds = Math.round(minutes * 60);
  const parts: string[] = [];
  for (const [key, size] of [
    ['charter.downtime.days', 86400],
    ['charter.downtime.hours', 3600],
    ['charter.downtime.minutes', 60],
    ['charter.downtime.seconds', 1],
  ] as const) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count > 0) parts.push(t(key, { count }));
  }
  return parts.length
    ? parts.join(t('charter.downtime.partSeparator'))
    : t('charter.downtime.seconds', { count: 0 });
}
