import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test, type Page } from '@playwright/test';
import {
  describeTarget,
  moneyFormat,
  targetFor,
  tierById,
} from '../../packages/starlight-charter/lib/catalog';
import { PERIODS } from '../../packages/starlight-charter/lib/downtime';
import { formatDuration } from '../../packages/starlight-charter/lib/duration';
import { formatPrice } from '../../packages/starlight-charter/lib/money';
import {
  planCells,
  planFields,
  TARGET_FIELDS,
  targetCells,
} from '../../packages/starlight-charter/lib/published';
import { expectations } from './pricing-expect';
import { catalog, downtimeText, localeWords, percentText } from './support';

const locale = catalog.company.locale;
/** Charter's English words, read from translations/en.json. */
const english = localeWords('en');
const PAGES = [
  { path: '/commercial/', link: 'Overview' },
  { path: '/commercial/tiers/', link: 'Support tiers' },
  { path: '/commercial/pricing/', link: 'Pricing' },
  { path: '/commercial/sla/', link: 'SLA' },
  { path: '/commercial/priority-support/', link: 'Priority support' },
  { path: '/commercial/support-process/', link: 'Support process' },
  { path: '/commercial/escalation/', link: 'Escalation' },
  { path: '/commercial/custom-development/', link: 'Custom development' },
  { path: '/commercial/engagement-process/', link: 'Engagement process' },
  { path: '/reference/api/', link: 'JSON catalogue' },
];

/** Body rows of a table as text, one array of cells per row. */
async function rowsOf(page: Page, caption: string | RegExp) {
  const table = page.getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) =>
          (c.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

for (const { path, link } of PAGES) {
  test(`${path} is in the sidebar and its tables have captions and headers`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    await expect(sidebar.getByRole('link', { name: link, exact: true })).toHaveAttribute(
      'href',
      path,
    );
    for (const table of await page.locator('main table').all()) {
      await expect(table.locator('caption')).not.toBeEmpty();
      expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(0);
      expect(await table.locator('tbody th[scope="row"], tbody td').count()).toBeGreaterThan(0);
    }
  });
}

