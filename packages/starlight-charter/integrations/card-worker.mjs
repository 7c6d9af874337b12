// Draws social cards in a tinypool worker (integrations/card-renderer.ts): satori lays a card
// out as SVG from lib/og/card-template.ts, sharp rasterises it and writes the PNG.
// Plain JavaScript so Node can start it directly, whoever starts the build.
import { readFileSync, renameSync } from 'node:fs';
import satori from 'satori';
import sharp from 'sharp';

// Node strips TypeScript types only outside node_modules; where the package is installed as a
// dependency, tsx loads the template.
if (import.meta.url.includes('/node_modules/')) (await import('tsx/esm/api')).register();
const { cardTemplate, LOGO_BOX } = await import('../lib/og/card-template.ts');
const { CARD_WIDTH, CARD_HEIGHT } = await import('../lib/og/card.ts');

// Each worker draws one card at a time; the pool runs one worker per core.
sharp.concurrency(1);

/** Fonts read once per worker: the Latin ones, and the fallback for scripts they lack. */
let fonts;
const load = (list) => list.map((font) => ({ ...font, data: readFileSync(font.path) }));
/** Satori asks for a font when a title has characters the others lack (Chinese, Japanese). */
const fallbackFonts = (languageCode) =>
  languageCode === 'emoji' ? [] : (fonts.fallback ??= load(fonts.files.filter((f) => f.fallback)));

/** The logo as the card draws it: a PNG at the size it takes in the logo box, aspect kept. */
const logos = new Map();
async function logoImage(file) {
  const { data, info } = await sharp(readFileSync(file), { density: 300 })
    .resize(LOGO_BOX.width, LOGO_BOX.height, { fit: 'inside' })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { src: `data:image/png;base64,${data.toString('base64')}`, ...info };
}

/** Draws one card into `file` (written whole or not at all). */
export default async function drawCard({ input, file, fontFiles, png }) {
  fonts ??= { files: fontFiles, main: load(fontFiles.filter((f) => !f.fallback)) };
  let logo;
  if (input.logo) {
    const { file: logoFile } = input.logo;
    if (!logos.has(logoFile)) logos.set(logoFile, logoImage(logoFile));
    logo = await logos.get(logoFile).catch((error) => {
      throw new Error(
        `the logo ${logoFile} cannot be drawn on the social cards (${error.message}); ` +
          'use an svg, png, jpg, webp or avif file.',
      );
    });
  }
  const svg = await satori(cardTemplate(input, logo), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: fonts.main,
    loadAdditionalAsset: async (languageCode) => fallbackFonts(languageCode),
  });
  await sharp(Buffer.from(svg)).png(png).toFile(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
}
