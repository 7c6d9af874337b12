import { describe, expect, test } from 'vitest';
import {
  answerSearch,
  helpedSearch,
  planQuery,
  searchHelpFrom,
  searchHelpIn,
  tokenize,
  type SearchHelp,
} from '../../../packages/starlight-charter/lib/search-query';

// Search help written for the test, independent of data/kb.yaml.
const help: SearchHelp = {
  stopWords: ['how', 'do', 'i', 'a', 'the', 'for', 'my', 'who'],
  synonyms: {
    'rate limit': ['throttled', 'too many requests'],
    severity: ['sev'],
    phone: ['call'],
  },
};

describe('tokenize', () => {
  test.each([
    ['How do I FIX 429?', ['how', 'do', 'i', 'fix', '429']],
    ["can't log in", ['cant', 'log', 'in']],
    ['Café  résumé', ['cafe', 'resume']],
    // German: umlauts fold like accents, "ß" is written out and stays inside its word.
    [
      'Wie groß ist das Kontingent für Größe?',
      ['wie', 'gross', 'ist', 'das', 'kontingent', 'fur', 'grosse'],
    ],
    ['', []],
  ])('splits %j into %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });
});

describe('planQuery', () => {
  test.each([
    ['how do I fix 429 too many requests', 'fix 429 rate limit'],
    ['sev 1 who do I call', 'severity 1 phone'],
    ['Throttled!', 'rate limit'],
    ['the the the', 'the'],
    ['invoice invoice', 'invoice'],
    ['', ''],
  ])('turns %j into the strict query %j', (input, strict) => {
    expect(planQuery(input, help).strict).toBe(strict);
  });

  test('keeps multi-word synonyms as one term for the fallback', () => {
    expect(planQuery('why am I throttled on requests', help).terms).toEqual([
      'why',
      'am',
      'rate limit',
      'on',
      'requests',
    ]);
  });

  test('prefers the longest synonym phrase', () => {
    const longer: SearchHelp = {
      stopWords: [],
      synonyms: { a: ['many'], b: ['too many requests'] },
    };
    expect(planQuery('too many requests', longer).strict).toBe('b');
  });
});

type Hit = { id: string; score: number };
/** A fake index: each query maps to its results. */
function fakeSearch(index: Record<string, Hit[]>) {
  const asked: string[] = [];
  const search = async (query: string) => {
    asked.push(query);
    return { results: index[query] ?? [] };
  };
  return { search, asked };
}

describe('helpedSearch', () => {
  test('returns the strict results alone when there are enough', async () => {
    const hits = [1, 2, 3].map((n) => ({ id: `p${n}`, score: n }));
    const { search, asked } = fakeSearch({ 'fix 429': hits });
    expect(await helpedSearch(search, 'how do I fix 429', help, 3)).toEqual(hits);
    expect(asked).toEqual(['fix 429']);
  });

  test('falls back to single terms when the strict query finds nothing', async () => {
    const { search, asked } = fakeSearch({
      fix: [
        { id: 'a', score: 5 },
        { id: 'b', score: 4 },
      ],
      '429': [
        { id: 'b', score: 3 },
        { id: 'c', score: 6 },
      ],
    });
    const results = await helpedSearch(search, 'fix 429', help);
    expect(asked).toEqual(['fix 429', 'fix', '429']);
    // Scores add up across terms: b (7) matches both, then c (6) and a (5).
    expect(results.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  test('adds fallback pages after the strict ones without repeating them', async () => {
    const { search } = fakeSearch({
      'fix 429': [{ id: 'b', score: 2 }],
      fix: [
        { id: 'a', score: 5 },
        { id: 'b', score: 1 },
      ],
      '429': [{ id: 'b', score: 1 }],
    });
    expect((await helpedSearch(search, 'fix 429', help)).map((r) => r.id)).toEqual(['b', 'a']);
  });

  test('returns nothing for an empty input without searching', async () => {
    const { search, asked } = fakeSearch({});
    expect(await helpedSearch(search, '  ', help)).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('answerSearch', () => {
  test('counts the pages that match every term', async () => {
    const { search } = fakeSearch({
      'fix 429': [{ id: 'b', score: 2 }],
      fix: [{ id: 'a', score: 5 }],
      '429': [{ id: 'b', score: 1 }],
    });
    const answer = await answerSearch(search, 'fix 429', help);
    expect(answer.results.map((r) => r.id)).toEqual(['b', 'a']);
    expect(answer.matchedAll).toBe(1);
  });

  test('counts none when the pages only match some of the terms', async () => {
    const { search } = fakeSearch({ fix: [{ id: 'a', score: 5 }] });
    expect(await answerSearch(search, 'fix 429', help)).toEqual({
      results: [{ id: 'a', score: 5 }],
      matchedAll: 0,
    });
  });

  test('answers nothing for an input of no words', async () => {
    const { search } = fakeSearch({});
    expect(await answerSearch(search, ' ? ', help)).toEqual({ results: [], matchedAll: 0 });
  });
});

describe('searchHelpFrom', () => {
  test('reads the catalog fields and defaults when search help is absent', () => {
    expect(searchHelpFrom({ stop_words: ['x'], synonyms: { a: ['b'] } })).toEqual({
      stopWords: ['x'],
      synonyms: { a: ['b'] },
    });
    expect(searchHelpFrom(undefined)).toEqual({ stopWords: [], synonyms: {} });
  });
});

describe('searchHelpIn', () => {
  const german = { stop_words: ['wie', 'ich'], synonyms: { kontingent: ['quota'] } };
  const english = { stop_words: ['how', 'i'], synonyms: { quota: ['allowance'] } };

  test("help written once is the company's language's, and no other's", () => {
    expect(searchHelpIn(german, 'de', 'de-DE')).toEqual({
      stopWords: ['wie', 'ich'],
      synonyms: { kontingent: ['quota'] },
    });
    expect(searchHelpIn(german, 'en', 'de')).toEqual({ stopWords: [], synonyms: {} });
  });

  test('help written per language: the tag, else its bare language, else none', () => {
    const both = { de: german, 'en-GB': english, en: { ...english, stop_words: ['what'] } };
    expect(searchHelpIn(both, 'en-GB', 'de').stopWords).toEqual(['how', 'i']);
    expect(searchHelpIn(both, 'en-US', 'de').stopWords).toEqual(['what']);
    expect(searchHelpIn(both, 'de-AT', 'de').stopWords).toEqual(['wie', 'ich']);
    expect(searchHelpIn({ 'en-GB': english }, 'en-US', 'de').stopWords).toEqual(['how', 'i']);
    expect(searchHelpIn(both, 'ja', 'de')).toEqual({ stopWords: [], synonyms: {} });
  });

  test('no help at all is empty help', () => {
    expect(searchHelpIn(undefined, 'de', 'de')).toEqual({ stopWords: [], synonyms: {} });
  });
});
