// Renders social cards in a worker thread: satori lays each card out, sharp turns it into a PNG,
// and the worker writes it, so the thread generating pages never waits on a card.
// Plain JavaScript so Node can start it directly, whoever starts the build.
import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import satori from 'satori';
import sharp from 'sharp';

// Node strips TypeScript types only outside node_modules; where the package is installed as a
// dependency, tsx loads the TypeScript modules imported below.
if (import.meta.url.includes('/node_modules/')) (await import('tsx/esm/api')).register();

// Two font lists for the life of the worker (satori caches parsed fonts per list): the Latin
// fonts, and those plus the fallbacks. The Chinese font is large, so it is read and parsed
// only once a card needs a character the Latin fonts lack.
const load = (fonts) => fonts.map((font) => ({ ...font, data: readFileSync(font.path) }));
const latin = load(workerData.fonts.filter((font) => !font.fallback));
let all;
const LATIN_TEXT = /^[\u0000-\u024f\u2000-\u206f\u20a0-\u20cf]*$/u;
const isLatin = (tree) => LATIN_TEXT.test(JSON.stringify(tree));
const fontsFor = (tree) =>
  isLatin(tree) ? latin : (all ??= [...latin, ...load(workerData.fonts.filter((f) => f.fallback))]);
sharp.concurrency(1);

// Nothing waits for a card until the build ends, while the pages generated beside it are the
// build's critical path: on Linux, where a thread's nice value is its own, this thread gives way
// to the build's others (pages, garbage collection, file writes) when cores are short.
// Idle scheduling (util-linux's chrt) goes further: Linux counts a core that runs only idle
// threads as free, so a thread woken to write a page runs there instead of displacing the
// thread that generates pages, as it does when every core is busy.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {}
  try {
    const thread = readlinkSync('/proc/thread-self').split('/').pop();
    execFileSync('chrt', ['--idle', '--pid', '0', thread], { stdio: 'ignore', timeout: 5000 });
  } catch {}
}

// The first card would parse the fonts and start satori's layout engine and sharp's SVG
// renderer; a worker started ahead of the first card (CardCache.start) does it meanwhile.
// Satori keeps parsed fonts per list, so later cards drawn with `latin` reuse them.
const warmedUp = Promise.all([
  satori(
    { type: 'div', props: { style: { display: 'flex' }, children: 'Aa' } },
    {
      width: 8,
      height: 8,
      fonts: latin,
      embedFont: false,
    },
  ),
  sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'))
    .raw()
    .toBuffer(),
]).catch(() => {});

// Latin text is set from cached glyphs (card-glyphs.ts) where Node runs TypeScript, as Node
// 22.18+ and 24 do. Elsewhere, for other scripts (whose fallback font moves the baseline), and
// for any card the glyph setter declines, satori outlines every glyph and sharp fills them.
const glyphSetter = process.features.typescript
  ? import('./card-glyphs.ts')
      .then(({ GlyphSetter }) =>
        GlyphSetter.create(
          workerData.fonts.filter((font) => !font.fallback),
          (tree, width, height) => satori(tree, { width, height, fonts: latin, embedFont: false }),
        ),
      )
      .catch((error) => {
        console.warn(`Charter: social cards are drawn whole (glyph cache unavailable: ${error})`);
        return null;
      })
  : Promise.resolve(null);

/** The card drawn whole: satori's SVG with every glyph outlined, rasterised and encoded by sharp. */
export async function renderWhole(tree, width, height, png) {
  const svg = await satori(tree, { width, height, fonts: fontsFor(tree) });
  return sharp(Buffer.from(svg)).png(png).toBuffer();
}

/** The card as a PNG with the given options: set into its layout, or failing that drawn whole. */
export async function renderPng(tree, layout, width, height, png) {
  const setter = isLatin(tree) ? await glyphSetter : null;
  const composed = await setter?.compose(layout, width, height, png);
  return composed ?? renderWhole(tree, width, height, png);
}

// Where Node runs TypeScript the pool sends a card's strings only, and its logo as loaded for
// drawing when it has one (card-renderer.ts).
const cardTrees = process.features.typescript ? import('../lib/og/card.ts') : undefined;

parentPort?.on(
  'message',
  async ({ id, input, logo, tree, layout, width, height, png: options, file }) => {
    try {
      await warmedUp;
      const started = performance.now();
      if (!tree) {
        const { cardTree, cardLayout } = await cardTrees;
        tree = cardTree(input, logo);
        layout = cardLayout(input, logo);
      }
      const png = await renderPng(tree, layout, width, height, options);
      // Written then renamed, so an interrupted build never leaves half a file under the name.
      writeFileSync(`${file}.tmp`, png);
      renameSync(`${file}.tmp`, file);
      // The time tells the pool whether more workers would pay (card-renderer.ts, worthGrowing).
      parentPort.postMessage({ id, ms: performance.now() - started });
    } catch (error) {
      parentPort.postMessage({ id, error: String(error?.stack ?? error) });
    }
  },
);
