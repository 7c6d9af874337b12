import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  CardCache,
  CardPool,
  WORKER_START_MS,
  fontFiles,
  fontKey,
  renderCards,
  worthGrowing,
  type CardJob,
} from '../../../packages/starlight-charter/integrations/card-renderer';
import { listenForCards, prefetchCard } from '../../../packages/starlight-charter/integrations/card-prefetch';
import type { CardInput } from '../../../packages/starlight-charter/lib/og/card';
import { pngSize } from '../../../packages/starlight-charter/lib/og/png';
import { cardFor } from '../../support/card-input';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const work = mkdtempSync(join(tmpdir(), 'charter-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hasChrt = spawnSync('chrt', ['--version']).status === 0;

const card = cardFor(catalog.company, new URL(catalog.company.site_url).host);

describe('fontKey', () => {
  test('changes when a font file changes', () => {
    const fonts = fontFiles();
    const swapped = fonts.map((f, i) => (i === 0 ? { ...f, path: fonts[1]!.path } : f));
    expect(fontKey(swapped)).not.toBe(fontKey(fonts));
  });
});

describe('worthGrowing', () => {
  // The queue's drawing time, spread over the current workers, against twice a start-up.
  const enough = 2 * WORKER_START_MS;

  test('never before a card has been drawn', () => {
    expect(worthGrowing(10_000, undefined, 1)).toBe(false);
  });

  test('when the queue would keep the workers busy longer than starting more takes', () => {
    expect(worthGrowing(enough + 1, 1, 1)).toBe(true);
    expect(worthGrowing(enough - 1, 1, 1)).toBe(false);
    expect(worthGrowing(enough / 10, 10, 1)).toBe(false);
    expect(worthGrowing(enough / 10 + 1, 10, 1)).toBe(true);
  });

  test('counts the workers already drawing', () => {
    expect(worthGrowing(enough + 1, 1, 2)).toBe(false);
    expect(worthGrowing(2 * enough + 2, 1, 2)).toBe(true);
  });
});

describe('CardPool', () => {
  const poolDir = mkdtempSync(join(work, 'pool-'));
  let files = 0;
  const draw = (pool: CardPool, title: string) =>
    pool.draw(card(title), join(poolDir, `${files++}.png`));

  test('new workers take cards from the same queue, each writing its card to its file', async () => {
    const pool = new CardPool(1);
    try {
      const outFiles = Array.from({ length: 6 }, (_, i) => join(poolDir, `queued-${i}.png`));
      const drawn = outFiles.map((file, i) => pool.draw(card(`Queued card ${i}`), file));
      expect(pool.queued).toBe(4); // two at a time per worker
      pool.grow(2);
      expect(pool.size).toBe(2);
      expect(pool.queued).toBe(2);
      await Promise.all(drawn);
      for (const file of outFiles)
        expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
      // Written under a temporary name, then renamed: none is left behind.
      expect(readdirSync(poolDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  // Per thread: [nice, scheduling policy], the 19th and 41st fields of its stat.
  const threadPriorities = () =>
    readdirSync('/proc/self/task').map((task) => {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces, start at the third.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(fields[16]), Number(fields[38])] as const;
    });
  const SCHED_IDLE = 5;

  test.runIf(process.platform === 'linux')(
    'draws at a lower priority than the thread that asked, which generates pages',
    async () => {
      const before = threadPriorities().filter(([nice]) => nice === 10).length;
      const pool = new CardPool(1);
      try {
        await draw(pool, 'Background card');
        expect(threadPriorities().filter(([nice]) => nice === 10).length).toBe(before + 1);
        expect(getPriority()).toBe(0);
      } finally {
        await pool.close();
      }
    },
  );

  // Linux machines have chrt (util-linux); where it is missing, say so rather than skip.
  test.runIf(process.platform === 'linux')(
    'draws under idle scheduling where chrt can set it, and only the drawing thread',
    async () => {
      expect(
        hasChrt,
        'chrt is not installed (util-linux): cards cannot draw under idle scheduling',
      ).toBe(true);
      const idle = () => threadPriorities().filter(([, policy]) => policy === SCHED_IDLE).length;
      const before = idle();
      const pool = new CardPool(1);
      try {
        await draw(pool, 'Idle card');
        expect(idle()).toBe(before + 1);
        expect(threadPriorities()[0]![1]).not.toBe(SCHED_IDLE);
      } finally {
        await pool.close();
      }
    },
  );

  test('a card that cannot be written fails with its reason, and the pool goes on', async () => {
    const pool = new CardPool(1);
    try {
      await expect(
        pool.draw(card('Nowhere to go'), join(poolDir, 'missing-dir', 'card.png')),
      ).rejects.toThrow(/social card failed to render: .*ENOENT/);
      const file = join(poolDir, 'after-failure.png');
      await pool.draw(card('After a failure'), file);
      expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
    } finally {
      await pool.close();
    }
  });
});

describe('renderCards', () => {
  const cacheDir = join(work, 'cache');
  const jobs = (dir: string, titles: string[]): CardJob[] =>
    titles.map((title, i) => ({ input: card(title), outFile: join(work, dir, `${i}.png`) }));

  test('draws each card once, then reuses it from the cache while nothing changes', async () => {
    const titles = ['Rate limits and 429 responses', 'Rotate an API key'];
    expect(await renderCards(jobs('first', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 2,
      reused: 0,
    });
    expect(await renderCards(jobs('second', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 0,
      reused: 2,
    });
    expect(readFileSync(join(work, 'second', '0.png'))).toEqual(
      readFileSync(join(work, 'first', '0.png')),
    );
    for (const file of ['0.png', '1.png']) {
      expect(pngSize(readFileSync(join(work, 'second', file)))).toEqual({
        width: 1200,
        height: 630,
      });
    }
  });

  test('draws again only the card whose title changed', async () => {
    const titles = ['Rate limits and 429 responses', 'Rotate an API key now'];
    expect(await renderCards(jobs('third', titles), { cacheDir, workers: 2 })).toEqual({
      rendered: 1,
      reused: 1,
    });
  });
});

describe('CardCache', () => {
  test('draws a card once however often it is asked for, and counts it as drawn', async () => {
    const cache = new CardCache({ cacheDir: join(work, 'cache-once'), workers: 1 });
    try {
      const input = card('Asked for twice at once');
      const [a, b] = await Promise.all([cache.ensure(input), cache.ensure(input)]);
      expect(a).toBe(b);
      expect(cache.drawn).toEqual(new Set([a]));
      expect(pngSize(readFileSync(a))).toEqual({ width: 1200, height: 630 });
    } finally {
      await cache.close();
    }
  });

  test('starts its workers when told, before any card, and only once; says when it is empty', async () => {
    const cache = new CardCache({
      cacheDir: join(work, 'cache-start'),
      startWorkers: 1,
      workers: 2,
    });
    try {
      expect(cache.empty).toBe(true);
      expect(cache.workers).toBe(0);
      cache.start();
      cache.start();
      expect(cache.workers).toBe(1);
      await cache.ensure(card('Drawn by the worker started ahead'));
      expect(cache.workers).toBe(1);
      expect(cache.empty).toBe(false);
    } finally {
      await cache.close();
    }
  });

  test('cards drawn ahead of the build’s end count as rendered when placed', async () => {
    const options = { cacheDir: join(work, 'cache-ahead'), workers: 1 };
    const cache = new CardCache(options);
    void cache.ensure(card('Drawn while pages were generated'));
    const summary = await renderCards(
      [
        { input: card('Drawn while pages were generated'), outFile: join(work, 'ahead', 'a.png') },
        { input: card('Drawn at the end'), outFile: join(work, 'ahead', 'b.png') },
      ],
      options,
      cache,
    );
    expect(summary).toEqual({ rendered: 2, reused: 0 });
    expect(pngSize(readFileSync(join(work, 'ahead', 'a.png')))).toEqual({
      width: 1200,
      height: 630,
    });
  });
});

describe('prefetchCard', () => {
  test('reaches the build’s listener, and nothing when none listens', () => {
    const heard: CardInput[] = [];
    listenForCards((input) => heard.push(input));
    prefetchCard(card('Heard'));
    listenForCards(undefined);
    prefetchCard(card('Not heard'));
    expect(heard.map((c) => c.title)).toEqual(['Heard']);
  });
});
