import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import type { AddOnPrice, Meter } from '../../packages/starlight-charter/schemas/pricing';
import { expectations, moneyPattern } from './pricing-expect';
import { WEE } from '../support/sites';
import { serve, weeSite, wordsOf } from './support';

/**
 * The second company's pricing page and cost calculator, built from examples/wee and served on
 * a port of their own: what they show is worked out here from WEE's data as loaded, so the
 * checks follow the data through any change to its plans, meters and add-ons.
 */
const wee = loadCatalog(WEE.terms);
const expected = expectations(wee);
// WEE's site speaks German: the pricing and SLA pages say it in the words of its locale file.
const t = wordsOf(wee);
const onPage = expectations(wee, t);
const { locale, currency } = wee.company;
const { meters, plans } = wee.pricing;

/** Text as a regular expression that matches it literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server: { url: string; close: () => void } | undefined;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // WEE's site is served under the path of its site_url.
  server = await serve(weeSite(), new URL(wee.company.site_url).pathname);
  base = server.url;
});

test.afterAll(() => {
  server?.close();
});

const meterInput = (page: Page, meter: Meter) =>
  page.getByLabel(onPage.meterLabel(meter), { exact: true });
const figure = (page: Page, key: string) =>
  page
    .getByRole('region', { name: t('charter.calc.result') })
    .locator(`[data-result="${key}"]`)
    .first();
/** The cost calculator's plan and billing choices, labelled in the site's words. */
const choose = (page: Page, label: 'charter.cost.plan' | 'charter.cost.billing') =>
  page.getByLabel(t(label), { exact: true });
/** Usage of nothing but `amount` of one meter. */
const only = (meterId: string, amount: number) =>
  Object.fromEntries(meters.map((m) => [m.id, m.id === meterId ? amount : 0]));

