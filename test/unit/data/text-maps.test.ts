import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { formatIssue } from '../../../packages/starlight-charter/data/issues';
import {
  catalogIn,
  loadCatalog,
  loadData,
  translationGaps,
} from '../../../packages/starlight-charter/data/load';
import {
  keptReleases,
  loadReleases,
  withCompany,
} from '../../../packages/starlight-charter/data/releases';
import {
  localize,
  partialTranslations,
  textIn,
  textMapLanguages,
} from '../../../packages/starlight-charter/data/text-maps';
import { parseSource } from '../../../packages/starlight-charter/data/positions';
import { diffTerms } from '../../../packages/starlight-charter/lib/terms-diff';
import { TextSchema, Translations } from '../../../packages/starlight-charter/schemas/text';
import { SAMPLE, WEE } from '../../support/sites';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A writable copy of a company's terms. */
function copy(terms: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-text-maps-'));
  temps.push(dir);
  cpSync(terms, dir, { recursive: true });
  return dir;
}

/** Sets `path` in `file` of `dir` to `value`, keeping the rest of the file as written. */
function edit(dir: string, file: string, path: (string | number)[], value: unknown): void {
  const doc = parseDocument(readFileSync(join(dir, file), 'utf8'));
  doc.setIn(path, doc.createNode(value));
  writeFileSync(join(dir, file), doc.toString());
}

describe('TextSchema', () => {
  test('takes a string as it is, trimmed', () => {
    expect(TextSchema.parse('  Team ')).toBe('Team');
  });

  test('takes a map by language tag as Translations, its texts trimmed', () => {
    const parsed = TextSchema.parse({ de: ' Für Teams ', 'en-GB': 'For teams' });
    expect(parsed).toBeInstanceOf(Translations);
    expect((parsed as Translations).byLanguage).toEqual({ de: 'Für Teams', 'en-GB': 'For teams' });
  });

  test.each([
    [{}, [], 'give the text in at least one language'],
    [{ de: '' }, ['de'], 'must not be empty'],
    [{ de: 3 }, ['de'], 'expected text'],
    [{ en_US: 'x' }, ['en_US'], '"en_US" is not a language tag'],
    [{ 'EN-us': 'x' }, ['EN-us'], 'write the language tag "EN-us" as "en-US"'],
  ])('refuses %j at %j', (value, path, message) => {
    const result = TextSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toHaveLength(1);
    expect(result.error!.issues[0]!.path).toEqual(path);
    expect(result.error!.issues[0]!.message).toContain(message);
  });

  test.each([[''], [3], [['de']], [null]])('refuses %j', (value) => {
    expect(TextSchema.safeParse(value).success).toBe(false);
  });
});

describe('textIn', () => {
  const text = new Translations({ de: 'Deutsch', en: 'English', 'en-GB': 'British' });

  test('the exact tag first', () => {
    expect(textIn(text, 'en-GB', 'de')).toBe('British');
  });
  test('then the bare language', () => {
    expect(textIn(text, 'en-US', 'de')).toBe('English');
  });
  test("then the company's language", () => {
    expect(textIn(text, 'ja', 'de')).toBe('Deutsch');
  });
  test("the company's language by a regional tag when the map has no bare one", () => {
    expect(textIn(new Translations({ 'de-AT': 'Österreich', en: 'E' }), 'ja', 'de')).toBe(
      'Österreich',
    );
  });
});

describe('localize', () => {
  test('resolves every Translations in nested objects and lists, and leaves the rest', () => {
    const raw = {
      id: 'team',
      name: new Translations({ de: 'Mannschaft', en: 'Team' }),
      list: [new Translations({ de: 'eins', en: 'one' }), 'zwei'],
      price: 3,
    };
    expect(localize(raw, 'en', 'de')).toEqual({
      id: 'team',
      name: 'Team',
      list: ['one', 'zwei'],
      price: 3,
    });
    expect(localize(raw, 'de', 'de')).toEqual({
      id: 'team',
      name: 'Mannschaft',
      list: ['eins', 'zwei'],
      price: 3,
    });
  });
});

