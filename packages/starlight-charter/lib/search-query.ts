/**
 * Turns what a customer types ("how do I fix 429 too many requests") into queries Pagefind
 * answers well. Pagefind keeps only pages that contain every query word it knows, so filler
 * words sink a long question; the knowledge base's own synonyms (kb.yaml `search:`) map
 * customer words to the words the articles use. Shared by the KB search page, the site search
 * dialog, the relevance test and the benchmark.
 */

/** Search help from kb.yaml: dropped words, and article word → words customers type. */
export interface SearchHelp {
  stopWords: readonly string[];
  synonyms: Readonly<Record<string, readonly string[]>>;
}

/** The queries to run for one input: the strict one first, then single terms as a fallback. */
export interface QueryPlan {
  /** All meaningful terms joined: every page in its results matches all of them. */
  strict: string;
  /** The terms one by one (multi-word synonyms stay whole), for the looser fallback. */
  terms: string[];
}

/** Lower-cases, folds accents, "ß" and apostrophes, and splits into word tokens. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      // "ß" has no accent to fold: written out, it stays one word ("weiß" → "weiss").
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['\u2019]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0)
  );
}

interface Replacement {
  from: string[];
  to: string;
}

/** Synonym phrases as token sequences, longest first so "too many requests" beats "requests". */
function replacements(help: SearchHelp): Replacement[] {
  const list: Replacement[] = [];
  for (const [to, variants] of Object.entries(help.synonyms)) {
    for (const variant of variants) {
      const from = tokenize(variant);
      if (from.length > 0) list.push({ from, to: tokenize(to).join(' ') });
    }
  }
  return list.sort((a, b) => b.from.length - a.from.length);
}

/** Plans the queries for `input`; an input of only filler words keeps its words. */
export function planQuery(input: string, help: SearchHelp): QueryPlan {
  const tokens = tokenize(input);
  const stop = new Set(help.stopWords.flatMap(tokenize));
  const swaps = replacements(help);
  const terms: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const swap = swaps.find((s) => s.from.every((word, k) => tokens[i + k] === word));
    if (swap) {
      terms.push(swap.to);
      i += swap.from.length;
    } else {
      if (!stop.has(tokens[i]!)) terms.push(tokens[i]!);
      i += 1;
    }
  }
  const kept = terms.length > 0 ? terms : tokens;
  const unique = [...new Set(kept)];
  return { strict: unique.join(' '), terms: unique };
}

/** The part of a Pagefind result the helper needs. */
export interface ScoredResult {
  id: string;
  score: number;
}

/** One Pagefind search (`pagefind.search(query, { filters })` bound to its filters). */
export type SearchFn<R extends ScoredResult> = (query: string) => Promise<{ results: R[] }>;

/** What a helped search found: pages best first, and how many of them match every term. */
export interface Answer<R> {
  results: R[];
  /**
   * How many of the first results match every meaningful term. None means the pages are only
   * guesses from some of the words: no page answers the question as it was asked.
   */
  matchedAll: number;
}

/**
 * Runs the strict query and, when it finds fewer than `fillTo` pages, adds pages that match
 * some of the terms, ranked by their summed score.
 */
export async function answerSearch<R extends ScoredResult>(
  search: SearchFn<R>,
  input: string,
  help: SearchHelp,
  fillTo = 5,
): Promise<Answer<R>> {
  const plan = planQuery(input, help);
  if (plan.strict === '') return { results: [], matchedAll: 0 };
  const strict = (await search(plan.strict)).results;
  if (strict.length >= fillTo || plan.terms.length < 2)
    return { results: strict, matchedAll: strict.length };

  // Summed per-term scores rank the looser results like an OR query: pages matching more
  // terms, or the rarer ones, come first.
  const loose = new Map<string, { result: R; score: number }>();
  for (const term of plan.terms) {
    for (const result of (await search(term)).results) {
      const seen = loose.get(result.id);
      if (seen) {
        seen.score += result.score;
      } else {
        loose.set(result.id, { result, score: result.score });
      }
    }
  }
  const strictIds = new Set(strict.map((r) => r.id));
  const extra = [...loose.values()]
    .filter((entry) => !strictIds.has(entry.result.id))
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.result);
  return { results: [...strict, ...extra], matchedAll: strict.length };
}

/** The pages of answerSearch alone. */
export async function helpedSearch<R extends ScoredResult>(
  search: SearchFn<R>,
  input: string,
  help: SearchHelp,
  fillTo = 5,
): Promise<R[]> {
  return (await answerSearch(search, input, help, fillTo)).results;
}

/** Search help as the catalog stores it (`kb.search`), with defaults when it is absent. */
/** One language's search help as kb.yaml writes it. */
type SearchHelpData = { stop_words: string[]; synonyms: Record<string, string[]> };

/**
 * The search help of a language (`lang`, a tag like `en-GB`) from kb.yaml's `search`: written
 * once, it is the company's language (`defaultLang`) and no other; written per language, the
 * language's own (its tag, else its bare language, else another region's), else none.
 */
export function searchHelpIn(
  search: SearchHelpData | Record<string, SearchHelpData> | undefined,
  lang: string,
  defaultLang: string,
): SearchHelp {
  if (!search) return searchHelpFrom(undefined);
  const bare = (tag: string) => tag.split('-')[0]!.toLowerCase();
  // `stop_words` is no language tag: its presence tells the two forms apart.
  if ('stop_words' in search)
    return searchHelpFrom(
      bare(lang) === bare(defaultLang) ? (search as SearchHelpData) : undefined,
    );
  const byLanguage = search as Record<string, SearchHelpData>;
  const keys = Object.keys(byLanguage);
  const key =
    keys.find((k) => k.toLowerCase() === lang.toLowerCase()) ??
    keys.find((k) => k.toLowerCase() === bare(lang)) ??
    keys.find((k) => bare(k) === bare(lang));
  return searchHelpFrom(key ? byLanguage[key] : undefined);
}

export function searchHelpFrom(
  search: { stop_words: string[]; synonyms: Record<string, string[]> } | undefined,
): SearchHelp {
  return { stopWords: search?.stop_words ?? [], synonyms: search?.synonyms ?? {} };
}
