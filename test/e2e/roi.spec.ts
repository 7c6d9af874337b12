import { expect, test, type Page } from '@playwright/test';
import type { Plan } from '../../packages/starlight-charter/schemas/pricing';
import type { RoiInput } from '../../packages/starlight-charter/schemas/roi';
import { catalog } from './support';

/**
 * The ROI calculator on the sample site. Every expectation is worked out here from the loaded
 * data and first principles (products of the answers, the plans' included amounts and prices,
 * Intl formats), not by the ROI module the page runs.
 */
const { roi } = catalog;
const { currency, locale } = catalog.company;
const M = 1_000_000;
const WAIT = 'Correct the highlighted field to see the result.';

/** Answers as a person types them: money in the currency's major unit. */
type Answers = Record<string, number | boolean>;
const input = (id: string) => roi.inputs.find((i) => i.id === id)!;
const defaults: Answers = Object.fromEntries(
  roi.inputs.map((i) => [i.id, i.kind === 'money' ? i.default / M : i.default]),
);
const factor = (a: Answers, id: string) =>
  (a[id] as number) * (input(id).kind === 'percent' ? 0.01 : 1);
const product = (a: Answers, ids: string[]) => ids.reduce((p, id) => p * factor(a, id), 1);
const meter = (id: string) => catalog.pricing.meters.find((m) => m.id === id)!;
const usageFor = (a: Answers) =>
  Object.fromEntries(
    Object.entries(roi.usage).map(([id, ids]) => {
      const amount = Number(product(a, ids).toFixed(9));
      return [id, meter(id).whole ? Math.ceil(amount) : amount];
    }),
  );
const tiers = catalog.tiers.tiers;
const rank = (tier: string) => tiers.findIndex((t) => t.id === tier);
const tierName = (tier: string) => tiers.find((t) => t.id === tier)!.name;

/** The rules that apply, the tier they require, and the lowest plan at or above it that includes the usage. */
function expected(a: Answers): { plan: Plan; reason: string | null } {
  const usage = usageFor(a);
  let floor = -1;
  let reason: string | null = null;
  for (const rule of roi.recommendation.rules) {
    const value = rule.field in a ? a[rule.field] : usage[rule.field];
    const applies =
      rule.equals !== undefined ? value === rule.equals : (value as number) >= rule.at_least!;
    if (applies && rank(rule.min_tier) > floor) {
      floor = rank(rule.min_tier);
      reason = rule.reason;
    }
  }
  const plans = [...catalog.pricing.plans].sort((x, y) => rank(x.tier) - rank(y.tier));
  const fits = (p: Plan) =>
    Object.entries(usage).every(
      ([m, n]) => p.usage[m]!.included === 'unlimited' || (p.usage[m]!.included as number) >= n,
    );
  return { plan: plans.find((p) => rank(p.tier) >= floor && fits(p)) ?? plans.at(-1)!, reason };
}

const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
  .maximumFractionDigits!;
const cash = (major: number) =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
const round = (major: number) => Math.round(major * 10 ** digits) / 10 ** digits;

/** A year of savings: units saved a month × 12 × what one is worth, to the cent. */
const annualSavings = (a: Answers) =>
  round(product(a, roi.savings.per_month) * 12 * (a[roi.savings.value_each] as number));

/** A year on a flat-priced plan with per-unit overage, or null when its price is on request. */
function annualCost(plan: Plan, a: Answers): number | null {
  if (plan.price.model !== 'flat') return plan.price.model === 'contact-us' ? null : NaN;
  let overage = 0;
  for (const [m, n] of Object.entries(usageFor(a))) {
    const allowance = plan.usage[m]!;
    if (allowance.included === 'unlimited' || n <= allowance.included) continue;
    if (allowance.overage?.model !== 'per-unit') return NaN;
    overage += round(((n - allowance.included) * allowance.overage.per_unit) / M);
  }
  return (plan.price.monthly / M + overage) * 12;
}

const figure = (page: Page, key: string) =>
  page.getByRole('region', { name: 'Result' }).locator(`[data-result="${key}"]`).first();
const resultRegion = (page: Page) => page.getByRole('region', { name: 'Result' });
const field = (page: Page, i: RoiInput) => page.locator(`#roi-${i.id}`);

