import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { DATA_FILES, type DataFileName } from '../schemas/index.ts';
import { absentFile } from './absent.ts';
import { crossCheck } from './cross-checks.ts';
import { DataError, issueAt, sortIssues, type DataIssue } from './issues.ts';
import { parseSource, type SourceFile } from './positions.ts';
import {
  localize,
  missingDefaultTexts,
  partialTranslations,
  textLanguageOf,
  textMapLanguages,
} from './text-maps.ts';
import type { Localized } from '../schemas/text.ts';

/** The data files as parsed: a translated text is a Translations (schemas/text.ts). */
export type RawCatalog = { [K in DataFileName]: z.output<(typeof DATA_FILES)[K]> };

/**
 * Everything in data/, validated and cross-checked, every text in one language (the company's
 * unless `catalogIn` says otherwise). Plain JSON: safe to embed in pages.
 */
export type Catalog = Localized<RawCatalog>;

export type PartialCatalog = Partial<Catalog>;
export type Sources = Partial<Record<DataFileName, SourceFile>>;

/** The result of loading, with the sources kept so scripts can place their own findings. */
export interface LoadedData {
  /** In the company's language, `language`. */
  catalog: Catalog;
  sources: Record<DataFileName, SourceFile>;
  /** The language of the company's texts (company.locale's), which every text map has. */
  language: string;
  raw: RawCatalog;
}

/** What a Catalog the loader made was made from, for `catalogIn`. */
const loadedFrom = new WeakMap<Catalog, LoadedData>();

const FILE_NAMES = Object.keys(DATA_FILES) as DataFileName[];

export interface LoadOptions {
  /** How file names appear in messages (the folder as the person named it). */
  displayDir?: string;
  /**
   * Files the site may leave out (see absent.ts): a missing one is no problem, and stands in
   * the Catalog as a value that stops the build when read.
   */
  optional?: readonly DataFileName[];
  /** Other YAML files the folder may hold, which the caller reads (a release's `release.yaml`). */
  companions?: readonly string[];
  /**
   * The company's language for a folder without company.yaml (a release): the language every
   * text map must have. Default: English.
   */
  language?: string;
}

/**
 * Reads `<dir>/*.yaml`, validates each against its schema, cross-checks ids and references,
 * and returns the Catalog. Throws DataError listing every problem with file:line:col.
 */
