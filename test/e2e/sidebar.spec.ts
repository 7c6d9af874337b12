import { expect, test } from '@playwright/test';

/**
 * The sidebar keeps its state from page to page, as Starlight's does: a group closed on one
 * page stays closed on the next, and the sidebar opens scrolled where it was left. Charter
 * renders the script that restores it (components/starlight/Sidebar.astro).
 */
test('a closed sidebar group and the sidebar’s scroll position carry over to the next page', async ({
  page,
}) => {
  // Starlight restores the sidebar on wide screens only, where it is always shown.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto('/commercial/');
  const sidebar = page.locator('#starlight__sidebar');
  const group = sidebar
    .locator('details')
    .filter({ has: page.locator('summary', { hasText: 'Knowledge base' }) });
  await expect(group).toHaveJSProperty('open', true);
  await group.locator('summary').click();
  await expect(group).toHaveJSProperty('open', false);

  const scrolled = await sidebar.evaluate((el) => {
    el.scrollTop = Math.min(60, el.scrollHeight - el.clientHeight);
    return el.scrollTop;
  });
  expect(scrolled).toBeGreaterThan(0);

  // Another page, outside that group (the sidebar's last link); opened by address, since
  // clicking the link would first scroll the sidebar to it.
  const href = (await sidebar.locator('a').last().getAttribute('href'))!;
  await page.goto(href);
  await expect(group).toHaveJSProperty('open', false);
  expect(await sidebar.evaluate((el) => el.scrollTop)).toBe(scrolled);
});
