import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  moneyFormat,
  planForTier,
  slaForTier,
  supportHoursFor,
  targetFor,
} from '../../src/lib/catalog';
import { cheapestPlan, monthlyCost } from '../../src/lib/cost';
import { explainCredit, formatUptime } from '../../src/lib/credit-calc';
import { describeBand } from '../../src/lib/credits';
import { formatPercent } from '../../src/lib/format';
import {
  allowedDowntime,
  availabilityFromDowntime,
  formatDowntime,
  minutesInMonth,
  PERIODS,
} from '../../src/lib/downtime';
import { formatMoney, MICROS_PER_UNIT, toMicros } from '../../src/lib/money';
import { recommendPlan, roiDefaults, roiFor } from '../../src/lib/roi';
import {
  addClockMinutes,
  formatInstant,
  instantFromLocal,
  nextOpening,
  scheduleZone,
} from '../../src/lib/sla-clock';
import { catalog } from './support';

const money = moneyFormat(catalog);
const locale = catalog.company.locale;
const WAIT = 'Correct the highlighted field to see the result.';

/** A figure in a calculator's result, marked `data-result`. */
const figure = (page: Page, key: string) =>
  page.getByRole('region', { name: 'Result' }).locator(`[data-result="${key}"]`).first();
const resultRegion = (page: Page) => page.getByRole('region', { name: 'Result' });

/** A tier with a credit schedule and a published price, and its schedule. */
function pricedCreditTier() {
  for (const tier of catalog.tiers.tiers) {
    const plan = planForTier(catalog, tier.id);
    const scheduleId = slaForTier(catalog, tier.id).credit_schedule;
    if (scheduleId && plan.price !== 'contact-us' && plan.price.monthly > 0) {
      return {
        tier,
        fee: plan.price.monthly,
        schedule: catalog.credits.schedules.find((s) => s.id === scheduleId)!,
      };
    }
  }
  throw new Error('the sample data needs a priced tier with service credits');
}

test.describe('every calculator', () => {
  for (const path of ['service-credit', 'downtime', 'response-deadline', 'monthly-cost', 'roi']) {
    test(`has no accessibility violations in the /calculators/${path}/ form`, async ({ page }) => {
      await page.goto(`/calculators/${path}/`);
      await expect(page.getByRole('region', { name: 'Result' })).not.toContainText('needs JavaScript');
      const results = await new AxeBuilder({ page }).include('.calc').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    });
  }
});

test.describe('sidebar', () => {
  test('lists every calculator under Calculators', async ({ page }) => {
    await page.goto('/calculators/service-credit/');
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    for (const href of ['service-credit', 'downtime', 'response-deadline', 'monthly-cost', 'roi']) {
      await expect(sidebar.locator(`a[href="/calculators/${href}/"]`)).toHaveCount(1);
    }
  });
});

