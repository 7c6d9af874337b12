import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the site's Pagefind index, as Starlight's own step would (turned off in
 * astro.config.mjs), with one difference: Pagefind reads each page from its <main> element
 * only. Starlight marks <main> as a page's searchable body, so the index is the same; Pagefind
 * just no longer parses the header, sidebar and table of contents of every page, about a
 * fifth of its work with a thousand KB articles. Run by integrations/post-build.ts.
 */

/** The element Pagefind treats as each page's document. */
export const SEARCH_ROOT = 'main';

function check(errors: string[]): void {
  if (errors.length > 0)
    throw new Error(`Charter: Pagefind could not build the search index: ${errors.join('; ')}`);
}

/** An index being built: Pagefind reads and indexes the pages in its own process. */
export type IndexInProgress = {
  /** How many HTML files it read (pages without a searchable body are left out of the index). */
  finished: Promise<number>;
};

/**
 * Starts indexing the HTML pages under `siteDir` into `siteDir/pagefind/`. Resolves as soon as
 * Pagefind has been asked to read them, so the build can go on with other work meanwhile.
 */
export async function startSearchIndex(siteDir: string): Promise<IndexInProgress> {
  let index;
  try {
    const created = await pagefind.createIndex({ rootSelector: SEARCH_ROOT });
    check(created.errors);
    index = created.index!;
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  const reading = index.addDirectory({ path: siteDir });
  const finished = (async () => {
    try {
      const added = await reading;
      check(added.errors);
      check((await index.writeFiles({ outputPath: join(siteDir, 'pagefind') })).errors);
      return added.page_count;
    } finally {
      await pagefind.close();
    }
  })();
  return { finished };
}
