/**
 * The languages a site publishes in, as Starlight declares them: each under its own path
 * (`/en/…`), or at the root. Pure, so the plugin, the routes and the tests share it.
 */

/** One language of the site. */
export interface SiteLocale {
  /** The first segment of its pages' paths (`en`); empty for the root locale. */
  path: string;
  /** Its BCP 47 tag, as Starlight's `lang` (`de`, `en-GB`). */
  lang: string;
}

/** Starlight's locale options, as a site writes them. */
export interface StarlightLocales {
  locales?: Record<string, { lang?: string } | undefined>;
  defaultLocale?: string;
}

/**
 * The site's languages, its default first. A site without `locales` publishes in one language,
 * at the root: the company's (`fallbackLang`).
 */
export function siteLocales(starlight: StarlightLocales, fallbackLang: string): SiteLocale[] {
  const declared = Object.entries(starlight.locales ?? {});
  if (declared.length === 0) return [{ path: '', lang: fallbackLang }];
  const all = declared.map(([key, locale]) => ({
    path: key === 'root' ? '' : key,
    // Starlight's own rule: a locale without `lang` is named by its key.
    lang: locale?.lang ?? (key === 'root' ? 'en' : key),
  }));
  const defaultKey =
    starlight.defaultLocale ?? (starlight.locales?.root ? 'root' : declared[0]![0]);
  const defaultPath = defaultKey === 'root' ? '' : defaultKey;
  return [
    ...all.filter((l) => l.path === defaultPath),
    ...all.filter((l) => l.path !== defaultPath),
  ];
}

/** A path's first segment, without leading slash. */
const firstSegment = (path: string) => path.replace(/^\/+/, '').split('/')[0] ?? '';

/**
 * The locale a site path (without base) or route pattern (`/en/kb/[category]`) belongs to: the
 * one named by its first segment, else the root locale, else the default.
 */
export function localeOfPath(path: string, locales: readonly SiteLocale[]): SiteLocale {
  const segment = firstSegment(path);
  return (
    locales.find((l) => l.path !== '' && l.path === segment) ??
    locales.find((l) => l.path === '') ??
    locales[0]!
  );
}

/** The locale whose `lang` is `lang` (Astro.currentLocale), else the default. */
export function localeOfLang(lang: string | undefined, locales: readonly SiteLocale[]): SiteLocale {
  return locales.find((l) => l.lang === lang) ?? locales[0]!;
}

/** `path` (site-relative, without base, starting with `/`) in a locale: `/en/kb/`. */
export function inLocale(path: string, locale: SiteLocale): string {
  return locale.path ? `/${locale.path}${path}` : path;
}

/**
 * A page of another locale links to the root locale's pages as its writer wrote them
 * (`/commercial/sla/`, the same text in every language's page): each such link on a page of
 * `locale` goes to that page in `locale` instead (`/en/commercial/sla/`), as Starlight gives
 * every page a version in every locale (its own, or the default language's as a fallback).
 * Only `href` and `action` values under `base` that end in `/` (pages, not files) and are in no
 * locale already change.
 */
export function localizeLinks(
  html: string,
  base: string,
  locale: SiteLocale,
  locales: readonly SiteLocale[],
): string {
  if (!locale.path) return html;
  return html.replace(
    /(\s(?:href|action)=)(["'])([^"']*)\2/g,
    (_, attr: string, quote: string, url: string) =>
      `${attr}${quote}${localizedUrl(url, base, locale, locales)}${quote}`,
  );
}

/** One address as localizeLinks leads it: to the page in `locale`, or as it was. */
function localizedUrl(
  url: string,
  base: string,
  locale: SiteLocale,
  locales: readonly SiteLocale[],
): string {
  if (!locale.path || !url.startsWith(base)) return url;
  const rest = `/${url.slice(base.length)}`;
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  const inALocale = locales.some((l) => l.path && l.path === firstSegment(path));
  if (!path.endsWith('/') || inALocale) return url;
  return `${base}${locale.path}${rest}`;
}

/** A Starlight sidebar entry, as far as its links go. */
export type SidebarEntryLike =
  | { type: 'link'; href: string; isCurrent: boolean }
  | { type: 'group'; entries: SidebarEntryLike[] };

/**
 * The sidebar of a page of `locale`: links to the root's pages go to the locale's, as in the
 * page's HTML (localizeLinks), and the link to the page itself (`currentPath`, with base) is
 * the current one, so its group opens and it is marked for assistive technology.
 */
export function localizeSidebar<E extends SidebarEntryLike>(
  entries: readonly E[],
  base: string,
  locale: SiteLocale,
  locales: readonly SiteLocale[],
  currentPath: string,
): E[] {
  if (!locale.path) return [...entries];
  const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  const current = withSlash(currentPath);
  return entries.map((entry) => {
    if (entry.type === 'group')
      return {
        ...entry,
        entries: localizeSidebar(entry.entries, base, locale, locales, currentPath),
      };
    const href = localizedUrl(entry.href, base, locale, locales);
    return { ...entry, href, isCurrent: withSlash(href) === current };
  });
}

/**
 * The locale a page in `lang` writes numbers, money and dates in, for a company in
 * `companyLocale`: the page's language, with the company's region for what a region decides
 * (paper, the first day of the week) when the language names none: `en` for a company in
 * `de-DE` is `en-u-rg-dezzzz`, English words and numbers on German paper.
 */
export function pageFormatLocale(companyLocale: string, lang: string): string {
  const page = new Intl.Locale(lang);
  const region = new Intl.Locale(companyLocale).region;
  if (page.region || !region) return lang;
  return `${lang}-u-rg-${region.toLowerCase()}zzzz`;
}
