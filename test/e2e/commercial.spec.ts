import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test, type Page } from '@playwright/test';
import { moneyFormat, tierById } from '../../src/lib/catalog';
import { describeBand } from '../../src/lib/credits';
import { allowedDowntime, formatDowntime, PERIODS } from '../../src/lib/downtime';
import { formatDuration } from '../../src/lib/duration';
import { featureValueText } from '../../src/lib/features';
import { formatPercent } from '../../src/lib/format';
import { formatPrice } from '../../src/lib/money';
import { PLAN_FIELDS, planCells, TARGET_FIELDS, targetCells } from '../../src/lib/published';
import { catalog } from './support';

const locale = catalog.company.locale;
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

test('the pricing table shows every plan as the data says', async ({ page }) => {
  await page.goto('/commercial/pricing/');
  await expect(
    page.getByRole('table', { name: 'Plans, included usage and overage' }),
  ).toBeVisible();
  for (const plan of catalog.pricing.plans) {
    const row = page.locator(`tr[data-plan="${plan.id}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(tierById(catalog, plan.tier).name);
    const cells = planCells(catalog, plan);
    for (const field of PLAN_FIELDS)
      await expect(row.locator(`td[data-field="${field}"]`)).toHaveText(cells[field]);
  }
  const alerts = await rowsOf(page, 'Usage alerts');
  expect(alerts.map((r) => r[1])).toEqual(
    [catalog.pricing.usage_alerts.soft, catalog.pricing.usage_alerts.hard].map(
      (p) => `${formatPercent(p, locale)} of a quota`,
    ),
  );
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

  const availability = await rowsOf(page, 'Availability targets and allowed downtime per month');
  expect(availability.map((r) => r.slice(0, 3))).toEqual(
    catalog.sla.tiers.map((sla) => [
      tierById(catalog, sla.tier).name,
      formatPercent(sla.availability, locale),
      formatDowntime(allowedDowntime(sla.availability, PERIODS.month.minutes)),
    ]),
  );
  await expect(page.getByText(PERIODS.month.basis)).toBeVisible();

  for (const schedule of catalog.credits.schedules) {
    const rows = await rowsOf(page, new RegExp(`^${schedule.name} credit schedule`));
    expect(rows).toEqual(
      schedule.bands.map((b) => [describeBand(b, locale), formatPercent(b.credit, locale)]),
    );
  }
  await expect(page.locator('[data-credit-terms] [data-field="cap"]')).toHaveText(
    formatPercent(catalog.credits.cap_percent, locale),
  );

  const severities = await rowsOf(page, 'Severity definitions');
  expect(severities.map((r) => r[0])).toEqual(catalog.severities.severities.map((s) => s.name));
  for (const item of catalog.sla.exclusions)
    await expect(page.getByText(item, { exact: true })).toBeVisible();
});

test('the feature matrix says each value in words', async ({ page }) => {
  await page.goto('/commercial/tiers/');
  const rows = await rowsOf(page, 'Features by support tier');
  expect(rows).toEqual(
    catalog.features.features.map((f) => [
      f.name,
      ...catalog.tiers.tiers.map((t) => expect.stringContaining(featureValueText(f.values[t.id]!))),
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
    const schema = JSON.parse(readFileSync(`public/schemas/api/${name}.json`, 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    validate(await response.json());
    expect(validate.errors ?? []).toEqual([]);
  });
}
