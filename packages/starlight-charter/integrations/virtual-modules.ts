import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { DataError, formatIssue } from '../data/issues.ts';
import { isAbsent, optionalFiles } from '../data/absent.ts';
import { catalogIn, loadCatalog, type Catalog } from '../data/load.ts';
import { textLanguageOf } from '../data/text-maps.ts';
import { keptReleases, releaseFiles, type KeptRelease } from '../data/releases.ts';
import { accentCss, accentShades } from '../lib/accent.ts';
import { printHeaderCss } from '../lib/terms.ts';
import { printedDocuments } from '../pages/printed.ts';
import type { CharterOptions } from '../options.ts';
import { languageOf, translator } from '../lib/i18n.ts';
import { pageFormatLocale, type SiteLocale } from '../lib/site-locales.ts';

export type { KeptRelease };

/** What pages and components know of the plugin's options. */
export interface CharterSiteConfig extends CharterOptions {
  /** The terms folder, absolute. */
  termsDir: string;
  /** The knowledge-base folder, absolute. */
  kbDir: string;
  /** The company's icon file from the terms (absolute), served when the site has none. */
  iconFile?: string;
  /** The language Charter writes in (lib/i18n.ts languageOf): its words and its pages. */
  language: string;
  /** The languages the site publishes in, its default first (lib/site-locales.ts). */
  locales: SiteLocale[];
  /**
   * The tags of the languages the site publishes (its Starlight locales' `lang`), each of
   * which gets the terms' texts in that language. Default: the company's only.
   */
  textLanguages?: string[];
}

const CATALOG = 'virtual:starlight-charter/catalog';
const ABSENT = fileURLToPath(new URL('../data/absent.ts', import.meta.url));
const CONFIG = 'virtual:starlight-charter/config';
const RELEASES = 'virtual:starlight-charter/releases';
/** The company's accent colours as a stylesheet, listed first in Starlight's customCss. */
export const ACCENT_CSS = 'virtual:starlight-charter/accent.css';
/** The texts of the printed documents' running headers, from the terms (lib/terms.ts). */
export const PRINT_CSS = 'virtual:starlight-charter/print.css';

/** The YAML files of a terms folder, which the dev server watches. */
export function termsFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** The located problems of a DataError as one message: the same lines the build prints. */
export function termsErrorMessage(error: DataError): string {
  return `the terms have ${error.issues.length} problem(s):\n${error.issues.map(formatIssue).join('\n')}`;
}

/**
 * Pages reach the Catalog through a virtual module, and the accent stylesheet is another. Their
 * `load` registers every terms file with the dev server, so an edited file reloads the Catalog
 * on the next request, and a bad edit throws the located problems (the terminal and the
 * browser's overlay show them) until it is fixed. The build uses the Catalog the plugin loaded
 * at start-up.
 */
export function charterVirtualModules(
  config: CharterSiteConfig,
  first: Catalog,
  /** The kept releases (data/releases.ts), loaded at start-up. */
  releases: readonly KeptRelease[] = [],
): Plugin {
  // The modules that have not loaded yet: their first load takes what the plugin loaded at start-up.
  const unloaded = new Set([CATALOG, ACCENT_CSS, PRINT_CSS, RELEASES]);
  return {
    name: 'starlight-charter:virtual-modules',
    resolveId(id) {
      if ([CATALOG, CONFIG, ACCENT_CSS, PRINT_CSS, RELEASES].includes(id)) return `\0${id}`;
    },
    load(id) {
      if (id === `\0${CONFIG}`) return `export const config = ${JSON.stringify(config)};`;
      if (id === `\0${RELEASES}`) {
        // A release writes company.yaml and a new folder: either reloads the list.
        for (const file of [
          join(config.termsDir, 'company.yaml'),
          ...releaseFiles(config.termsDir),
        ])
          this.addWatchFile(file);
        let kept = releases;
        if (!unloaded.delete(RELEASES)) {
          try {
            kept = keptReleases(config.termsDir);
          } catch (error) {
            if (error instanceof DataError) {
              const located = new Error(
                `the kept releases have ${error.issues.length} problem(s):\n${error.issues.map(formatIssue).join('\n')}`,
              );
              located.stack = '';
              throw located;
            }
            throw error;
          }
        }
        return `export const releases = JSON.parse(${JSON.stringify(JSON.stringify(kept))});`;
      }
      if (![CATALOG, ACCENT_CSS, PRINT_CSS].some((m) => id === `\0${m}`)) return;
      const module = id.slice(1);
      for (const file of termsFiles(config.termsDir)) this.addWatchFile(file);
      let catalog: Catalog;
      if (unloaded.delete(module)) {
        catalog = first;
      } else {
        try {
          catalog = loadCatalog(config.termsDir, { optional: optionalFiles(config.sections) });
        } catch (error) {
          if (error instanceof DataError) {
            // The located lines are the whole story: no stack trace under them.
            const located = new Error(termsErrorMessage(error));
            located.stack = '';
            throw located;
          }
          throw error;
        }
      }
      if (module === ACCENT_CSS) return accentCss(accentShades(catalog.company.brand_color));
      if (module === PRINT_CSS)
        // The site's language first; each other language's words for its own pages.
        return config.locales
          .map((locale, i) =>
            printHeaderCss(
              catalog.company,
              printedDocuments(languageOf(locale.lang)),
              translator(languageOf(locale.lang)),
              i === 0 ? undefined : locale.lang,
            ),
          )
          .join('');
      // Files the site left out stand in again as values that stop the build when read.
      const left = Object.entries(catalog)
        .filter(([, value]) => isAbsent(value))
        .map(([name]) => name);
      const json = (value: Catalog) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      const languages = config.textLanguages ?? [];
      // A page in another language than the company's writes numbers, money and dates as that
      // language does ("99.95%" on an English page of a German company), its texts translated.
      const inLanguage = (tag: string): Catalog => {
        const translated = catalogIn(catalog, tag);
        return textLanguageOf(tag) === textLanguageOf(catalog.company.locale)
          ? translated
          : {
              ...translated,
              company: {
                ...translated.company,
                locale: pageFormatLocale(catalog.company.locale, tag),
              },
            };
      };
      return [
        `import { absentFile } from ${JSON.stringify(ABSENT)};`,
        `const stand = (catalog) => { for (const name of ${JSON.stringify(left)}) catalog[name] = absentFile(${JSON.stringify(config.terms)} + '/' + name + '.yaml'); return catalog; };`,
        `export const catalog = stand(${json(catalog)});`,
        `export const catalogs = {${languages.map((tag) => `${JSON.stringify(tag)}: stand(${json(inLanguage(tag))})`).join(', ')}};`,
      ].join('\n');
    },
  };
}
