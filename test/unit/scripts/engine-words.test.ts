import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import { PriceSchema } from '../../../packages/starlight-charter/schemas/pricing';
import { SAMPLE, WEE } from '../../support/sites';

/**
 * The package (packages/starlight-charter) names no company: not its name or product, and not
 * what it meters (meter ids, names and unit words), in code, comments, pages, schemas or its
 * README. The words are read from each example company's terms at test time, so a new meter is
 * covered without touching this test.
 */
const COMPANIES = [SAMPLE.terms, WEE.terms];
const PACKAGE_DIR = 'packages/starlight-charter';
const SOURCE = /\.(?:ts|astro|mjs|cjs|js|css|mdx?|json|ya?ml)$/;

/**
 * Words the engine has of its own that happen to equal a company's word, each where it has its
 * engine meaning. The per-seat price model's unit is read from its schema default.
 */
const perSeat = PriceSchema.parse({ model: 'per-seat', monthly: 1 });
const seatWords = perSeat.model === 'per-seat' ? [perSeat.seat.one, perSeat.seat.other] : [];
const ENGINE_MEANINGS: { what: string; word: RegExp; files?: RegExp; line?: RegExp }[] = [
  { what: 'the per-seat price model', word: new RegExp(`^(?:${seatWords.join('|')})$`, 'i') },
  { what: "a URL's query string", word: /^query$/i, line: /\bquery[- ](?:string|value)/i },
  {
    what: "the query of a Vite import (import.meta.glob's `query: '?raw'`)",
    word: /^query$/i,
    line: /\bquery: '\?/,
  },
  { what: 'a search query, in the search code', word: /^quer(?:y|ies)$/i, files: /search/i },
  { what: 'a search query', word: /^quer(?:y|ies)$/i, line: /\bsearch|pagefind/i },
];

interface Word {
  text: string;
  /** Company names and products are proper names; meter words match in any case. */
  caseSensitive: boolean;
  source: string;
}

function wordsOf(dir: string, catalog: Catalog): Word[] {
  const words: Word[] = [
    { text: catalog.company.name, caseSensitive: true, source: `${dir} company name` },
    { text: catalog.company.product, caseSensitive: true, source: `${dir} product` },
  ];
  for (const meter of catalog.pricing.meters) {
    for (const text of new Set([
      meter.id,
      meter.id.replace(/-/g, '_'),
      meter.name,
      meter.unit.one,
      meter.unit.other,
    ])) {
      words.push({ text, caseSensitive: false, source: `${dir} meter ${meter.id}` });
    }
  }
  return words;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A word ends at anything that cannot continue an identifier or a kebab/snake id.
const wordRegex = (w: Word) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_-])${escape(w.text)}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`,
    w.caseSensitive ? 'gu' : 'giu',
  );

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : SOURCE.test(entry) ? [path] : [];
  });
}

/** Every `file:line: word (source)` where the engine names a company's word. */
export function companyWordsIn(files: string[], words: Word[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      // One hit per place, however many companies' words match there.
      const seen = new Set<number>();
      for (const word of words) {
        for (const match of line.matchAll(wordRegex(word))) {
          const engine = ENGINE_MEANINGS.some(
            (m) =>
              m.word.test(match[0]) &&
              (m.files?.test(file) ?? true) &&
              (m.line?.test(line) ?? true),
          );
          if (engine || seen.has(match.index)) continue;
          seen.add(match.index);
          hits.push(`${file}:${i + 1}:${match.index + 1}: "${match[0]}" (${word.source})`);
        }
      }
    });
  }
  return hits.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

describe('the engine names no company', () => {
  const words = COMPANIES.flatMap((dir) => wordsOf(dir, loadCatalog(dir)));

  it('reads the words of every company from its data', () => {
    for (const dir of COMPANIES)
      expect(words.filter((w) => w.source.startsWith(`${dir} meter`)).length).toBeGreaterThan(0);
  });

  it('finds a company word, whole, in any case, but not inside a longer name', () => {
    const name = words[0]!;
    const meter = { text: 'restores', caseSensitive: false, source: 'a meter' };
    expect(wordRegex(name).test(`const title = '${name.text} support';`)).toBe(true);
    expect(wordRegex(meter).test('// 5,000 Restores per month')).toBe(true);
    expect(wordRegex(meter).test("{ restores: 1 }, 'restores'")).toBe(true);
    expect(wordRegex(meter).test('const restoresSeen = 1; // top-restores-x, max_restores')).toBe(
      false,
    );
  });

  it('the package contains none of them', () => {
    const files = filesUnder(PACKAGE_DIR);
    expect(files.length).toBeGreaterThan(50);
    expect(companyWordsIn(files, words)).toEqual([]);
  });
});
