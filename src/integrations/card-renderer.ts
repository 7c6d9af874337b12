import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  rmSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  PNG_OPTIONS,
  cardHash,
  cardTree,
  type CardInput,
} from '../lib/og/card';

/**
 * Renders social cards into PNG files, reusing a cached PNG whenever a card's inputs, the
 * template and the fonts are unchanged. New cards are drawn in worker threads, one per core.
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

const require = createRequire(import.meta.url);

/** The card fonts, from npm packages (never fetched): Inter, then Noto Sans SC for Chinese. */
export function fontFiles(): FontFile[] {
  const inter = (file: string) => require.resolve(`@fontsource/inter/files/${file}`);
  const sc = (file: string) => require.resolve(`@fontsource/noto-sans-sc/files/${file}`);
  return [
    { name: 'Inter', weight: 400, style: 'normal', path: inter('inter-latin-400-normal.woff') },
    { name: 'Inter', weight: 700, style: 'normal', path: inter('inter-latin-700-normal.woff') },
    { name: 'Inter', weight: 400, style: 'normal', path: inter('inter-latin-ext-400-normal.woff') },
    { name: 'Inter', weight: 700, style: 'normal', path: inter('inter-latin-ext-700-normal.woff') },
    {
      name: 'Noto Sans SC',
      weight: 700,
      style: 'normal',
      path: sc('noto-sans-sc-chinese-simplified-700-normal.woff'),
      fallback: true,
    },
  ];
}

/** A digest of the font files' bytes, part of every card's cache key. */
export function fontKey(fonts: FontFile[] = fontFiles()): string {
  const hash = createHash('sha256');
  for (const font of fonts)
    hash.update(font.name).update(String(font.weight)).update(readFileSync(font.path));
  return hash.digest('hex').slice(0, 16);
}

type Pending = { resolve: (png: Buffer) => void; reject: (error: Error) => void };

/** A small pool of card workers; `draw` hands each card to the next idle one. */
export class CardPool {
  private workers: Worker[];
  private pending = new Map<number, Pending>();
  private nextId = 0;
  private turn = 0;

  constructor(size = availableParallelism(), fonts: FontFile[] = fontFiles()) {
    const url = new URL('./card-worker.mjs', import.meta.url);
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(url, { workerData: { fonts } });
      worker.on(
        'message',
        ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
          const job = this.pending.get(id);
          this.pending.delete(id);
          if (!job) return;
          if (error || !png)
            job.reject(new Error(`Charter: a social card failed to render: ${error}`));
          else job.resolve(Buffer.from(png));
        },
      );
      return worker;
    });
  }

  draw(input: CardInput): Promise<Buffer> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({
        id,
        tree: cardTree(input),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        png: PNG_OPTIONS,
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export type RenderOptions = {
  /** Where cached PNGs live, by hash. */
  cacheDir: string;
  /** Worker threads; defaults to the number of cores. */
  workers?: number;
  fonts?: FontFile[];
};

/** Writes every job's PNG, from the cache when possible; says how many were drawn and reused. */
/**
 * Puts a cached card into the build: a hard link costs nothing, a copy is the fallback when the
 * cache is on another file system. Cached files are never written to, so sharing is safe.
 */
function placeCachedCard(cached: string, outFile: string): void {
  try {
    rmSync(outFile, { force: true });
    linkSync(cached, outFile);
  } catch {
    copyFileSync(cached, outFile);
  }
}

export async function renderCards(jobs: CardJob[], options: RenderOptions): Promise<RenderSummary> {
  const fonts = options.fonts ?? fontFiles();
  const key = fontKey(fonts);
  mkdirSync(options.cacheDir, { recursive: true });
  const todo: { job: CardJob; cached: string }[] = [];
  let reused = 0;
  for (const job of jobs) {
    const cached = join(options.cacheDir, `${cardHash(job.input, key)}.png`);
    mkdirSync(dirname(job.outFile), { recursive: true });
    if (existsSync(cached)) {
      placeCachedCard(cached, job.outFile);
      reused++;
    } else {
      todo.push({ job, cached });
    }
  }
  if (todo.length > 0) {
    const pool = new CardPool(
      Math.min(options.workers ?? availableParallelism(), todo.length),
      fonts,
    );
    try {
      await Promise.all(
        todo.map(async ({ job, cached }) => {
          const png = await pool.draw(job.input);
          writeFileSync(job.outFile, png);
          // Write then rename, so an interrupted build never leaves a half-written cache entry.
          writeFileSync(`${cached}.tmp`, png);
          renameSync(`${cached}.tmp`, cached);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  return { rendered: todo.length, reused };
}