export function loadData(dir: string, options: LoadOptions = {}): LoadedData {
  const left: DataFileName[] = [];
  const issues: DataIssue[] = [];
  const sources: Sources = {};
  const parsed: Partial<RawCatalog> = {};
  const shown = (name: string) =>
    options.displayDir !== undefined
      ? join(options.displayDir, name)
      : relative(process.cwd(), join(dir, name)) || name;

  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DataError([
      { file: shown(''), line: 1, col: 1, path: '(root)', message: 'data directory not found' },
    ]);
  }
  for (const entry of readdirSync(dir)) {
    const base = entry.replace(/\.ya?ml$/, '');
    if (
      entry !== base &&
      !FILE_NAMES.includes(base as DataFileName) &&
      !options.companions?.includes(entry)
    ) {
      issues.push({
        file: shown(entry),
        line: 1,
        col: 1,
        path: '(root)',
        message: `unknown data file; expected one of: ${FILE_NAMES.map((n) => `${n}.yaml`).join(', ')}`,
      });
    }
  }

  for (const name of FILE_NAMES) {
    const path = join(dir, `${name}.yaml`);
    const file = shown(`${name}.yaml`);
    if (!existsSync(path)) {
      if (options.optional?.includes(name)) left.push(name);
      else issues.push({ file, line: 1, col: 1, path: '(root)', message: 'file is missing' });
      continue;
    }
    const source = parseSource(file, readFileSync(path, 'utf8'));
    sources[name] = source;
    if (source.doc.errors.length > 0) {
      for (const error of source.doc.errors) {
        const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
        issues.push({
          file,
          line: pos.line,
          col: pos.col,
          path: '(yaml)',
          message: firstLine(error.message),
        });
      }
      continue;
    }
    const value: unknown = source.doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) {
      issues.push({ file, line: 1, col: 1, path: '(root)', message: 'file is empty' });
      continue;
    }
    const result = DATA_FILES[name].safeParse(value);
    if (result.success) {
      (parsed as Record<string, unknown>)[name] = result.data;
    } else {
      for (const zodIssue of result.error.issues)
        issues.push(...fromZodIssue(source, value, zodIssue));
    }
  }

  // Cross-file checks read the texts in the company's language, as most pages do.
  const locale = parsed.company?.locale;
  const language = locale ? textLanguageOf(locale) : (options.language ?? 'en');
  if (locale || !sources.company) issues.push(...missingDefaultTexts(parsed, sources, language));
  const partial = localize(parsed, language, language) as PartialCatalog;
  issues.push(...crossCheck(partial, sources));
  issues.push(...missingImages(dir, partial, sources));
  if (issues.length > 0) throw new DataError(sortIssues(dedupe(issues)));
  for (const name of left) {
    const stand = absentFile(shown(`${name}.yaml`));
    (partial as Record<string, unknown>)[name] = stand;
    (parsed as Record<string, unknown>)[name] = stand;
  }
  const loaded: LoadedData = {
    catalog: partial as Catalog,
    sources: sources as Record<DataFileName, SourceFile>,
    language,
    raw: parsed as RawCatalog,
  };
  loadedFrom.set(loaded.catalog, loaded);
  return loaded;
}

/** Loads and returns only the Catalog. */
export function loadCatalog(dir: string, options: LoadOptions = {}): Catalog {
  return loadData(dir, options).catalog;
}

/**
 * The Catalog with its texts in `language` (a page's, e.g. "de" or "en-GB"): per text, that
 * tag, else its bare language, else the company's language. A Catalog the loader did not make
 * is returned as it is.
 */
export function catalogIn(catalog: Catalog, language: string): Catalog {
  const loaded = loadedFrom.get(catalog);
  if (!loaded) return catalog;
  return localize(loaded.raw, language, loaded.language);
}

/**
 * The texts of a loaded Catalog translated into some of `languages` but not all, placed at
 * their file:line:col. Without `languages`: every language any text is written in.
 */
export function translationGaps(catalog: Catalog, languages?: readonly string[]): DataIssue[] {
  const loaded = loadedFrom.get(catalog);
  if (!loaded) return [];
  return sortIssues(
    partialTranslations(loaded.raw, loaded.sources, languages ?? textMapLanguages(loaded.raw)),
  );
}

type ZodIssue = z.core.$ZodIssue;

function fromZodIssue(source: SourceFile, value: unknown, issue: ZodIssue): DataIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => issueAt(source, path, `unknown key "${key}"`, key));
  }
  // A text field left out fails as neither form of text (schemas/text.ts): a union.
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    valueAt(value, path) === undefined
  ) {
    const field = path[path.length - 1];
    return [issueAt(source, path, `missing required field "${String(field)}"`)];
  }
  return [issueAt(source, path, issue.message)];
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function dedupe(issues: DataIssue[]): DataIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}:${i.line}:${i.col}:${i.path}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The company's logo and icon name files beside the terms: each must be there. */
function missingImages(dir: string, partial: PartialCatalog, sources: Sources): DataIssue[] {
  const company = partial.company;
  const source = sources.company;
  if (!company || !source) return [];
  const images: [(string | number)[], string | undefined][] = [
    [['logo', 'light'], company.logo?.light],
    [['logo', 'dark'], company.logo?.dark],
    [['favicon'], company.favicon],
  ];
  return images.flatMap(([path, file]) =>
    file && !existsSync(join(dir, file))
      ? [issueAt(source, path, `no such file beside the terms: ${file}`)]
      : [],
  );
}
