import { existsSync, globSync, readFileSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';
import { formatDuration } from '../../packages/starlight-charter/lib/duration';
import {
  addClockMinutes,
  formatInstant,
  instantFromLocal,
  scheduleZone,
} from '../../packages/starlight-charter/lib/sla-clock';
import { supportHoursFor, targetFor } from '../../packages/starlight-charter/lib/catalog';
import { TARGET_FIELDS, targetCells } from '../../packages/starlight-charter/lib/published';
import { makeShape, type Shape, type ShapeOptions } from '../support/shapes';
import { buildSite, makeSite, SAMPLE } from '../support/sites';

/**
 * Builds sites from data sets of other shapes than the sample's (test/support/shapes.ts) and
 * checks that the tier × severity tables, the response-deadline calculator, the escalation
 * matrix and the playbook show every tier, severity and level they were given. Two builds: the
 * smallest shape, which also has no knowledge base, and a large one with more of every list.
 * Both sites publish the playbook, which draws the same lists.
 */
const SHAPES: { title: string; options: ShapeOptions }[] = [
  {
    title: '1 tier × 2 severities, no knowledge base',
    options: { tiers: 1, severities: 2, kb: 'empty' },
  },
  {
    title: '6 tiers × 5 severities, 5 levels, 6 credit bands, 7 channels',
    options: { tiers: 6, severities: 5, levels: 5, bands: 6, channels: 7, kb: 'generated' },
  },
];

// The built files are served from this origin by the page itself, so each site's scripts run.
const ORIGIN = 'http://shape.test';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

async function open(page: Page, out: string, path: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    let file = join(out, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      body: readFileSync(file),
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    });
  });
  await page.goto(`${ORIGIN}${path}`);
}

const cellTexts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));

