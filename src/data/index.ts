import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCatalog, type Catalog } from './load.ts';

export type { Catalog } from './load.ts';
export { DataError, formatIssue, type DataIssue } from './issues.ts';

/** Where the company's data lives: `CHARTER_DATA` or `data/`. */
export function dataDir(): string {
  return process.env.CHARTER_DATA || 'data';
}

/**
 * Where the knowledge-base articles live: the `kb/` folder beside the company's YAML, because
 * articles are company content and selected with it. The sample company in `data/` keeps its
 * articles in `content/kb`. Any other company without a `kb/` folder has no articles, rather
 * than the sample's. `dir` is the company's folder (this build's by default).
 */
export function kbDir(dir = dataDir()): string {
  const own = join(dir, 'kb');
  if (existsSync(own)) return own;
  return resolve(dir) === resolve('data') ? 'content/kb' : own;
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
