import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { moneyFormat, tierById } from '../../packages/starlight-charter/lib/catalog';
import { formatDuration } from '../../packages/starlight-charter/lib/duration';
import { formatCount, formatPercent } from '../../packages/starlight-charter/lib/format';
import {
  bandFor,
  formatScore,
  healthScore,
} from '../../packages/starlight-charter/lib/health-score';
import {
  describeGoal,
  describeRedFlag,
  netPromoterScore,
} from '../../packages/starlight-charter/lib/metrics';
import { formatPrice } from '../../packages/starlight-charter/lib/money';
import { costShareOfRevenue, quarterlyCost } from '../../packages/starlight-charter/lib/playbook';
import { SAMPLE } from '../support/sites';
import {
  catalog,
  durationText,
  internalSite,
  localeWords,
  percentText,
  testServing,
} from './support';

/** Charter's English words, read from translations/en.json. */
const english = localeWords('en');

/**
 * The playbook is internal: the sample publishes it on its internal site only
 * (examples/sample/astro.internal.config.mjs), which global-setup.ts builds once per run.
 */
const test = testServing(internalSite);

/** An article's title as its writer wrote it in the frontmatter. */
const kbTitle = (slug: string) => {
  const file = ['.md', '.mdx']
    .map((ext) => join(SAMPLE.kb, `${slug}${ext}`))
    .find((f) => existsSync(f))!;
  return /^title:\s*"?(.*?)"?\s*$/m.exec(readFileSync(file, 'utf8'))![1];
};

const playbook = catalog.playbook;
const locale = catalog.company.locale;
const money = moneyFormat(catalog);

const PAGES = [
  { name: 'Support operations', href: '/playbook/support-operations/' },
  { name: 'Measuring success', href: '/playbook/measuring-success/' },
  { name: 'Staffing and cost', href: '/playbook/staffing-and-cost/' },
  { name: 'Launch checklist', href: '/playbook/launch-checklist/' },
  { name: 'Sales enablement', href: '/playbook/sales-enablement/' },
  { name: 'ROI methodology', href: '/playbook/roi-methodology/' },
];

