import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { moneyFormat, slaForTier } from '../../packages/starlight-charter/lib/catalog';
import { PERIODS } from '../../packages/starlight-charter/lib/downtime';
import { languageOf } from '../../packages/starlight-charter/lib/i18n';
import { formatMoney } from '../../packages/starlight-charter/lib/money';
import { formatInstant, instantFromLocal } from '../../packages/starlight-charter/lib/sla-clock';
import { WEE } from '../support/sites';
import { downtimeText, localeWords, percentText, serve, weeSite } from './support';

/**
 * WEE writes German (locale de-DE): a person uses each calculator in German. Every word
 * expected here is read from the locale file of WEE's language, every number is formatted by
 * Intl in WEE's locale; nothing German is typed in this file but the shape of its numbers.
 */
const wee = loadCatalog(WEE.terms);
const { locale } = wee.company;
const language = languageOf(locale);
const money = moneyFormat(wee);

/** A text of the locale file with its `{{name}}` values filled in. */
const say = localeWords(language);

/** A downtime in words: days, hours, minutes and seconds from the locale file. */
const downtimeWords = (minutes: number) => downtimeText(minutes, localeWords(language));

const region = (page: Page) => page.getByRole('region', { name: say('charter.calc.result') });
const figure = (page: Page, key: string) => region(page).locator(`[data-result="${key}"]`).first();

/** Types into a field, leaves it, and expects exactly `message` next to it. */
async function expectFieldError(page: Page, label: string, typed: string, message: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(typed);
  await field.press('Tab');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(
    new RegExp(`${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  await expect(region(page)).toContainText(say('charter.calc.correctField'));
}

let server: { url: string; close: () => void } | undefined;
test.beforeAll(async () => {
  server = await serve(weeSite(), new URL(wee.company.site_url).pathname);
});
test.afterAll(() => server?.close());

test('the page is German and the calculator frame speaks it', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/downtime/`);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  // The page itself is its German version, pages/calculators/downtime.de.mdx.
  const source = readFileSync(
    `packages/starlight-charter/pages/calculators/downtime.${language}.mdx`,
    'utf8',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /^title: (.+)$/m.exec(source)![1]!,
  );
  await expect(page.getByRole('form', { name: say('charter.downtime.form') })).toBeVisible();
  await expect(page.getByRole('link', { name: say('charter.calc.link') })).toBeVisible();
});

test('service credit: German field errors, then a German result in euros', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/service-credit/`);
  const uptimeLabel = `${say('charter.credit.uptime')} (%)`;
  await expectFieldError(page, uptimeLabel, 'abc', say('charter.calc.digitsOnly'));
  await expectFieldError(
    page,
    uptimeLabel,
    '99,2',
    say('charter.calc.decimalPoint', { number: '99.2' }),
  );
  await expectFieldError(page, uptimeLabel, '', say('charter.calc.enterNumber'));

  // A tier with a credit schedule and a fee typed by the person.
  const tier = wee.tiers.tiers.find((t) => slaForTier(wee, t.id).credit_schedule)!;
  const schedule = wee.credits.schedules.find(
    (s) => s.id === slaForTier(wee, tier.id).credit_schedule,
  )!;
  const band = schedule.bands.find((b) => b.credit > 0)!;
  const uptime = band.at_least;
  await page.getByLabel(say('charter.credit.tier')).selectOption(tier.id);
  await page.getByLabel(uptimeLabel, { exact: true }).fill(String(uptime));
  await page.getByLabel(`${say('charter.credit.fee')} (${money.currency})`).fill('1234.6');
  // At a band's lower edge the band's credit applies, up to the cap: a share of 123,460 cents
  // that is whole for the data's shares, so no rounding rule is assumed.
  const cents = (123_460 * Math.min(band.credit, wee.credits.cap_percent)) / 100;
  expect(Number.isInteger(cents)).toBe(true);
  await expect(page.locator('.calc-error:visible')).toHaveCount(0);
  await expect(region(page).getByText(say('charter.credit.resultAmount'))).toBeVisible();
  await expect(figure(page, 'uptime')).toHaveText(percentText(uptime, locale));
  await expect(figure(page, 'amount')).toHaveText(
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: 2,
    }).format(cents / 100),
  );
  // German percentages: a decimal comma and a no-break space before the sign.
  await expect(figure(page, 'uptime')).toHaveText(/^\d+(,\d+)?\u00a0%$/);
  // German money: a decimal comma before the cents.
  await expect(figure(page, 'amount')).toHaveText(/\d,\d\d\s€$/);
});

test('downtime: a German error, then German periods and durations', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/downtime/`);
  const target = `${say('charter.downtime.target')} (%)`;
  await expectFieldError(
    page,
    target,
    '101',
    say('charter.calc.atMost', { value: say('charter.calc.numberPercent', { number: '100' }) }),
  );
  await page.getByLabel(target, { exact: true }).fill('99.95');
  const table = page.getByRole('table', {
    name: say('charter.downtime.caption', { availability: percentText(99.95, locale) }),
  });
  await expect(table.locator('caption')).toContainText(/99,95\u00a0%/);
  for (const name of Object.keys(PERIODS) as (keyof typeof PERIODS)[]) {
    const row = table.getByRole('row', { name: new RegExp(`^${say(`charter.downtime.${name}`)}`) });
    // 99.95% available: down 5 minutes in every 10,000.
    await expect(row.getByRole('cell').last()).toHaveText(
      downtimeWords((PERIODS[name].minutes * 5) / 10_000),
    );
  }
  // The reverse: an hour of downtime in a day.
  await page
    .getByLabel(`${say('charter.downtime.reverse')} (${say('charter.downtime.minutesOptional')})`)
    .fill('60');
  await page.getByLabel(say('charter.downtime.reverseOver')).selectOption('day');
  await expect(figure(page, 'reverse')).toHaveText(
    say('charter.downtime.reverseResult', {
      downtime: say('charter.downtime.hours', { count: 1 }),
      within: say('charter.downtime.dayWithin'),
      // Up 23 of a day's 24 hours, to the calculator's six decimals.
      availability: new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 6,
      }).format(23 / 24),
    }),
  );
});