/** The page shows the plan, savings and cost these answers should give. */
async function expectFigures(page: Page, a: Answers) {
  const { plan, reason } = expected(a);
  await expect(figure(page, 'plan')).toHaveText(`Recommended plan: ${tierName(plan.tier)}`);
  if (reason) {
    await expect(figure(page, 'reason')).toHaveText(reason);
  } else {
    // No rule applies, so none is given as the reason.
    for (const rule of roi.recommendation.rules)
      await expect(resultRegion(page)).not.toContainText(rule.reason);
  }
  await expect(figure(page, 'savings')).toHaveText(cash(annualSavings(a)));
  const cost = annualCost(plan, a);
  expect(
    cost,
    'a sample plan priced other than flat or on request needs its own expectation',
  ).not.toBeNaN();
  await expect(figure(page, 'cost')).toHaveText(cost === null ? 'Needs a quote' : cash(cost));
}

const percentInput = roi.inputs.find((i) => i.kind === 'percent')!;
const wholeInput = roi.inputs.find((i) => i.kind === 'number' && i.whole)!;
const flagRules = roi.recommendation.rules.filter(
  (r) => r.equals === true && input(r.field)?.kind === 'yes-no',
);

test('recommends the plan the data implies and computes savings and cost from the defaults', async ({
  page,
}) => {
  await page.goto('/calculators/roi/');
  await expectFigures(page, defaults);
  const saved = Number(product(defaults, roi.savings.per_month).toFixed(2));
  const unitWord =
    new Intl.PluralRules(locale).select(saved) === 'one'
      ? roi.savings.unit.one
      : roi.savings.unit.other;
  await expect(figure(page, 'saved')).toHaveText(
    `${new Intl.NumberFormat(locale).format(saved)} ${unitWord}`,
  );
  // A reader sees no non-numbers, whatever the plan.
  await expect(resultRegion(page)).not.toContainText(/NaN|Infinity|undefined/);
});

test('renders one labelled field per declared input, in order, with its default', async ({
  page,
}) => {
  await page.goto('/calculators/roi/');
  const ids = await page
    .locator('#roi .calc-fields input')
    .evaluateAll((els) => els.map((el) => el.id));
  expect(ids).toEqual(roi.inputs.map((i) => `roi-${i.id}`));
  for (const i of roi.inputs) {
    const control = page.getByLabel(i.label, { exact: false });
    await expect(control).toHaveCount(1);
    if (i.kind === 'yes-no') await expect(field(page, i)).toBeChecked({ checked: i.default });
    else await expect(field(page, i)).toHaveValue(String(defaults[i.id]));
  }
});

test('follows each yes-no rule the reader ticks, and says why', async ({ page }) => {
  expect(flagRules.length).toBeGreaterThan(0);
  for (const rule of flagRules) {
    await page.goto('/calculators/roi/');
    await page.getByLabel(input(rule.field)!.label).check();
    const a = { ...defaults, [rule.field]: true };
    await expectFigures(page, a);
    await expect(resultRegion(page)).toContainText(rule.reason);
    expect(rank(expected(a).plan.tier)).toBeGreaterThanOrEqual(rank(rule.min_tier));
  }
});

test('works from the keyboard alone, in the order the inputs are declared', async ({ page }) => {
  await page.goto('/calculators/roi/');
  const first = `roi-${roi.inputs[0]!.id}`;
  // The first Tab reaches the link that skips to the content; from there the form is near.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (let presses = 0; presses < 400; presses++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === first) break;
    await page.keyboard.press('Tab');
  }
  const flag = flagRules[0]!.field;
  const a: Answers = { ...defaults };
  for (const i of roi.inputs) {
    await expect(field(page, i)).toBeFocused();
    if (i.id === percentInput.id) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('10');
      a[i.id] = 10;
    }
    if (i.id === flag) {
      await page.keyboard.press('Space');
      a[i.id] = true;
    }
    await page.keyboard.press('Tab');
  }
  // Enter submits nothing and keeps the page and its answers.
  await field(page, percentInput).focus();
  await page.keyboard.press('Enter');
  await expect(field(page, percentInput)).toHaveValue('10');
  await expectFigures(page, a);
});

