/** The KB collection for the /kb/ routes, checked as a whole: links resolve, folders match. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { charterConfig, charterHref, getCatalog, kbDir } from '../../data/site';
import { articlesInLocale, assertRelatedExist } from '../../lib/kb';
import { pageKey } from '../../lib/page-key';
import type { SiteLocale } from '../../lib/site-locales';

/**
 * An article as a locale shows it: its `id` is its path in the locale, without the locale's
 * folder; `fallback` marks the default language's article shown where the locale has none.
 */
export type KbArticle = CollectionEntry<'kb'> & { fallback: boolean };

/**
 * Every KB article a locale shows (the default's when none is given), sorted by title; throws
 * when a related slug or a folder is wrong.
 */
export async function getArticles(
  locale: SiteLocale = charterConfig.locales[0]!,
): Promise<KbArticle[]> {
  const all = new Map<string, CollectionEntry<'kb'>>(
    (await getCollection('kb')).map((a) => [a.id, a]),
  );
  const articles = articlesInLocale([...all.keys()], locale, charterConfig.locales).map(
    ({ id, slug, fallback }) => ({ ...all.get(id)!, id: slug, fallback }),
  );
  const dir = kbDir();
  for (const a of articles) {
    const folder = a.id.split('/')[0];
    if (folder !== a.data.category || !a.id.includes('/')) {
      throw new Error(
        `Charter: ${a.filePath ?? `${dir}/${a.id}`} has category "${a.data.category}" but lives in ` +
          `${dir}/${a.id.includes('/') ? folder : ''}; move it to ${dir}/${a.data.category}/.`,
      );
    }
  }
  assertRelatedExist(
    articles.map((a) => ({ slug: a.id, related: a.data.related, file: a.filePath })),
    dir,
  );
  return articles.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

/** The page address of an article. */
export const articleHref = (id: string) => charterHref(`/kb/${id}/`);

/**
 * Each article page's cache key, by article id. A build copies an article page from the last
 * build while its key and the code it imports are unchanged (Astro's incremental builds track
 * the code), so the key covers everything else the page shows: the article's file, the titles
 * of its related articles, the catalog (categories, each tier's channels, the figures in the
 * text) and the docs pages Starlight draws the sidebar from.
 */
export async function articleCacheKeys(
  articles: KbArticle[],
  locale: SiteLocale = charterConfig.locales[0]!,
): Promise<Map<string, string>> {
  const docs = await getCollection('docs');
  const site = pageKey(
    locale,
    getCatalog(locale.lang),
    docs.map((d) => [d.id, d.data]),
  );
  const titles = new Map(articles.map((a) => [a.id, a.data.title]));
  return new Map(
    articles.map((a) => [
      a.id,
      pageKey(
        site,
        a.id,
        a.digest ?? [a.data, a.body],
        a.data.related.map((slug) => titles.get(slug)),
      ),
    ]),
  );
}
