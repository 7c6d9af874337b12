/** The KB collection for the /kb/ routes, checked as a whole: links resolve, folders match. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { kbDir } from '~/data/index';
import { assertRelatedExist } from '~/lib/kb';

export type KbArticle = CollectionEntry<'kb'>;

/** Every KB article, sorted by title; throws when a related slug or a folder is wrong. */
export async function getArticles(): Promise<KbArticle[]> {
  const articles = await getCollection('kb');
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
export const articleHref = (id: string) => `/kb/${id}/`;
