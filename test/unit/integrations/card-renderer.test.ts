import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import { fontFiles, fontKey, renderCards, type CardJob } from '~/integrations/card-renderer';
import type { CardInput } from '~/lib/og/card';
import { priceDetail } from '~/lib/og/page';
import { pngSize } from '~/lib/og/png';

const catalog = loadCatalog('data');
const work = mkdtempSync(join(tmpdir(), 'charter-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const card = (title: string, extra: Partial<CardInput> = {}): CardInput => ({
  title,
  section: 'Knowledge base',
  detail: '',
  company: catalog.company.name,
  brandColor: catalog.company.brand_color,
  host: new URL(catalog.company.site_url).host,
  ...extra,
});

describe('fontKey', () => {
  test('changes when a font file changes', () => {
    const fonts = fontFiles();
    const swapped = fonts.map((f, i) => (i === 0 ? { ...f, path: fonts[1]!.path } : f));
    expect(fontKey(swapped)).not.toBe(fontKey(fonts));
  });
});

describe('renderCards', () => {
  const cacheDir = join(work, 'cache');
  const jobs = (dir: string, titles: string[]): CardJob[] =>
    titles.map((title, i) => ({ input: card(title), outFile: join(work, dir, `${i}.png`) }));

  test('draws each card once, then reuses it from the cache while nothing changes', async () => {
    const titles = ['Rate limits and 429 responses', 'Rotate an API key'];
    expect(await renderCards(jobs('first', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 2,
      reused: 0,
    });
    expect(await renderCards(jobs('second', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 0,
      reused: 2,
    });
    expect(readFileSync(join(work, 'second', '0.png'))).toEqual(
      readFileSync(join(work, 'first', '0.png')),
    );
    for (const file of ['0.png', '1.png']) {
      expect(pngSize(readFileSync(join(work, 'second', file)))).toEqual({
        width: 1200,
        height: 630,
      });
    }
  });

  test('draws again only the card whose title changed', async () => {
    const titles = ['Rate limits and 429 responses', 'Rotate an API key now'];
    expect(await renderCards(jobs('third', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 1,
      reused: 1,
    });
  });
});

// Cards kept in test-results/cards/ for a person to look at: a long title, a Chinese title
// and a pricing page with its prices from the data.
describe('card artifacts', () => {
  test('renders a long, a Chinese and a pricing card at 1200x630', async () => {
    const out = join('test-results', 'cards');
    mkdirSync(out, { recursive: true });
    const pricingPath = `/commercial/tiers/${catalog.tiers.tiers[1]!.id}/`;
    const samples: CardJob[] = [
      {
        input: card(
          'Why webhook deliveries fail after a deploy, how retries and signing secrets interact, ' +
            'and what to check in the delivery log before you open a ticket with support',
        ),
        outFile: join(out, 'long-title.png'),
      },
      {
        input: card('如何轮换 API 密钥并处理速率限制错误'),
        outFile: join(out, 'chinese-title.png'),
      },
      {
        input: card(catalog.tiers.tiers[1]!.name, {
          section: 'Commercial',
          detail: priceDetail(catalog, pricingPath),
        }),
        outFile: join(out, 'pricing.png'),
      },
    ];
    expect(samples[2]!.input.detail).not.toBe('');
    await renderCards(samples, { cacheDir: join(work, 'artifacts-cache'), workers: 2 });
    for (const { outFile } of samples) {
      expect(pngSize(readFileSync(outFile))).toEqual({ width: 1200, height: 630 });
    }
  });
});
