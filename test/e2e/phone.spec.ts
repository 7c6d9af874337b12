import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SAMPLE } from '../support/sites';
import { pageWidths, PHONE, routesOf, serve, weeSite } from './support';

/**
 * On a phone (320 to 390 CSS pixels wide) every page fits the screen: forms stack, wide tables
 * scroll inside a focusable, named frame that shows more columns lie to the side, and the
 * header's search stays in reach. every-page.spec.ts checks every page at 375 px; this checks
 * the narrowest phones on the widest pages, the second company, and the frames themselves.
 */

const SMALL_PHONE = { width: 320, height: 640 };

/** The routes of the sample site that carry wide content: forms, tables, code, documents. */
const WIDE_PAGES = [
  '/',
  '/calculators/service-credit/',
  '/calculators/downtime/',
  '/calculators/response-deadline/',
  '/calculators/monthly-cost/',
  '/calculators/roi/',
  '/commercial/pricing/',
  '/commercial/sla/',
  '/commercial/support-process/',
  '/reference/api/',
  '/sales/sow-generator/',
  '/sales/sow-template/',
];

/** Visits each route with one page and lists those wider than the screen. */
async function tooWide(page: Page, base: string, routes: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const route of routes) {
    await page.goto(`${base}${route}`, { waitUntil: 'domcontentloaded' });
    const { scroll, client } = await pageWidths(page);
    if (scroll > client) found.push(`${route}: ${scroll} px of content on a ${client} px screen`);
  }
  return found;
}

/**
 * The first Markdown table of the sample's KB whose heading is plain text, with the article's
 * route and that heading: the name its frame should have.
 */