test('shows an invalid answer’s error next to its field and waits for a correction', async ({
  page,
}) => {
  await page.goto('/calculators/roi/');
  const box = page.locator(`[data-field="roi-${percentInput.id}"]`);
  const rate = field(page, percentInput);
  const max = (percentInput as { max: number }).max;
  await rate.fill(String(max + 20));
  const message = `Enter at most ${max}%.`;
  await expect(box.locator('.calc-error')).toHaveText(message);
  await expect(box.locator('.calc-error')).toBeVisible();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toHaveAccessibleDescription(new RegExp(`${message.replace(/[.]/g, '\\.')}$`));
  await expect(resultRegion(page)).toContainText(WAIT);

  const whole = field(page, wholeInput);
  await whole.fill('2.5');
  await expect(page.locator(`[data-field="roi-${wholeInput.id}"] .calc-error`)).toHaveText(
    'Enter a whole number.',
  );

  await rate.fill(String(defaults[percentInput.id]));
  await whole.fill(String(defaults[wholeInput.id]));
  await expect(box.locator('.calc-error')).toBeHidden();
  await expect(rate).not.toHaveAttribute('aria-invalid', 'true');
  await expectFigures(page, defaults);
});

test('keeps the answers in the link and ignores a bad value in it', async ({ page, browser }) => {
  await page.goto('/calculators/roi/');
  const money = roi.inputs.find((i) => i.kind === 'money')!;
  const a: Answers = { ...defaults, [money.id]: 80, [flagRules[0]!.field]: true };
  await field(page, money).fill('80');
  await page.getByLabel(input(flagRules[0]!.field)!.label).check();
  await expectFigures(page, a);
  const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
  const other = await browser.newPage();
  await other.goto(new URL(href!, page.url()).href);
  await expectFigures(other, a);
  await other.goto(`/calculators/roi/?${percentInput.id}=abc`);
  await expect(other.locator('#roi-note')).toContainText(`“${percentInput.id}”`);
  await expect(field(other, percentInput)).toHaveValue(String(defaults[percentInput.id]));
  await other.close();
});

test('the methodology states every default and rule from the data', async ({ page }) => {
  await page.goto('/calculators/roi/');
  const count = (n: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const word = (u: { one: string; other: string }, n: number) =>
    new Intl.PluralRules(locale).select(n) === 'one' ? u.one : u.other;
  const written = (i: RoiInput): string => {
    if (i.kind === 'yes-no') return i.default ? 'Yes' : 'No';
    if (i.kind === 'percent')
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(i.default)}%`;
    if (i.kind === 'money') {
      const major = i.default / M;
      const text = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: Number.isInteger(major) ? 0 : digits,
      }).format(major);
      return i.unit ? `${text} per ${i.unit.one}` : text;
    }
    return i.unit ? `${count(i.default)} ${word(i.unit, i.default)}` : count(i.default);
  };
  const table = page.getByRole('table', { name: 'Default answers' });
  await expect(table.locator('tbody tr')).toHaveCount(roi.inputs.length);
  for (const i of roi.inputs) {
    await expect(table.locator(`tr[data-default="${i.id}"] th`)).toHaveText(i.label);
    await expect(table.locator(`tr[data-default="${i.id}"] td`)).toHaveText(written(i));
  }
  const rules = page.getByRole('table', { name: 'Plan recommendation rules' });
  await expect(rules.locator('tbody tr')).toHaveCount(roi.recommendation.rules.length);
  for (const [n, rule] of roi.recommendation.rules.entries()) {
    const row = rules.locator('tbody tr').nth(n);
    await expect(row.locator('th')).toContainText(
      input(rule.field)?.label ?? meter(rule.field).name,
    );
    await expect(row.locator('td').first()).toHaveText(tierName(rule.min_tier));
    await expect(row.locator('td').nth(1)).toHaveText(rule.reason);
  }
  // The formulas name the model's own inputs.
  const formulas = page.getByRole('table', { name: 'Formulas' });
  await expect(formulas).toContainText(`${roi.savings.name} per month`);
  for (const id of [
    ...roi.savings.per_month,
    roi.savings.value_each,
    roi.horizon,
    ...Object.values(roi.usage).flat(),
  ]) {
    await expect(formulas).toContainText(input(id)!.label);
  }
});