for (const { title, options } of SHAPES) {
  test.describe(title, () => {
    test.describe.configure({ mode: 'serial' });
    let shape: Shape;
    let data: Catalog;
    let site = '';
    let out = '';

    test.beforeAll(() => {
      test.setTimeout(300_000);
      shape = makeShape(SAMPLE.terms, options);
      data = loadCatalog(shape.dir);
      site = makeSite({ terms: shape.dir, options: { sections: { playbook: true } } });
      out = buildSite(site);
    });
    test.afterAll(() => {
      for (const dir of [shape?.dir, site, out])
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the SLA table has a row for every tier and severity, with its targets', async ({
      page,
    }) => {
      await open(page, out, '/commercial/sla/');
      const rows = page.locator('tr[data-tier][data-severity]');
      await expect(rows).toHaveCount(options.tiers * options.severities);
      for (const [k, tier] of shape.tierIds.entries()) {
        for (const sev of shape.severityIds) {
          const row = page.locator(`tr[data-tier="${tier}"][data-severity="${sev}"]`);
          await expect(row.locator('th')).toHaveText(shape.tierNames[k]!);
          const cells = targetCells(data, tier, sev);
          for (const field of TARGET_FIELDS)
            await expect(row.locator(`td[data-field="${field}"]`)).toHaveText(cells[field]);
        }
      }
      // One credit table per schedule a tier uses, each with every band.
      for (const sla of data.sla.tiers) {
        if (sla.credit_schedule === undefined) continue;
        const schedule = data.credits.schedules.find((s) => s.id === sla.credit_schedule)!;
        await expect(page.locator(`tr[data-schedule="${schedule.id}"]`)).toHaveCount(
          schedule.bands.length,
        );
      }
    });

    test('the response-deadline calculator offers every tier and severity and answers for the last pair', async ({
      page,
    }) => {
      await open(page, out, '/calculators/response-deadline/');
      const tierSelect = page.getByLabel('Support tier');
      const sevSelect = page.getByLabel('Severity');
      expect(
        await tierSelect
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual(shape.tierIds);
      expect(await cellTexts(page, '#deadline-tier option')).toEqual(shape.tierNames);
      expect(
        await sevSelect
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual(shape.severityIds);

      const tier = shape.tierIds.at(-1)!;
      const sev = shape.severityIds.at(-1)!;
      await tierSelect.selectOption(tier);
      await sevSelect.selectOption(sev);
      await page.getByLabel('Your time zone').selectOption('UTC');
      await page.getByLabel('Ticket opened on (date)').fill('2026-03-04');
      await page.getByLabel('Ticket opened at (24-hour time)').fill('10:00');
      const opened = instantFromLocal('2026-03-04', '10:00', 'UTC')!;
      const target = targetFor(data, tier, sev);
      const hours = supportHoursFor(data, tier);
      const at = (minutes: number) =>
        formatInstant(
          addClockMinutes(opened, minutes, target.clock, hours, scheduleZone(hours, 'UTC')),
          'UTC',
          data.company.locale,
        );
      const result = (key: string) => page.locator(`#deadline-result [data-result="${key}"]`);
      await expect(result('first-response')).toHaveText(at(target.firstResponse!));
      const row = data.escalation.matrix[sev] ?? {};
      for (const level of data.escalation.levels) {
        if (row[level.id] === undefined)
          await expect(result(`escalation-${level.id}`)).toHaveCount(0);
        else await expect(result(`escalation-${level.id}`)).toHaveText(at(row[level.id]!));
      }
    });

    test('the service-credit calculator offers every tier, each with a number or an empty fee', async ({
      page,
    }) => {
      await open(page, out, '/calculators/service-credit/');
      const tierSelect = page.getByLabel('Support tier');
      expect(
        await tierSelect
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual(shape.tierIds);
      await page.getByLabel('Measured monthly uptime (%)').fill('50');
      for (const tier of shape.tierIds) {
        await tierSelect.selectOption(tier);
        // A tier priced on request leaves the fee for the reader to enter; no tier shows NaN.
        await expect(page.getByLabel('Monthly fee')).toHaveValue(/^(\d+(\.\d+)?)?$/);
        await expect(page.locator('#credit-result')).not.toContainText(/NaN|Infinity|undefined/);
      }
    });

    test('the escalation matrix has a row per severity and a column per level', async ({
      page,
    }) => {
      await open(page, out, '/commercial/escalation/');
      const table = page.locator('table', {
        has: page.locator('tr[data-severity] td[data-level]'),
      });
      expect(await cellTexts(page, 'table:has(td[data-level]) thead th')).toEqual([
        'Severity',
        ...shape.levelNames,
      ]);
      await expect(table.locator('tbody tr[data-severity]')).toHaveCount(options.severities);
      for (const sev of shape.severityIds) {
        const row = data.escalation.matrix[sev]!;
        const texts = await cellTexts(page, `tr[data-severity="${sev}"] td[data-level]`);
        expect(texts).toEqual(
          shape.levelIds.map((l) =>
            row[l] === undefined ? 'Not used' : `After ${formatDuration(row[l]!)}`,
          ),
        );
      }
    });

    test('the tier pages and the playbook show every tier', async ({ page }) => {
      await open(page, out, '/commercial/tiers/');
      expect(await cellTexts(page, 'table:has(tr[data-feature]) thead th')).toEqual([
        'Feature',
        ...shape.tierNames,
      ]);
      await expect(page.locator('tr[data-feature]').first().locator('td[data-tier]')).toHaveCount(
        options.tiers,
      );
      await open(page, out, '/commercial/pricing/');
      await expect(page.locator('tr[data-plan]')).toHaveCount(options.tiers);
      await open(page, out, '/playbook/sales-enablement/');
      expect(
        await page
          .locator('section.battlecard')
          .evaluateAll((s) => s.map((e) => e.getAttribute('data-tier'))),
      ).toEqual(shape.tierIds);
    });

    if (options.kb === 'empty') {
      test('without a knowledge base, the KB home says so and nothing links to an article', async ({
        page,
      }) => {
        expect(
          globSync('kb/*/*/index.html', { cwd: out }).filter((p) => !p.startsWith('kb/search/')),
        ).toEqual([]);
        await open(page, out, '/kb/');
        await expect(page.locator('[data-kb-empty]')).toContainText('no knowledge-base articles');
        await expect(page.locator('[data-kb-empty] a')).toHaveAttribute(
          'href',
          '/commercial/priority-support/',
        );
        await expect(page.locator('.kb-card')).toHaveCount(0);
        await open(page, out, '/playbook/support-operations/');
        await expect(page.getByRole('table', { name: 'Auto-response rules' })).toHaveCount(0);
        await expect(page.locator('main')).toContainText('No error pattern has a rule yet');
      });
    } else {
      test('a KB article shows a figure for every tier and severity', async ({ page }) => {
        const first = data.playbook.automation.rules[0]!.article;
        await open(page, out, `/kb/${first}/`);
        await expect(page.locator('[data-figure="sla-target"]')).toHaveCount(
          options.tiers * options.severities,
        );
        const shown = await cellTexts(page, '[data-figure="sla-target"]');
        expect(shown).toEqual(
          shape.tierIds.flatMap((t) =>
            shape.severityIds.map((s) => targetCells(data, t, s).first_response),
          ),
        );
      });
    }
  });
}
