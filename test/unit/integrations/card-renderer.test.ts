import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { LOGO_BOX } from '../../../packages/starlight-charter/lib/og/card-template';
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

  test('a card that cannot be drawn fails the run with its reason', async () => {
    const bad = join(work, 'broken.png');
    writeFileSync(bad, 'not an image');
    await expect(render([withLogo('Broken', bad)])).rejects.toThrow(
      /social card failed to render: the logo .*broken\.png cannot be drawn .*svg, png/,
    );
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

describe('cards with a logo', () => {
  /** A fixture's size and its one colour, as sharp reads the file. */
  async function fixture(file: string) {
    const { data, info } = await pixels(file);
    return { width: info.width, height: info.height, color: [data[0]!, data[1]!, data[2]!] };
  }

  test.each([
    ['an SVG logo beside the name', withLogo('Rotate an API key', SVG)],
    ['a PNG logo in place of the name', withLogo('Rotate an API key', PNG, true)],
    ['a logo on a card with a Chinese title', withLogo('如何轮换 API 密钥', SVG)],
  ])('show %s in the top-left corner, scaled to fit the logo box', async (_, input) => {
    const logo = await fixture(input.logo!.file);
    const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
    const [width, height] = [Math.round(logo.width * scale), Math.round(logo.height * scale)];
    const { files } = await render([input]);
    const { data, info } = await pixels(files[0]!);
    let [count, left, top, right, bottom] = [0, Infinity, Infinity, -1, -1];
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * 3;
        if (logo.color.some((c, k) => Math.abs(data[i + k]! - c) > 2)) continue;
        count++;
        [left, top, right, bottom] = [
          Math.min(left, x),
          Math.min(top, y),
          Math.max(right, x),
          Math.max(bottom, y),
        ];
      }
    expect(right - left + 1).toBeGreaterThanOrEqual(width - 1);
    expect(right - left + 1).toBeLessThanOrEqual(width + 1);
    expect(bottom - top + 1).toBeGreaterThanOrEqual(height - 1);
    expect(bottom - top + 1).toBeLessThanOrEqual(height + 1);
    expect(count).toBeGreaterThan(0.9 * width * height);
    expect(right).toBeLessThan(info.width / 2);
    expect(bottom).toBeLessThan(info.height / 3);
  });
});
