import { expect, test, type Page } from '@playwright/test';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import {
  moneyFormat,
  slaForTier,
  supportHoursFor,
  targetFor,
} from '../../packages/starlight-charter/lib/catalog';
import { PERIODS } from '../../packages/starlight-charter/lib/downtime';
import { languageOf } from '../../packages/starlight-charter/lib/i18n';
import {
  addClockMinutes,
  formatInstant,
  instantFromLocal,
  scheduleZone,
} from '../../packages/starlight-charter/lib/sla-clock';
import { WEE } from '../support/sites';
import { expectations } from './pricing-expect';
import {
  bandText,
  catalog,
  creditAmount,
  downtimeText,
  localeMessages,
  localeWords,
  serve,
  weeSite,
} from './support';

/**
 * Every calculator opens on values from the data with a worked result and no error; an error
 * appears next to a field only once the person has changed or left it. Expectations are worked
 * out here from the loaded data.
 */
const money = moneyFormat(catalog);
const { locale } = catalog.company;
const M = 1_000_000;
/** Charter's English words, read from translations/en.json. */
const english = localeWords('en');
const WAITING = /Correct the highlighted field|Complete the fields above|needs JavaScript/;
const CALCULATORS = ['service-credit', 'downtime', 'response-deadline', 'monthly-cost', 'roi'];

const result = (page: Page, name = 'Result') => page.getByRole('region', { name });
const figure = (page: Page, key: string, name = 'Result') =>
  result(page, name).locator(`[data-result="${key}"]`).first();

/**
 * A result is showing, worked out, with no error anywhere in the form; `words` are the site's
 * texts when it writes in another language than English.
 */
async function expectCleanResult(page: Page, words?: Record<string, string>) {
  const region = result(page, words?.['charter.calc.result']);
  const waiting = words
    ? [words['charter.calc.correctField']!, words['charter.calc.completeFields']!]
    : [WAITING];
  await expect(region.locator('[data-result]').first()).toBeVisible();
  for (const text of waiting) await expect(region).not.toContainText(text);
  await expect(region).not.toContainText(/NaN|Infinity|undefined/);
  await expect(page.locator('.calc-error:visible')).toHaveCount(0);
  await expect(page.locator('.calc [aria-invalid="true"]')).toHaveCount(0);
  await expect(page.locator('.calc-note:visible')).toHaveCount(0);
}

/** Clearing a field and leaving it shows its error next to it, and the result waits. */
async function expectErrorAfterClearing(page: Page, id: string, message: string | RegExp) {
  const input = page.locator(`#${id}`);
  await input.fill('');
  await input.press('Tab');
  await expect(page.locator(`#${id}-error`)).toBeVisible();
  await expect(page.locator(`#${id}-error`)).toHaveText(message);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  // The description is the hint, if any, then the error.
  const text =
    typeof message === 'string' ? message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : message.source;
  await expect(input).toHaveAccessibleDescription(new RegExp(`${text}$`));
  await expect(result(page)).toContainText('Correct the highlighted field to see the result.');
  // Only that field: the others were not touched.
  await expect(page.locator('.calc-error:visible')).toHaveCount(1);
}

/** The first tier (lowest first) with a credit schedule and a set monthly price, and its schedule. */
function creditExample(c: Catalog) {
  for (const tier of c.tiers.tiers) {
    const schedule = c.credits.schedules.find(
      (s) => s.id === slaForTier(c, tier.id).credit_schedule,
    );
    const price = c.pricing.plans.find((p) => p.tier === tier.id)!.price;
    if (schedule && 'monthly' in price && price.monthly > 0)
      return { tier, schedule, fee: price.monthly };
  }
  throw new Error('the data needs a priced tier with service credits');
}

