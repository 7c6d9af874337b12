import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { GlyphSetter } from '../../../packages/starlight-charter/integrations/card-glyphs';
import {
  CardCache,
  CardPool,
  fontFiles,
  logoImage,
} from '../../../packages/starlight-charter/integrations/card-renderer';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  LOGO_BOX,
  PNG_OPTIONS,
  cardLayout,
  cardTree,
  type CardInput,
  type LogoImage,
} from '../../../packages/starlight-charter/lib/og/card';
import { cardFor } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

/**
 * Cards of a company with a logo: the logo's pixels land on the card, in its corner, scaled to
 * fit the logo box with its aspect kept, whichever way the card is drawn; a changed logo is a
 * new card. The fixtures are solid rectangles of one colour, read from the files themselves.
 */

const LOGOS = resolve('test/fixtures/logos');
const SVG = join(LOGOS, 'square.svg');
const PNG = join(LOGOS, 'wide.png');

const catalog = loadCatalog(SAMPLE.terms);
const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);
const work = mkdtempSync(join(tmpdir(), 'charter-card-logo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const withLogo = (title: string, file: string, replacesTitle = false): CardInput =>
  card(title, { logo: { file, replacesTitle } });

/** A fixture's size and its one colour, as sharp reads the file. */
async function fixture(file: string) {
  const { data, info } = await sharp(file)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, color: [data[0]!, data[1]!, data[2]!] };
}

/** The size a `width` x `height` logo fits the logo box at, its aspect kept. */
function fitted(width: number, height: number) {
  const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** The box of the card's pixels in `color`, and how many there are. */
async function pixelsOf(png: Buffer, color: number[]) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  let count = 0;
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (data[i] !== color[0] || data[i + 1] !== color[1] || data[i + 2] !== color[2]) continue;
      count++;
      [left, top] = [Math.min(left, x), Math.min(top, y)];
      [right, bottom] = [Math.max(right, x), Math.max(bottom, y)];
    }
  return { count, left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** The logo is on the card whole, in its top-left corner, at the size that fits the box. */
async function expectLogo(png: Buffer, file: string): Promise<void> {
  const logo = await fixture(file);
  const size = fitted(logo.width, logo.height);
  const found = await pixelsOf(png, logo.color);
  expect({ width: found.width, height: found.height }).toEqual(size);
  expect(found.count).toBe(size.width * size.height);
  expect(found.left + found.width).toBeLessThan(CARD_WIDTH / 2);
  expect(found.top + found.height).toBeLessThan(CARD_HEIGHT / 3);
}

describe('logoImage', () => {
  test.each([
    ['an SVG logo', SVG],
    ['a PNG logo', PNG],
  ])('draws %s at the size that fits the logo box, aspect kept', async (_, file) => {
    const logo = await fixture(file);
    const image = await logoImage(file);
    expect({ width: image.width, height: image.height }).toEqual(fitted(logo.width, logo.height));
    const png = Buffer.from(image.src.replace(/^data:image\/png;base64,/, ''), 'base64');
    const { data, info } = await sharp(png)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([image.width, image.height]);
    for (let i = 0; i < data.length; i += 3)
      expect([data[i], data[i + 1], data[i + 2]]).toEqual(logo.color);
  });

  test('says which logo it cannot draw and what would do', async () => {
    const file = join(work, 'logo.ico');
    writeFileSync(file, 'not an image');
    await expect(logoImage(file)).rejects.toThrow(
      new RegExp(`the logo ${file} cannot be drawn on the social cards .*svg, png`),
    );
  });
});

describe('cards with a logo', () => {
  test.each([
    ['an SVG logo beside the name', withLogo('Rotate an API key', SVG)],
    ['a PNG logo in place of the name', withLogo('Rotate an API key', PNG, true)],
    // Set from cached glyphs where Latin, drawn whole by satori otherwise.
    ['a logo on a card drawn whole', withLogo('如何轮换 API 密钥', SVG)],
  ])('show %s in the corner', async (_, input) => {
    const pool = new CardPool(1);
    try {
      const file = join(
        work,
        `${input.logo!.file.endsWith('.svg') ? 'svg' : 'png'}-${input.title.length}.png`,
      );
      await pool.draw(input, file);
      await expectLogo(readFileSync(file), input.logo!.file);
    } finally {
      await pool.close();
    }
  });

  test('a card whose logo cannot be drawn fails with the reason, and the pool goes on', async () => {
    const bad = join(work, 'broken.png');
    writeFileSync(bad, 'not an image');
    const pool = new CardPool(1);
    try {
      await expect(
        pool.draw(withLogo('Broken', bad), join(work, 'broken-card.png')),
      ).rejects.toThrow(/social card failed to render: the logo .*broken\.png cannot be drawn/);
      const file = join(work, 'after-broken.png');
      await pool.draw(withLogo('After a broken logo', PNG), file);
      await expectLogo(readFileSync(file), PNG);
    } finally {
      await pool.close();
    }
  });

  test('set from cached glyphs, are written in RGB, as satori and sharp draw them whole', async () => {
    const fonts = fontFiles().filter((font) => !font.fallback);
    const data = fonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
    const setter = await GlyphSetter.create(fonts, (tree, width, height) =>
      satori(tree as never, { width, height, fonts: data, embedFont: false }),
    );
    for (const file of [SVG, PNG]) {
      const input = withLogo('Rotate an API key', file);
      const logo: LogoImage = await logoImage(file);
      const png = await setter.compose(
        cardLayout(input, logo),
        CARD_WIDTH,
        CARD_HEIGHT,
        PNG_OPTIONS,
      );
      expect(png).not.toBeNull();
      // The logo's colour is no mix of the brand colour and the text's: no palette of mixes.
      expect(png![25]).toBe(2);
      await expectLogo(png!, file);
      const whole = await sharp(
        Buffer.from(
          await satori(cardTree(input, logo) as never, {
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            fonts: data,
          }),
        ),
      )
        .removeAlpha()
        .raw()
        .toBuffer();
      const set = await sharp(png!).raw().toBuffer();
      let total = 0;
      for (let i = 0; i < set.length; i++) total += Math.abs(set[i]! - whole[i]!);
      expect(total / set.length).toBeLessThan(0.5);
    }
  });
});

describe('CardCache with a logo', () => {
  test('keeps a card apart when its logo’s bytes change, not when the file moves', () => {
    const dir = mkdtempSync(join(work, 'terms-'));
    const logo = join(dir, 'logo.png');
    copyFileSync(PNG, logo);
    const input = withLogo('Rotate an API key', logo);
    const fileFor = (i: CardInput) =>
      new CardCache({ cacheDir: join(work, 'cache-key') }).fileFor(i);
    const before = fileFor(input);
    expect(fileFor(input)).toBe(before);
    expect(fileFor(card('Rotate an API key'))).not.toBe(before);
    expect(fileFor(withLogo('Rotate an API key', logo, true))).not.toBe(before);
    const moved = join(dir, 'moved.png');
    copyFileSync(logo, moved);
    expect(fileFor(withLogo('Rotate an API key', moved))).toBe(before);
    copyFileSync(SVG, logo);
    expect(fileFor(input)).not.toBe(before);
  });
});
