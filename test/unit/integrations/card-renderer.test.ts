import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import {
  CardCache,
  fontFiles,
  fontKey,
  renderCards,
  type CardJob,
} from '~/integrations/card-renderer';
import { listenForCards, prefetchCard } from '~/integrations/card-prefetch';
import type { CardInput } from '~/lib/og/card';
import { pngSize } from '~/lib/og/png';
import { cardFor } from '../../support/card-input';

const catalog = loadCatalog('data');
const work = mkdtempSync(join(tmpdir(), 'charter-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);

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

describe('CardCache', () => {
  test('draws a card once however often it is asked for, and counts it as drawn', async () => {
    const cache = new CardCache({ cacheDir: join(work, 'cache-once'), workers: 1 });
    try {
      const input = card('Asked for twice at once');
      const [a, b] = await Promise.all([cache.ensure(input), cache.ensure(input)]);
      expect(a).toBe(b);
      expect(cache.drawn).toEqual(new Set([a]));
      expect(pngSize(readFileSync(a))).toEqual({ width: 1200, height: 630 });
    } finally {
      await cache.close();
    }
  });

  test('cards drawn ahead of the build’s end count as rendered when placed', async () => {
    const options = { cacheDir: join(work, 'cache-ahead'), workers: 1 };
    const cache = new CardCache(options);
    void cache.ensure(card('Drawn while pages were generated'));
    const summary = await renderCards(
      [
        { input: card('Drawn while pages were generated'), outFile: join(work, 'ahead', 'a.png') },
        { input: card('Drawn at the end'), outFile: join(work, 'ahead', 'b.png') },
      ],
      options,
      cache,
    );
    expect(summary).toEqual({ rendered: 2, reused: 0 });
    expect(pngSize(readFileSync(join(work, 'ahead', 'a.png')))).toEqual({
      width: 1200,
      height: 630,
    });
  });
});

describe('prefetchCard', () => {
  test('reaches the build’s listener, and nothing when none listens', () => {
    const heard: CardInput[] = [];
    listenForCards((input) => heard.push(input));
    prefetchCard(card('Heard'));
    listenForCards(undefined);
    prefetchCard(card('Not heard'));
    expect(heard.map((c) => c.title)).toEqual(['Heard']);
  });
});
