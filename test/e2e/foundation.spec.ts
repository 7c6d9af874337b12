import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { describeTarget, planForTier, planPriceText, targetFor } from '../../packages/starlight-charter/lib/catalog';
import { buildSite, catalog, copyData } from './support';

test('the home page renders from content/docs', async ({ page }) => {
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
      describeTarget(target.firstResponse, target.clock),
      tier.coverage,
      planPriceText(catalog, planForTier(catalog, tier.id)),
    ];
  });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
  );
  expect(rows).toEqual(expected);
});

test('the sidebar links to the tiers page', async ({ page }) => {
  await page.goto('/commercial/tiers/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: 'Support tiers' })).toHaveAttribute('href', '/commercial/tiers/');
});

test('search finds the tiers page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog');
  // The knowledge base mentions every tier too, so ask for the page the way a reader would.
  await dialog.getByRole('textbox').fill(`support tiers ${catalog.tiers.tiers.at(-1)!.name} coverage`);
  await expect(dialog.getByRole('link', { name: /Support tiers/ }).first()).toBeVisible();
});

test('a tier renamed in YAML is renamed on the page after a rebuild', async () => {
  test.setTimeout(180_000);
  const dir = copyData();
  const tier = catalog.tiers.tiers[1]!;
  const newName = `${tier.name} Renamed ${Date.now()}`;
  const file = join(dir, 'tiers.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(`name: ${tier.name}\n`, `name: ${newName}\n`));
  const out = buildSite(dir);
  const html = readFileSync(join(out, 'commercial/tiers/index.html'), 'utf8');
  expect(html).toContain(`<th scope="row">${newName}</th>`);
});

test('a broken data file stops the build with file:line:col and no stack trace', async () => {
  test.setTimeout(120_000);
  const dir = copyData();
  const fixture = 'test/fixtures/data/invalid/sla.malformed-duration.yaml';
  writeFileSync(join(dir, 'sla.yaml'), readFileSync(fixture, 'utf8'));
  const expected = readFileSync(fixture, 'utf8').split('\n')[0]!.replace('# expect: data/', '');
  const result = spawnSync('npx', ['astro', 'build'], {
    env: { ...process.env, CHARTER_DATA: dir, CHARTER_OUT_DIR: join(dir, 'out') },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(expected);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(join(dir, 'out'))).toBe(false);
});
