import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';
import { median } from './build-timer';

export interface SearchTiming {
  query: string;
  /** Bytes transferred (as sent, compressed) for Pagefind's script, wasm, index and fragments. */
  bytes: number;
  /** Milliseconds from calling search to having the first result's data: the median of `tries`. */
  firstResultMs: number;
  /** The fastest and slowest of the tries, to show how far one figure can be trusted. */
  rangeMs: [number, number];
  tries: number;
  results: number;
}

/**
 * Loads Pagefind in a fresh page of the site at `baseUrl` and times a first query, `tries`
 * times, each in a new browser context so nothing is cached; one try alone is too noisy.
 */
export async function timeFirstSearch(
  baseUrl: string,
  query: string,
  tries = 5,
): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const runs: { ms: number; bytes: number; results: number }[] = [];
    for (let i = 0; i < tries; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      page.on('requestfinished', async (request) => {
        if (!request.url().includes('/pagefind/')) return;
        const sizes = await request.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(baseUrl);
      const timing = await page.evaluate(async (q) => {
        const started = performance.now();
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        const search = await pagefind.search(q);
        const first = search.results[0] ? await search.results[0].data() : null;
        return {
          ms: performance.now() - started,
          results: search.results.length,
          ok: first !== null,
        };
      }, query);
      await page.waitForLoadState('networkidle');
      runs.push({ ms: timing.ms, bytes, results: timing.results });
      await context.close();
    }
    const times = runs.map((run) => run.ms);
    return {
      query,
      bytes: runs[0]!.bytes,
      firstResultMs: Math.round(median(times)),
      rangeMs: [Math.round(Math.min(...times)), Math.round(Math.max(...times))],
      tries,
      results: runs[0]!.results,
    };
  } finally {
    await browser.close();
  }
}
