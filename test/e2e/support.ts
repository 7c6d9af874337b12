import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, type Catalog } from '../../src/data/load';

/** The sample data, read the same way the site reads it: tests compute expectations from it. */
export const catalog: Catalog = loadCatalog('data');

/** A writable copy of a data directory. */
export function copyData(from = 'data'): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-data-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Builds the site from `dataDir` into a fresh directory and returns that directory. */
export function buildSite(dataDir: string): string {
  const outDir = mkdtempSync(join(tmpdir(), 'charter-dist-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'charter-cache-'));
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, CHARTER_DATA: dataDir, CHARTER_OUT_DIR: outDir, CHARTER_CACHE_DIR: cacheDir },
    stdio: 'pipe',
  });
  return outDir;
}

/** Text of a table's body cells, row by row, as a person reads them. */
export const TABLE_ROWS = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
