import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import { fontFiles, fontKey, renderCards, type CardJob } from '~/integrations/card-renderer';
import type { CardInput } from '~/lib/og/card';
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