test('the pricing page says each plan’s included amount and overage of every meter in words', async ({
  page,
}) => {
  await page.goto(`${base}/commercial/pricing/`);
  const table = page.getByRole('table', { name: t('charter.pricingTable.caption') });
  await expect(table.locator('tbody tr')).toHaveCount(plans.length);
  for (const plan of plans) {
    const row = table.locator(`tr[data-plan="${plan.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(onPage.tierName(plan));
    await expect(row.locator('td[data-field="price"]')).toHaveText(onPage.priceText(plan));
    for (const meter of meters) {
      const allowance = plan.usage[meter.id]!;
      await expect(row.locator(`td[data-field="included-${meter.id}"]`)).toHaveText(
        onPage.includedText(meter, allowance),
      );
      await expect(row.locator(`td[data-field="overage-${meter.id}"]`)).toHaveText(
        onPage.overageText(meter, allowance),
      );
    }
  }
  // Every plan's rule for a price that is not a set amount, and every add-on.
  const explained = plans.filter((p) =>
    ['per-seat', 'share-of-spend', 'from'].includes(p.price.model),
  );
  await expect(page.locator('[data-price-notes] [data-plan]')).toHaveCount(explained.length);
  for (const plan of explained.filter((p) => p.price.model === 'from')) {
    const price = plan.price as { monthly: number };
    await expect(
      page.locator(`[data-price-notes] [data-plan="${plan.id}"] [data-field="rule"]`),
    ).toContainText(expected.price(price.monthly));
  }
  await expect(page.locator('tr[data-add-on]')).toHaveCount(wee.pricing.add_ons.length);
});

test('the cost calculator asks for each of WEE’s meters once', async ({ page }) => {
  await page.goto(`${base}/calculators/monthly-cost/`);
  await expect(page.locator('.calc input[id^="cost-meter-"]')).toHaveCount(meters.length);
  for (const meter of meters) await expect(meterInput(page, meter)).toHaveCount(1);
  await expect(page.locator('.calc [aria-invalid="true"]')).toHaveCount(0);
  await expect(figure(page, 'total')).not.toContainText(/NaN|Infinity|undefined/);
  // Its add-on checkboxes, quantities and billing choice are as accessible as the sample's fields.
  const results = await new AxeBuilder({ page }).include('.calc').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('usage above a hard limit needs a higher plan, and no price is given for it', async ({
  page,
}) => {
  const limited = plans.flatMap((p) =>
    meters
      .filter(
        (m) => p.usage[m.id]!.overage === undefined && typeof p.usage[m.id]!.included === 'number',
      )
      .map((m) => ({ p, m, used: (p.usage[m.id]!.included as number) + 1 })),
  );
  // A quota above zero first: usage above an amount the plan does include.
  const liftable = limited.filter(
    ({ m, used }) => expected.cheapestName(only(m.id, used)) !== null,
  );
  const pick = liftable.find(({ used }) => used > 1) ?? liftable[0];
  expect(pick, 'WEE’s data needs a hard limit that a higher plan lifts').toBeDefined();
  const usage = only(pick!.m.id, pick!.used);
  await page.goto(`${base}/calculators/monthly-cost/`);
  await choose(page, 'charter.cost.plan').selectOption(pick!.p.id);
  for (const meter of meters) await meterInput(page, meter).fill(String(usage[meter.id]));
  const total = figure(page, 'total');
  // The sentence up to the limits it names, then what the plan needs.
  const [blocked] = t('charter.cost.blocked', {
    plan: expected.tierName(pick!.p),
    limits: '\u0000',
    needs: '',
  }).split('\u0000');
  await expect(total).toContainText(blocked!);
  // The cheapest plan that takes it, with its price or to be quoted by sales.
  const needs = (['charter.cost.needsCheapest', 'charter.cost.needsOnRequest'] as const).map(
    (key) => t(key, { plan: expected.cheapestName(usage)! }),
  );
  await expect(total).toContainText(new RegExp(needs.map(escapeRegExp).join('|')));
  const money = moneyPattern(locale, currency);
  expect(await total.textContent()).not.toMatch(money);
  expect(await figure(page, `overage-${pick!.m.id}`).textContent()).not.toMatch(money);
  await expect(figure(page, `alert-${pick!.m.id}`)).toHaveText(t('charter.cost.overHardLimit'));
});

test('a plan priced from a starting amount shows its total as "From"', async ({ page }) => {
  const plan = plans.find((p) => p.price.model === 'from');
  expect(plan, 'WEE’s data prices a plan from a starting amount').toBeDefined();
  // Above the included amount where more is charged, so the overage is part of the total.
  const usage = Object.fromEntries(
    meters.map((m) => {
      const a = plan!.usage[m.id]!;
      if (a.included === 'unlimited') return [m.id, 1];
      return [m.id, a.overage === undefined ? a.included : a.included + (m.whole ? 3 : 0.5)];
    }),
  );
  await page.goto(`${base}/calculators/monthly-cost/`);
  await choose(page, 'charter.cost.plan').selectOption(plan!.id);
  for (const meter of meters) await meterInput(page, meter).fill(String(usage[meter.id]));
  const cost = expected.cost(plan!, usage);
  const from = (amount: number) => t('charter.cost.from', { amount: expected.money(amount) });
  await expect(figure(page, 'base')).toHaveText(from(cost.base!));
  await expect(figure(page, 'total')).toHaveText(from(cost.total!));

  // Billed annually, where the plan offers it, the lower monthly price counts.
  const price = plan!.price as { monthly: number; annual_monthly?: number };
  if (price.annual_monthly !== undefined) {
    await choose(page, 'charter.cost.billing').selectOption('annual');
    const yearly = expected.cost(plan!, usage, {}, true);
    await expect(figure(page, 'total')).toHaveText(from(yearly.total!));
    await expect(
      page.getByRole('rowheader', { name: t('charter.cost.totalAnnual') }),
    ).toBeVisible();
  }
});

test('an add-on that adds to an included amount lets the plan take more', async ({ page }) => {
  const addOn = wee.pricing.add_ons.find(
    (a) => a.price.model === 'per-unit' && a.adds.included !== undefined,
  );
  expect(addOn, 'WEE’s data has an add-on that adds to an included amount').toBeDefined();
  const [meterId, each] = Object.entries(addOn!.adds.included!)[0]!;
  const plan = plans.find(
    (p) => addOn!.available_for.includes(p.id) && typeof p.usage[meterId]!.included === 'number',
  )!;
  const usage = only(meterId, (plan.usage[meterId]!.included as number) + each);
  const unit = (addOn!.price as Extract<AddOnPrice, { model: 'per-unit' }>).unit;
  await page.goto(`${base}/calculators/monthly-cost/`);
  await choose(page, 'charter.cost.plan').selectOption(plan.id);
  for (const meter of meters) await meterInput(page, meter).fill(String(usage[meter.id]));
  await page.getByLabel(`${addOn!.name} (${unit.other})`, { exact: true }).fill('1');
  const cost = expected.cost(plan, usage, { [addOn!.id]: 1 });
  expect(cost.blocked).toEqual([]);
  await expect(figure(page, `addon-${addOn!.id}`)).toContainText(
    expected.money(cost.addOns[addOn!.id]!),
  );
  await expect(figure(page, 'total')).toHaveText(
    cost.total === null ? t('charter.cost.onRequest') : expected.money(cost.total),
  );
});

test('the SLA page sets an add-on’s faster first responses beside the tier’s own', async ({
  page,
}) => {
  // Durations in words from first principles: whole hours or minutes, on the tier's clock, a
  // business-hours one in business hours ("4 Geschäftsstunden"), in the locale file's words.
  const words = (minutes: number, clock: string) => {
    const hours = minutes % 60 === 0;
    if (clock === 'business')
      return t('charter.target.business', {
        businessDuration: hours
          ? t('charter.duration.businessHours', { count: minutes / 60 })
          : t('charter.duration.businessMinutes', { count: minutes }),
      });
    return t('charter.target.calendar', {
      duration: hours
        ? t('charter.duration.hours', { count: minutes / 60 })
        : t('charter.duration.minutes', { count: minutes }),
    });
  };
  const rows = wee.pricing.add_ons.flatMap((addOn) =>
    Object.entries(addOn.adds.first_response ?? {}).flatMap(([severity, minutes]) =>
      addOn.available_for.map((planId) => ({ addOn, severity, minutes, planId })),
    ),
  );
  expect(rows.length, 'WEE’s data has an add-on with a faster first response').toBeGreaterThan(0);
  await page.goto(`${base}/commercial/sla/`);
  const table = page.getByRole('table', { name: t('charter.addOnTargets.caption') });
  await expect(table.locator('tbody tr')).toHaveCount(rows.length);
  for (const row of rows) {
    const plan = plans.find((p) => p.id === row.planId)!;
    const sla = wee.sla.tiers.find((t) => t.tier === plan.tier)!;
    const target = sla.targets[row.severity]!;
    const clock = target.clock ?? sla.clock;
    const tr = table.locator(
      `tr[data-add-on="${row.addOn.id}"][data-plan="${row.planId}"][data-severity="${row.severity}"]`,
    );
    await expect(tr.locator('[data-field="own"]')).toHaveText(words(target.first_response!, clock));
    await expect(tr.locator('[data-field="with-add-on"]')).toHaveText(words(row.minutes, clock));
  }
});
