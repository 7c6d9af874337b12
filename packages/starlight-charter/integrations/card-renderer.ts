import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import Tinypool from 'tinypool';
import type { CardInput } from '../lib/og/card.ts';

/**
 * Renders social cards into PNG files. Each card is cached in Astro's cache folder under a hash
 * of its inputs, the template, the fonts and its logo, so a build draws only the cards whose
 * hash is new; those are drawn by a tinypool pool of integrations/card-worker.mjs, one worker
 * per core.
 */

export type FontFile = {
  name: string;
  weight: 400 | 700;
  style: 'normal';
  path: string;
  /** Loaded only for cards with characters the other fonts lack. */
  fallback?: boolean;
};
export type CardJob = { input: CardInput; outFile: string };
export type RenderSummary = { rendered: number; reused: number };
export type RenderOptions = {
  /** Where cached PNGs live, by hash. */
  cacheDir: string;
  /** Worker threads at most; defaults to the number of cores. */
  workers?: number;
  fonts?: FontFile[];
};

/**
 * sharp's PNG settings. Cards are flat colour and text: row filters gain little, and zlib level
 * 3 encodes in a few milliseconds for ~50 KB, where level 9 or a palette takes several times
 * as long.
 */
export const PNG_OPTIONS = { compressionLevel: 3, adaptiveFiltering: false } as const;

const WORKER = new URL('./card-worker.mjs', import.meta.url);
/** Files whose change redraws every card: how cards look, what they show and how they are drawn. */
const DRAWING = ['./card-worker.mjs', '../lib/og/card-template.ts', '../lib/og/card.ts'].map(
  (file) => new URL(file, import.meta.url),
);

const require = createRequire(import.meta.url);

/** The card fonts, from npm packages (never fetched): Inter, then Noto Sans SC for Chinese. */
export function fontFiles(): FontFile[] {
  const inter = (file: string) => require.resolve(`@fontsource/inter/files/inter-${file}.woff`);
  const sc = require.resolve(
    '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff',
  );
  return [
    ...(['latin-400', 'latin-700', 'latin-ext-400', 'latin-ext-700'] as const).map((file) => ({
      name: 'Inter',
      weight: Number(file.slice(-3)) as 400 | 700,
      style: 'normal' as const,
      path: inter(`${file}-normal`),
    })),
    { name: 'Noto Sans SC', weight: 700, style: 'normal', path: sc, fallback: true },
  ];
}

const digest = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

/** What every card's hash shares: the template, the worker, the PNG settings and the fonts. */
export function drawingKey(fonts: FontFile[] = fontFiles()): string {
  return digest(
    JSON.stringify(PNG_OPTIONS),
    ...DRAWING.map((file) => readFileSync(file)),
    ...fonts.flatMap((font) => [JSON.stringify({ ...font, path: '' }), readFileSync(font.path)]),
  );
}

/**
 * A card's hash: its inputs and `drawingKey`; for a logo, its file's bytes rather than where it
 * lies. `logoBytes` reads a logo's digest (once per build).
 */
export function cardHash(
  input: CardInput,
  key: string,
  logoBytes: (file: string) => string,
): string {
  const logo = input.logo && { ...input.logo, file: logoBytes(input.logo.file) };
  return digest(key, JSON.stringify({ ...input, logo }));
}

/**
 * Puts a cached card into the build: a hard link costs nothing, a copy is the fallback when the
 * cache is on another file system. Cached files are never written to, so sharing is safe.
 */
function placeCachedCard(cached: string, outFile: string): void {
  mkdirSync(dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  try {
    linkSync(cached, outFile);
  } catch {
    copyFileSync(cached, outFile);
  }
}

/** Writes every job's PNG from the cache, drawing the cards it lacks; counts drawn and reused. */
export async function renderCards(jobs: CardJob[], options: RenderOptions): Promise<RenderSummary> {
  const fonts = options.fonts ?? fontFiles();
  const key = drawingKey(fonts);
  const logos = new Map<string, string>();
  const logoBytes = (file: string) => {
    if (!logos.has(file)) logos.set(file, digest(readFileSync(file)));
    return logos.get(file)!;
  };
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = jobs.map((job) =>
    join(options.cacheDir, `${cardHash(job.input, key, logoBytes)}.png`),
  );
  const missing = new Map<string, CardInput>();
  cached.forEach((file, i) => existsSync(file) || missing.set(file, jobs[i]!.input));
  if (missing.size > 0) {
    const pool = new Tinypool({
      filename: WORKER.href,
      maxThreads: Math.min(missing.size, options.workers ?? availableParallelism()),
    });
    try {
      await Promise.all(
        [...missing].map(([file, input]) =>
          pool.run({ input, file, fontFiles: fonts, png: PNG_OPTIONS }).catch((error: Error) => {
            throw new Error(`Charter: a social card failed to render: ${error.message}`);
          }),
        ),
      );
    } finally {
      await pool.destroy();
    }
  }
  jobs.forEach((job, i) => placeCachedCard(cached[i]!, job.outFile));
  const rendered = cached.filter((file) => missing.has(file)).length;
  return { rendered, reused: jobs.length - rendered };
}
