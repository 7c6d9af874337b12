import { existsSync, readdirSync } from 'node:fs';
import { contentFiles, contentProblems } from '../../integrations/content-guard';
import { kbProblems } from '../../integrations/kb-check';
import { DataError } from '../../data/issues';
import { loadCatalog, type Catalog } from '../../data/load';
import { isKnownLocale } from '../../schemas/company';
import type { DataFileName } from '../../schemas/index';
import type { Check } from './check';

/** The knowledge base to check against the terms, as the build checks it. */
export interface KbToCheck {
  /** The KB folder. */
  dir: string;
  /** The terms folder its ids come from. */
  terms: string;
  /** Terms files the site may leave out (see data-check.ts). */
  optional?: readonly DataFileName[];
}

/**
 * Content that would run code (lib/content-guard.ts), checked without a build: the site's own
 * pages and its knowledge-base articles, the same files and the same lines the build stops on.
 * With `kb`, also the articles' frontmatter, folders and figures (lib/kb-check.ts), as the
 * build checks them before it renders.
 */
export function contentCheck(folders: readonly string[], kb?: KbToCheck): Check {
  return {
    name: 'content',
    run() {
      return [...contentProblems(contentFiles([...new Set(folders)])), ...kbLines(kb)].map(
        (text) => ({ level: 'error' as const, text }),
      );
    },
  };
}

function kbLines(kb: KbToCheck | undefined): string[] {
  if (!kb) return [];
  let catalog;
  try {
    catalog = loadCatalog(kb.terms, { optional: kb.optional ?? [] });
  } catch (error) {
    // The data check reports the terms' own problems; the articles are checked once they load.
    if (error instanceof DataError) return [];
    throw error;
  }
  return kbProblems(kb.dir, catalog, languageFolders(kb.dir, catalog));
}

/**
 * The folders of other languages' articles (`en/`), which the build knows from Starlight's
 * locales and a check without a build does not: top folders of the KB named by a language tag
 * rather than a category.
 */
function languageFolders(dir: string, catalog: Catalog): string[] {
  if (!existsSync(dir)) return [];
  const categories = new Set(catalog.kb.categories.map((c) => c.id));
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !categories.has(e.name) && isKnownLocale(e.name))
    .map((e) => e.name);
}
