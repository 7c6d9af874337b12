import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  rmSync,
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
  cardLayout,
  cardTree,
  type CardInput,
} from '../lib/og/card.ts';

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
          if (this.pending.size === 0) this.hold(false);
          if (!job) return;
          if (error || !png)
            job.reject(new Error(`Charter: a social card failed to render: ${error}`));
          else job.resolve(Buffer.from(png));
        },
      );
      worker.unref();
      return worker;
    });
  }

  /** Workers keep the process alive only while they have cards to draw (a failed build exits). */
  private hold(busy: boolean): void {
    for (const worker of this.workers) busy ? worker.ref() : worker.unref();
  }

  draw(input: CardInput): Promise<Buffer> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.hold(true);
      this.pending.set(id, { resolve, reject });
      worker.postMessage({
        id,
        tree: cardTree(input),
        layout: cardLayout(input),
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

/**
 * The card cache for one build. `ensure` draws a card into the cache unless it is there
 * already; the build calls it while pages are still being generated (through
 * src/integrations/card-prefetch.ts), so drawing overlaps page generation, and again at the
 * end for every page, which then only waits for what is still being drawn.
 */
export class CardCache {
  private readonly fonts: FontFile[];
  private readonly key: string;
  private pool: CardPool | undefined;
  private readonly pending = new Map<string, Promise<void>>();
  /** Cache files drawn by this build. */
  readonly drawn = new Set<string>();

  private readonly options: RenderOptions;

  constructor(options: RenderOptions) {
    this.options = options;
    this.fonts = options.fonts ?? fontFiles();
    this.key = fontKey(this.fonts);
    mkdirSync(options.cacheDir, { recursive: true });
  }

  /** The cache file of a card. */
  fileFor(input: CardInput): string {
    return join(this.options.cacheDir, `${cardHash(input, this.key)}.png`);
  }

  /** Resolves to the card's cache file once it exists. */
  ensure(input: CardInput): Promise<string> {
    const cached = this.fileFor(input);
    let ready = this.pending.get(cached);
    if (!ready) {
      ready = existsSync(cached) ? Promise.resolve() : this.draw(input, cached);
      this.pending.set(cached, ready);
    }
    return ready.then(() => cached);
  }

  private async draw(input: CardInput, cached: string): Promise<void> {
    this.pool ??= new CardPool(this.options.workers ?? availableParallelism(), this.fonts);
    const png = await this.pool.draw(input);
    // Write then rename, so an interrupted build never leaves a half-written cache entry.
    writeFileSync(`${cached}.tmp`, png);
    renameSync(`${cached}.tmp`, cached);
    this.drawn.add(cached);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.pending.values());
    await this.pool?.close();
    this.pool = undefined;
  }
}

/**
 * Writes every job's PNG, from the cache, drawing what it lacks; says how many of these cards
 * were drawn in this build and how many reused.
 */
export async function renderCards(
  jobs: CardJob[],
  options: RenderOptions,
  cache: CardCache = new CardCache(options),
): Promise<RenderSummary> {
  let rendered = 0;
  try {
    await Promise.all(
      jobs.map(async (job) => {
        const cached = await cache.ensure(job.input);
        mkdirSync(dirname(job.outFile), { recursive: true });
        placeCachedCard(cached, job.outFile);
        if (cache.drawn.has(cached)) rendered++;
      }),
    );
  } finally {
    await cache.close();
  }
  return { rendered, reused: jobs.length - rendered };
}
