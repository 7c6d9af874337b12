import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kbDir } from '../../packages/starlight-charter/data/index';
import { loadCatalog, type Catalog } from '../../packages/starlight-charter/data/load';

/** The sample data, read the same way the site reads it: tests compute expectations from it. */
export const catalog: Catalog = loadCatalog('data');

/**
 * A writable copy of a company's folder. The sample's articles live in content/kb rather than
 * beside its data, so its copy takes them along as kb/, as any other company's folder has them.
 */
export function copyData(from = 'data'): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-data-'));
  cpSync(from, dir, { recursive: true });
  if (from === 'data') cpSync(kbDir(), join(dir, 'kb'), { recursive: true });
  return dir;
}

/**
 * Builds the site from `dataDir` into a fresh directory and returns that directory. The
 * directory is inside the project: Astro keeps a build's server chunks beside an output folder
 * there, but in one shared ./.astro/ for a folder elsewhere, where builds side by side (two test
 * workers) would delete each other's.
 */
export const BUILDS_DIR = join(process.cwd(), 'node_modules', '.cache', 'charter-builds');

export function buildSite(dataDir: string): string {
  // One folder per test run (global-setup.ts), removed when the run ends.
  const builds = process.env.CHARTER_BUILDS_RUN ?? BUILDS_DIR;
  mkdirSync(builds, { recursive: true });
  const outDir = mkdtempSync(join(builds, 'dist-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'charter-cache-'));
  execFileSync('npx', ['astro', 'build'], {
    env: { ...process.env, CHARTER_DATA: dataDir, CHARTER_OUT_DIR: outDir, CHARTER_CACHE_DIR: cacheDir },
    stdio: 'pipe',
  });
  return outDir;
}

/** The second company, examples/wee. */
export const WEE_DIR = 'examples/wee';

/**
 * The WEE site, built once per run by global-setup.ts and shared by every spec that reads it
 * (one build per company).
 */
export function weeSite(): string {
  const out = process.env.CHARTER_WEE_OUT;
  if (!out) throw new Error('CHARTER_WEE_OUT is not set: test/e2e/global-setup.ts builds the WEE site');
  return out;
}

/** Text of a table's body cells, row by row, as a person reads them. */
export const TABLE_ROWS = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