describe('the loader', () => {
  test("gives the Catalog in the company's language, strings only", () => {
    const dir = copy(SAMPLE.terms);
    edit(dir, 'kb.yaml', ['categories', 0, 'name'], { en: 'Start here', de: 'Hier anfangen' });
    const catalog = loadCatalog(dir);
    expect(catalog.kb.categories[0]!.name).toBe('Start here');
  });

  test('catalogIn: exact tag, bare language, else the company language, per field', () => {
    const dir = copy(SAMPLE.terms);
    edit(dir, 'kb.yaml', ['categories', 0, 'name'], {
      en: 'Start',
      de: 'Anfang',
      'de-CH': 'Afang',
    });
    edit(dir, 'kb.yaml', ['categories', 0, 'description'], { en: 'About', de: 'Über' });
    const loaded = loadData(dir);
    const plain = loaded.catalog.kb.categories[1]!.name;
    const at = (language: string) => catalogIn(loaded.catalog, language).kb.categories;
    expect(at('de-CH')[0]).toMatchObject({ name: 'Afang', description: 'Über' });
    expect(at('de-DE')[0]).toMatchObject({ name: 'Anfang', description: 'Über' });
    expect(at('ja')[0]).toMatchObject({ name: 'Start', description: 'About' });
    // A text written once is every language's.
    expect(at('de')[1]!.name).toBe(plain);
  });

  test("a channel's address and an escalation contact in words may be given by language; links stay links", () => {
    const dir = copy(SAMPLE.terms);
    edit(dir, 'channels.yaml', ['channels', 0, 'address'], {
      en: 'In your contract',
      de: 'Im Vertrag',
    });
    edit(dir, 'escalation.yaml', ['levels', 0, 'contacts', 0], {
      en: 'Support lead',
      de: 'Supportleitung',
    });
    const loaded = loadData(dir);
    const link = loaded.catalog.channels.channels[1]!.address;
    const de = catalogIn(loaded.catalog, 'de');
    expect(loaded.catalog.channels.channels[0]!.address).toBe('In your contract');
    expect(de.channels.channels[0]!.address).toBe('Im Vertrag');
    expect(de.channels.channels[1]!.address).toBe(link);
    expect(de.escalation.levels[0]!.contacts[0]).toBe('Supportleitung');
  });

  test("a channel's address that is neither a link nor words by language says what it expects", () => {
    const problems = (address: unknown) => {
      const dir = copy(SAMPLE.terms);
      edit(dir, 'channels.yaml', ['channels', 0, 'address'], address);
      try {
        loadData(dir);
      } catch (error) {
        return (error as { issues: Parameters<typeof formatIssue>[0][] }).issues.map(formatIssue);
      }
      return [];
    };
    const [link] = problems('javascript:alert(1)');
    expect(link).toMatch(
      /channels\[0\]\.address: javascript: links are not allowed; expected an https:\/\/ URL/,
    );
    const [tag] = problems({ en_US: 'In your contract' });
    expect(tag).toMatch(/channels\[0\]\.address\.en_US: "en_US" is not a language tag/);
  });

  test('a Catalog the loader did not make is the same in every language', () => {
    const catalog = loadCatalog(SAMPLE.terms);
    const copied = structuredClone(catalog);
    expect(catalogIn(copied, 'de')).toBe(copied);
  });

  test("reads a release's texts in the current company's language", () => {
    const dir = copy(WEE.terms);
    const [first] = loadReleases(dir);
    const version = first!.version;
    const tier = first!.catalog.tiers.tiers[0]!;
    edit(join(dir, 'versions', version), 'tiers.yaml', ['tiers', 0, 'summary'], {
      en: 'English summary',
      de: tier.summary,
    });
    expect(keptReleases(dir)[0]!.terms.tiers!.tiers[0]!.summary).toBe(tier.summary);
  });
});

