import { chromium } from '@playwright/test';

export interface SearchTiming {
  query: string;
  /** Bytes transferred for Pagefind's script, index chunks and fragments for one query. */
  bytes: number;
  /** Milliseconds from calling search to having the first result's data. */
  firstResultMs: number;
  results: number;
}

export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return path === 'bundled' ? undefined : path;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Loads Pagefind in a fresh page of the site at `baseUrl` and times a first query. */
export async function timeFirstSearch(baseUrl: string, query: string): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (!response.url().includes('/pagefind/')) return;
      try {
        bytes += (await response.body()).length;
      } catch {}
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
