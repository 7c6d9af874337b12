import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  moneyFormat,
  planForTier,
  slaForTier,
  supportHoursFor,
  targetFor,
} from '../../packages/starlight-charter/lib/catalog';
import { explainCredit } from '../../packages/starlight-charter/lib/credit-calc';
import { minutesInMonth, PERIODS } from '../../packages/starlight-charter/lib/downtime';
import { MICROS_PER_UNIT } from '../../packages/starlight-charter/lib/money';
import {
  addClockMinutes,
  formatInstant,
  instantFromLocal,
  nextOpening,
  scheduleZone,
} from '../../packages/starlight-charter/lib/sla-clock';
import type { Meter } from '../../packages/starlight-charter/schemas/pricing';
import { expectations, moneyPattern } from './pricing-expect';
import { bandText, catalog, creditAmount, downtimeText, localeWords, percentText } from './support';

const money = moneyFormat(catalog);
const WEEK = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const locale = catalog.company.locale;
const WAIT = 'Correct the highlighted field to see the result.';
/** Charter's English words, read from translations/en.json. */
const english = localeWords('en');
/** An uptime as the calculators show it: up to six decimals. */
const uptimeText = (share: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 6 }).format(share);

/** A figure in a calculator's result, marked `data-result`. */
const figure = (page: Page, key: string) =>
  page.getByRole('region', { name: 'Result' }).locator(`[data-result="${key}"]`).first();
const resultRegion = (page: Page) => page.getByRole('region', { name: 'Result' });

/** A tier with a credit schedule and a published price, and its schedule. */
function pricedCreditTier() {
  for (const tier of catalog.tiers.tiers) {
    const plan = planForTier(catalog, tier.id);
    const scheduleId = slaForTier(catalog, tier.id).credit_schedule;
    if (scheduleId && plan.price.model === 'flat' && plan.price.monthly > 0) {
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
      await expect(page.getByRole('region', { name: 'Result' })).not.toContainText(
        'needs JavaScript',
      );
      const results = await new AxeBuilder({ page }).include('.calc').analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      ).toEqual([]);
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
    // Mid-band: the band's credit, up to the cap.
    await expect(figure(page, 'amount')).toHaveText(
      creditAmount(fee, Math.min(band.credit, catalog.credits.cap_percent), money).text,
    );
    await expect(figure(page, 'band')).toHaveText(bandText(band, locale, english));
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
    // The form opens on this tier and its list price; the lower edge of the band earns its
    // credit, written here with Intl directly rather than the calculator's formatters.
    await expect(page.getByLabel('Support tier')).toHaveValue(tier.id);
    const percent = Math.min(band.credit, catalog.credits.cap_percent);
    await expect(figure(page, 'percent')).toHaveText(
      `${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(percent)}%`,
    );
    const digits = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
    }).resolvedOptions().maximumFractionDigits!;
    const minor = Math.round(((fee / MICROS_PER_UNIT) * 10 ** digits * percent) / 100);
    await expect(figure(page, 'amount')).toHaveText(
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: money.currency,
        minimumFractionDigits: digits,
      }).format(minor / 10 ** digits),
    );
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
      const share = (days * 1440 - down) / (days * 1440);
      const measured = share * 100;
      await expect(figure(page, 'uptime')).toContainText(uptimeText(share));
      await expect(figure(page, 'uptime')).toContainText(`${days}-day month`);
      const earned = schedule.bands.find((b) => measured >= b.at_least && measured < b.below);
      const percent = Math.min(earned?.credit ?? 0, catalog.credits.cap_percent);
      await expect(figure(page, 'amount')).toHaveText(creditAmount(fee, percent, money).text);
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
    expect(none, 'the sample data needs a tier without a credit schedule').toBeDefined();
    await page.goto(`/calculators/service-credit/?tier=${none!.id}&uptime=50&fee=100`);
    await expect(figure(page, 'explanation')).toHaveText(
      `${none!.name} has no service-credit schedule, so no credit applies.`,
    );
  });

  test('agrees with the SLA page credit tables at every band edge', async ({ page }) => {
    const response = await page.goto('/commercial/sla/');
    expect(response?.status(), 'the SLA page /commercial/sla/').toBe(200);
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
    // One row per band of every schedule a tier uses, each checked below.
    const used = new Set(catalog.sla.tiers.map((t) => t.credit_schedule).filter(Boolean));
    expect(used.size).toBeGreaterThan(0);
    expect(rows.length).toBe(
      catalog.credits.schedules
        .filter((s) => used.has(s.id))
        .reduce((n, s) => n + s.bands.length, 0),
    );
    // One calculator, its inputs changed for each edge (a page load each would be 48 loads).
    await page.goto('/calculators/service-credit/');
    await page.getByLabel('Monthly fee (USD)').fill('1000');
    const uptime = page.getByLabel('Measured monthly uptime (%)');
    for (const row of rows) {
      const tierId = catalog.sla.tiers.find((t) => t.credit_schedule === row.schedule)?.tier;
      expect(tierId, `a tier whose credit schedule is ${row.schedule}`).toBeDefined();
      await page.getByLabel('Support tier').selectOption(tierId!);
      const band = bandText({ at_least: row.atLeast, below: row.below }, locale, english);
      // Exactly on the lower edge, just above it, and just below the upper edge: all in this band.
      for (const edge of [row.atLeast, row.atLeast + 0.001, row.below - 0.001]) {
        await uptime.fill(String(edge));
        await expect(figure(page, 'band'), `${row.schedule} at ${edge}`).toHaveText(band);
        await expect(figure(page, 'percent'), `${row.schedule} at ${edge}`).toHaveText(row.credit);
      }
      // Exactly on the upper edge belongs to the next band up (or no credit).
      await uptime.fill(String(row.below));
      await expect(figure(page, 'explanation')).toContainText(percentText(row.below, locale));
      await expect(figure(page, 'explanation')).not.toContainText(band);
    }
  });
});

