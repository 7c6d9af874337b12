import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PrintedDocument } from '../lib/terms.ts';

/**
 * Charter's pages made to be printed as documents, with a running header and footer: each is
 * identified by its name (the page wraps its content in <PrintedDocument id="NAME">), and its
 * header names it by the page's title.
 */
export const PRINTED_PAGES = ['commercial/sla-exhibit', 'commercial/pricing-sheet'] as const;

/**
 * The printed documents with their titles, read from the frontmatter of the pages in the site's
 * language (`sla-exhibit.de.mdx`), or of the English ones where a page has no such version.
 */
export function printedDocuments(language = 'en'): PrintedDocument[] {
  return PRINTED_PAGES.map((slug) => {
    const translated = new URL(`./${slug}.${language}.mdx`, import.meta.url);
    const file = existsSync(translated) ? translated : new URL(`./${slug}.mdx`, import.meta.url);
    const text = readFileSync(file, 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { title: string };
    return { id: slug.split('/')[1]!, title: front.title };
  });
}
