import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  describeTarget,
  planForTier,
  planPriceText,
  targetFor,
} from '../../packages/starlight-charter/lib/catalog';
import { copyTerms, makeSite, runBuild } from '../support/sites';
import { catalog } from './support';

test("the home page renders from the site's own pages", async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(new RegExp(catalog.company.name));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the tiers page shows every tier from the data', async ({ page }) => {
  await page.goto('/commercial/tiers/');
  const table = page.getByRole('table', { name: 'Support tiers at a glance' });
  await expect(table).toBeVisible();
  const severity = catalog.severities.severities[0]!.id;
  const expected = catalog.tiers.tiers.map((tier) => {
    const target = targetFor(catalog, tier.id, severity);
    return [
      tier.name,
      describeTarget(target.firstResponse!, target.clock),
      tier.coverage,
      planPriceText(catalog, planForTier(catalog, tier.id)),
    ];
  });
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
    );
  expect(rows).toEqual(expected);
});

test('the sidebar links to the tiers page', async ({ page }) => {
  await page.goto('/commercial/tiers/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: 'Support tiers' })).toHaveAttribute(
    'href',
    '/commercial/tiers/',
  );
});

test('search finds the tiers page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  // The knowledge base mentions every tier too, so ask for the page the way a reader would.
  await dialog
    .getByRole('textbox')
    .fill(`support tiers ${catalog.tiers.tiers.at(-1)!.name} coverage`);
  await expect(dialog.getByRole('link', { name: /Support tiers/ }).first()).toBeVisible();
});

test('a broken terms file stops the build with file:line:col and no stack trace', async () => {
  test.setTimeout(120_000);
  const terms = copyTerms();
  const fixture = 'test/fixtures/data/invalid/sla.malformed-duration.yaml';
  writeFileSync(join(terms, 'sla.yaml'), readFileSync(fixture, 'utf8'));
  // The fixture names its file in the folder it was written for; the build names the copy.
  const expected = readFileSync(fixture, 'utf8').split('\n')[0]!.replace('# expect: data/', '');
  const site = makeSite({ terms });
  const out = join(site, 'out');
  const result = runBuild(site, { outDir: out });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`${relative(process.cwd(), terms)}/${expected}`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(out)).toBe(false);
});