test.describe('service credit calculator', () => {
  const { tier, fee, schedule } = pricedCreditTier();
  const band = schedule.bands.find((b) => b.at_least > 0)!;
  const uptime = (band.at_least + band.below) / 2;

  test('computes the credit as a person types, with the reason', async ({ page }) => {
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Support tier').selectOption(tier.id);
    await expect(page.getByLabel('Monthly fee (USD)')).toHaveValue(String(fee / MICROS_PER_UNIT));
    await page.getByLabel('Measured monthly uptime (%)').fill(String(uptime));
    await page.keyboard.press('Tab');
    const expected = explainCredit(schedule, catalog.credits.cap_percent, uptime, fee, money);
    await expect(figure(page, 'amount')).toHaveText(formatMoney(expected.amount, money));
    await expect(figure(page, 'band')).toHaveText(describeBand(band, locale));
    await expect(figure(page, 'explanation')).toHaveText(expected.explanation);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Support tier').focus();
    await page.keyboard.press('Tab'); // Measured as
    await page.keyboard.press('Tab'); // uptime
    await expect(page.getByLabel('Measured monthly uptime (%)')).toBeFocused();
    await page.keyboard.type(String(band.at_least));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/calculators\/service-credit\//);
    await expect(figure(page, 'percent')).toBeVisible();
  });

  test('reads downtime against the real length of February and of a 31-day month', async ({
    page,
  }) => {
    // Minutes that are inside a credit band in February but not in a 31-day month, from first principles.
    const target = Math.max(...schedule.bands.map((b) => b.below));
    const down = Math.ceil(((100 - target) / 100) * minutesInMonth(2026, 2) + 1);
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Support tier').selectOption(tier.id);
    await page.getByLabel('Measured as').selectOption('downtime');
    await page.getByLabel('Downtime in the month (minutes)').fill(String(down));
    for (const [month, days] of [
      ['2026-02', 28],
      ['2026-01', 31],
    ] as const) {
      await page.getByLabel('Calendar month (YYYY-MM)').fill(month);
      const measured = availabilityFromDowntime(down, days * 1440);
      await expect(figure(page, 'uptime')).toContainText(formatUptime(measured));
      await expect(figure(page, 'uptime')).toContainText(`${days}-day month`);
      const expected = explainCredit(schedule, catalog.credits.cap_percent, measured, fee, money);
      await expect(figure(page, 'amount')).toHaveText(formatMoney(expected.amount, money));
    }
  });

  for (const [typed, message] of <[string, string][]>[
    ['99,5', 'Use a point for decimals: write 99.5.'],
    ['1e309', 'That number is too large.'],
    ['-1', 'Enter a number that is not negative.'],
    ['101', 'Enter at most 100%.'],
    ['', 'Enter a number.'],
    ['abc', 'Enter a number using digits, for example 42 or 99.5.'],
  ]) {
    test(`shows a message and no result for uptime ${JSON.stringify(typed)}`, async ({ page }) => {
      await page.goto('/calculators/service-credit/?uptime=99');
      const input = page.getByLabel('Measured monthly uptime (%)');
      await input.fill(typed);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAccessibleDescription(
        new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
      await expect(resultRegion(page)).toContainText(WAIT);
      await expect(resultRegion(page)).not.toContainText(/NaN|Infinity/);
      await expect(input).toHaveValue(typed);
    });
  }

  test('a shared link reproduces the result', async ({ page, browser }) => {
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Support tier').selectOption(tier.id);
    await page.getByLabel('Measured monthly uptime (%)').fill(String(uptime));
    await page.getByLabel('Monthly fee (USD)').fill('1234.56');
    const text = await figure(page, 'explanation').textContent();
    const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
    expect(href).toContain(`tier=${tier.id}`);
    const other = await browser.newPage();
    await other.goto(href!);
    await expect(figure(other, 'explanation')).toHaveText(text!);
    await expect(other.getByLabel('Monthly fee (USD)')).toHaveValue('1234.56');
    await other.close();
  });

  test('ignores hostile link values with a visible note and injects nothing', async ({ page }) => {
    const hostile = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(`/calculators/service-credit/?tier=${hostile}&uptime=${hostile}&fee=1e309`);
    await expect(page.getByText(/was not valid and has been ignored/)).toBeVisible();
    await expect(page.getByText(/“tier”, “uptime”, “fee”/)).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expect(page.locator('.calc img')).toHaveCount(0);
  });

  test('says when a tier has no credit schedule', async ({ page }) => {
    const none = catalog.tiers.tiers.find((t) => !slaForTier(catalog, t.id).credit_schedule);
    test.skip(!none, 'every tier in the data has a credit schedule');
    await page.goto(`/calculators/service-credit/?tier=${none!.id}&uptime=50&fee=100`);
    await expect(figure(page, 'explanation')).toHaveText(
      `${none!.name} has no service-credit schedule, so no credit applies.`,
    );
  });

  test('agrees with the SLA page credit tables at every band edge', async ({ page }) => {
    const response = await page.goto('/commercial/sla/');
    test.skip(response?.status() === 404, 'the SLA page (/commercial/sla/) is not in this build');
    const rows = await page
      .locator('tr[data-schedule][data-at-least][data-below]')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          schedule: tr.getAttribute('data-schedule')!,
          atLeast: Number(tr.getAttribute('data-at-least')),
          below: Number(tr.getAttribute('data-below')),
          credit: tr.querySelector('td[data-field="credit"]')!.textContent!.trim(),
        })),
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const tierId = catalog.sla.tiers.find((t) => t.credit_schedule === row.schedule)?.tier;
      if (!tierId) continue;
      // Exactly on the lower edge, just above it, and just below the upper edge: all in this band.
      for (const edge of [row.atLeast, row.atLeast + 0.001, row.below - 0.001]) {
        await page.goto(`/calculators/service-credit/?tier=${tierId}&uptime=${edge}&fee=1000`);
        await expect(figure(page, 'band')).toHaveText(
          describeBand({ at_least: row.atLeast, below: row.below, credit: 0 }, locale),
        );
        await expect(figure(page, 'percent')).toHaveText(row.credit);
      }
      // Exactly on the upper edge belongs to the next band up (or no credit).
      await page.goto(`/calculators/service-credit/?tier=${tierId}&uptime=${row.below}&fee=1000`);
      await expect(figure(page, 'explanation')).not.toContainText(
        describeBand({ at_least: row.atLeast, below: row.below, credit: 0 }, locale),
      );
    }
  });
});

