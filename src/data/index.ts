import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from './load.ts';

export type { Catalog } from './load.ts';
export { DataError, formatIssue, type DataIssue } from './issues.ts';

/** Where the company's data lives: `CHARTER_DATA` or `data/`. */
export function dataDir(): string {
  return process.env.CHARTER_DATA || 'data';
}

/**
 * Where the knowledge-base articles live: a `kb/` folder beside the company's YAML when it
 * has one (articles are company content), else `content/kb`.
 */
export function kbDir(): string {
  const own = join(dataDir(), 'kb');
  return existsSync(own) ? own : 'content/kb';
}

const CACHE_KEY = Symbol.for('charter.catalog');
type CatalogCache = { dir: string; catalog: Catalog };

/**
 * The Catalog for this build, loaded once. Cached on globalThis because Astro may
 * evaluate this module more than once in one build.
 */
export function getCatalog(): Catalog {
  const store = globalThis as unknown as Record<symbol, CatalogCache | undefined>;
  const dir = dataDir();
  const cached = store[CACHE_KEY];
  if (cached && cached.dir === dir) return cached.catalog;
  const catalog = loadCatalog(dir);
  store[CACHE_KEY] = { dir, catalog };
  return catalog;
}
