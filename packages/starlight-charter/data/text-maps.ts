import { isAbsent } from './absent.ts';
import { issueAt, type DataIssue } from './issues.ts';
import type { DataPath, SourceFile } from './positions.ts';
import { Translations, type Localized } from '../schemas/text.ts';

/*
 * Texts the terms give in several languages ({ de: "…", en: "…" }, schemas/text.ts): which
 * text a page in one language shows, and what the loader and `charter check` say about maps
 * that lack a language.
 */

/** The bare language of a BCP 47 tag: "de" for "de-AT". */
export function bareLanguage(tag: string): string {
  return new Intl.Locale(tag).language;
}

/**
 * The language the company writes its terms in: that of `company.locale` ("de-DE" → "de").
 * Every text map must have it, and a page in a language a map lacks shows it.
 */
export function textLanguageOf(locale: string): string {
  return bareLanguage(locale);
}

/** The text in the default language: its own tag, else a regional one ("de-AT" for "de"). */
function defaultText(text: Translations, defaultLanguage: string): string | undefined {
  const byLanguage = text.byLanguage;
  return (
    byLanguage[defaultLanguage] ??
    Object.entries(byLanguage).find(([tag]) => bareLanguage(tag) === defaultLanguage)?.[1]
  );
}

/**
 * The text for a page in `language`: the exact tag ("en-GB"), else the bare language ("en"),
 * else the default language's text.
 */
export function textIn(text: Translations, language: string, defaultLanguage: string): string {
  const byLanguage = text.byLanguage;
  return (
    byLanguage[language] ??
    byLanguage[bareLanguage(language)] ??
    defaultText(text, defaultLanguage) ??
    // Only for a map the loader has already refused (missingDefaultTexts): its first text.
    Object.values(byLanguage)[0]!
  );
}

/** `value` with every translated text in `language`. Files left out stay as they stand in. */
export function localize<T>(value: T, language: string, defaultLanguage: string): Localized<T> {
  const walk = (v: unknown): unknown => {
    if (v instanceof Translations) return textIn(v, language, defaultLanguage);
    if (v === null || typeof v !== 'object' || isAbsent(v)) return v;
    if (Array.isArray(v)) return v.map(walk);
    return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, walk(item)]));
  };
  return walk(value) as Localized<T>;
}

/** Every translated text in `value`, with its data path. */
export function* textMaps(
  value: unknown,
  path: (string | number)[] = [],
): Generator<{ path: DataPath; text: Translations }> {
  if (value instanceof Translations) yield { path, text: value };
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* textMaps(item, [...path, i]);
  else if (value !== null && typeof value === 'object' && !isAbsent(value))
    for (const [key, item] of Object.entries(value)) yield* textMaps(item, [...path, key]);
}

/** Data files as parsed, with their sources, for placing what is found in them. */
export type ParsedFiles = Partial<Record<string, unknown>>;
export type FileSources = Partial<Record<string, SourceFile>>;

function* mapsByFile(files: ParsedFiles, sources: FileSources) {
  for (const [name, value] of Object.entries(files)) {
    const source = sources[name];
    if (source) for (const found of textMaps(value)) yield { source, ...found };
  }
}

/** A text map without the default language: an error, as no page could fall back to it. */
export function missingDefaultTexts(
  files: ParsedFiles,
  sources: FileSources,
  defaultLanguage: string,
): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { source, path, text } of mapsByFile(files, sources))
    if (defaultText(text, defaultLanguage) === undefined)
      issues.push(
        issueAt(
          source,
          path,
          `has ${text.languages.join(', ')} but no ${defaultLanguage}, the language of company.locale; every translated text needs it`,
        ),
      );
  return issues;
}

/** The languages of every text map, in the order first met: a site's languages when no config says. */
export function textMapLanguages(files: ParsedFiles): string[] {
  const languages = new Set<string>();
  for (const value of Object.values(files))
    for (const { text } of textMaps(value))
      for (const tag of text.languages) languages.add(bareLanguage(tag));
  return [...languages];
}

/**
 * Texts translated into some of the site's `languages` but not all: a page in a missing
 * language shows the default language's text. Plain strings are the company's one text for
 * every language and are not listed.
 */
export function partialTranslations(
  files: ParsedFiles,
  sources: FileSources,
  languages: readonly string[],
): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { source, path, text } of mapsByFile(files, sources)) {
    const has = (language: string) =>
      text.byLanguage[language] !== undefined ||
      text.byLanguage[bareLanguage(language)] !== undefined;
    const missing = [...new Set(languages)].filter((language) => !has(language));
    if (missing.length)
      issues.push(
        issueAt(source, path, `has ${text.languages.join(', ')} but not ${missing.join(', ')}`),
      );
  }
  return issues;
}
