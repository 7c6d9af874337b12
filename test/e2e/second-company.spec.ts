import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { catalogIn, loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import { PERIODS } from '../../packages/starlight-charter/lib/downtime';
import { formatDuration } from '../../packages/starlight-charter/lib/duration';
import { formatPercent } from '../../packages/starlight-charter/lib/format';
import { displayedFigures } from '../../packages/starlight-charter/lib/figures';
import {
  planCells,
  planFields,
  TARGET_FIELDS,
  targetCells,
} from '../../packages/starlight-charter/lib/published';
import { PriceSchema } from '../../packages/starlight-charter/schemas/pricing';
import { SAMPLE, WEE } from '../support/sites';
import { articlesIn, catalog, localeWords, weeSite, wordsOf } from './support';

/**
 * The site of examples/wee, built once per run, proves that what it shows comes from that data set:
 * every table figure matches the WEE Catalog, its knowledge base is its own, and no figure,
 * name, meter or article of the sample company appears.
 */
const wee = loadCatalog(WEE.terms);
// WEE's English pages (under /en/) write its figures as English does.
const weeInEnglish: Catalog = {
  ...catalogIn(wee, 'en'),
  company: { ...wee.company, locale: 'en' },
};
// In the words of each of WEE's languages, as its pages say them.
const weeFigures = [
  ...displayedFigures(wee, wordsOf(wee)),
  ...displayedFigures(weeInEnglish, wordsOf(weeInEnglish)),
];
const english = localeWords('en');
// Figures both companies share ("Free", a "10%" band) prove nothing either way.
/**
 * Strings the second site shows for reasons of its own: numbers of its playbook (targets, alert
 * windows, shift hours, survey counts) and the period lengths the downtime calculator states. A sample
 * figure that happens to equal one of these is a coincidence, not a leak.
 */
function ownFigures(c: Catalog): Set<string> {
  const own = new Set<string>(
    (Object.keys(PERIODS) as (keyof typeof PERIODS)[]).flatMap((name) => [
      english(`charter.downtime.${name}Basis`),
      formatDuration(PERIODS[name].minutes),
    ]),
  );
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      own.add(formatPercent(value, c.company.locale));
      // Playbook numbers are minutes, hours (shift bounds) or days depending on the field.
      if (Number.isInteger(value) && value > 0) {
        own
          .add(formatDuration(value))
          .add(formatDuration(value * 60))
          .add(`${value} days`);
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(c.playbook);
  return own;
}
const weeOwn = new Set([...ownFigures(wee), ...ownFigures(weeInEnglish)]);
const sampleOnly = displayedFigures(catalog).filter(
  (f) => !weeFigures.includes(f) && !weeOwn.has(f),
);
const weeArticles = articlesIn(WEE.kb);
const sampleArticles = articlesIn(SAMPLE.kb);
// The sample's words: its company, product, tiers and meters, where WEE does not use the same
// word, and where the engine has no word of its own (the per-seat price model's unit).
const perSeat = PriceSchema.parse({ model: 'per-seat', monthly: 1 });
const engineWords = perSeat.model === 'per-seat' ? [perSeat.seat.one, perSeat.seat.other] : [];
const weeWords = [
  ...engineWords,
  wee.company.name,
  wee.company.product,
  ...wee.tiers.tiers.map((t) => t.name),
  ...wee.pricing.meters.flatMap((m) => [m.name, m.unit.one, m.unit.other]),
];
const sampleOnlyNames = [
  catalog.company.name,
  catalog.company.product,
  ...catalog.tiers.tiers.map((t) => t.name),
  ...catalog.pricing.meters.flatMap((m) => [m.name, m.unit.one, m.unit.other]),
].filter((n, i, all) => !weeWords.includes(n) && all.indexOf(n) === i);
const sampleOnlyTitles = [...sampleArticles.values()].filter(
  (t) => ![...weeArticles.values()].includes(t),
);

/**
 * A figure as a whole in page text, where table cells are joined by spaces: "3 hours" is not
 * whole inside "13 hours" or "3 hours 30 minutes", "$1,200" not inside "$1,2000"; a number in
 * the next cell ("99.7% 2 hours") does not stop "99.7%" from being whole.
 */
function wholeFigure(figure: string): RegExp {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const duration = /(?:days?|hours?|minutes?|seconds?)$/.test(figure);
  const after = duration ? '(?!\\d|[.,]\\d| \\d+ (?:hours?|minutes?|seconds?))' : '(?!\\d|[.,]\\d)';
  return new RegExp(`(?<![\\d.,])(?<!(?:days?|hours?|minutes?) )${escaped}${after}`, 'g');
}

/** Whole words only: the sample's "ABI" is not a leak inside "ABILITY". */
const hasWord = (text: string, word: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`,
    'u',
  ).test(text);

let out = '';
let pages: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  out = weeSite();
  pages = globSync('**/*.html', { cwd: out })
    .filter((p) => !p.startsWith('pagefind/'))
    .sort();
});

/** Loads a built page's HTML into the browser and returns its visible text. */
async function textOf(page: Page, file: string): Promise<string> {
  await page.setContent(readFileSync(join(out, file), 'utf8'), { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => {
    document.querySelectorAll('script, style, template').forEach((el) => el.remove());
    // Text node by text node, so adjacent table cells do not run together ("3" + "0,05 €").
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

test('the second company builds every commercial page', () => {
  for (const route of [
    'commercial',
    'pricing',
    'tiers',
    'sla',
    'escalation',
    'custom-development',
  ]) {
    const file =
      route === 'commercial' ? 'commercial/index.html' : `commercial/${route}/index.html`;
    expect(pages).toContain(file);
  }
  expect(pages).toContain('reference/api/index.html');
  expect(sampleOnly.length).toBeGreaterThan(20);
  expect(sampleOnlyNames.length).toBeGreaterThan(2);
});

test("the knowledge base holds exactly the second company's own articles", async ({ page }) => {
  const built = pages
    .filter((p) => /^kb\/[^/]+\/[^/]+\/index\.html$/.test(p) && !p.startsWith('kb/search/'))
    .map((p) => p.replace(/^kb\/|\/index\.html$/g, ''))
    .sort();
  expect(built).toEqual([...weeArticles.keys()].sort());
  expect(sampleOnlyTitles.length).toBeGreaterThan(10);
  // Titles appear as headings and link texts; a whole title is compared, so WEE's "Claim a
  // service credit for WEE downtime" does not count as the sample's "Claim a service credit".
  const found: string[] = [];
  for (const file of pages) {
    await page.setContent(readFileSync(join(out, file), 'utf8'), { waitUntil: 'domcontentloaded' });
    const texts = await page
      .locator('h1, h2, h3, a, title')
      .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
    for (const title of sampleOnlyTitles)
      if (texts.includes(title)) found.push(`${file}: ${title}`);
  }
  expect(found).toEqual([]);
});

test('no price, duration or percentage of the sample company appears on any page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const leaks: string[] = [];
  for (const file of pages) {
    const text = await textOf(page, file);
    // Whole figures only: the sample's "8 hours" is not a leak inside "168 hours".
    for (const figure of sampleOnly)
      if (wholeFigure(figure).test(text)) leaks.push(`${file}: ${figure}`);
    for (const name of sampleOnlyNames) if (hasWord(text, name)) leaks.push(`${file}: ${name}`);
  }
  for (const file of globSync('api/*.json', { cwd: out })) {
    const json = readFileSync(join(out, file), 'utf8');
    for (const name of sampleOnlyNames) if (hasWord(json, name)) leaks.push(`${file}: ${name}`);
  }
  expect(leaks).toEqual([]);
});

test('every price, percentage and duration shown is a figure of the second company', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const PATTERNS = [
    /[$£€¥]\s?\d[\d.,]*|\d[\d.,]*\s?[$£€¥]/g,
    /\d[\d.,]*\s?%/g,
    /(?<![\d.,])\d+ (?:days?|hours?|minutes?|seconds?)(?: \d+ (?:hours?|minutes?|seconds?))*/g,
  ];
  const unknown: string[] = [];
  // The commercial and reference pages state terms only; calculators also show what they
  // compute and the playbook its own figures, which the leak test above covers.
  const termPages = pages.filter((f) => f.startsWith('commercial/') || f.startsWith('reference/'));
  expect(termPages.length).toBeGreaterThan(5);
  // Longest first, so "From 299 € per month" is taken whole before "299 €".
  const known = weeFigures
    .map((f) => f.replace(/\u00a0/g, ' '))
    .sort((a, b) => b.length - a.length);
  for (const file of termPages) {
    let text = (await textOf(page, file)).replace(/\u00a0/g, ' ');
    // Whole figures of WEE are blanked out; a price, percentage or duration left over is not
    // one of its figures, even if it is part of one ("1 hour" inside "11 hours").
    for (const figure of known) text = text.replace(wholeFigure(figure), ' ▪ ');
    for (const pattern of PATTERNS) {
      for (const [match] of text.matchAll(pattern)) unknown.push(`${file}: ${match}`);
    }
  }
  expect(unknown).toEqual([]);
});

test('the pricing and SLA tables hold the second company figures', async ({ page }) => {
  // In the words of the site's language (WEE's: German).
  const t = wordsOf(wee);
  await page.setContent(readFileSync(join(out, 'commercial/pricing/index.html'), 'utf8'));
  await expect(page.locator('tr[data-plan]')).toHaveCount(wee.pricing.plans.length);
  for (const plan of wee.pricing.plans) {
    const cells = planCells(wee, plan, t);
    for (const field of planFields(wee)) {
      await expect(page.locator(`tr[data-plan="${plan.id}"] td[data-field="${field}"]`)).toHaveText(
        cells[field]!,
      );
    }
  }
  await page.setContent(readFileSync(join(out, 'commercial/sla/index.html'), 'utf8'));
  const rows = page.locator('tr[data-tier][data-severity]');
  await expect(rows).toHaveCount(wee.tiers.tiers.length * wee.severities.severities.length);
  for (const tier of wee.tiers.tiers) {
    for (const severity of wee.severities.severities) {
      const cells = targetCells(wee, tier.id, severity.id, t);
      for (const field of TARGET_FIELDS) {
        const cell = page.locator(
          `tr[data-tier="${tier.id}"][data-severity="${severity.id}"] td[data-field="${field}"]`,
        );
        await expect(cell).toHaveText(cells[field]);
      }
    }
  }
});

test('the JSON catalogue of the second company is in its currency', () => {
  const plans = JSON.parse(readFileSync(join(out, 'api/plans.json'), 'utf8'));
  expect(plans.currency).toBe(wee.company.currency);
  expect(plans.plans.map((p: { id: string }) => p.id)).toEqual(wee.pricing.plans.map((p) => p.id));
  expect(plans.meters.map((m: { id: string }) => m.id)).toEqual(
    wee.pricing.meters.map((m) => m.id),
  );
});
