// Renders social cards in a worker thread: satori draws the element tree to SVG, sharp turns
// it into a PNG. Plain JavaScript so Node can start it directly, whoever starts the build.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import satori from 'satori';
import sharp from 'sharp';

// One font list for the life of the worker: satori caches parsed fonts per list.
const fonts = workerData.fonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
sharp.concurrency(1);

/** A palette PNG at low zlib effort: cards are flat colour and text, and this is most of the cost. */
export async function renderPng(tree, width, height) {
  const svg = await satori(tree, { width, height, fonts });
  return sharp(Buffer.from(svg))
    .png({ palette: true, colours: 64, effort: 1, compressionLevel: 6, dither: 0 })
    .toBuffer();
}

parentPort?.on('message', async ({ id, tree, width, height }) => {
  try {
    const png = await renderPng(tree, width, height);
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