function firstKbTable(): { route: string; heading: string } {
  for (const file of globSync('*/*.{md,mdx}', { cwd: SAMPLE.kb }).sort()) {
    const body = readFileSync(join(SAMPLE.kb, file), 'utf8').split(/^---$/m).slice(2).join('---');
    const lines = body.split('\n');
    const table = lines.findIndex(
      (line, i) => /^\|.*\|\s*$/.test(line) && /^\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? ''),
    );
    if (table < 0) continue;
    const heading = lines
      .slice(0, table)
      .reverse()
      .map((line) => /^#{2,6} (.+)$/.exec(line)?.[1])
      .find(Boolean);
    if (heading && /^[\w\s(),:'-]+$/.test(heading))
      return { route: `/kb/${file.replace(/\.mdx?$/, '')}/`, heading };
  }
  throw new Error(`no KB article in ${SAMPLE.kb} has a table under a plain heading`);
}

/**
 * What axe finds against the rules a scrolling frame could break: a scroller keyboard users
 * cannot reach, and landmarks that cannot be told apart by name.
 */
async function frameViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withRules(['scrollable-region-focusable', 'landmark-unique', 'aria-allowed-attr'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The first table frame on the page whose table is wider than the frame. */
async function scrollingFrame(page: Page): Promise<Locator> {
  const frames = page.locator('main .charter-table-wrap');
  const index = await frames.evaluateAll((all) =>
    all.findIndex((el) => el.scrollWidth > el.clientWidth),
  );
  expect(index, 'a table wider than its frame').toBeGreaterThanOrEqual(0);
  return frames.nth(index);
}

test(`the widest pages fit a ${SMALL_PHONE.width} px phone`, async ({ page }) => {
  await page.setViewportSize(SMALL_PHONE);
  const { route } = firstKbTable();
  expect(await tooWide(page, '', [...WIDE_PAGES, route])).toEqual([]);
});

test("the second company's calculators and pricing pages fit a phone", async ({ browser }) => {
  const server = await serve(weeSite(), '/support/');
  try {
    const routes = routesOf(weeSite()).filter((r) =>
      /^\/(calculators\/.+|commercial\/pricing\/|sales\/sow-\w+\/)$/.test(r),
    );
    expect(routes.filter((r) => r.startsWith('/calculators/')).length).toBeGreaterThan(0);
    expect(routes).toContain('/commercial/pricing/');
    const page = await browser.newPage({ viewport: PHONE });
    expect(await tooWide(page, server.url, routes)).toEqual([]);
    await page.setViewportSize(SMALL_PHONE);
    expect(await tooWide(page, server.url, routes)).toEqual([]);
    await page.close();
  } finally {
    server.close();
  }
});

test('the header search is in reach and opens on phones 320 to 390 px wide', async ({ page }) => {
  // The widest page of the site before it fitted a phone, and a page with a sidebar.
  for (const width of [320, 375, 390]) {
    await page.setViewportSize({ width, height: 700 });
    for (const route of ['/calculators/monthly-cost/', '/commercial/sla/']) {
      await page.goto(route, { waitUntil: 'domcontentloaded' });
      const at = `${route} at ${width} px`;
      const search = page.getByRole('banner').getByRole('button', { name: 'Search', exact: true });
      const box = (await search.boundingBox())!;
      expect(box.x, at).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, at).toBeLessThanOrEqual(width);
      await search.click();
      const input = page.getByRole('dialog').getByRole('textbox');
      await expect(input, at).toBeFocused();
      const field = (await input.boundingBox())!;
      expect(field.x + field.width, at).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog'), at).toBeHidden();
    }
  }
});

test.describe('a wide table on a phone', () => {
  test.use({ viewport: PHONE });

  test('in a Statement of Work, each table scrolls in a frame of its own', async ({ page }) => {
    await page.setViewportSize(SMALL_PHONE);
    await page.goto('/sales/sow-template/');
    const frames = page.locator('.sow-table-wrap');
    const captions = await page.locator('.sow-table caption').allTextContents();
    expect(captions.length).toBeGreaterThan(0);
    await expect(frames).toHaveCount(captions.length);
    for (const [i, caption] of captions.entries())
      await expect(frames.nth(i)).toHaveAccessibleName(caption.trim());
    expect(
      await frames.evaluateAll((all) => all.some((el) => el.scrollWidth > el.clientWidth)),
    ).toBe(true);
    expect(await frameViolations(page)).toEqual([]);
  });

  test('scrolls in a frame named by its caption, which the keyboard scrolls', async ({ page }) => {
    await page.goto('/commercial/sla/');
    const frame = await scrollingFrame(page);
    const caption = await frame.locator('caption').textContent();
    expect(caption?.trim()).toBeTruthy();
    await expect(frame).toHaveRole('region');
    await expect(frame).toHaveAccessibleName(caption!.trim());
    await frame.focus();
    await expect(frame).toBeFocused();
    const before = await frame.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    expect(await frameViolations(page)).toEqual([]);
  });

  test('shows a shadow on the side where more columns lie', async ({ page }) => {
    await page.goto('/commercial/sla/');
    const frame = await scrollingFrame(page);
    // Only the frame's background shows: text and rules are made transparent.
    await frame.evaluate((el) => {
      for (const e of el.querySelectorAll<HTMLElement>('*')) {
        e.style.color = 'transparent';
        e.style.borderColor = 'transparent';
      }
    });
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    const strip = (x: number) =>
      page.screenshot({ clip: { x, y: box.y, width: 12, height: Math.min(box.height, 200) } });
    const edges = () => Promise.all([strip(box.x), strip(box.x + box.width - 12)]);
    const scrollTo = (end: boolean) =>
      frame.evaluate((el, end) => {
        el.scrollLeft = end ? el.scrollWidth : 0;
      }, end);

    await scrollTo(false);
    const [startLeft, startRight] = await edges();
    await scrollTo(true);
    const [endLeft, endRight] = await edges();
    // At the start the right edge is shaded and the left plain; at the end, the other way round.
    expect(startRight!.equals(endRight!)).toBe(false);
    expect(startLeft!.equals(endLeft!)).toBe(false);
    expect(startLeft!.equals(endRight!)).toBe(true);
  });

  test('in a KB article, a Markdown table scrolls in a frame named by its heading', async ({
    page,
  }) => {
    const { route, heading } = firstKbTable();
    await page.goto(route);
    const frame = page.getByRole('region', { name: heading, exact: true });
    await expect(frame.locator('table')).toHaveCount(1);
    await expect(frame).toHaveAttribute('tabindex', '0');
    await frame.focus();
    await expect(frame).toBeFocused();
    // The frame scrolls, not the table inside it.
    expect(await frame.locator('table').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(
      true,
    );
    expect(await frameViolations(page)).toEqual([]);
  });
});