test.describe('downtime budget calculator', () => {
  const slas = catalog.sla.tiers;
  const preset = slas.at(-1)!;

  test('shows the budget for a tier preset, per period and for a calendar month', async ({
    page,
  }) => {
    await page.goto('/calculators/downtime/');
    const name = catalog.tiers.tiers.find((t) => t.id === preset.tier)!.name;
    await page
      .getByLabel('Preset')
      .selectOption({ label: `${name} target: ${formatPercent(preset.availability, locale)}` });
    await expect(page.getByLabel('Availability target (%)')).toHaveValue(
      String(preset.availability),
    );
    await page.getByLabel('Also show a calendar month (YYYY-MM, optional)').fill('2026-02');
    const table = page.getByRole('table', { name: /Allowed downtime at/ });
    for (const period of Object.values(PERIODS)) {
      const row = table.getByRole('row', { name: new RegExp(`^Per ${period.label}`) });
      await expect(row).toContainText(period.basis);
      await expect(row).toContainText(
        formatDowntime(allowedDowntime(preset.availability, period.minutes)),
      );
    }
    await expect(table.getByRole('row', { name: /February 2026/ })).toContainText(
      formatDowntime(allowedDowntime(preset.availability, minutesInMonth(2026, 2))),
    );
  });

  test('turns downtime back into availability and round-trips via the link', async ({
    page,
    browser,
  }) => {
    await page.goto('/calculators/downtime/');
    await page.getByLabel('Availability target (%)').fill('99.5');
    await expect(page.getByLabel('Preset')).toHaveValue(
      slas.some((s) => s.availability === 99.5) ? '99.5' : '',
    );
    await page.getByLabel('Reverse: downtime (minutes, optional)').fill('60');
    await page.getByLabel('Reverse: downtime over').selectOption('day');
    await expect(figure(page, 'reverse')).toHaveText(
      `1 hour of downtime in a day is ${formatUptime(availabilityFromDowntime(60, PERIODS.day.minutes))} availability.`,
    );
    const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
    const other = await browser.newPage();
    await other.goto(href!);
    await expect(figure(other, 'reverse')).toHaveText(
      (await figure(page, 'reverse').textContent()) as string,
    );
    await other.close();
  });

  test('rejects more downtime than the period has', async ({ page }) => {
    await page.goto('/calculators/downtime/');
    const down = page.getByLabel('Reverse: downtime (minutes, optional)');
    await down.fill('1441');
    await page.getByLabel('Reverse: downtime over').selectOption('day');
    await expect(down).toHaveAttribute('aria-invalid', 'true');
    await expect(resultRegion(page)).toContainText(WAIT);
  });
});