test('response deadline: a German error, then German dates', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/response-deadline/`);
  const date = `${say('charter.deadline.date')} (${say('charter.deadline.dateUnit')})`;
  const field = page.getByLabel(date, { exact: true });
  await field.fill('');
  await field.press('Tab');
  await expect(page.locator('#deadline-date-error')).toHaveText(
    say('charter.deadline.dateMissing'),
  );

  await field.fill('2026-11-02');
  await page
    .getByLabel(`${say('charter.deadline.time')} (${say('charter.deadline.timeUnit')})`)
    .fill('10:00');
  await page.getByLabel(say('charter.deadline.zone')).selectOption('Europe/Berlin');
  const opened = instantFromLocal('2026-11-02', '10:00', 'Europe/Berlin')!;
  await expect(figure(page, 'opened')).toHaveText(formatInstant(opened, 'Europe/Berlin', locale));
  await expect(
    region(page).getByText(say('charter.deadline.opened'), { exact: true }),
  ).toBeVisible();
  await expect(figure(page, 'clock')).toBeVisible();
});

test('monthly cost: a German error, then a German table and total in euros', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/monthly-cost/`);
  const meter = wee.pricing.meters[0]!;
  const field = page.locator(`#cost-meter-${meter.id}`);
  await field.fill('1,000');
  await field.press('Tab');
  await expect(page.locator(`#cost-meter-${meter.id}-error`)).toHaveText(
    say('charter.calc.noThousandsSeparators', { number: '1000' }),
  );
  await expect(region(page)).toContainText(say('charter.calc.correctField'));

  await field.fill('0');
  const plan = page.getByLabel(say('charter.cost.plan'));
  const flat = wee.pricing.plans.find((p) => p.price.model === 'flat' && p.price.monthly > 0)!;
  await plan.selectOption(flat.id);
  const name = wee.tiers.tiers.find((t) => t.id === flat.tier)!.name;
  const table = page.getByRole('table', { name: say('charter.cost.caption', { plan: name }) });
  await expect(table.getByRole('columnheader', { name: say('charter.cost.charge') })).toBeVisible();
  await expect(
    table.getByRole('row', { name: new RegExp(`^${say('charter.cost.total')}`) }),
  ).toBeVisible();
  await expect(figure(page, 'base')).toHaveText(
    formatMoney(flat.price.model === 'flat' ? flat.price.monthly : 0, money),
  );
});

test('ROI: a German error, then a German recommendation and figures', async ({ page }) => {
  await page.goto(`${server!.url}/calculators/roi/`);
  const number = wee.roi.inputs.find((i) => i.kind === 'number' && i.min === 0)!;
  const field = page.locator(`#roi-${number.id}`);
  await field.fill('-1');
  await field.press('Tab');
  await expect(page.locator(`#roi-${number.id}-error`)).toHaveText(say('charter.calc.notNegative'));
  await field.fill(String(number.default));
  await field.press('Tab');
  const names = wee.tiers.tiers.map((t) => t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  await expect(figure(page, 'plan')).toHaveText(
    new RegExp(`^${say('charter.roi.recommended', { plan: `(${names.join('|')})` })}$`),
  );
  await expect(
    region(page).getByText(say('charter.roi.annualSavings'), { exact: true }),
  ).toBeVisible();
  await expect(figure(page, 'savings')).toHaveText(/^[\d.]+,\d\d\s€$/);
});

test('SOW generator: German form, German problems next to their field, German document', async ({
  page,
}) => {
  await page.goto(`${server!.url}/sales/sow-generator/`);
  await expect(page.getByRole('button', { name: say('charter.sowForm.print') })).toBeVisible();
  const preview = page
    .getByRole('region', { name: say('charter.sowForm.preview') })
    .getByRole('article', { name: say('charter.sow.title') });
  await expect(
    preview.getByRole('heading', { name: say('charter.sow.scope'), exact: true }),
  ).toBeVisible();

  await page.getByLabel(say('charter.sow.startDate'), { exact: true }).fill('2027-03-01');
  const end = page.getByLabel(say('charter.sow.endDate'), { exact: true });
  await end.fill('2027-02-01');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  // Shown as a sentence: its first letter capitalised, closed with the language's full stop.
  const message = say('charter.sow.endBeforeStart');
  await expect(end).toHaveAccessibleDescription(
    say('charter.sowForm.problem', { message: message[0]!.toUpperCase() + message.slice(1) }),
  );
  await expect(page.locator('.sow-readiness')).toHaveText(
    new RegExp(
      `^${say('charter.sowForm.toFix', { count: 2 }).replace(/\d+/, '\\d+').replace('.', '')}`,
    ),
  );
  // Dates in the document are written the German way.
  await expect(preview).toContainText(
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date('2027-03-01T00:00:00Z'),
    ),
  );
});