test('the pricing table shows every plan and meter as the data says', async ({ page }) => {
  const expected = expectations(catalog);
  const { meters, plans } = catalog.pricing;
  await page.goto('/commercial/pricing/');
  const table = page.getByRole('table', { name: 'Plans, included usage and overage' });
  await expect(table).toBeVisible();
  // A column pair per meter, headed by its name; the annual column only when a plan offers it.
  for (const meter of meters)
    await expect(table.locator(`thead th[scope="colgroup"][data-meter="${meter.id}"]`)).toHaveText(
      meter.name,
    );
  const annual = plans.some(
    (p) => 'annual_monthly' in p.price && p.price.annual_monthly !== undefined,
  );
  await expect(table.getByRole('columnheader', { name: 'Price, billed annually' })).toHaveCount(
    annual ? 1 : 0,
  );
  await expect(table.locator('tbody tr')).toHaveCount(plans.length);
  for (const plan of plans) {
    const row = table.locator(`tr[data-plan="${plan.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(expected.tierName(plan));
    await expect(row.locator('td[data-field]')).toHaveCount(planFields(catalog).length);
    // The cells hold exactly what the lint compares with the data …
    const cells = planCells(catalog, plan);
    for (const field of planFields(catalog))
      await expect(row.locator(`td[data-field="${field}"]`)).toHaveText(cells[field]!);
    // … and that says what the data says, worked out here with Intl.
    await expect(row.locator('td[data-field="price"]')).toHaveText(expected.priceText(plan));
    for (const meter of meters) {
      const allowance = plan.usage[meter.id]!;
      await expect(row.locator(`td[data-field="included-${meter.id}"]`)).toHaveText(
        expected.includedText(meter, allowance),
      );
      await expect(row.locator(`td[data-field="overage-${meter.id}"]`)).toHaveText(
        expected.overageText(meter, allowance),
      );
    }
  }
  const alerts = await rowsOf(page, 'Usage alerts');
  expect(alerts.map((r) => r[1])).toEqual(
    [catalog.pricing.usage_alerts.soft, catalog.pricing.usage_alerts.hard].map(
      (p) => `${percentText(p, locale)} of a quota`,
    ),
  );
});

test('the pricing page explains every price that is not a set amount, and only those', async ({
  page,
}) => {
  await page.goto('/commercial/pricing/');
  const explained = catalog.pricing.plans.filter((p) =>
    ['per-seat', 'share-of-spend', 'from'].includes(p.price.model),
  );
  const notes = page.locator('[data-price-notes] [data-plan]');
  await expect(notes).toHaveCount(explained.length);
  for (const plan of explained) {
    const note = page.locator(`[data-price-notes] [data-plan="${plan.id}"]`);
    await expect(note.locator('dt')).toHaveText(expectations(catalog).tierName(plan));
    await expect(note.locator('[data-field="rule"]')).not.toBeEmpty();
  }
});

test('the pricing page describes each meter and lists the add-ons with their prices', async ({
  page,
}) => {
  const expected = expectations(catalog);
  await page.goto('/commercial/pricing/');
  const meters = await rowsOf(page, 'What each plan includes an amount of');
  const RESETS = { month: 'Each month', year: 'Each year', never: 'Never: a standing limit' };
  expect(meters).toEqual(
    catalog.pricing.meters.map((m) => [
      m.name,
      m.unit.other,
      RESETS[m.resets],
      m.description ?? '—',
    ]),
  );

  const addOns = catalog.pricing.add_ons;
  const table = page.getByRole('table', { name: 'Add-ons' });
  await expect(table.locator('tbody tr')).toHaveCount(addOns.length);
  for (const addOn of addOns) {
    const row = table.locator(`tr[data-add-on="${addOn.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(addOn.name);
    await expect(row.locator('[data-field="description"]')).toHaveText(addOn.description);
    await expect(row.locator('[data-field="plans"]')).toHaveText(
      catalog.pricing.plans
        .filter((p) => addOn.available_for.includes(p.id))
        .map(expected.tierName)
        .join(', '),
    );
    const ap = addOn.price;
    await expect(row.locator('[data-field="price"]')).toHaveText(
      ap.model === 'contact-us'
        ? 'Contact us'
        : ap.model === 'flat'
          ? `${expected.price(ap.monthly)} per month`
          : `${expected.price(ap.per_unit)} per ${ap.unit.one} per month`,
    );
    const adds = row.locator('[data-field="adds"]');
    for (const feature of addOn.adds.features ?? []) await expect(adds).toContainText(feature);
    for (const [id, n] of Object.entries(addOn.adds.included ?? {})) {
      const meter = catalog.pricing.meters.find((m) => m.id === id)!;
      await expect(adds).toContainText(
        `${expected.count(n)} more ${n === 1 ? meter.unit.one : meter.unit.other}`,
      );
    }
  }
});

test('the SLA page shows targets, availability and credit bands from the data', async ({
  page,
}) => {
  await page.goto('/commercial/sla/');
  const targets = page.getByRole('table', {
    name: 'Response and resolution targets by tier and severity',
  });
  await expect(targets.locator('tbody tr')).toHaveCount(
    catalog.tiers.tiers.length * catalog.severities.severities.length,
  );
  for (const tier of catalog.tiers.tiers) {
    for (const severity of catalog.severities.severities) {
      const row = targets.locator(`tr[data-tier="${tier.id}"][data-severity="${severity.id}"]`);
      const cells = targetCells(catalog, tier.id, severity.id);
      for (const field of TARGET_FIELDS)
        await expect(row.locator(`td[data-field="${field}"]`)).toHaveText(cells[field]);
    }
  }

  // Percentages as the data writes them, in the company's locale: Intl directly, every digit.
  const percent = (n: number) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(n)}%`;
  const availability = await rowsOf(page, 'Availability targets and allowed downtime per month');
  // Every tier of the sample has an availability target (none is best effort).
  expect(availability.map((r) => r.slice(0, 3))).toEqual(
    catalog.sla.tiers.map((sla) => [
      tierById(catalog, sla.tier).name,
      percent(sla.availability!),
      downtimeText((PERIODS.month.minutes * (100 - sla.availability!)) / 100, english),
    ]),
  );
  await expect(page.getByText(english('charter.downtime.monthBasis'))).toBeVisible();

  for (const schedule of catalog.credits.schedules) {
    const rows = await rowsOf(page, new RegExp(`^${schedule.name} credit schedule`));
    expect(rows).toEqual(
      schedule.bands.map((b) => [
        b.at_least === 0
          ? `below ${percent(b.below)}`
          : `at least ${percent(b.at_least)} and below ${percent(b.below)}`,
        percent(b.credit),
      ]),
    );
  }
  await expect(page.locator('[data-credit-terms] [data-field="cap"]')).toHaveText(
    percent(catalog.credits.cap_percent),
  );
  await expect(page.locator('[data-credit-terms]')).toContainText(
    `never exceed ${percent(catalog.credits.cap_percent)} of that month's fee`,
  );

  // Public holidays: every date of the sets and single dates each schedule names, with the
  // schedules it closes, its date in words by Intl in the company's locale.
  const closes = new Map<string, { names: Set<string>; schedules: string[] }>();
  for (const hours of catalog.sla.support_hours) {
    const sets = catalog.sla.holiday_sets.filter((set) => hours.holidays.includes(set.id));
    const days = [
      ...sets.flatMap((set) => Object.values(set.dates).flat()),
      ...hours.holidays.filter((e) => /^\d{4}-/.test(e)).map((date) => ({ date, name: '' })),
    ];
    for (const { date, name } of days) {
      const entry = closes.get(date) ?? { names: new Set<string>(), schedules: [] };
      if (name) entry.names.add(name);
      if (!entry.schedules.includes(hours.name)) entry.schedules.push(hours.name);
      closes.set(date, entry);
    }
  }
  expect(closes.size, 'the sample should list public holidays').toBeGreaterThan(0);
  const longDate = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  expect(await rowsOf(page, 'Public holidays: support hours closed all day')).toEqual(
    [...closes.keys()]
      .sort()
      .map((date) => [
        longDate.format(new Date(`${date}T00:00:00Z`)),
        [...closes.get(date)!.names].join(' / ') || 'Support closed',
        closes.get(date)!.schedules.join(', '),
      ]),
  );
  // The sample's schedules name sets that list the same consecutive years.
  const years = catalog.sla.holiday_sets.flatMap((set) => Object.keys(set.dates).map(Number));
  await expect(page.locator('[data-holiday-coverage]')).toContainText(
    `Holidays are listed for ${Math.min(...years)}–${Math.max(...years)}.`,
  );
  const supportHours = await rowsOf(page, /^Support hours$/);
  for (const set of catalog.sla.holiday_sets) {
    expect(supportHours.some((r) => r[2]!.includes(`excluding public holidays: ${set.name}`))).toBe(
      catalog.sla.support_hours.some((h) => h.holidays.includes(set.id)),
    );
  }

  const severities = await rowsOf(page, 'Severity definitions');
  expect(severities.map((r) => r[0])).toEqual(catalog.severities.severities.map((s) => s.name));
  for (const item of catalog.sla.exclusions)
    await expect(page.getByText(item, { exact: true })).toBeVisible();
});