test.describe('downtime budget calculator', () => {
  const slas = catalog.sla.tiers;
  const preset = slas.at(-1)!;
  // The highest tier has an availability target (only a best-effort tier has none).
  const availability = preset.availability!;

  test('shows the budget for a tier preset, per period and for a calendar month', async ({
    page,
  }) => {
    await page.goto('/calculators/downtime/');
    const name = catalog.tiers.tiers.find((t) => t.id === preset.tier)!.name;
    await page
      .getByLabel('Preset')
      .selectOption({ label: `${name} target: ${percentText(availability, locale)}` });
    await expect(page.getByLabel('Availability target (%)')).toHaveValue(String(availability));
    await page.getByLabel('Also show a calendar month (YYYY-MM, optional)').fill('2026-02');
    const table = page.getByRole('table', { name: /Allowed downtime at/ });
    for (const name of Object.keys(PERIODS) as (keyof typeof PERIODS)[]) {
      const row = table.getByRole('row', {
        name: new RegExp(`^${english(`charter.downtime.${name}`)}`),
      });
      await expect(row).toContainText(english(`charter.downtime.${name}Basis`));
      await expect(row).toContainText(
        downtimeText((PERIODS[name].minutes * (100 - availability)) / 100, english),
      );
    }
    await expect(table.getByRole('row', { name: /February 2026/ })).toContainText(
      downtimeText((28 * 1440 * (100 - availability)) / 100, english),
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
      `1 hour of downtime in a day is ${uptimeText(23 / 24)} availability.`,
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
        if (target.clock === 'business' && target.firstResponse !== null)
          return { tier: sla.tier, sev: sev.id, target, firstResponse: target.firstResponse };
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
    const due = addClockMinutes(opened, pick.firstResponse, 'business', hours, hz);
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

  test('skips a public holiday the sample lists', async ({ page }) => {
    const hours = supportHoursFor(catalog, pick.tier);
    const closed = (date: string) =>
      !hours.days.includes(WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]!) ||
      catalog.sla.holiday_sets.some(
        (set) =>
          hours.holidays.includes(set.id) &&
          Object.values(set.dates).some((list) => list.some((h) => h.date === date)),
      );
    const nextDay = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // The first holiday, from the data, that falls on a day the schedule is open, after an open day.
    const holiday = catalog.sla.holiday_sets
      .filter((set) => hours.holidays.includes(set.id))
      .flatMap((set) => Object.values(set.dates).flat())
      .map((h) => h.date)
      .sort()
      .find((date) => {
        const before = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000);
        const weekday = WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
        const day = before.toISOString().slice(0, 10);
        return hours.days.includes(weekday) && !closed(day) && day.slice(0, 4) === date.slice(0, 4);
      });
    expect(holiday, `${hours.name} should list a holiday on an open day`).toBeDefined();
    const dayBefore = new Date(Date.parse(`${holiday}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    // Opened an hour before closing the day before: one hour that day, the rest from the next
    // open day's opening, day by day.
    const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    const dayLength = minutesOf(hours.end) - minutesOf(hours.start);
    const clock = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const openedAt = clock(minutesOf(hours.end) - 60);
    let left = pick.firstResponse - 60;
    let day = dayBefore;
    while (left > 0) {
      day = nextDay(day);
      while (closed(day)) day = nextDay(day);
      if (left <= dayLength) break;
      left -= dayLength;
    }
    const dueAt = clock(minutesOf(hours.start) + left);
    expect(day > holiday!, 'the deadline should fall after the holiday').toBe(true);

    await page.goto(
      `/calculators/response-deadline/?tier=${pick.tier}&sev=${pick.sev}&date=${dayBefore}&time=${openedAt}&tz=${zone}`,
    );
    await expect(figure(page, 'first-response')).toHaveText(
      formatInstant(instantFromLocal(day, dueAt, zone)!, zone, locale),
    );
    await expect(figure(page, 'clock')).toContainText('excluding public holidays');
    await expect(figure(page, 'holiday-years')).toHaveCount(0);

    // Opened on the holiday itself: the clock waits for the next open day.
    await page.goto(
      `/calculators/response-deadline/?tier=${pick.tier}&sev=${pick.sev}&date=${holiday}&time=12:00&tz=${zone}`,
    );
    await expect(figure(page, 'outside')).toContainText('on a public holiday');

    // A deadline in the year after the last one listed says that year's holidays are unknown.
    const last = Math.max(...hours.holiday_years!);
    await page.goto(
      `/calculators/response-deadline/?tier=${pick.tier}&sev=${pick.sev}&date=${last}-12-31&time=${openedAt}&tz=${zone}`,
    );
    await expect(figure(page, 'holiday-years')).toContainText(`None are known yet for ${last + 1}`);
  });

  test('starts the clock at the next opening for a ticket opened at the weekend', async ({
    page,
  }) => {
    const hours = supportHoursFor(catalog, pick.tier);
    expect(hours.days, `${hours.name} should be closed on Saturdays`).not.toContain('sat');
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
            ? 'Best effort: no deadline'
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
  const expected = expectations(catalog);
  const { meters, plans } = catalog.pricing;
  const percent = (n: number) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(n)}%`;
  const meterInput = (page: Page, meter: Meter) =>
    page.getByLabel(expected.meterLabel(meter), { exact: true });
  const fillUsage = async (page: Page, usage: Record<string, number>) => {
    for (const meter of meters) await meterInput(page, meter).fill(String(usage[meter.id] ?? 0));
  };
  /** Usage of nothing but `amount` of one meter. */
  const only = (meterId: string, amount: number) =>
    Object.fromEntries(meters.map((m) => [m.id, m.id === meterId ? amount : 0]));
  // A plan with a set price and a meter that costs more above its included amount.
  const plan = plans.find(
    (p) =>
      p.price.model === 'flat' &&
      p.price.monthly > 0 &&
      meters.some((m) => p.usage[m.id]!.overage !== undefined),
  )!;

  test('has one labelled input per meter, and no error before anything is typed', async ({
    page,
  }) => {
    await page.goto('/calculators/monthly-cost/');
    await expect(page.locator('.calc input[id^="cost-meter-"]')).toHaveCount(meters.length);
    for (const meter of meters) {
      const input = meterInput(page, meter);
      await expect(input).toHaveCount(1);
      await expect(input).toHaveAttribute('inputmode', meter.whole ? 'numeric' : 'decimal');
    }
    // Seats, spend and billing are asked for only when a plan's price needs them.
    const some = (model: string) => plans.some((p) => p.price.model === model);
    await expect(page.locator('#cost-seats')).toHaveCount(some('per-seat') ? 1 : 0);
    await expect(page.locator('#cost-spend')).toHaveCount(some('share-of-spend') ? 1 : 0);
    const annual = plans.some(
      (p) => 'annual_monthly' in p.price && p.price.annual_monthly !== undefined,
    );
    await expect(page.locator('#cost-billing')).toHaveCount(annual ? 1 : 0);
    await expect(figure(page, 'total')).toBeVisible();
    await expect(page.locator('.calc [aria-invalid="true"]')).toHaveCount(0);
    await expect(page.locator('.calc-error:visible')).toHaveCount(0);
    await expect(resultRegion(page)).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('adds overage per line and names the cheapest plan', async ({ page, browser }) => {
    // Just above the included amount where more is charged, at the limit where it is not.
    const usage = Object.fromEntries(
      meters.map((m) => {
        const a = plan.usage[m.id]!;
        if (a.included === 'unlimited') return [m.id, 7];
        return [m.id, a.overage === undefined ? a.included : a.included + (m.whole ? 3 : 0.5)];
      }),
    );
    await page.goto('/calculators/monthly-cost/');
    await page.getByLabel('Plan').selectOption(plan.id);
    await fillUsage(page, usage);
    const cost = expected.cost(plan, usage);
    await expect(figure(page, 'base')).toHaveText(expected.money(cost.base!));
    await expect(figure(page, 'total')).toHaveText(expected.money(cost.total!));
    // Every meter charged per unit above a set included amount; the plan has at least one.
    const perUnit = meters.flatMap((meter) => {
      const a = plan.usage[meter.id]!;
      return a.included !== 'unlimited' && a.overage?.model === 'per-unit'
        ? [{ meter, over: usage[meter.id]! - a.included, rate: a.overage.per_unit }]
        : [];
    });
    expect(
      perUnit.length,
      `${plan.id} should charge per unit above an included amount`,
    ).toBeGreaterThan(0);
    for (const { meter, over, rate } of perUnit) {
      await expect(figure(page, `overage-${meter.id}`)).toHaveText(
        `${expected.money(cost.lines[meter.id]!)} (per unit: ${expected.amount(meter.unit, over)} × ${expected.rate(rate)})`,
      );
      await expect(figure(page, `alert-${meter.id}`)).toHaveText('Over the included amount');
    }
    for (const meter of meters.filter((m) => plan.usage[m.id]!.overage === undefined)) {
      await expect(figure(page, `ratio-${meter.id}`)).toHaveText(percent(100));
      await expect(figure(page, `alert-${meter.id}`)).toHaveText(
        `Hard alert (at or above ${percent(catalog.pricing.usage_alerts.hard)})`,
      );
    }
    // The cheapest plan with a set price, worked out here.
    const able = plans.filter((p) => p.price.model === 'flat' && expected.takes(p, usage));
    const totals = able.map((p) => ({ p, total: expected.cost(p, usage).total! }));
    const best = totals.reduce((a, b) => (b.total < a.total ? b : a));
    await expect(figure(page, 'cheapest')).toContainText(
      `The cheapest plan for this usage is ${expected.tierName(best.p)} at ${expected.money(best.total)} a month.`,
    );

    const href = await page.getByRole('link', { name: 'Link to this result' }).getAttribute('href');
    // Each meter is kept in the link under its own id.
    for (const meter of meters)
      expect(new URL(href!, 'http://x').searchParams.get(meter.id)).toBe(String(usage[meter.id]));
    const other = await browser.newPage();
    await other.goto(href!);
    await expect(figure(other, 'total')).toHaveText(expected.money(cost.total!));
    await other.close();
  });

  test('says a plan cannot take usage above its hard limit and names the plan that can', async ({
    page,
  }) => {
    const limited = plans.flatMap((p) =>
      meters
        .filter((m) => {
          const a = p.usage[m.id]!;
          return a.overage === undefined && typeof a.included === 'number';
        })
        .map((m) => ({ p, m, used: (p.usage[m.id]!.included as number) + 1 })),
    );
    const pick = limited.find(({ m, used }) => expected.cheapestName(only(m.id, used)) !== null)!;
    expect(pick, 'the sample data needs a hard limit that a higher plan lifts').toBeDefined();
    const usage = only(pick.m.id, pick.used);
    await page.goto('/calculators/monthly-cost/');
    await page.getByLabel('Plan').selectOption(pick.p.id);
    await fillUsage(page, usage);
    const name = expected.tierName(pick.p);
    const limit = pick.p.usage[pick.m.id]!.included as number;
    await expect(figure(page, `overage-${pick.m.id}`)).toHaveText(
      `Not available: ${name} allows no more than ${expected.amount(pick.m.unit, limit)}${expected.period(pick.m)}`,
    );
    await expect(figure(page, `alert-${pick.m.id}`)).toHaveText('Over the hard limit');
    const total = figure(page, 'total');
    await expect(total).toContainText(`${name} cannot take this usage`);
    await expect(total).toContainText(`needs a higher plan`);
    await expect(total).toContainText(expected.cheapestName(usage)!);
    expect(await total.textContent()).not.toMatch(moneyPattern(locale, money.currency));
  });

  test('an add-on with a price per unit raises the included amount and adds its price', async ({
    page,
  }) => {
    const addOn = catalog.pricing.add_ons.find(
      (a) => a.price.model === 'per-unit' && a.adds.included !== undefined,
    )!;
    expect(addOn, 'the sample data needs an add-on that adds to an included amount').toBeDefined();
    const [meterId, each] = Object.entries(addOn.adds.included!)[0]!;
    const meter = meters.find((m) => m.id === meterId)!;
    const on = plans.find(
      (p) =>
        addOn.available_for.includes(p.id) &&
        p.price.model === 'flat' &&
        typeof p.usage[meterId]!.included === 'number',
    )!;
    const price = addOn.price as Extract<typeof addOn.price, { model: 'per-unit' }>;
    const usage = only(meterId, (on.usage[meterId]!.included as number) + each * 2);
    await page.goto('/calculators/monthly-cost/');
    await page.getByLabel('Plan').selectOption(on.id);
    await fillUsage(page, usage);
    const quantity = page.getByLabel(`${addOn.name} (${price.unit.other})`, { exact: true });
    await quantity.fill('2');
    const cost = expected.cost(on, usage, { [addOn.id]: 2 });
    await expect(figure(page, `addon-${addOn.id}`)).toHaveText(
      `${expected.money(cost.addOns[addOn.id]!)} (${expected.amount(price.unit, 2)} × ${expected.price(price.per_unit)})`,
    );
    await expect(figure(page, `included-${meterId}`)).toHaveText(
      expected.amount(meter.unit, usage[meterId]!),
    );
    await expect(figure(page, 'total')).toHaveText(expected.money(cost.total!));

    // A plan that cannot take the add-on does not offer it.
    const without = plans.find((p) => !addOn.available_for.includes(p.id));
    expect(without, `the sample data needs a plan that cannot take ${addOn.id}`).toBeDefined();
    await page.getByLabel('Plan').selectOption(without!.id);
    await expect(quantity).toBeHidden();
    await expect(figure(page, `addon-${addOn.id}`)).toHaveCount(0);
  });

  test('an add-on priced on request leaves the total on request', async ({ page }) => {
    const addOn = catalog.pricing.add_ons.find((a) => a.price.model === 'contact-us')!;
    expect(addOn, 'the sample data needs an add-on priced on request').toBeDefined();
    const on = plans.find((p) => addOn.available_for.includes(p.id))!;
    await page.goto('/calculators/monthly-cost/');
    await page.getByLabel('Plan').selectOption(on.id);
    await page.getByLabel(`${addOn.name} (Contact us)`).check();
    await expect(figure(page, `addon-${addOn.id}`)).toHaveText('Priced on request');
    await expect(figure(page, 'total')).toContainText('Priced on request');
    await expect(resultRegion(page)).not.toContainText(/NaN|Infinity|undefined/);
  });

  test('asks for whole numbers where a meter counts whole units', async ({ page }) => {
    const whole = meters.find((m) => m.whole)!;
    await page.goto('/calculators/monthly-cost/');
    const input = meterInput(page, whole);
    await input.fill('2.5');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(/Enter a whole number\./);
    await expect(resultRegion(page)).toContainText(WAIT);
    await expect(resultRegion(page)).not.toContainText(/NaN|Infinity/);
  });

  test('ignores hostile or impossible link values with a note', async ({ page }) => {
    const [first, second] = meters;
    const hostile = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(
      `/calculators/monthly-cost/?plan=${hostile}&${first!.id}=1e309${second ? `&${second.id}=${hostile}` : ''}`,
    );
    await expect(page.getByText(/was not valid and has been ignored/)).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await expect(page.locator('.calc img')).toHaveCount(0);
    await expect(resultRegion(page)).not.toContainText(/NaN|Infinity/);
  });
});
