/**
 * Knowledge-base structure: links between articles, counts per category and contact channels
 * per tier. Pure functions over plain data, used by the KB routes and tests.
 */

import { english, type Translate } from './i18n.ts';
import type { SiteLocale } from './site-locales.ts';

/** The article types a KB entry can be; the search page offers them as a filter. */
export const KB_TYPES = ['article', 'runbook', 'template', 'decision-tree'] as const;
export type KbType = (typeof KB_TYPES)[number];

/** How each type reads on a page and in the search filter, in the page's language. */
export function kbTypeLabel(type: KbType, t: Translate = english): string {
  switch (type) {
    case 'article':
      return t('charter.kb.typeArticle');
    case 'runbook':
      return t('charter.kb.typeRunbook');
    case 'template':
      return t('charter.kb.typeTemplate');
    case 'decision-tree':
      return t('charter.kb.typeDecisionTree');
  }
}

/** What the checks need from an article: its slug (`api/rate-limit-429`) and its links. */
export interface KbLinks {
  slug: string;
  related?: readonly string[];
  /** Its source file (`src/content/kb/api/rate-limit-429.md`), named in error messages. */
  file?: string;
}

export interface DanglingLink {
  article: string;
  slug: string;
}

/** Every `related` slug that names no article, in article order. */
export function findDanglingRelated(articles: readonly KbLinks[]): DanglingLink[] {
  const known = new Set(articles.map((a) => a.slug));
  return articles.flatMap((a) =>
    (a.related ?? []).filter((slug) => !known.has(slug)).map((slug) => ({ article: a.slug, slug })),
  );
}

/** Throws one sentence per dangling `related` slug, naming the article file and the slug. */
export function assertRelatedExist(articles: readonly KbLinks[], dir = 'src/content/kb'): void {
  const dangling = findDanglingRelated(articles);
  if (dangling.length === 0) return;
  const files = new Map(articles.map((a) => [a.slug, a.file ?? `${dir}/${a.slug}`]));
  const lines = dangling.map(
    (d) => `${files.get(d.article)} lists related article "${d.slug}", which does not exist.`,
  );
  throw new Error(`Charter: ${lines.join('\n')}`);
}

/** An article as a locale shows it. */
export interface ArticleInLocale {
  /** Its id in the collection: its path under the KB folder (`en/api/rate-limit-429`). */
  id: string;
  /** Its path in the locale, without the locale's folder (`api/rate-limit-429`). */
  slug: string;
  /** Whether it is the default language's article, shown where the locale has no version. */
  fallback: boolean;
}

/**
 * The articles a locale shows, from every article id: on a site in several languages, each
 * language's articles live in a folder named by its locale's path (`en/api/…`), the root
 * locale's at the top; a language without its own version of an article shows the default
 * language's, as Starlight does for pages.
 */
export function articlesInLocale(
  ids: readonly string[],
  locale: SiteLocale,
  locales: readonly SiteLocale[],
): ArticleInLocale[] {
  const folders = new Set(locales.filter((l) => l.path).map((l) => l.path));
  const placed = ids.map((id) => {
    const [first = '', ...rest] = id.split('/');
    return folders.has(first) && rest.length > 0
      ? { id, path: first, slug: rest.join('/') }
      : { id, path: '', slug: id };
  });
  const own = placed
    .filter((a) => a.path === locale.path)
    .map(({ id, slug }) => ({ id, slug, fallback: false }));
  const defaultPath = locales[0]?.path ?? '';
  if (locale.path === defaultPath) return own;
  const translated = new Set(own.map((a) => a.slug));
  const fallbacks = placed
    .filter((a) => a.path === defaultPath && !translated.has(a.slug))
    .map(({ id, slug }) => ({ id, slug, fallback: true }));
  return [...own, ...fallbacks];
}

/** The number of articles in each category id, zero for an empty category. */
export function countByCategory(
  categoryIds: readonly string[],
  articles: readonly { category: string }[],
): Record<string, number> {
  const counts = Object.fromEntries(categoryIds.map((id) => [id, 0]));
  for (const a of articles) if (a.category in counts) counts[a.category]! += 1;
  return counts;
}

/** A contact channel as channels.yaml describes it. */
export interface Channel {
  id: string;
  name: string;
  kind: string;
  address: string;
  tiers: string[];
}

/** The channels open to a tier, in the data's order. */
export function channelsForTier<C extends Channel>(channels: readonly C[], tierId: string): C[] {
  return channels.filter((c) => c.tiers.includes(tierId));
}

/** A link target for a channel address: URLs as they are, e-mail addresses as mailto:. */
export function channelHref(address: string): string | null {
  if (/^https?:\/\//.test(address)) return address;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return `mailto:${address}`;
  return null;
}

const updatedFormats = new Map<string, Intl.DateTimeFormat>();

/** "14 October 2026" for a frontmatter date, read as a calendar day (no time-zone shift). */
export function formatUpdated(date: Date, locale = 'en-GB'): string {
  // Building a formatter is costly and this runs once per article page: keep one per locale.
  let format = updatedFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    updatedFormats.set(locale, format);
  }
  return format.format(date);
}