test.describe('calculators open on a result from the data', () => {
  test('service credit: a priced tier with credits, its list price and an uptime that earns one', async ({
    page,
  }) => {
    const { tier, schedule, fee } = creditExample(catalog);
    // Bands run highest uptime first: the first that pays a credit.
    const band = schedule.bands.find((b) => b.credit > 0)!;
    await page.goto('/calculators/service-credit/');
    await expect(page.getByLabel('Support tier')).toHaveValue(tier.id);
    await expect(page.getByLabel(`Monthly fee (${money.currency})`)).toHaveValue(String(fee / M));
    const uptime = Number(await page.getByLabel('Measured monthly uptime (%)').inputValue());
    expect(uptime).toBeGreaterThan(band.at_least);
    expect(uptime).toBeLessThan(band.below);
    // Inside the band: its credit, up to the cap.
    const credit = creditAmount(fee, Math.min(band.credit, catalog.credits.cap_percent), money);
    await expect(figure(page, 'band')).toHaveText(bandText(band, locale, english));
    await expect(figure(page, 'amount')).toHaveText(credit.text);
    expect(credit.minor).toBeGreaterThan(0);
    await expectCleanResult(page);
    await expectErrorAfterClearing(page, 'credit-uptime', 'Enter a number.');
  });

  test('service credit: a tier priced on request waits quietly for the fee until submitted', async ({
    page,
  }) => {
    const onRequest = catalog.tiers.tiers.find((t) => {
      const plan = catalog.pricing.plans.find((p) => p.tier === t.id)!;
      return plan.price.model === 'contact-us' && slaForTier(catalog, t.id).credit_schedule;
    });
    expect(onRequest, 'the sample needs a tier with credits priced on request').toBeDefined();
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Support tier').selectOption(onRequest!.id);
    const fee = page.getByLabel(`Monthly fee (${money.currency})`);
    await expect(fee).toHaveValue('');
    await expect(result(page)).toContainText('Complete the fields above to see the result.');
    await expect(page.locator('.calc-error:visible')).toHaveCount(0);
    // Enter submits the form, which touches every field: now the fee says what it needs.
    await page.getByLabel('Measured monthly uptime (%)').press('Enter');
    await expect(page.locator('#credit-fee-error')).toHaveText('Enter a number.');
    await expect(fee).toHaveAttribute('aria-invalid', 'true');
    await expect(result(page)).toContainText('Correct the highlighted field to see the result.');
  });

  test('a link’s values win over the defaults', async ({ page }) => {
    const { tier, schedule } = creditExample(catalog);
    // An uptime in the last band, not the one the page opens on.
    const band = schedule.bands.at(-1)!;
    const uptime = (band.at_least + band.below) / 2;
    await page.goto(`/calculators/service-credit/?tier=${tier.id}&uptime=${uptime}&fee=100`);
    await expect(page.getByLabel('Measured monthly uptime (%)')).toHaveValue(String(uptime));
    await expect(page.getByLabel(`Monthly fee (${money.currency})`)).toHaveValue('100');
    await expect(figure(page, 'band')).toHaveText(bandText(band, locale, english));
    await expectCleanResult(page);
  });

  test('downtime: the highest tier’s availability target', async ({ page }) => {
    const highest = [...catalog.tiers.tiers]
      .reverse()
      .find((t) => slaForTier(catalog, t.id).availability !== null)!;
    const availability = slaForTier(catalog, highest.id).availability!;
    await page.goto('/calculators/downtime/');
    await expect(page.getByLabel('Availability target (%)')).toHaveValue(String(availability));
    await expect(page.getByLabel('Preset')).toHaveValue(String(availability));
    const table = page.getByRole('table', { name: /Allowed downtime at/ });
    await expect(table.getByRole('row', { name: /^Per month/ })).toContainText(
      downtimeText((PERIODS.month.minutes * (100 - availability)) / 100, english),
    );
    await expectCleanResult(page);
    await expectErrorAfterClearing(page, 'downtime-target', 'Enter a number.');
  });

  test('response deadline: a tier with a first response, the first severity, opened now', async ({
    page,
  }) => {
    const severity = catalog.severities.severities[0]!;
    const tier = catalog.tiers.tiers.find(
      (t) => targetFor(catalog, t.id, severity.id).firstResponse !== null,
    )!;
    const before = Date.now();
    await page.goto('/calculators/response-deadline/');
    await expect(page.getByLabel('Support tier')).toHaveValue(tier.id);
    await expect(page.getByLabel('Severity')).toHaveValue(severity.id);
    const zone = await page.getByLabel('Your time zone').inputValue();
    const date = await page.getByLabel('Ticket opened on (date)').inputValue();
    const time = await page.getByLabel('Ticket opened at (24-hour time)').inputValue();
    // Now, rounded down to a quarter hour.
    const opened = instantFromLocal(date, time, zone)!;
    expect(opened.getTime() % (15 * 60_000)).toBe(0);
    expect(before - opened.getTime()).toBeGreaterThanOrEqual(-60_000);
    expect(Date.now() - opened.getTime()).toBeLessThan(16 * 60_000);
    const target = targetFor(catalog, tier.id, severity.id);
    const hours = supportHoursFor(catalog, tier.id);
    const due = addClockMinutes(
      opened,
      target.firstResponse!,
      target.clock,
      hours,
      scheduleZone(hours, zone),
    );
    await expect(figure(page, 'first-response')).toHaveText(formatInstant(due, zone, locale));
    await expectCleanResult(page);
    await expectErrorAfterClearing(
      page,
      'deadline-time',
      'Enter the time the ticket was opened, for example 16:59.',
    );
  });

  test('monthly cost: the first paid plan at each meter’s included amount', async ({ page }) => {
    const expected = expectations(catalog);
    const plan = catalog.pricing.plans.find(
      (p) =>
        p.price.model !== 'contact-us' &&
        (p.price.model === 'share-of-spend' ? p.price.minimum : p.price.monthly) > 0,
    )!;
    const usage = Object.fromEntries(
      catalog.pricing.meters.map((m) => {
        const included = plan.usage[m.id]!.included;
        return [m.id, included === 'unlimited' ? 0 : included];
      }),
    );
    await page.goto('/calculators/monthly-cost/');
    await expect(page.getByLabel('Plan')).toHaveValue(plan.id);
    for (const meter of catalog.pricing.meters) {
      await expect(page.getByLabel(expected.meterLabel(meter), { exact: true })).toHaveValue(
        String(usage[meter.id]),
      );
    }
    await expect(figure(page, 'total')).toHaveText(
      expected.money(expected.cost(plan, usage).total!),
    );
    await expectCleanResult(page);
    const first = catalog.pricing.meters[0]!;
    await expectErrorAfterClearing(page, `cost-meter-${first.id}`, 'Enter a number.');
  });

  test('ROI: the roi.yaml defaults', async ({ page }) => {
    await page.goto('/calculators/roi/');
    for (const input of catalog.roi.inputs) {
      const field = page.locator(`#roi-${input.id}`);
      if (input.kind === 'yes-no') await expect(field).toBeChecked({ checked: input.default });
      else
        await expect(field).toHaveValue(
          String(input.kind === 'money' ? input.default / M : input.default),
        );
    }
    await expect(figure(page, 'plan')).toHaveText(/^Recommended plan: /);
    await expectCleanResult(page);
    const number = catalog.roi.inputs.find((i) => i.kind !== 'yes-no')!;
    await expectErrorAfterClearing(page, `roi-${number.id}`, 'Enter a number.');
  });

  test('leaving a field without changing it shows no error', async ({ page }) => {
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Measured monthly uptime (%)').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectCleanResult(page);
  });
});

