/**
 * Browser side of search: loads the site's Pagefind bundle on first use and runs queries
 * through the KB query helper. Used by the site search dialog and the /kb/search/ page.
 */
import { normalizeBase } from '../../lib/base-path';
import { answerSearch, planQuery, type SearchHelp } from '../../lib/search-query';

export interface PageData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PageData>;
}
type PagefindFilters = Record<string, { any: string[] }>;
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: PagefindFilters },
  ): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Chosen filter values by filter name; several values of one filter match any of them. */
export type ChosenFilters = Record<string, string[]>;

let pagefind: Promise<Pagefind> | undefined;
/** The path the site is served under, `/support/` (Astro's base). */
const BASE = normalizeBase(import.meta.env.BASE_URL);

/** Failed loads so far: browsers may keep a failed module import, so a retry asks for a new URL. */
let failures = 0;

/**
 * The Pagefind API, loaded once (only when someone searches). Its engine and index metadata
 * start loading at once, so they are ready by the time a person has typed a question; left
 * to the first query, they would add most of a cold search's time to it.
 */
export function loadPagefind(): Promise<Pagefind> {
  // Under a base path the bundle is there too, and Pagefind takes its results' base from it.
  const url = `${BASE}pagefind/pagefind.js${failures > 0 ? `?retry=${failures}` : ''}`;
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>)
    .then(async (api) => {
      await api.options({ excerptLength: 24 });
      await api.init();
      return api;
    })
    .catch((error: unknown) => {
      // Forget the failure, so the next search tries again (the connection may be back).
      pagefind = undefined;
      failures += 1;
      throw error;
    });
  return pagefind;
}

function toPagefind(filters: ChosenFilters): PagefindFilters {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** Pages for a search, and whether any of them answers the question as it was asked. */
export interface SearchAnswer {
  pages: PageData[];
  /**
   * False when no page matches every meaningful word of the question: the pages are guesses
   * from some of its words, or there are none.
   */
  answered: boolean;
}

/**
 * Pages for what a person typed, best first. With only filters chosen, every page that
 * matches them.
 */
export async function searchPages(
  input: string,
  filters: ChosenFilters = {},
  limit = 10,
): Promise<SearchAnswer> {
  const [api, help] = await Promise.all([loadPagefind(), loadHelp()]);
  const pagefindFilters = toPagefind(filters);
  const hasFilters = Object.keys(pagefindFilters).length > 0;
  let results: PagefindResult[];
  let answered: boolean;
  if (planQuery(input, help).strict === '') {
    results = hasFilters ? (await api.search(null, { filters: pagefindFilters })).results : [];
    answered = results.length > 0;
  } else {
    const answer = await answerSearch(
      (q) => api.search(q, { filters: pagefindFilters }),
      input,
      help,
    );
    results = answer.results;
    answered = answer.matchedAll > 0;
  }
  return { pages: await Promise.all(results.slice(0, limit).map((r) => r.data())), answered };
}

/** Every filter in the index with its values and page counts. */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
}

let helpRequest: Promise<SearchHelp> | undefined;

/**
 * The search help (stop words, synonyms) of the page's language, loaded once. Search still
 * works without it, only less forgivingly, so a failed request gives empty help.
 */
export function loadHelp(): Promise<SearchHelp> {
  // The page names its language's file (Search.astro); the site's root file otherwise.
  const url =
    document.querySelector<HTMLElement>('[data-help-file]')?.dataset.helpFile ??
    `${BASE}search-help.json`;
  helpRequest ??= fetch(url)
    .then((response) =>
      response.ok
        ? (response.json() as Promise<SearchHelp>)
        : Promise.reject(new Error(String(response.status))),
    )
    .catch(() => ({ stopWords: [], synonyms: {} }));
  return helpRequest;
}
