import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';
import { median } from './build-timer';

/** Pause between keys when typing a query into the search dialog: a fast typist's 10 keys a second. */
export const KEY_DELAY_MS = 100;
/** Pause between opening the search dialog and pasting a question into it. */
export const PASTE_AFTER_MS = 1000;

export interface SearchTiming {
  query: string;
  /** Bytes transferred (as sent, compressed) for Pagefind's script, wasm, index and fragments. */
  bytes: number;
  /**
   * Milliseconds from importing Pagefind to having the first result's data, the query sent at
   * once (the worst case: nothing loaded ahead): the median of `tries`.
   */
  firstResultMs: number;
  /** The fastest and slowest of the tries, to show how far one figure can be trusted. */
  rangeMs: [number, number];
  /**
   * Milliseconds from the last keystroke of the query, typed into the site search dialog as a
   * person does, to its results showing: the median of `tries`.
   */
  typedMs: number;
  typedRangeMs: [number, number];
  /** The same from pasting the query into the dialog a moment after opening it. */
  pastedMs: number;
  pastedRangeMs: [number, number];
  tries: number;
  results: number;
}

/** Each measure runs `tries` times, each in a new browser context so nothing is cached. */
async function inFreshPages<T>(
  browser: Browser,
  tries: number,
  measure: (page: Page) => Promise<T>,
): Promise<T[]> {
  const runs: T[] = [];
  for (let i = 0; i < tries; i++) {
    const context = await browser.newContext();
    try {
      runs.push(await measure(await context.newPage()));
    } finally {
      await context.close();
    }
  }
  return runs;
}

/** Time from importing Pagefind to the first result's data, with the bytes Pagefind fetched. */
async function timeFromImport(page: Page, baseUrl: string, query: string) {
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
  return { ms: timing.ms, bytes, results: timing.results };
}

/**
 * Opens the site search dialog, enters the query (typed key by key, or pasted at once after a
 * pause) and times the last input event to the first change of the result list that shows
 * results. Results of an earlier, shorter query never show after a later keystroke (the
 * dialog drops them), so that change is the full query's.
 */
async function timeInDialog(
  page: Page,
  baseUrl: string,
  query: string,
  how: 'typed' | 'pasted',
): Promise<number> {
  await page.goto(baseUrl);
  await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
  await page.evaluate(() => {
    const marks = { lastInput: 0, shown: 0 };
    (window as unknown as { searchMarks: typeof marks }).searchMarks = marks;
    const input = document.querySelector('site-search input')!;
    const list = document.querySelector('site-search .results')!;
    input.addEventListener('input', () => {
      marks.lastInput = performance.now();
      marks.shown = 0;
    });
    new MutationObserver(() => {
      if (list.children.length > 0 && marks.shown === 0) marks.shown = performance.now();
    }).observe(list, { childList: true });
  });
  if (how === 'typed') {
    await page.keyboard.type(query, { delay: KEY_DELAY_MS });
  } else {
    await page.waitForTimeout(PASTE_AFTER_MS);
    await page.keyboard.insertText(query);
  }
  const handle = await page.waitForFunction(() => {
    const marks = (window as unknown as { searchMarks: { lastInput: number; shown: number } })
      .searchMarks;
    return marks.shown > 0 ? marks.shown - marks.lastInput : 0;
  });
  return (await handle.jsonValue()) as number;
}

const range = (times: number[]): [number, number] => [
  Math.round(Math.min(...times)),
  Math.round(Math.max(...times)),
];

/**
 * Times a first search on the site at `baseUrl` two ways, `tries` times each in fresh pages
 * (one try alone is too noisy): straight through Pagefind's API, and as a person searches.
 */
export async function timeFirstSearch(
  baseUrl: string,
  query: string,
  tries = 5,
): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const fromImport = await inFreshPages(browser, tries, (page) =>
      timeFromImport(page, baseUrl, query),
    );
    const typed = await inFreshPages(browser, tries, (page) =>
      timeInDialog(page, baseUrl, query, 'typed'),
    );
    const pasted = await inFreshPages(browser, tries, (page) =>
      timeInDialog(page, baseUrl, query, 'pasted'),
    );
    const times = fromImport.map((run) => run.ms);
    return {
      query,
      bytes: fromImport[0]!.bytes,
      firstResultMs: Math.round(median(times)),
      rangeMs: range(times),
      typedMs: Math.round(median(typed)),
      typedRangeMs: range(typed),
      pastedMs: Math.round(median(pasted)),
      pastedRangeMs: range(pasted),
      tries,
      results: fromImport[0]!.results,
    };
  } finally {
    await browser.close();
  }
}
