import { readFileSync } from 'node:fs';
import satori from 'satori';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { GlyphSetter, type LayOut } from '../../../packages/starlight-charter/integrations/card-glyphs';
import { fontFiles } from '../../../packages/starlight-charter/integrations/card-renderer';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  PNG_OPTIONS,
  cardLayout,
  cardTree,
  type CardInput,
} from '../../../packages/starlight-charter/lib/og/card';
import { pngSize } from '../../../packages/starlight-charter/lib/og/png';
import { cardFor } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const latinFonts = fontFiles().filter((font) => !font.fallback);
const satoriFonts = latinFonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
const layOut: LayOut = (tree, width, height) =>
  satori(tree as never, { width, height, fonts: satoriFonts, embedFont: false });

const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);

/** The card as satori and sharp draw it whole, every glyph outlined. */
async function drawnWhole(input: CardInput): Promise<Buffer> {
  const svg = await satori(cardTree(input) as never, {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: satoriFonts,
  });
  return sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
}

/**
 * Text set from cached glyphs differs from the whole drawing only in how the edges of glyphs
 * round (quarter-pixel positions, glyphs blended one at a time).
 */
async function expectDrawnAsWhole(png: Buffer | null, input: CardInput): Promise<void> {
  expect(png).not.toBeNull();
  expect(pngSize(png!)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
  const set = await sharp(png!).raw().toBuffer();
  const whole = await drawnWhole(input);
  expect(set.length).toBe(whole.length);
  let total = 0;
  let far = 0;
  for (let i = 0; i < set.length; i++) {
    const d = Math.abs(set[i]! - whole[i]!);
    total += d;
    if (d > 64) far++;
  }
  expect(total / set.length).toBeLessThan(0.5);
  expect(far / set.length).toBeLessThan(0.001);
  // A card that sets nothing would pass the above only if the whole drawing had no text.
  const background = await sharp({
    create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: input.brandColor },
  })
    .raw()
    .toBuffer();
  expect(set.equals(background)).toBe(false);
}

const compose = (setter: GlyphSetter, input: CardInput) =>
  setter.compose(cardLayout(input), CARD_WIDTH, CARD_HEIGHT, PNG_OPTIONS);

describe('GlyphSetter', () => {
  test.each([
    ['a knowledge-base article', card('How to rotate the API signing key without downtime')],
    [
      'a tier with its price',
      card('Professional', { section: 'Commercial', detail: 'Professional: from a monthly price' }),
    ],
    ['the home page', card(catalog.company.name, { section: '' })],
    ['kerning and accents', card('AVATAR Type: Tokyo, WAVY — “Zürich” façade & <tags> 50%')],
    ['a title cut with an ellipsis', card('A title that goes on and on '.repeat(8))],
  ])('sets %s as satori draws it', async (_, input) => {
    const setter = await GlyphSetter.create(latinFonts, layOut);
    await expectDrawnAsWhole(await compose(setter, input), input);
  });

  test('sets titles of different heights one after another, each as satori draws it', async () => {
    // The rows above and below a title are shared between cards by where the title starts and
    // ends: a short title after a tall one, or one without descenders after one with them (and
    // back), must not keep the other's rows.
    const setter = await GlyphSetter.create(latinFonts, layOut);
    for (const title of ['Typography, quickly jumping', 'acne', 'ÉTÂT Équipe', 'on', 'Query log'])
      await expectDrawnAsWhole(await compose(setter, card(title)), card(title));
  });

  test('lays out each layout once, for every title with as many lines', async () => {
    let layouts = 0;
    const setter = await GlyphSetter.create(latinFonts, (tree, width, height) => {
      layouts++;
      return layOut(tree, width, height);
    });
    const [a, b] = await Promise.all([
      compose(setter, card('Rotate a key')),
      compose(setter, card('Reset a password')),
    ]);
    expect(layouts).toBe(1);
    expect(a!.equals(b!)).toBe(false);
    await compose(
      setter,
      card('A much longer title that has to wrap onto a second line of the card'),
    );
    expect(layouts).toBe(2);
  });

  test('writes a card whose text is all one colour with the palette of its mixes', async () => {
    const setter = await GlyphSetter.create(latinFonts, layOut);
    const input = card('Rotate a key');
    const png = await compose(setter, input);
    expect(png![25]).toBe(3); // colour type: palette
    await expectDrawnAsWhole(png, input);
  });

  test('writes RGB when a layout has a colour that is no mix of the background and the text', async () => {
    const setter = await GlyphSetter.create(latinFonts, async (tree, width, height) =>
      // The host name in the corner, in red.
      (await layOut(tree, width, height)).replace(
        /<text ([^>]*?)fill="[^"]*"/,
        '<text $1fill="#ff0000"',
      ),
    );
    const png = await compose(setter, card('Rotate a key'));
    expect(png![25]).toBe(2); // colour type: RGB
    const { data } = await sharp(png!).raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += 3)
      if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0) red++;
    expect(red).toBeGreaterThan(0);
  });

  test('declines a title with a character none of its fonts has', async () => {
    const setter = await GlyphSetter.create(latinFonts, layOut);
    expect(await compose(setter, card('如何轮换 API 密钥'))).toBeNull();
  });

  test('declines a layout with markup it does not know', async () => {
    const setter = await GlyphSetter.create(latinFonts, async (tree, width, height) =>
      (await layOut(tree, width, height)).replace('<text ', '<text transform="rotate(3)" '),
    );
    expect(await compose(setter, card('Rotate a key'))).toBeNull();
  });

  test('declines a layout that is not opaque', async () => {
    const setter = await GlyphSetter.create(latinFonts, async (tree, width, height) =>
      (await layOut(tree, width, height)).replace(
        `fill="${catalog.company.brand_color}"`,
        'fill="none"',
      ),
    );
    expect(await compose(setter, card('Rotate a key'))).toBeNull();
  });
});