/** Body rows of a table, each cell's text with whitespace collapsed. */
async function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll<HTMLElement>('th, td')].map((c) =>
          c.innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

const table = (page: Page, name: string) => page.getByRole('table', { name });

test('every playbook page is in the sidebar under Playbook', async ({ page }) => {
  await page.goto(PAGES[0]!.href);
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  const group = sidebar.locator('details', { has: page.getByText('Playbook', { exact: true }) });
  for (const { name, href } of PAGES) {
    await expect(group.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
});

test('search engines are asked to keep out of the playbook, and only the playbook', async ({
  page,
  request,
}) => {
  const robots = (await (await request.get('/robots.txt')).text()).split('\n');
  expect(robots).toContain('Disallow: /playbook/');
  expect(robots.filter((line) => line.startsWith('Disallow:'))).toHaveLength(1);
  for (const { href } of PAGES) {
    await page.goto(href);
    await expect(page.locator('meta[name="robots"]'), href).toHaveAttribute('content', 'noindex');
  }
  await page.goto('/commercial/pricing/');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
});

test('playbook pages run only their own scripts, break no security rule and log no error', async ({
  page,
}) => {
  // The public sites' pages get the same check in every-page.spec.ts.
  const problems: string[] = [];
  let at = '';
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${at} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${at} uncaught: ${e.message}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  for (const { href } of PAGES) {
    at = href;
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(200);
  }
  expect(problems).toEqual([]);
});

test('playbook pages carry their own search filter value', async ({ page }) => {
  await page.goto(PAGES[0]!.href);
  const filters = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    return pagefind.filters();
  });
  expect(filters.section?.Playbook).toBe(PAGES.length);
});

test('support operations tables match the data', async ({ page }) => {
  await page.goto('/playbook/support-operations/');
  const tierOrder = catalog.tiers.tiers.map((t) => t.id);
  expect(await rows(table(page, 'Support channels and when to use them'))).toEqual(
    playbook.channels.map((c) => [
      c.name,
      c.use_when,
      [...c.tiers]
        .sort((a, b) => tierOrder.indexOf(a) - tierOrder.indexOf(b))
        .map((t) => tierById(catalog, t).name)
        .join(', '),
    ]),
  );
  expect(await rows(table(page, 'Auto-response rules'))).toEqual(
    playbook.automation.rules.map((r) => [
      r.pattern,
      kbTitle(r.article),
      percentText(r.share_of_tickets, locale),
    ]),
  );
  expect(await rows(table(page, 'Monitoring alert rules'))).toEqual(
    playbook.alerts.map((a) => [
      `${a.name} (${a.label})`,
      a.conditions
        .map((c) =>
          english(
            c.above !== undefined
              ? 'charter.playbook.conditionAbove'
              : 'charter.playbook.conditionBelow',
            {
              metric: c.metric,
              amount:
                c.unit === '%'
                  ? percentText((c.above ?? c.below)!, locale)
                  : `${new Intl.NumberFormat(locale).format((c.above ?? c.below)!)} ${c.unit}`,
              duration: durationText(c.for, english),
            },
          ),
        )
        .join(' '),
      catalog.severities.severities.find((s) => s.id === a.severity)!.name,
      a.page.length ? a.page.join(', ') : 'Nobody',
      a.notify,
    ]),
  );
  expect(await rows(table(page, 'Follow-the-sun shifts (UTC)'))).toEqual(
    playbook.follow_the_sun.shifts.map((s) => [
      s.name,
      s.team,
      english('charter.playbook.shift', {
        start: `${String(s.start_hour).padStart(2, '0')}:00`,
        end: `${String(s.end_hour).padStart(2, '0')}:00`,
        hours: english('charter.duration.hours', { count: s.end_hour - s.start_hour }),
      }),
    ]),
  );
  await expect(
    page.getByText(formatDuration(playbook.billing_disputes.investigation_sla)),
  ).toBeVisible();
  for (const routine of playbook.routines) {
    await expect(page.getByRole('heading', { name: routine.name, exact: true })).toBeVisible();
  }
});

test('measuring success shows targets, red flags and the NPS example from the data', async ({
  page,
}) => {
  await page.goto('/playbook/measuring-success/');
  const metricRows = await rows(table(page, 'Success metrics, targets and red flags'));
  expect(metricRows.map((r) => [r[0], r[3], r[4]])).toEqual(
    playbook.metrics.map((m) => [
      m.name,
      describeGoal(m.target, m.unit, locale),
      describeRedFlag(m.red_flag, m.unit, locale),
    ]),
  );
  expect(await rows(table(page, 'First-response time percentiles'))).toEqual(
    playbook.response_percentiles.map((p) => [
      `p${p.percentile}`,
      formatDuration(p.target),
      formatDuration(p.red_flag),
    ]),
  );
  const nps = netPromoterScore(playbook.nps_example);
  await expect(page.getByTestId('nps-example').locator('[data-field="nps"]')).toHaveText(
    formatCount(nps.score, locale),
  );
  // The shares of promoters and detractors, to two decimals, as percentages of the answers.
  const { promoters, passives, detractors } = playbook.nps_example;
  const total = promoters + passives + detractors;
  for (const count of [promoters, detractors])
    await expect(page.getByTestId('nps-example')).toContainText(
      `= ${percentText(Math.round((count / total) * 10_000) / 100, locale)}`,
    );
  const factorRows = await rows(table(page, 'Health score factors and weights'));
  expect(factorRows.map((r) => r.slice(0, 2))).toEqual(
    playbook.health_score.factors.map((f) => [
      f.name,
      percentText(Math.round(f.weight * 1e6) / 1e4, locale),
    ]),
  );
});

test('the health-score calculator scores an account by keyboard', async ({ page }) => {
  const { factors, bands } = playbook.health_score;
  await page.goto('/playbook/measuring-success/');
  const form = page.getByRole('form', { name: 'Health score calculator' });
  // Scores spread across the range so the result differs from the example account.
  const scores = Object.fromEntries(
    factors.map((f, i) => [f.id, Math.round((100 * (i + 1)) / (factors.length + 1))]),
  );
  await form.getByLabel(factors[0]!.name, { exact: true }).focus();
  for (const [i, factor] of factors.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await expect(form.getByLabel(factor.name, { exact: true })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(scores[factor.id]));
  }
  await page.keyboard.press('Enter');
  const score = healthScore(factors, scores);
  const result = form.getByRole('status');
  await expect(result).toContainText(
    `Health score ${formatScore(score, locale)}: ${bandFor(bands, score).name}.`,
  );
});

test('the health-score calculator explains a bad score next to the field and keeps it', async ({
  page,
}) => {
  const factor = playbook.health_score.factors[0]!;
  await page.goto('/playbook/measuring-success/');
  const form = page.getByRole('form', { name: 'Health score calculator' });
  const input = form.getByLabel(factor.name, { exact: true });
  await input.fill('lots');
  await form.getByRole('button', { name: 'Score this account' }).click();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(/Enter a number from 0 to 100/);
  await expect(input).toHaveValue('lots');
  await expect(input).toBeFocused();
  await expect(form.getByRole('status')).not.toContainText('NaN');
  await input.fill('50');
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
});

test('staffing table and chart match the data', async ({ page }) => {
  await page.goto('/playbook/staffing-and-cost/');
  const found = await rows(table(page, 'Support staffing by stage'));
  expect(found.map((r) => [r[0], r[3], r[7], r[8]])).toEqual(
    playbook.staffing.stages.map((s) => [
      s.name,
      formatCount(s.fte, locale),
      formatPrice(quarterlyCost(s), money),
      formatPercent(costShareOfRevenue(s), locale),
    ]),
  );
  const chart = page.getByRole('img', { name: 'Support cost per quarter by stage' });
  await expect(chart).toBeVisible();
  for (const s of playbook.staffing.stages) {
    await expect(chart).toHaveAccessibleName(
      new RegExp(`${s.name}: ${formatPrice(quarterlyCost(s), money).replace('$', '\\$')}`),
    );
  }
  await expect(
    page.getByText(percentText(playbook.staffing.cost_target_percent, locale)).first(),
  ).toBeVisible();
});

test('launch checklist ticks persist after a reload and reset clears them', async ({ page }) => {
  const days = playbook.launch_checklist;
  const total = days.reduce((n, d) => n + d.tasks.length, 0);
  const first = days[0]!.tasks[0]!;
  const last = days.at(-1)!.tasks.at(-1)!;
  await page.goto('/playbook/launch-checklist/');
  const firstBox = page.getByRole('checkbox', { name: first.text });
  await firstBox.focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: last.text }).check();
  await expect(page.getByText(`2 of ${total} tasks done`)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('checkbox', { name: first.text })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: last.text })).toBeChecked();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(2);

  await page.getByRole('button', { name: 'Reset checklist' }).click();
  await page.reload();
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(page.getByText(`0 of ${total} tasks done`)).toBeVisible();
});

test('sales enablement shows a battlecard for every tier that has one', async ({ page }) => {
  await page.goto('/playbook/sales-enablement/');
  for (const card of playbook.battlecards) {
    const tier = tierById(catalog, card.tier);
    const section = page.getByRole('region', { name: tier.name, exact: true });
    await expect(section).toContainText(card.positioning);
    for (const o of card.objections) await expect(section).toContainText(o.answer);
  }
  await expect(page.getByRole('heading', { name: playbook.case_study.title })).toBeVisible();
});

test('the ROI methodology links to the ROI calculator', async ({ page }) => {
  await page.goto('/playbook/roi-methodology/');
  await expect(page.getByRole('link', { name: 'ROI calculator' }).first()).toHaveAttribute(
    'href',
    '/calculators/roi/',
  );
  const found = await rows(table(page, 'ROI calculator default assumptions'));
  expect(found).toHaveLength(catalog.roi.inputs.length);
  const share = catalog.roi.inputs.find((i) => i.kind === 'percent')!;
  expect(found).toContainEqual([share.label, percentText(share.default as number, locale)]);
});
