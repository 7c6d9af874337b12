import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  english,
  languageOf,
  messagesFor,
  missingMessages,
  translator,
} from '../../../packages/starlight-charter/lib/i18n';

const dir = 'packages/starlight-charter/translations';
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const locale = (file: string) =>
  JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
const en = locale('en.json');

describe('languageOf', () => {
  test('takes the language of a locale Charter has words for', () => {
    expect(languageOf('de-DE')).toBe('de');
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('ja-JP')).toBe('ja');
    expect(languageOf('en-GB')).toBe('en');
  });
  test('is English for a language Charter has no words for', () => {
    expect(languageOf('fr-FR')).toBe('en');
  });
});

describe('translator', () => {
  const messages = {
    'charter.test.hours_one': '{{count}} hour',
    'charter.test.hours_other': '{{count}} hours',
    'charter.test.plain': 'Hello {{name}}, {{ name }}!',
  };
  test('picks the plural form by the language’s rules', () => {
    const t = translator('en', messages);
    expect(t('charter.test.hours' as never, { count: 1 })).toBe('1 hour');
    expect(t('charter.test.hours' as never, { count: 4 })).toBe('4 hours');
    expect(t('charter.test.hours' as never, { count: 1.5 })).toBe('1.5 hours');
  });
  test('falls back to the "other" form where a language has no other', () => {
    const t = translator('ja', { 'charter.test.hours_other': '{{count}}時間' });
    expect(t('charter.test.hours' as never, { count: 1 })).toBe('1時間');
  });
  test('replaces every named value, as given, and leaves unknown names', () => {
    const t = translator('en', messages);
    expect(t('charter.test.plain' as never, { name: 'A & <B>' })).toBe('Hello A & <B>, A & <B>!');
    expect(t('charter.test.plain' as never)).toBe('Hello {{name}}, {{ name }}!');
  });
  test('stops on a key it does not have', () => {
    expect(() => english('charter.no.such.key' as never)).toThrow('charter.no.such.key');
  });
});

describe('the locale files', () => {
  test('English is Charter’s words: every other language’s keys are English keys', () => {
    for (const file of files) {
      const unknown = Object.keys(locale(file)).filter((key) => !(key in en));
      expect(unknown, file).toEqual([]);
    }
  });
  test('every key is charter.<component>.<what>', () => {
    for (const file of files)
      for (const key of Object.keys(locale(file))) expect(key, file).toMatch(/^charter\.\w+\.\w+$/);
  });
  test('a language keeps the values an English text names', () => {
    const names = (text: string) =>
      [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const file of files) {
      for (const [key, text] of Object.entries(locale(file))) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        const english = en[key] ?? en[`${base}_other`] ?? en[base]!;
        expect(
          names(text).filter((n) => n !== 'count'),
          `${file} ${key}`,
        ).toEqual(names(english).filter((n) => n !== 'count'));
      }
    }
  });
  test('a language lacking words is English there, and says which', () => {
    expect(messagesFor('xx')).toEqual(en);
    expect(missingMessages('en')).toEqual([]);
    const de = locale('de.json');
    expect(missingMessages('de')).toEqual(Object.keys(en).filter((k) => !(k in de)));
  });
  test('a plural form a language does not have is not missing', () => {
    // Japanese counts with one form, "other"; English "one" forms need no Japanese twin.
    const ones = Object.keys(en).filter((k) => k.endsWith('_one'));
    expect(ones.length).toBeGreaterThan(0);
    for (const key of ones) expect(missingMessages('ja')).not.toContain(key);
    const ja = locale('ja.json');
    expect(missingMessages('ja')).toEqual(
      Object.keys(en).filter((k) => !k.endsWith('_one') && !(k in ja)),
    );
  });
});

describe('the keys the code asks for', () => {
  const sources = readdirSync('packages/starlight-charter', { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|astro|mjs|mdx)$/.test(f) && !f.startsWith('translations/'))
    .filter((f) => !f.startsWith('starter/') && !f.includes('node_modules'));
  const asked = sources.flatMap((file) =>
    [
      ...readFileSync(join('packages/starlight-charter', file), 'utf8').matchAll(
        /['"`](charter\.\w+\.\w+)['"`]/g,
      ),
    ].map((m) => ({ file, key: m[1]! })),
  );
  test('are found in the code', () => expect(asked.length).toBeGreaterThan(0));
  test('all exist in English, the plural ones in their forms', () => {
    const known = new Set(
      Object.keys(en).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')),
    );
    const unknown = asked.filter(({ key }) => !known.has(key));
    expect(unknown).toEqual([]);
  });
});
