import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PrintedDocument } from '../lib/terms.ts';

/**
 * Charter's pages made to be printed as documents, with a running header and footer: each is
 * identified by its name (the page wraps its content in <PrintedDocument id="NAME">), and its
 * header names it by the page's title.
 */
export const PRINTED_PAGES = ['commercial/sla-exhibit', 'commercial/pricing-sheet'] as const;

/** The printed documents with their titles, read from the pages' frontmatter. */
export function printedDocuments(): PrintedDocument[] {
  return PRINTED_PAGES.map((slug) => {
    const text = readFileSync(new URL(`./${slug}.mdx`, import.meta.url), 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as { title: string };
    return { id: slug.split('/')[1]!, title: front.title };
  });
}