test("the SLA page sets each add-on's first-response target beside the tier's own", async ({
  page,
}) => {
  await page.goto('/commercial/sla/');
  // Worked out from the data: one row per add-on, plan that takes it and severity it sets.
  const expected = catalog.pricing.add_ons.flatMap((addOn) =>
    catalog.pricing.plans
      .filter((plan) => addOn.available_for.includes(plan.id))
      .flatMap((plan) =>
        catalog.severities.severities
          .filter((sev) => addOn.adds.first_response?.[sev.id] !== undefined)
          .map((sev) => {
            const target = targetFor(catalog, plan.tier, sev.id);
            return [
              addOn.name,
              tierById(catalog, plan.tier).name,
              `${sev.name} (${sev.label})`,
              describeTarget(target.firstResponse!, target.clock),
              describeTarget(addOn.adds.first_response![sev.id]!, target.clock),
            ];
          }),
      ),
  );
  const table = page.getByRole('table', { name: 'First-response targets with add-ons' });
  await expect(table).toHaveCount(expected.length > 0 ? 1 : 0);
  if (expected.length > 0)
    expect(await rowsOf(page, 'First-response targets with add-ons')).toEqual(expected);
});

test('the feature matrix says each value in words', async ({ page }) => {
  await page.goto('/commercial/tiers/');
  // What each cell says to a screen reader: its text without the marks hidden from it.
  const table = page.getByRole('table', { name: 'Features by support tier' });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
  // The words for each value, written here rather than taken from lib/features.ts.
  const WORDS = { yes: 'Yes', no: 'No', 'add-on': 'Add-on', included: 'Included' };
  expect(rows).toEqual(
    catalog.features.features.map((f) => [
      f.name,
      ...catalog.tiers.tiers.map((t) => {
        const value = f.values[t.id]!;
        return typeof value === 'object' ? value.text : WORDS[value];
      }),
    ]),
  );
  const scenarios = await rowsOf(page, 'Recommended tier by scenario');
  expect(scenarios).toEqual(
    catalog.tiers.choosing.scenarios.map((s) => [s.scenario, tierById(catalog, s.tier).name]),
  );
});

