import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  opendirSync,
  readFileSync,
  rmSync,
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
  fitLogo,
  type CardInput,
  type LogoImage,
} from '../lib/og/card.ts';

/**
 * Renders social cards into PNG files, reusing a cached PNG whenever a card's inputs, the
 * template and the fonts are unchanged. New cards are drawn in worker threads: up to one per
 * core, one fewer while the build is still generating pages.
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

/** A digest of a logo file's bytes, part of the cache key of the cards that show it. */
export function logoKey(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

/**
 * The logo as cards draw it: rasterised by sharp to the whole-pixel size it takes on the card
 * (`fitLogo`), so satori places a picture of known size and the card's rasteriser copies its
 * pixels. Vector logos are drawn at that size rather than drawn small and enlarged. Any format
 * sharp reads works: svg, png, jpg, webp, avif.
 */
export async function logoImage(file: string): Promise<LogoImage> {
  try {
    // Loaded here only for sites with a logo; the workers load sharp for everything else.
    const { default: sharp } = await import('sharp');
    const bytes = readFileSync(file);
    const { width, height, format } = await sharp(bytes).metadata();
    if (!width || !height) throw new Error('the image has no size');
    const size = fitLogo({ width, height });
    // An SVG's size is at 72 dpi; a higher density draws it larger.
    const scale = Math.max(size.width / width, size.height / height);
    const density = format === 'svg' ? Math.min(100_000, Math.max(1, 72 * scale)) : undefined;
    const png = await sharp(bytes, density ? { density } : {})
      .resize(size.width, size.height, { fit: 'fill' })
      .png()
      .toBuffer();
    return { src: `data:image/png;base64,${png.toString('base64')}`, ...size };
  } catch (error) {
    throw new Error(
      `the logo ${file} cannot be drawn on the social cards (${(error as Error).message}); ` +
        'use an svg, png, jpg, webp or avif file.',
      { cause: error },
    );
  }
}

type Pending = { resolve: () => void; reject: (error: Error) => void };

/**
 * Where Node runs TypeScript, as 22.18+ and 24 do, a worker builds a card's element trees from
 * its few strings itself (lib/og/card.ts), which leaves the thread generating pages less to
 * build and copy; elsewhere the trees are built here and sent.
 */
const WORKERS_BUILD_TREES = Boolean(process.features.typescript);

/** About what a card worker takes to start (load satori, HarfBuzz, sharp and the fonts). */
export const WORKER_START_MS = 400;

/**
 * Whether starting more workers pays: the queued cards would keep the current `workers` busy
 * for longer than a new worker takes to start, twice over. `meanMs` is undefined until a card
 * has been drawn.
 */
export function worthGrowing(queued: number, meanMs: number | undefined, workers: number): boolean {
  return meanMs !== undefined && (queued * meanMs) / workers > 2 * WORKER_START_MS;
}

/**
 * A small pool of card workers. Cards wait in one queue and each worker takes the next when it
 * has room (two at a time, so it never idles between messages); a worker added by `grow` takes
 * from the same queue.
 */
export class CardPool {
  private readonly workers: Worker[] = [];
  /** One entry per card a worker has room for. */
  private readonly room: Worker[] = [];
  /** Messages for the workers, in the order the cards were asked for. */
  private readonly queue: object[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly fonts: FontFile[];
  private nextId = 0;
  /** Workers `grow` may go up to when the queue makes it worth it. */
  private allowed = 0;
  private drawnMs = 0;
  private drawnCount = 0;
  /** Logos as drawn, loaded once per pool (one build), by file. */
  private readonly logos = new Map<string, Promise<LogoImage>>();

  constructor(size = availableParallelism(), fonts: FontFile[] = fontFiles()) {
    this.fonts = fonts;
    this.grow(Math.max(1, size));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Cards asked for and not yet handed to a worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Mean milliseconds a worker spent on a card so far; undefined before the first. */
  get meanMs(): number | undefined {
    return this.drawnCount ? this.drawnMs / this.drawnCount : undefined;
  }

  /** Starts workers until there are `size`. */
  grow(size: number): void {
    const url = new URL('./card-worker.mjs', import.meta.url);
    while (this.workers.length < size) {
      const worker = new Worker(url, { workerData: { fonts: this.fonts } });
      worker.on('message', (reply: { id: number; error?: string; ms?: number }) =>
        this.done(worker, reply),
      );
      if (this.pending.size === 0) worker.unref();
      this.workers.push(worker);
      this.room.push(worker, worker);
    }
    this.dispatch();
  }

  /**
   * Lets the pool grow to `size` workers once the queued cards are worth it, checked now and as
   * each card is drawn (the first tells how long cards take).
   */
  allow(size: number): void {
    this.allowed = size;
    this.growIfWorth();
  }

  /**
   * Draws the card into `file`, written whole or not at all. A card with a logo waits for the
   * logo to be loaded (once per pool), then goes to the workers with it: a few kilobytes.
   */
  draw(input: CardInput, file: string): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.hold(true);
      this.pending.set(id, { resolve, reject });
      const queue = (logo: LogoImage | undefined) => {
        this.queue.push({
          id,
          input,
          logo,
          ...(WORKERS_BUILD_TREES
            ? {}
            : { tree: cardTree(input, logo), layout: cardLayout(input, logo) }),
          width: CARD_WIDTH,
          height: CARD_HEIGHT,
          png: PNG_OPTIONS,
          file,
        });
        this.dispatch();
      };
      if (!input.logo) return queue(undefined);
      this.logoFor(input.logo.file).then(queue, (error: Error) =>
        this.done(undefined, { id, error: error.message }),
      );
    });
  }

  private logoFor(file: string): Promise<LogoImage> {
    let logo = this.logos.get(file);
    if (!logo) {
      logo = logoImage(file);
      this.logos.set(file, logo);
    }
    return logo;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private growIfWorth(): void {
    if (
      this.workers.length < this.allowed &&
      worthGrowing(this.queue.length, this.meanMs, this.size)
    )
      this.grow(this.allowed);
  }

  private dispatch(): void {
    while (this.room.length > 0 && this.queue.length > 0)
      this.room.shift()!.postMessage(this.queue.shift());
  }

  /** A card finished by `worker`, or failed before it reached one. */
  private done(
    worker: Worker | undefined,
    { id, error, ms }: { id: number; error?: string; ms?: number },
  ): void {
    if (worker) this.room.push(worker);
    if (ms !== undefined) {
      this.drawnMs += ms;
      this.drawnCount++;
    }
    this.dispatch();
    this.growIfWorth();
    const job = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.hold(false);
    if (!job) return;
    if (error) job.reject(new Error(`Charter: a social card failed to render: ${error}`));
    else job.resolve();
  }

  /** Workers keep the process alive only while they have cards to draw (a failed build exits). */
  private hold(busy: boolean): void {
    for (const worker of this.workers) busy ? worker.ref() : worker.unref();
  }
}

export type RenderOptions = {
  /** Where cached PNGs live, by hash. */
  cacheDir: string;
  /** Worker threads at most; defaults to the number of cores. */
  workers?: number;
  /**
   * Worker threads to start with (defaults to `workers`). A build starts with one core fewer,
   * left to the pages it is still generating; `renderCards` adds the rest once only cards are
   * left, if enough are queued to be worth starting them.
   */
  startWorkers?: number;
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
 * integrations/card-prefetch.ts), so drawing overlaps page generation, and again at the
 * end for every page, which then only waits for what is still being drawn.
 */
export class CardCache {
  private readonly fonts: FontFile[];
  private readonly key: string;
  /** Digests of the logo files, read once per build. */
  private readonly logoKeys = new Map<string, string>();
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

  /** The cache file of a card: another when the logo file's bytes change. */
  fileFor(input: CardInput): string {
    let logo: string | undefined;
    if (input.logo) {
      const { file } = input.logo;
      logo = this.logoKeys.get(file);
      if (logo === undefined) {
        logo = logoKey(file);
        this.logoKeys.set(file, logo);
      }
    }
    return join(this.options.cacheDir, `${cardHash(input, this.key, logo)}.png`);
  }

  /** Whether the cache holds no card yet, as before a project's first build. */
  get empty(): boolean {
    const dir = opendirSync(this.options.cacheDir);
    try {
      return dir.readSync() === null;
    } finally {
      dir.closeSync();
    }
  }

  /**
   * Starts the workers before any card is asked for, so they load their libraries and fonts
   * while the build still bundles the site. Worth it only when most cards will have to be
   * drawn; otherwise workers start with the first card the cache lacks.
   */
  start(): void {
    this.pool ??= new CardPool(this.options.startWorkers ?? this.maxWorkers, this.fonts);
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

  /**
   * Starts the rest of the workers once the queued cards would keep the others busy for long:
   * called when the build has only cards left to wait for.
   */
  useAllWorkers(): void {
    this.pool?.allow(this.maxWorkers);
  }

  /** Worker threads running now (0 before the first card is drawn). */
  get workers(): number {
    return this.pool?.size ?? 0;
  }

  /** Mean milliseconds per card drawn in this build so far. */
  get meanMs(): number | undefined {
    return this.pool?.meanMs;
  }

  private get maxWorkers(): number {
    return this.options.workers ?? availableParallelism();
  }

  private async draw(input: CardInput, cached: string): Promise<void> {
    this.start();
    await this.pool!.draw(input, cached);
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
    const placed = jobs.map(async (job) => {
      const cached = await cache.ensure(job.input);
      mkdirSync(dirname(job.outFile), { recursive: true });
      placeCachedCard(cached, job.outFile);
      if (cache.drawn.has(cached)) rendered++;
    });
    // Every card is asked for by now, so the queue shows what is left.
    cache.useAllWorkers();
    await Promise.all(placed);
  } finally {
    await cache.close();
  }
  return { rendered, reused: jobs.length - rendered };
}