test.describe('WEE, under its base path', () => {
  const wee = loadCatalog(WEE.terms);
  // WEE writes German: its words come from its language's locale file.
  const words = localeMessages(languageOf(wee.company.locale));
  let server: { url: string; close: () => void } | undefined;
  test.beforeAll(async () => {
    server = await serve(weeSite(), new URL(wee.company.site_url).pathname);
  });
  test.afterAll(() => server?.close());

  for (const path of CALCULATORS) {
    test(`/calculators/${path}/ opens with a result`, async ({ page }) => {
      await page.goto(`${server!.url}/calculators/${path}/`);
      await expectCleanResult(page, words);
    });
  }

  test('the service-credit result is worked out from WEE’s data', async ({ page }) => {
    const { tier, schedule, fee } = creditExample(wee);
    const weeMoney = moneyFormat(wee);
    await page.goto(`${server!.url}/calculators/service-credit/`);
    await expect(page.getByLabel(words['charter.credit.tier']!)).toHaveValue(tier.id);
    const uptime = Number(
      await page.getByLabel(`${words['charter.credit.uptime']} (%)`).inputValue(),
    );
    // The band the uptime falls in, its credit up to the cap.
    const band = schedule.bands.find((b) => uptime >= b.at_least && uptime < b.below)!;
    const credit = creditAmount(fee, Math.min(band.credit, wee.credits.cap_percent), weeMoney);
    expect(credit.minor).toBeGreaterThan(0);
    await expect(figure(page, 'amount', words['charter.calc.result'])).toHaveText(credit.text);
  });
});
