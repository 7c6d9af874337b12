// Draws social cards in a tinypool worker (card-renderer.ts): satori lays a card out as SVG
// from lib/og/card-template.ts, sharp rasterises it and writes the PNG. Plain JavaScript so
// Node starts it directly; where the package is installed in node_modules, which Node does not
// strip TypeScript in, tsx loads the template.
import { readFileSync, renameSync } from 'node:fs';
import satori from 'satori';
import sharp from 'sharp';

if (import.meta.url.includes('/node_modules/')) (await import('tsx/esm/api')).register();
const { cardTemplate, LOGO_BOX } = await import('../lib/og/card-template.ts');
const { CARD_WIDTH, CARD_HEIGHT } = await import('../lib/og/card.ts');

// The pool runs a worker per core, each drawing one card at a time.
sharp.concurrency(1);

const load = (fonts) => fonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
/** Fonts read once per worker; the fallback only once a card has characters the rest lack. */
let fonts;
let fallback;
const logos = new Map();

/** The logo as cards draw it: a PNG scaled to fit the logo box, its aspect kept. */
async function logoImage(file) {
  try {
    const { data, info } = await sharp(readFileSync(file), { density: 300 })
      .resize(LOGO_BOX.width, LOGO_BOX.height, { fit: 'inside' })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { src: `data:image/png;base64,${data.toString('base64')}`, ...info };
  } catch (error) {
    throw new Error(
      `the logo ${file} cannot be drawn on the social cards (${error.message}); ` +
        'use an svg, png, jpg, webp or avif file.',
    );
  }
}

/** Draws one card into `file`, written whole or not at all. */
export default async function drawCard({ input, file, fonts: files, png }) {
  fonts ??= load(files.filter((font) => !font.fallback));
  const logoFile = input.logo?.file;
  if (logoFile && !logos.has(logoFile)) logos.set(logoFile, logoImage(logoFile));
  const svg = await satori(cardTemplate(input, await logos.get(logoFile)), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    // Emoji are not drawn: no emoji font is installed.
    loadAdditionalAsset: async (language) =>
      language === 'emoji' ? [] : (fallback ??= load(files.filter((font) => font.fallback))),
  });
  await sharp(Buffer.from(svg)).png(png).toFile(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
}
