import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog, type Catalog } from '../../src/data/load';
import { PERIODS } from '../../src/lib/downtime';
import { formatDuration } from '../../src/lib/duration';
import { formatPercent } from '../../src/lib/format';
import { displayedFigures, findFigures } from '../../src/lib/figures';
import { PLAN_FIELDS, planCells, TARGET_FIELDS, targetCells } from '../../src/lib/published';
import { buildSite, catalog } from './support';

/**
 * Builds the site from examples/wee and proves that what it shows comes from that data set:
 * every table figure matches the WEE Catalog and no figure of the sample company appears.
 */
const WEE_DIR = 'examples/wee';
const wee = loadCatalog(WEE_DIR);
const weeFigures = displayedFigures(wee);
// Figures both companies share ("Free", a "10%" band) prove nothing either way.
/**
 * Strings the second site shows for reasons of its own: numbers of its playbook (targets, alert
 * windows, shift hours, survey counts) and the period lengths the downtime calculator states. A sample
 * figure that happens to equal one of these is a coincidence, not a leak.
 */
function ownFigures(c: Catalog): Set<string> {
  const own = new Set<string>(Object.values(PERIODS).flatMap((p) => [p.basis, formatDuration(p.minutes)]));
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      own.add(formatPercent(value, c.company.locale));
      // Playbook numbers are minutes, hours (shift bounds) or days depending on the field.
      if (Number.isInteger(value) && value > 0) {
        own.add(formatDuration(value)).add(formatDuration(value * 60)).add(`${value} days`);
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(c.playbook);
  return own;
}
const weeOwn = ownFigures(wee);
const sampleOnly = displayedFigures(catalog).filter((f) => !weeFigures.includes(f) && !weeOwn.has(f));
const sampleOnlyNames = [
  catalog.company.name,
  ...catalog.tiers.tiers
    .map((t) => t.name)
    .filter((n) => !wee.tiers.tiers.some((t) => t.name === n)),
];

let out = '';
let pages: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(240_000);
  out = buildSite(WEE_DIR);
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
});

test('no price, duration or percentage of the sample company appears on any page', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const leaks: string[] = [];
  for (const file of pages) {
    const text = await textOf(page, file);
    // Whole figures only: the sample's "8 hours" is not a leak inside "168 hours".
    for (const figure of findFigures(text, sampleOnly)) leaks.push(`${file}: ${figure}`);
    for (const name of sampleOnlyNames) if (text.includes(name)) leaks.push(`${file}: ${name}`);
  }
  for (const file of globSync('api/*.json', { cwd: out })) {
    const json = readFileSync(join(out, file), 'utf8');
    for (const name of sampleOnlyNames)
      if (json.includes(`"${name}"`)) leaks.push(`${file}: ${name}`);
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
  for (const file of termPages) {
    const text = (await textOf(page, file)).replace(/\u00a0/g, ' ');
    const known = weeFigures.map((f) => f.replace(/\u00a0/g, ' '));
    for (const pattern of PATTERNS) {
      for (const [match] of text.matchAll(pattern)) {
        if (!known.some((f) => f.includes(match.trim()))) unknown.push(`${file}: ${match}`);
      }
    }
  }
  expect(unknown).toEqual([]);
});

test('the pricing and SLA tables hold the second company figures', async ({ page }) => {
  await page.setContent(readFileSync(join(out, 'commercial/pricing/index.html'), 'utf8'));
  for (const plan of wee.pricing.plans) {
    const cells = planCells(wee, plan);
    for (const field of PLAN_FIELDS) {
      await expect(page.locator(`tr[data-plan="${plan.id}"] td[data-field="${field}"]`)).toHaveText(
        cells[field],
      );
    }
  }
  await page.setContent(readFileSync(join(out, 'commercial/sla/index.html'), 'utf8'));
  const rows = page.locator('tr[data-tier][data-severity]');
  await expect(rows).toHaveCount(wee.tiers.tiers.length * wee.severities.severities.length);
  for (const tier of wee.tiers.tiers) {
    for (const severity of wee.severities.severities) {
      const cells = targetCells(wee, tier.id, severity.id);
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
});
