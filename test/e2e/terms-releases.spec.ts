import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadReleases, withCompany } from '../../packages/starlight-charter/data/releases';
import { moneyFormat } from '../../packages/starlight-charter/lib/catalog';
import { priceText } from '../../packages/starlight-charter/lib/pricing-text';
import { SAMPLE } from '../support/sites';
import { catalog } from './support';

/**
 * The sample's kept releases (terms/versions/): the change log lists them with what changed,
 * and an earlier one stays readable, marked superseded. Expectations come from the kept files.
 */
const releases = loadReleases(SAMPLE.terms);
const older = releases.at(-2)!;
const newer = releases.at(-1)!;
const money = moneyFormat(catalog);
const before = withCompany(older, catalog);
const after = withCompany(newer, catalog);
// A plan whose price the two releases state differently.
const plan = after.pricing.plans.find((p) => {
  const was = before.pricing.plans.find((b) => b.tier === p.tier);
  return was && priceText(was.price, money) !== priceText(p.price, money);
})!;
const tierName = after.tiers.tiers.find((t) => t.id === plan.tier)!.name;
const oldPrice = priceText(before.pricing.plans.find((b) => b.tier === plan.tier)!.price, money);
const newPrice = priceText(plan.price, money);

/** The cell beside the row header "<tier> plan price" in a release page's prices table. */
const priceCell = (page: Page) =>
  page
    .getByRole('table', { name: 'Prices and usage' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `${tierName} plan price`, exact: true }) })
    .getByRole('cell');

test('the sample keeps two releases, the current terms being the newer, with a price changed between them', () => {
  expect(releases.length).toBeGreaterThanOrEqual(2);
  expect(catalog.company.terms_version).toBe(newer.version);
  expect(plan).toBeDefined();
});

test('the change log lists each release, newest first, with the changed price in words, and links its feed', async ({
  page,
  request,
}) => {
  await page.goto('/commercial/changes/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terms change log');
  const sections = page.locator('[data-release]');
  await expect(sections).toHaveCount(releases.length);
  expect(await sections.evaluateAll((s) => s.map((e) => e.getAttribute('data-release')))).toEqual(
    releases.map((r) => r.version).reverse(),
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const current = page.locator(`[data-release="${newer.version}"]`);
  await expect(current.getByRole('heading', { level: 2 })).toHaveText(
    `Version ${newer.version} (current)`,
  );
  await expect(
    current.getByRole('listitem').filter({ hasText: `${tierName} plan price: ` }),
  ).toHaveText(`${tierName} plan price: ${oldPrice} → ${newPrice}`);

  // The feed is announced in the head and is the same list.
  const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  const href = await feed.getAttribute('href');
  expect(href).toBe('/commercial/changes.xml');
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml.match(/<entry>/g)).toHaveLength(releases.length);

  // Each heading leads to its release's page.
  await page
    .locator(`[data-release="${older.version}"]`)
    .getByRole('link', { name: `Version ${older.version}` })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/commercial/terms/${older.version.replace('.', '\\.')}/$`),
  );
});

test('an earlier release stays readable, marked superseded, with its own figures and a way to the current terms', async ({
  page,
}) => {
  await page.goto(`/commercial/terms/${older.version}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Terms version ${older.version}`,
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const status = page.locator('[data-release-status]');
  await expect(status).toHaveAttribute('data-release-status', 'superseded');
  await expect(status).toContainText(`superseded by version ${newer.version}`);
  await expect(priceCell(page)).toHaveText(oldPrice);
  await status.getByRole('link', { name: 'current terms' }).click();
  await expect(page).toHaveURL(/\/commercial\/$/);
});

test("the current release's page says it is current and shows today's figures", async ({
  page,
}) => {
  await page.goto(`/commercial/terms/${newer.version}/`);
  await expect(page.locator('[data-release-status]')).toHaveAttribute(
    'data-release-status',
    'current',
  );
  await expect(priceCell(page)).toHaveText(
    priceText(catalog.pricing.plans.find((p) => p.tier === plan.tier)!.price, money),
  );
});
