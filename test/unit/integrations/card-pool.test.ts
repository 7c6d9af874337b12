import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { CardCache, CardPool, renderCards, WORKER_START_MS } from '../../../packages/starlight-charter/integrations/card-renderer';
import { cardFor } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

/**
 * When the card pool starts more workers depends on how long cards take. These tests stand in
 * for the worker threads and say how long each card took, so what they check does not depend
 * on this machine's speed. Real workers are drawn with in card-renderer.test.ts.
 */

const fake = vi.hoisted(() => {
  type Message = { id: number; file: string };
  type Listener = (reply: { id: number; ms?: number }) => void;
  /** A card worker that draws nothing until told how long its next card took. */
  class FakeWorker {
    static started: FakeWorker[] = [];
    /** Cards handed to this worker and not finished yet, oldest first. */
    readonly inbox: Message[] = [];
    private listener: Listener | undefined;
    constructor() {
      FakeWorker.started.push(this);
    }
    on(event: string, listener: Listener): this {
      if (event === 'message') this.listener = listener;
      return this;
    }
    postMessage(message: Message): void {
      this.inbox.push(message);
    }
    ref(): void {}
    unref(): void {}
    async terminate(): Promise<number> {
      return 0;
    }
    /** Finishes the oldest card it holds, writing its file, as if drawing it took `ms`. */
    finish(ms: number, write: (file: string) => void): void {
      const message = this.inbox.shift();
      if (!message) throw new Error('this worker holds no card');
      write(message.file);
      this.listener!({ id: message.id, ms });
    }
  }
  return { FakeWorker };
});
vi.mock('node:worker_threads', () => ({ Worker: fake.FakeWorker }));

const catalog = loadCatalog(SAMPLE.terms);
const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);
const work = mkdtempSync(join(tmpdir(), 'charter-card-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (file: string) => writeFileSync(file, 'png');
/** Workers started since the mark. */
const since = (mark: number) => fake.FakeWorker.started.slice(mark);
/** Finishes every card the workers started since the mark hold, each as if it took `ms`. */
function drain(mark: number, ms: number): void {
  // Workers the pool starts meanwhile are drained too.
  while (since(mark).some((w) => w.inbox.length > 0))
    for (const w of since(mark)) if (w.inbox.length > 0) w.finish(ms, write);
}

// A queue at the threshold keeps one worker busy for exactly twice a start-up at this card time.
const AT_THRESHOLD = 80;
const MS = (2 * WORKER_START_MS) / AT_THRESHOLD;

describe('CardPool', () => {
  let n = 0;
  const draw = (pool: CardPool) => pool.draw(card(`Card ${n}`), join(work, `${n++}.png`));

  test('does not grow before a card has been drawn, however long the queue', async () => {
    const mark = fake.FakeWorker.started.length;
    const pool = new CardPool(1);
    const drawn = Array.from({ length: 500 }, () => draw(pool));
    pool.allow(2);
    expect(pool.size).toBe(1);
    expect(pool.meanMs).toBeUndefined();
    drain(mark, MS);
    await Promise.all(drawn);
    await pool.close();
  });

  test('grows to what it is allowed once the queue keeps its workers busy longer than twice a start-up', async () => {
    const mark = fake.FakeWorker.started.length;
    const pool = new CardPool(1);
    // Two cards go to the worker at once; the rest wait.
    const drawn = Array.from({ length: AT_THRESHOLD + 3 }, () => draw(pool));
    const [worker] = since(mark);
    expect(worker!.inbox).toHaveLength(2);
    pool.allow(3);
    // The first card's time puts the queue (one more card handed out) exactly at the threshold.
    worker!.finish(MS, write);
    expect(pool.meanMs).toBe(MS);
    expect(pool.queued).toBe(AT_THRESHOLD);
    expect(pool.size).toBe(1);
    // One card more is worth it.
    drawn.push(draw(pool));
    pool.allow(3);
    expect(pool.size).toBe(3);
    drain(mark, MS);
    await Promise.all(drawn);
    expect(pool.queued).toBe(0);
    await pool.close();
  });

  test('grows as a card is drawn, when its time shows the queue is long', async () => {
    const mark = fake.FakeWorker.started.length;
    const pool = new CardPool(1);
    const drawn = Array.from({ length: 12 }, () => draw(pool));
    pool.allow(2);
    expect(pool.size).toBe(1);
    // Nine cards wait once this one is drawn; at a tenth of the threshold's time, not worth it…
    since(mark)[0]!.finish((2 * WORKER_START_MS) / 10, write);
    expect(pool.size).toBe(1);
    // …but a slow card raises the mean above it, and the pool grows as it is drawn.
    since(mark)[0]!.finish(2 * WORKER_START_MS, write);
    expect(pool.size).toBe(2);
    drain(mark, MS);
    await Promise.all(drawn);
    await pool.close();
  });

  test('takes the mean over every card drawn', async () => {
    const mark = fake.FakeWorker.started.length;
    const pool = new CardPool(1);
    const drawn = [draw(pool), draw(pool), draw(pool)];
    const [worker] = since(mark);
    worker!.finish(10, write);
    worker!.finish(30, write);
    worker!.finish(20, write);
    await Promise.all(drawn);
    expect(pool.meanMs).toBe(20);
    await pool.close();
  });
});

describe('CardCache', () => {
  /** One card drawn ahead at the given time, then `left` cards left for the end of the build. */
  async function leftAtEnd(left: number) {
    const mark = fake.FakeWorker.started.length;
    const options = { cacheDir: mkdtempSync(join(work, 'cache-')), startWorkers: 1, workers: 2 };
    const cache = new CardCache(options);
    const ahead = cache.ensure(card('Drawn while pages were generated'));
    since(mark)[0]!.finish(MS, write);
    await ahead;
    expect(cache.workers).toBe(1);
    const jobs = Array.from({ length: left }, (_, i) => ({
      input: card(`Left for the end ${i}`),
      outFile: join(work, `end-${left}`, `${i}.png`),
    }));
    const summary = renderCards(jobs, options, cache);
    const workers = cache.workers;
    drain(mark, MS);
    expect(await summary).toEqual({ rendered: left, reused: 0 });
    return workers;
  }

  test('starts the rest of its workers once a long queue of cards is left', async () => {
    // Two cards go to the worker at once, so the queue is two shorter than what is left.
    expect(await leftAtEnd(AT_THRESHOLD + 3)).toBe(2);
  });

  test('keeps one worker for a short queue', async () => {
    expect(await leftAtEnd(AT_THRESHOLD + 2)).toBe(1);
  });
});
