import { globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import { BEST_EFFORT } from '../../packages/starlight-charter/lib/best-effort';
import { slaForTier } from '../../packages/starlight-charter/lib/catalog';
import type { Translate } from '../../packages/starlight-charter/lib/i18n';
import { targetCells } from '../../packages/starlight-charter/lib/published';
import type { SlaApi } from '../../packages/starlight-charter/schemas/api';
import type { Severity } from '../../packages/starlight-charter/schemas/severities';
import type { Tier } from '../../packages/starlight-charter/schemas/tiers';
import { buildSite, copyTerms, makeSite, WEE } from '../support/sites';
import { percentText, serve, wordsOf } from './support';

/**
 * A tier that promises nothing. WEE's terms are copied and their lowest tier made best effort in
 * the YAML (no availability target, no first-response or resolution time); the site built from
 * the copy must say "best effort" in words wherever it lists that tier's targets, show no
 * figure for it, and keep every calculator from showing NaN or an empty result.
 */

/** What a result must never read: a broken number or a missing value. */
const BROKEN = /NaN|undefined|null|Infinity|Invalid Date/;

let terms = '';
let lowest = '';
let company: Catalog;
/** Charter's words in the language of the copy's site (WEE's: German). */
let t: Translate;
let tier: Tier;
let severities: Severity[] = [];
/** A tier with a credit schedule, for the credit calculator to compute with after the best-effort one. */
let credited: Tier;
let out = '';
let base = '';
let close = () => {};

/** Makes the lowest tier of the terms in `dir` best effort: no availability, no first response. */
function makeLowestBestEffort(dir: string): string {
  const id: string = parse(readFileSync(join(dir, 'tiers.yaml'), 'utf8')).tiers[0].id;
  const file = join(dir, 'sla.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const entry = (doc.get('tiers') as YAMLSeq<YAMLMap>).items.find((e) => e.get('tier') === id)!;
  entry.set('availability', BEST_EFFORT);
  entry.delete('credit_schedule');
  for (const pair of (entry.get('targets') as YAMLMap).items) {
    (pair.value as YAMLMap).set('first_response', BEST_EFFORT);
  }
  writeFileSync(file, doc.toString());
  return id;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // One build of the site; it takes longer than a test.
  test.setTimeout(600_000);
  terms = copyTerms(WEE);
  lowest = makeLowestBestEffort(terms);
  company = loadCatalog(terms);
  t = wordsOf(company);
  tier = company.tiers.tiers.find((t) => t.id === lowest)!;
  severities = company.severities.severities;
  credited = company.tiers.tiers.find((t) => slaForTier(company, t.id).credit_schedule)!;
  // In WEE's languages, as its articles are (the English ones under kb/en/).
  out = buildSite(makeSite({ terms, starlight: WEE.locales }));
  // WEE's site is served under the path of its site_url.
  const server = await serve(out, new URL(company.company.site_url).pathname);
  base = server.url;
  close = server.close;
});

test.afterAll(() => {
  close();
  if (terms) rmSync(terms, { recursive: true, force: true });
});

const result = (page: Page) => page.getByRole('region', { name: t('charter.calc.result') });
const figure = (page: Page, key: string) => result(page).locator(`[data-result="${key}"]`).first();

/** The result has text, and none of it is broken. */
async function expectReadable(region: Locator) {
  await expect(region).not.toHaveText(/^\s*$/);
  await expect(region).not.toContainText(BROKEN);
}

test('the SLA page says best effort for every target and the availability of the tier', async ({
  page,
}) => {
  await page.goto(`${base}/commercial/sla/`);
  for (const severity of severities) {
    const row = page.locator(`tr[data-tier="${lowest}"][data-severity="${severity.id}"]`);
    // The published cells, which the commercial lint compares with the data, say it in words.
    const bestEffort = t('charter.bestEffort.target');
    expect(targetCells(company, lowest, severity.id, t)).toEqual({
      first_response: bestEffort,
      resolution: bestEffort,
    });
    await expect(row.locator('td[data-field="first_response"]')).toHaveText(bestEffort);
    await expect(row.locator('td[data-field="resolution"]')).toHaveText(bestEffort);
  }
  const availability = page.locator(`tr[data-tier="${lowest}"]:not([data-severity])`);
  await expect(availability).toHaveCount(1);
  await expect(availability.locator('td[data-field="availability"]')).toHaveText(
    t('charter.bestEffort.target'),
  );
  await expect(availability.locator('td[data-field="downtime"]')).toHaveText(
    t('charter.bestEffort.noDowntimeLimit'),
  );
  // No figure in any of the tier's figure cells.
  for (const text of await page
    .locator(`tr[data-tier="${lowest}"] td[data-field]`)
    .allTextContents()) {
    expect(text).not.toMatch(/\d/);
  }
  // The other tiers keep their figures.
  for (const other of company.tiers.tiers.filter((t) => t.id !== lowest)) {
    await expect(
      page.locator(
        `tr[data-tier="${other.id}"]:not([data-severity]) td[data-field="availability"]`,
      ),
    ).toHaveText(percentText(slaForTier(company, other.id).availability!, company.company.locale));
  }
  // No credit table names the tier: it has no schedule.
  // "credit schedule", "Gutschriftenstaffel": the caption's words without a schedule's name.
  const scheduleWords = t('charter.creditTables.caption', { name: '' }).trim();
  await expect(page.getByRole('table', { name: scheduleWords })).not.toHaveCount(0);
  for (const caption of await page.locator('table caption').allTextContents()) {
    if (caption.includes(scheduleWords)) expect(caption).not.toContain(tier.name);
  }
});

test('the tiers page and the overview say best effort for the tier’s first response', async ({
  page,
}) => {
  for (const path of ['/commercial/tiers/', '/commercial/']) {
    await page.goto(`${base}${path}`);
    const row = page
      .getByRole('table', { name: t('charter.tierTable.caption') })
      .locator(`tr[data-tier="${lowest}"]`);
    await expect(row.getByRole('cell').first()).toHaveText(t('charter.bestEffort.target'));
  }
});

test('the response-deadline calculator gives no deadline for the tier, for every severity', async ({
  page,
}) => {
  for (const severity of severities) {
    await page.goto(
      `${base}/calculators/response-deadline/?tier=${lowest}&sev=${severity.id}&date=2026-03-06&time=10:00&tz=UTC`,
    );
    await expect(figure(page, 'first-response')).toHaveText(t('charter.deadline.noDeadline'));
    await expect(figure(page, 'resolution')).toHaveText(t('charter.deadline.noDeadline'));
    await expectReadable(result(page));
  }
  // Without a link it opens on a tier that has a deadline to give.
  await page.goto(`${base}/calculators/response-deadline/`);
  await expect(page.getByLabel(t('charter.deadline.tier'))).not.toHaveValue(lowest);
  await expect(figure(page, 'first-response')).not.toHaveText(t('charter.deadline.noDeadline'));
  await expectReadable(result(page));
});

test('the service-credit calculator says the tier earns no credits, by the tier field, instead of computing', async ({
  page,
}) => {
  await page.goto(`${base}/calculators/service-credit/`);
  const select = page.getByLabel(t('charter.credit.tier'));
  await expect(select.locator(`option[value="${lowest}"]`)).toHaveText(
    t('charter.credit.bestEffortTier', { tier: tier.name }),
  );
  // One best-effort tier: its name alone, and the sentence's form for one.
  await expect(page.locator('#credit-tier-hint')).toHaveText(
    t('charter.credit.bestEffortHint', { tiers: tier.name, count: 1 }),
  );
  await expect(select).toHaveAccessibleDescription(new RegExp(tier.name));

  await select.selectOption(lowest);
  await expect(figure(page, 'explanation')).toHaveText(
    t('charter.credit.bestEffortResult', { tier: tier.name }),
  );
  await expect(figure(page, 'amount')).toHaveCount(0);
  // Whatever is typed, there is nothing to compute.
  await page.getByLabel(t('charter.credit.uptime')).fill('12.5');
  await expect(figure(page, 'explanation')).toHaveText(
    t('charter.credit.bestEffortResult', { tier: tier.name }),
  );
  await expect(figure(page, 'amount')).toHaveCount(0);
  await expectReadable(result(page));
  await expect(page).toHaveURL(new RegExp(`tier=${lowest}`));

  // A tier with credits computes again from the same uptime.
  await select.selectOption(credited.id);
  await expect(figure(page, 'amount')).toHaveCount(1);
  await expectReadable(result(page));

  // A link to the best-effort tier opens on the words, not on a wait for input.
  await page.goto(`${base}/calculators/service-credit/?tier=${lowest}`);
  await expect(figure(page, 'explanation')).toHaveText(
    t('charter.credit.bestEffortResult', { tier: tier.name }),
  );
});

test('the downtime calculator offers no preset for the tier and says why', async ({ page }) => {
  await page.goto(`${base}/calculators/downtime/`);
  const preset = page.getByLabel(t('charter.downtime.presetLabel'));
  const labels = await preset.locator('option').allTextContents();
  expect(labels.filter((l) => l.includes(tier.name))).toEqual([]);
  await expect(page.locator('#downtime-preset-hint')).toHaveText(
    t('charter.downtime.bestEffortHint', { tiers: tier.name, count: 1 }),
  );
  // The default preset is a tier with a target, so the result is a table of figures.
  await expect(result(page).getByRole('table')).toHaveCount(1);
  await expectReadable(result(page));
  for (const label of labels.filter((l) => l !== t('charter.downtime.ownTarget'))) {
    await preset.selectOption({ label });
    await expectReadable(result(page));
  }
});

test('the calculators keep no accessibility violations with the best-effort tier chosen', async ({
  page,
}) => {
  for (const path of [
    `/calculators/service-credit/?tier=${lowest}`,
    `/calculators/response-deadline/?tier=${lowest}`,
    '/calculators/downtime/',
  ]) {
    await page.goto(`${base}${path}`);
    await expectReadable(result(page));
    const found = await new AxeBuilder({ page }).include('.calc').analyze();
    expect(found.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
  }
});

test('/api/sla.json gives the tier nulls, each with the words of the pages', async ({
  request,
}) => {
  const sla = (await (await request.get(`${base}/api/sla.json`)).json()) as SlaApi;
  const entry = sla.tiers.find((t) => t.tier === lowest)!;
  expect(entry).toMatchObject({
    availability_percent: null,
    availability_text: t('charter.bestEffort.target'),
    allowed_downtime_per_month: null,
    credit_schedule: null,
  });
  for (const target of entry.targets) {
    expect(target).toMatchObject({
      first_response: null,
      first_response_text: t('charter.bestEffort.target'),
      resolution: null,
      resolution_text: t('charter.bestEffort.target'),
    });
  }
});

test('no built page shows a broken number', () => {
  const pages = globSync('**/*.html', { cwd: out });
  expect(pages.length).toBeGreaterThan(0);
  for (const file of pages) {
    // The text a reader sees: without scripts, styles and tags.
    const text = readFileSync(join(out, file), 'utf8')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ');
    expect(text, file).not.toMatch(/\bNaN\b|(?:undefined|null)\s*%/);
  }
});