test.describe('response deadline calculator', () => {
  // A tier and severity on a business-hours clock, opened on a Friday one minute before closing.
  const pick = (() => {
    for (const sla of catalog.sla.tiers) {
      for (const sev of catalog.severities.severities) {
        const target = targetFor(catalog, sla.tier, sev.id);
        if (target.clock === 'business') return { tier: sla.tier, sev: sev.id, target };
      }
    }
    throw new Error('the sample data needs a business-hours target');
  })();
  const zone = 'America/New_York';

  test('counts business hours over the weekend and a DST change', async ({ page }) => {
    const hours = supportHoursFor(catalog, pick.tier);
    const [h, m] = hours.end.split(':').map(Number);
    const closing = `${String(h! - (m === 0 ? 1 : 0)).padStart(2, '0')}:${String(m === 0 ? 59 : m! - 1).padStart(2, '0')}`;
    // 2026-03-06 is a Friday; US clocks go forward on Sunday 2026-03-08.
    await page.goto('/calculators/response-deadline/');
    await page.getByLabel('Support tier').selectOption(pick.tier);
    await page.getByLabel('Severity').selectOption(pick.sev);
    await page.getByLabel('Your time zone').selectOption(zone);
    await page.getByLabel('Ticket opened on (date)').fill('2026-03-06');
    await page.getByLabel('Ticket opened at (24-hour time)').fill(closing);
    const opened = instantFromLocal('2026-03-06', closing, zone)!;
    const hz = scheduleZone(hours, zone);
    const due = addClockMinutes(opened, pick.target.firstResponse, 'business', hours, hz);
    await expect(figure(page, 'first-response')).toHaveText(formatInstant(due, zone, locale));
    await expect(figure(page, 'clock')).toContainText('business-hours clock');
    await expect(figure(page, 'clock')).toContainText(hours.name);
    const matrix = catalog.escalation.matrix[pick.sev] ?? {};
    for (const level of catalog.escalation.levels.filter((l) => matrix[l.id] !== undefined)) {
      await expect(figure(page, `escalation-${level.id}`)).toHaveText(
        formatInstant(
          addClockMinutes(opened, matrix[level.id]!, 'business', hours, hz),
          zone,
          locale,
        ),
      );
    }
  });

  test('starts the clock at the next opening for a ticket opened at the weekend', async ({
    page,
  }) => {
    const hours = supportHoursFor(catalog, pick.tier);
    test.skip(hours.days.includes('sat'), 'these support hours include Saturday');
    await page.goto(
      `/calculators/response-deadline/?tier=${pick.tier}&sev=${pick.sev}&date=2026-03-07&time=12:00&tz=${zone}`,
    );
    const opened = instantFromLocal('2026-03-07', '12:00', zone)!;
    await expect(figure(page, 'outside')).toContainText(
      formatInstant(nextOpening(opened, hours, zone), zone, locale),
    );
  });

  test('shows no commitment where the data has no resolution target, and the 24x7 clock', async ({
    page,
  }) => {
    for (const sla of catalog.sla.tiers) {
      for (const sev of catalog.severities.severities) {
        const target = targetFor(catalog, sla.tier, sev.id);
        await page.goto(
          `/calculators/response-deadline/?tier=${sla.tier}&sev=${sev.id}&date=2026-03-06&time=10:00&tz=UTC`,
        );
        await expect(figure(page, 'resolution')).toHaveText(
          target.resolution === null
            ? 'No commitment (best effort)'
            : formatInstant(
                addClockMinutes(
                  instantFromLocal('2026-03-06', '10:00', 'UTC')!,
                  target.resolution,
                  target.clock,
                  supportHoursFor(catalog, sla.tier),
                  'UTC',
                ),
                'UTC',
                locale,
              ),
        );
        await expect(figure(page, 'clock')).toContainText(
          target.clock === 'calendar' ? '24x7 clock' : 'business-hours clock',
        );
      }
    }
  });

  test('offers the reader’s own time zone by default and ignores an unknown one from a link', async ({
    browser,
  }) => {
    const context = await browser.newContext({ timezoneId: 'Asia/Kathmandu' });
    const page = await context.newPage();
    await page.goto('/calculators/response-deadline/?tz=Mars%2FOlympus');
    await expect(page.getByLabel('Your time zone')).toHaveValue(/^Asia\/Kath?mandu$/);
    await expect(page.getByText(/“tz” was not valid/)).toBeVisible();
    await expect(figure(page, 'opened')).toContainText('GMT+5:45');
    await context.close();
  });
});

test.describe('monthly cost calculator', () => {
  const plan = catalog.pricing.plans.find((p) => p.price !== 'contact-us' && p.price.monthly > 0)!;
  const usage = {
    queries: plan.included.queries + 3,
    ingest_gb: plan.included.ingest_gb * 0.9,
    seats: plan.included.seats,
  };

  test('adds overage per line and names the cheapest plan', async ({ page, browser }) => {
    await page.goto('/calculators/monthly-cost/');
    await page.getByLabel('Plan').selectOption(plan.id);
    await page.getByLabel('Queries per month (queries)').fill(String(usage.queries));
    await page.getByLabel('Data ingested per month (GB)').fill(String(usage.ingest_gb));
    await page.getByLabel('Seats (people)').fill(String(usage.seats));
    const cost = monthlyCost(plan, usage, catalog.pricing.usage_alerts, money.currency);
    await expect(figure(page, 'total')).toHaveText(formatMoney(cost.total!, money));
    await expect(figure(page, 'overage-queries')).toContainText(
      formatMoney(cost.lines[0]!.amount, money),
    );
    await expect(figure(page, 'alert-queries')).toHaveText('Over the quota');
    const best = cheapestPlan(
      catalog.pricing.plans,
      usage,
      catalog.pricing.usage_alerts,
      money.currency,
    ).cheapest!;
    await expect(figure(page, 'cheapest')).toContainText(formatMoney(best.total!, money));

    const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
    const other = await browser.newPage();
    await other.goto(href!);
    await expect(figure(other, 'total')).toHaveText(formatMoney(cost.total!, money));
    await other.close();
  });

  test('asks for whole seats', async ({ page }) => {
    await page.goto('/calculators/monthly-cost/');
    const seats = page.getByLabel('Seats (people)');
    await seats.fill('2.5');
    await expect(seats).toHaveAccessibleDescription('Enter a whole number.');
    await expect(resultRegion(page)).toContainText(WAIT);
  });
});

