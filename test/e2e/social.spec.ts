import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  renderCards,
  type CardJob,
} from '../../packages/starlight-charter/integrations/card-renderer';
import { htmlFiles, routeOf } from '../../packages/starlight-charter/integrations/html-files';
import { CARD_HEIGHT, CARD_WIDTH } from '../../packages/starlight-charter/lib/og/card';
import { priceDetail, readHead } from '../../packages/starlight-charter/lib/og/page';
import { cardFor, pngSize } from '../support/card-input';
import { expectations } from './pricing-expect';
import { SAMPLE } from '../support/sites';
import { catalog, SAMPLE_OUT } from './support';

/**
 * Every built page unfurls: its head names an absolute 1200x630 card that exists, a title, a
 * description, a Twitter card type and an absolute canonical URL. Pages are found in the build,
 * so new pages are covered without being listed here.
 */

const dist = SAMPLE_OUT;
const pages = htmlFiles(dist).map(routeOf);
const site = new URL(catalog.company.site_url);

test('the build has pages to check', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThan(1);
});

test('every page names its own card, title, description and canonical URL', async ({ request }) => {
  const images = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path);
    const head = readHead(await response.text());
    const problem = (what: string) => `${path}: ${what}`;

    const image = head.meta.get('og:image');
    expect(image, problem('og:image')).toMatch(/^https?:\/\//);
    const imageUrl = new URL(image!);
    expect(imageUrl.host, problem('og:image host')).toBe(site.host);
    images.add(imageUrl.href);

    const png = await request.get(imageUrl.pathname);
    expect(png.status(), problem(`card ${imageUrl.pathname}`)).toBe(200);
    expect(await pngSize(await png.body()), problem('card size')).toEqual({
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
    });
    expect(head.meta.get('og:image:width'), problem('og:image:width')).toBe(String(CARD_WIDTH));
    expect(head.meta.get('og:image:height'), problem('og:image:height')).toBe(String(CARD_HEIGHT));

    expect(head.meta.get('og:title'), problem('og:title')).toBeTruthy();
    expect(head.meta.get('og:description'), problem('og:description')).toBeTruthy();
    expect(head.meta.get('description'), problem('description')).toBeTruthy();
    expect(head.meta.get('twitter:card'), problem('twitter:card')).toBe('summary_large_image');
    expect(head.canonical, problem('canonical')).toMatch(/^https?:\/\//);
    expect(new URL(head.canonical!).host, problem('canonical host')).toBe(site.host);
  }
  // One card per page: no two pages share an image.
  expect(images.size).toBe(pages.length);
});

test('tier and pricing cards carry prices from the data', async ({ request }) => {
  const paths = pages.filter((p) => /\/(tiers|pricing)\/$/.test(p));
  expect(paths, 'the tiers and pricing pages').toEqual(
    expect.arrayContaining(['/commercial/tiers/', '/commercial/pricing/']),
  );
  // Each tier's name and price, the price written with Intl directly (pricing-expect.ts).
  const { priceText } = expectations(catalog);
  const line = catalog.tiers.tiers
    .map(
      (tier) =>
        `${tier.name}: ${priceText(catalog.pricing.plans.find((p) => p.tier === tier.id)!)}`,
    )
    .join(' · ');
  for (const path of paths) {
    const head = readHead(await (await request.get(path)).text());
    expect(head.meta.get('charter:detail'), path).toBe(line);
  }
});

test('a shared link to the tiers page shows its title and card in the page head', async ({
  page,
}) => {
  await page.goto('/commercial/tiers/');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title!.trim());
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new URL('/og/commercial/tiers.png', site).href,
  );
});

test('knowledge-base articles carry their updated date as article:modified_time', async ({
  request,
}) => {
  const articles = pages.filter((p) => /^\/kb\/[^/]+\/[^/]+\/$/.test(p));
  expect(articles.length, 'the sample site has knowledge-base articles').toBeGreaterThan(0);
  for (const path of articles) {
    const source = ['.mdx', '.md']
      .map((ext) => join(SAMPLE.kb, `${path.slice(4, -1)}${ext}`))
      .find(existsSync);
    expect(source, `the source of ${path} in ${SAMPLE.kb}`).toBeDefined();
    // Every article's frontmatter has the date (its schema requires it).
    const updated = readFileSync(source!, 'utf8').match(/^updated:\s*["']?([\d-]+)/m)?.[1];
    expect(updated, `${source}: updated`).toBeDefined();
    const head = readHead(await (await request.get(path)).text());
    expect(head.meta.get('article:modified_time'), path).toBe(new Date(updated!).toISOString());
  }
});

test('robots.txt lets crawlers in and points at the sitemap', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^User-agent: \*$/m);
  const sitemap = robots.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemap).toBe(new URL('/sitemap-index.xml', site).href);
  const index = await request.get(new URL(sitemap!).pathname);
  expect(index.status()).toBe(200);
  expect(await index.text()).toContain(site.host);
});

// Three cards kept in test-results/cards/ (and attached to the report) for a person to look
// at: a long title, a Chinese title, and a tier page with its price from the data.
test('renders sample cards to look at', async ({}, testInfo) => {
  const card = cardFor(catalog.company, site.host);
  const tier = catalog.tiers.tiers[1] ?? catalog.tiers.tiers[0]!;
  const samples: CardJob[] = [
    {
      input: card(
        'Why webhook deliveries fail after a deploy, how retries and signing secrets interact, ' +
          'and what to check in the delivery log before you open a ticket with support',
      ),
      outFile: join('test-results', 'cards', 'long-title.png'),
    },
    {
      input: card('如何轮换 API 密钥并处理速率限制错误'),
      outFile: join('test-results', 'cards', 'chinese-title.png'),
    },
    {
      input: card(tier.name, {
        section: 'Commercial',
        detail: priceDetail(catalog, `/commercial/tiers/${tier.id}/`),
      }),
      outFile: join('test-results', 'cards', 'pricing.png'),
    },
  ];
  expect(samples[2]!.input.detail).toContain(tier.name);
  const cacheDir = mkdtempSync(join(tmpdir(), 'charter-og-samples-'));
  expect(await renderCards(samples, { cacheDir, workers: 2 })).toEqual({ rendered: 3, reused: 0 });
  for (const { outFile } of samples) {
    const png = readFileSync(outFile);
    expect(await pngSize(png), outFile).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    await testInfo.attach(outFile.split('/').pop()!, { body: png, contentType: 'image/png' });
  }
});
