import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  cardHash,
  drawingKey,
  fontFiles,
  renderCards,
  type CardJob,
} from '../../../packages/starlight-charter/integrations/card-renderer';
import type { CardInput } from '../../../packages/starlight-charter/lib/og/card';
import { cardFor, pngSize } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);
const work = mkdtempSync(join(tmpdir(), 'charter-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LOGOS = resolve('test/fixtures/logos');
const SVG = join(LOGOS, 'square.svg');
const PNG = join(LOGOS, 'wide.png');
const withLogo = (title: string, file: string, replacesTitle = false): CardInput =>
  card(title, { logo: { file, replacesTitle } });

let runs = 0;
/** Draws `inputs` into a folder of their own; the files and the summary. */
async function render(inputs: CardInput[], cacheDir = join(work, 'cache'), fonts = fontFiles()) {
  const dir = join(work, `run-${runs++}`);
  const jobs: CardJob[] = inputs.map((input, i) => ({ input, outFile: join(dir, `${i}.png`) }));
  const summary = await renderCards(jobs, { cacheDir, workers: 2, fonts });
  return { summary, files: jobs.map((job) => job.outFile) };
}

/** The pixels of a card, RGB. */
const pixels = async (file: string) =>
  sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });

describe('renderCards', () => {
  const titles = ['Rate limits and 429 responses', 'Rotate an API key'];

  test('draws each card once at 1200x630, then reuses it from the cache while nothing changes', async () => {
    const cold = await render(titles.map((t) => card(t)));
    expect(cold.summary).toEqual({ rendered: 2, reused: 0 });
    for (const file of cold.files)
      expect(await pngSize(file)).toEqual({ width: 1200, height: 630 });
    const warm = await render(titles.map((t) => card(t)));
    expect(warm.summary).toEqual({ rendered: 0, reused: 2 });
    expect(readFileSync(warm.files[0]!)).toEqual(readFileSync(cold.files[0]!));
  });

  test('draws again only the card whose title changed', async () => {
    const { summary } = await render([card(titles[0]!), card(`${titles[1]} now`)]);
    expect(summary).toEqual({ rendered: 1, reused: 1 });
  });

  test('draws Chinese and Japanese titles with the fallback font, not as empty boxes', async () => {
    const title = '如何轮换 API 密钥 · APIキーの更新';
    const latinOnly = fontFiles().filter((font) => !font.fallback);
    const [fallback, boxes] = await Promise.all([
      render([card(title)]),
      render([card(title)], join(work, 'cache-latin'), latinOnly),
    ]);
    const a = await pixels(fallback.files[0]!);
    const b = await pixels(boxes.files[0]!);
    let differ = 0;
    for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) differ++;
    expect(differ).toBeGreaterThan(1000);
  });
});

describe('card hashes', () => {
  const key = drawingKey();
  const bytes = (file: string) => readFileSync(file, 'latin1');

  test('change when a font file changes', () => {
    const fonts = fontFiles();
    const swapped = fonts.map((f, i) => (i === 0 ? { ...f, path: fonts[1]!.path } : f));
    expect(drawingKey(swapped)).not.toBe(key);
    expect(drawingKey(fontFiles())).toBe(key);
  });

  test('change with any input, and with a logo’s bytes, not with where the logo lies', () => {
    const dir = mkdtempSync(join(work, 'terms-'));
    const logo = join(dir, 'logo.png');
    copyFileSync(PNG, logo);
    const input = withLogo('Rotate an API key', logo);
    const hash = (i: CardInput) => cardHash(i, key, bytes);
    const before = hash(input);
    expect(hash(card('Rotate an API key'))).not.toBe(before);
    expect(hash({ ...input, detail: 'A price' })).not.toBe(before);
    expect(hash(withLogo('Rotate an API key', logo, true))).not.toBe(before);
    const moved = join(dir, 'moved.png');
    copyFileSync(logo, moved);
    expect(hash(withLogo('Rotate an API key', moved))).toBe(before);
    copyFileSync(SVG, logo);
    expect(hash(input)).not.toBe(before);
  });
});
