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
 * hash is new, in a tinypool pool of integrations/card-worker.mjs, one worker per core.
 */

export type FontFile = { name: string; weight: 400 | 700; path: string; fallback?: boolean };
export type CardJob = { input: CardInput; outFile: string };
export type RenderSummary = { rendered: number; reused: number };
/** `workers` defaults to the number of cores. */
export type RenderOptions = { cacheDir: string; workers?: number; fonts?: FontFile[] };

/** sharp's PNG settings: cards are flat colour, so filters gain little and zlib 3 is enough. */
export const PNG_OPTIONS = { compressionLevel: 3, adaptiveFiltering: false } as const;

const WORKER = new URL('./card-worker.mjs', import.meta.url);
/** Files whose change redraws every card: how cards look and how they are drawn. */
const DRAWING = [WORKER, '../lib/og/card-template.ts', '../lib/og/card.ts'].map(
  (file) => new URL(file, import.meta.url),
);

/**
 * The card fonts, from npm packages (never fetched): Inter, and Noto Sans SC for the Chinese
 * and Japanese characters Inter lacks (the fallback).
 */
export function fontFiles(): FontFile[] {
  const file = createRequire(import.meta.url).resolve;
  const inter = (weight: 400 | 700, subset: string) => ({
    name: 'Inter',
    weight,
    path: file(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`),
  });
  return [
    ...[400, 700].flatMap((w) => [
      inter(w as 400 | 700, 'latin'),
      inter(w as 400 | 700, 'latin-ext'),
    ]),
    {
      name: 'Noto Sans SC',
      weight: 700,
      path: file('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff'),
      fallback: true,
    },
  ];
}

const digest = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

/** What every card's hash shares: the drawing files, the PNG settings and the fonts. */
export function drawingKey(fonts: FontFile[] = fontFiles()): string {
  return digest(
    JSON.stringify(PNG_OPTIONS),
    ...DRAWING.map((file) => readFileSync(file)),
    ...fonts.flatMap((font) => [JSON.stringify({ ...font, path: '' }), readFileSync(font.path)]),
  );
}

/** A card's hash: its inputs and `drawingKey`; a logo by its bytes (`logoKey`), not its place. */
export function cardHash(input: CardInput, key: string, logoKey: (file: string) => string) {
  const logo = input.logo && { ...input.logo, file: logoKey(input.logo.file) };
  return digest(key, JSON.stringify({ ...input, logo }));
}

/** A cached card into the build: a hard link, or a copy across file systems. */
function place(cached: string, outFile: string): void {
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
  const logoKey = (file: string) => {
    if (!logos.has(file)) logos.set(file, digest(readFileSync(file)));
    return logos.get(file)!;
  };
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = jobs.map((job) =>
    join(options.cacheDir, `${cardHash(job.input, key, logoKey)}.png`),
  );
  const missing = new Map<string, CardInput>();
  cached.forEach((file, i) => existsSync(file) || missing.set(file, jobs[i]!.input));
  if (missing.size > 0) {
    const pool = new Tinypool({
      filename: WORKER.href,
      maxThreads: Math.min(missing.size, options.workers ?? availableParallelism()),
    });
    const draw = ([file, input]: [string, CardInput]) =>
      pool.run({ input, file, fonts, png: PNG_OPTIONS }).catch((error: Error) => {
        throw new Error(`Charter: a social card failed to render: ${error.message}`);
      });
    try {
      await Promise.all([...missing].map(draw));
    } finally {
      await pool.destroy();
    }
  }
  jobs.forEach((job, i) => place(cached[i]!, job.outFile));
  const rendered = cached.filter((file) => missing.has(file)).length;
  return { rendered, reused: jobs.length - rendered };
}
