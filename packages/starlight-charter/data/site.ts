import { catalog, catalogs } from 'virtual:starlight-charter/catalog';
import { config } from 'virtual:starlight-charter/config';
import { normalizeBase, withBase } from '../lib/base-path.ts';
import { withPrefix } from '../lib/route-prefix.ts';
import { languageOf, translator, type Translate } from '../lib/i18n.ts';
import { inLocale, localeOfLang, localeOfPath, type SiteLocale } from '../lib/site-locales.ts';
import type { Catalog } from './load.ts';

/**
 * The Catalog of the site being built or served (see integrations/virtual-modules.ts), its
 * texts in `lang` (a page's `Astro.currentLocale`, "de" or "en-GB"), else in the company's
 * language. A language the site does not publish reads its bare language's, else the company's.
 */
export function getCatalog(lang?: string): Catalog {
  if (lang === undefined) return catalog;
  return catalogs[lang] ?? catalogs[new Intl.Locale(lang).language] ?? catalog;
}

/** The knowledge-base folder as the site's config names it, for messages. */
export function kbDir(): string {
  return config.kb.replace(/^\.\//, '').replace(/\/$/, '');
}

/** The site's Charter options: the route prefix and the sections it publishes. */
export const charterConfig = config;

/** The path the site is served under (`/support/`), `/` at the root: Astro's `base`. */
export const BASE = normalizeBase(import.meta.env.BASE_URL);

/**
 * The address of one of Charter's pages (`/kb/search/`) under the site's route prefix and base
 * path; any other site path (`/favicon.svg`, `/search-help.json`) under the base path.
 */
export function charterHref(path: string): string {
  return withBase(withPrefix(path, config.prefix), BASE);
}

/** The site's locale of a page, from `Astro.currentLocale`; the default one when unknown. */
export function pageLocale(lang: string | undefined): SiteLocale {
  return localeOfLang(lang, config.locales);
}

/** The locale a route's pages are in, from its pattern (`getStaticPaths`' `routePattern`). */
export function routeLocale(routePattern: string): SiteLocale {
  return localeOfPath(routePattern, config.locales);
}

/** A site path (`/search-help.json`) in the page's locale, under the base path. */
export function localeHref(path: string, lang: string | undefined): string {
  return withBase(inLocale(path, pageLocale(lang)), BASE);
}

/**
 * Charter's words on a page, in the page's language: Starlight's `Astro.locals.t`, which Charter
 * fills with its locale files (translations/), or, on a site whose languages carry a region
 * Charter has no file for ("de-AT"), the words of that language.
 */
export function charterWords(locals: App.Locals, lang: string | undefined): Translate {
  // Values come back as given: Astro escapes what a page shows.
  return (key, values = {}) =>
    locals.t.exists(key)
      ? locals.t(key, { ...values, interpolation: { escapeValue: false } })
      : translator(languageOf(lang ?? 'en'))(key, values);
}
