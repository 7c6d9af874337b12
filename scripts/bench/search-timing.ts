import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';

export interface SearchTiming {
  query: string;
  /** Bytes transferred (as sent, compressed) for Pagefind's script, wasm, index and fragments. */
  bytes: number;
  /** Milliseconds from calling search to having the first result's data. */
  firstResultMs: number;
  results: number;
}

/** Loads Pagefind in a fresh page of the site at `baseUrl` and times a first query. */
export async function timeFirstSearch(baseUrl: string, query: string): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
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
      return { ms: performance.now() - started, results: search.results.length, ok: first !== null };
    }, query);
    await page.waitForLoadState('networkidle');
    return { query, bytes, firstResultMs: Math.round(timing.ms), results: timing.results };
  } finally {
    await browser.close();
  }
}
