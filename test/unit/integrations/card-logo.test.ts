import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  renderCards,
  type CardJob,
} from '../../../packages/starlight-charter/integrations/card-renderer';
import type { CardInput } from '../../../packages/starlight-charter/lib/og/card';
import { LOGO_BOX } from '../../../packages/starlight-charter/lib/og/card-template';
import { cardFor } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);
const work = mkdtempSync(join(tmpdir(), 'charter-card-logo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LOGOS = resolve('test/fixtures/logos');
const SVG = join(LOGOS, 'square.svg');
const PNG = join(LOGOS, 'wide.png');
const withLogo = (title: string, file: string, replacesTitle = false): CardInput =>
  card(title, { logo: { file, replacesTitle } });

let runs = 0;
/** Draws `inputs` into a folder of their own; the files. */
async function render(inputs: CardInput[]) {
  const dir = join(work, `run-${runs++}`);
  const jobs: CardJob[] = inputs.map((input, i) => ({ input, outFile: join(dir, `${i}.png`) }));
  await renderCards(jobs, { cacheDir: join(work, 'cache'), workers: 2 });
  return { files: jobs.map((job) => job.outFile) };
}

/** The pixels of a card, RGB. */
const pixels = async (file: string) =>
  sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });

/**
 * Cards of a company with a logo: the logo's pixels land on the card, in its corner, scaled to
 * fit the logo box with its aspect kept. The fixtures are solid rectangles of one colour, read
 * from the files themselves.
 */
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

  test('a card that cannot be drawn fails the run with its reason', async () => {
    const bad = join(work, 'broken.png');
    writeFileSync(bad, 'not an image');
    await expect(render([withLogo('Broken', bad)])).rejects.toThrow(
      /social card failed to render: the logo .*broken\.png cannot be drawn .*svg, png/,
    );
  });
});