describe('translationGaps', () => {
  test('lists texts that lack some languages, at their file:line:col, sorted', () => {
    const dir = copy(SAMPLE.terms);
    edit(dir, 'kb.yaml', ['categories', 0, 'name'], { en: 'Start', de: 'Anfang', ja: '始め' });
    edit(dir, 'kb.yaml', ['categories', 1, 'name'], { en: 'API', de: 'API' });
    edit(dir, 'tiers.yaml', ['tiers', 0, 'name'], { en: 'Free', ja: '無料' });
    const catalog = loadCatalog(dir);
    const lines = (languages?: string[]) =>
      translationGaps(catalog, languages).map((gap) => {
        const { file, ...rest } = gap;
        return { file: file.split('/').pop(), ...rest };
      });
    const kb = readFileSync(join(dir, 'kb.yaml'), 'utf8').split('\n');
    const tiers = readFileSync(join(dir, 'tiers.yaml'), 'utf8').split('\n');
    // Where each map starts: the line after its key (a block map), at its first language.
    const place = (lines: string[], nth: number) => {
      const index = lines.map((l, i) => (/^\s+name:$/.test(l) ? i : -1)).filter((i) => i >= 0)[
        nth
      ]!;
      return { line: index + 2, col: lines[index + 1]!.search(/\S/) + 1 };
    };
    // Without the site's languages: every language a text is written in (en, de, ja).
    expect(lines()).toEqual([
      {
        file: 'kb.yaml',
        ...place(kb, 1),
        path: 'categories[1].name',
        message: 'has en, de but not ja',
      },
      {
        file: 'tiers.yaml',
        ...place(tiers, 0),
        path: 'tiers[0].name',
        message: 'has en, ja but not de',
      },
    ]);
    // The site's own: a regional tag is met by its bare language.
    expect(lines(['en', 'de-AT']).map((g) => `${g.path}: ${g.message}`)).toEqual([
      'tiers[0].name: has en, ja but not de-AT',
    ]);
  });

  test('partialTranslations does not list plain strings', () => {
    const source = parseSource('x.yaml', 'a: one\nb: { en: two, de: zwei }\n');
    const files = { x: { a: 'one', b: new Translations({ en: 'two', de: 'zwei' }) } };
    expect(partialTranslations(files, { x: source }, ['en', 'de', 'ja']).map(formatIssue)).toEqual([
      'x.yaml:2:4 b: has en, de but not ja',
    ]);
    expect(textMapLanguages(files)).toEqual(['en', 'de']);
  });
});

describe('WEE', () => {
  test('gives its texts in English too, and German stays its own', () => {
    const loaded = loadData(WEE.terms);
    const english = catalogIn(loaded.catalog, 'en');
    expect(loaded.language).toBe('de');
    const summaries = (c: typeof english) => c.tiers.tiers.map((t) => t.summary);
    expect(summaries(english)).not.toEqual(summaries(loaded.catalog));
    expect(catalogIn(loaded.catalog, 'de')).toEqual(loaded.catalog);
    // Every translated text has both of its languages.
    expect(translationGaps(loaded.catalog)).toEqual([]);
  });

  test('a translation added to a released name is no change of the terms; a new German name is', () => {
    const dir = copy(WEE.terms);
    const feature = loadCatalog(dir).features.features[0]!;
    const rename = (name: unknown) => edit(dir, 'features.yaml', ['features', 0, 'name'], name);
    rename(feature.name);
    const german = loadCatalog(dir);
    rename({ de: feature.name, en: 'Something else entirely' });
    expect(diffTerms(german, loadCatalog(dir))).toEqual([]);
    rename({ de: `${feature.name} neu`, en: 'Something else entirely' });
    expect(diffTerms(german, loadCatalog(dir)).map((c) => [c.kind, c.path])).toEqual([
      ['renamed', ['features', 0, 'name']],
    ]);
  });

  test('its terms match its last release: the release check passes', () => {
    const current = loadCatalog(WEE.terms);
    const releases = loadReleases(WEE.terms);
    expect(diffTerms(withCompany(releases.at(-1)!, current), current)).toEqual([]);
  });
});