test('the support process is drawn as an ordered list of stages', async ({ page }) => {
  await page.goto('/commercial/support-process/');
  const flow = page.getByRole('list', { name: 'Support process stages' });
  const stages = flow.locator(':scope > li');
  await expect(stages).toHaveCount(catalog.process.stages.length);
  for (const [i, stage] of catalog.process.stages.entries()) {
    await expect(stages.nth(i).getByRole('heading')).toContainText(stage.name);
    await expect(stages.nth(i)).toContainText(stage.owner);
  }
  const updates = await rowsOf(page, 'Update frequency by severity');
  expect(updates.map((r) => r[1])).toEqual(
    catalog.severities.severities.map((s) =>
      s.update_interval === null ? 'As needed' : `Every ${formatDuration(s.update_interval)}`,
    ),
  );
});

test('the escalation matrix shows each trigger time from the data', async ({ page }) => {
  await page.goto('/commercial/escalation/');
  const rows = await rowsOf(page, 'Escalation triggers by severity and level');
  expect(rows).toEqual(
    catalog.severities.severities.map((s) => [
      `${s.name} (${s.label})`,
      ...catalog.escalation.levels.map((l) => {
        const minutes = catalog.escalation.matrix[s.id]?.[l.id];
        return minutes === undefined ? 'Not used' : `After ${formatDuration(minutes)}`;
      }),
    ]),
  );
  const levels = await rowsOf(page, 'Escalation levels');
  expect(levels.map((r) => r.slice(0, 3))).toEqual(
    catalog.escalation.levels.map((l) => [l.name, l.role, l.trigger]),
  );
});

test('the rate card and engagement phases come from the data', async ({ page }) => {
  await page.goto('/commercial/custom-development/');
  const rates = await rowsOf(page, 'Rate card');
  expect(rates.map((r) => r.slice(0, 2))).toEqual(
    catalog.services.rate_card.map((r) => [r.role, formatPrice(r.hourly, moneyFormat(catalog))]),
  );
  await page.goto('/commercial/engagement-process/');
  const phases = await rowsOf(page, 'Engagement phases');
  expect(phases.map((r) => r.slice(1, 2))).toEqual(
    catalog.services.engagement_phases.map((p) => [p.duration]),
  );
});

test('the priority-support page lists each channel for the tiers that have it', async ({
  page,
}) => {
  await page.goto('/commercial/priority-support/');
  const rows = await rowsOf(page, 'Contact channels by tier');
  expect(rows).toEqual(
    catalog.channels.channels.map((c) => [
      c.name,
      c.address,
      ...catalog.tiers.tiers.map((t) => (c.tiers.includes(t.id) ? 'Yes' : 'No')),
    ]),
  );
});

test('printing a page hides the sidebar and keeps the tables', async ({ page }) => {
  await page.goto('/commercial/sla/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Severity definitions' })).toBeVisible();
});

test('on a phone, wide tables scroll inside their frame, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/commercial/pricing/');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const frame = page.getByRole('region', { name: 'Plans, included usage and overage' });
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});

for (const name of ['plans', 'sla', 'credits', 'escalation', 'catalog']) {
  test(`/api/${name}.json validates against /schemas/api/${name}.json`, async ({ request }) => {
    const response = await request.get(`/api/${name}.json`);
    expect(response.ok()).toBe(true);
    const schema = JSON.parse(
      readFileSync(`packages/starlight-charter/json-schemas/api/${name}.json`, 'utf8'),
    );
    const validate = new Ajv2020({ strict: false }).compile(schema);
    validate(await response.json());
    expect(validate.errors ?? []).toEqual([]);
  });
}
