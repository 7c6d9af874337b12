// Renders social cards in a worker thread: satori draws the element tree to SVG, sharp turns
// it into a PNG. Plain JavaScript so Node can start it directly, whoever starts the build.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import satori from 'satori';
import sharp from 'sharp';

// Two font lists for the life of the worker (satori caches parsed fonts per list): the Latin
// fonts, and those plus the fallbacks. The Chinese font is large, so it is read and parsed
// only once a card needs a character the Latin fonts lack.
const load = (fonts) => fonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
const latin = load(workerData.fonts.filter((font) => !font.fallback));
let all;
const LATIN_TEXT = /^[\u0000-\u024f\u2000-\u206f\u20a0-\u20cf]*$/u;
const fontsFor = (tree) =>
  LATIN_TEXT.test(JSON.stringify(tree))
    ? latin
    : (all ??= [...latin, ...load(workerData.fonts.filter((f) => f.fallback))]);
sharp.concurrency(1);

/** SVG from satori, rasterised and encoded by sharp with the given PNG options. */
export async function renderPng(tree, width, height, png) {
  const svg = await satori(tree, { width, height, fonts: fontsFor(tree) });
  return sharp(Buffer.from(svg)).png(png).toBuffer();
}

parentPort?.on('message', async ({ id, tree, width, height, png: options }) => {
  try {
    const png = await renderPng(tree, width, height, options);
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