test.describe('ROI calculator', () => {
  const defaults = roiDefaults(catalog.roi);
  const tierOrder = catalog.tiers.tiers.map((t) => t.id);
  const tierNames = Object.fromEntries(catalog.tiers.tiers.map((t) => [t.id, t.name]));

  test('recommends a plan and computes the figures from the defaults in the data', async ({
    page,
  }) => {
    await page.goto('/calculators/roi/');
    const rec = recommendPlan(
      catalog.pricing.plans,
      catalog.roi.recommendation.rules,
      tierOrder,
      tierNames,
      defaults,
      locale,
    );
    await expect(figure(page, 'plan')).toHaveText(`Recommended plan: ${tierNames[rec.plan.tier]}`);
    const roi = roiFor(rec.plan, defaults, catalog.pricing.usage_alerts, money.currency);
    await expect(figure(page, 'savings')).toHaveText(formatMoney(roi.annualSavings, money));
    if (roi.annualCost !== null)
      await expect(figure(page, 'cost')).toHaveText(formatMoney(roi.annualCost, money));
  });

  test('follows a recommendation rule the reader triggers and explains it', async ({ page }) => {
    const rule = catalog.roi.recommendation.rules.find((r) => r.equals === true)!;
    const label =
      rule.field === 'needs_24x7'
        ? 'We need support around the clock (24x7)'
        : 'ABI is mission-critical for us';
    await page.goto('/calculators/roi/');
    await page.getByLabel(label).check();
    const rec = recommendPlan(
      catalog.pricing.plans,
      catalog.roi.recommendation.rules,
      tierOrder,
      tierNames,
      { ...defaults, [rule.field]: true },
      locale,
    );
    await expect(figure(page, 'plan')).toHaveText(`Recommended plan: ${tierNames[rec.plan.tier]}`);
    await expect(resultRegion(page)).toContainText(rec.reasons[0]!);
  });

  test('recomputes as the reader types and keeps the answers in the link', async ({
    page,
    browser,
  }) => {
    await page.goto('/calculators/roi/');
    await page.getByLabel('Expected automation rate (%)').fill('10');
    await page.getByLabel('Loaded hourly cost (USD per hour)').fill('80');
    const inputs = { ...defaults, automation_rate: 10, hourly_cost: toMicros(80)! };
    const rec = recommendPlan(
      catalog.pricing.plans,
      catalog.roi.recommendation.rules,
      tierOrder,
      tierNames,
      inputs,
      locale,
    );
    const roi = roiFor(rec.plan, inputs, catalog.pricing.usage_alerts, money.currency);
    await expect(figure(page, 'savings')).toHaveText(formatMoney(roi.annualSavings, money));
    const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
    const other = await browser.newPage();
    await other.goto(href!);
    await expect(figure(other, 'savings')).toHaveText(formatMoney(roi.annualSavings, money));
    await other.close();
  });

  test('rejects an automation rate over 100%', async ({ page }) => {
    await page.goto('/calculators/roi/');
    const rate = page.getByLabel('Expected automation rate (%)');
    await rate.fill('120');
    await expect(rate).toHaveAccessibleDescription('Enter at most 100%.');
    await expect(resultRegion(page)).toContainText(WAIT);
  });

  test('states every default from the data in the methodology', async ({ page }) => {
    await page.goto('/calculators/roi/');
    const table = page.getByRole('table', { name: 'Default answers' });
    await expect(table.locator('tbody tr')).toHaveCount(Object.keys(catalog.roi.defaults).length);
    await expect(table.locator('tr[data-default="hourly_cost"] td')).toHaveText(
      `${formatMoney(catalog.roi.defaults.hourly_cost, money)} per hour`,
    );
    await expect(
      page.getByRole('table', { name: 'Plan recommendation rules' }).locator('tbody tr'),
    ).toHaveCount(catalog.roi.recommendation.rules.length);
  });
});
