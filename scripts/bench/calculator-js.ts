/**
 * JavaScript each calculator page loads beyond Starlight's own, gzipped. Reads a built dist/:
 * the page's <script> tags (external module files, their static imports, inline modules) minus
 * whatever a plain Starlight page of the same build loads. Target: under 10 KB gzip per page.
 *
 *   npx tsx scripts/bench/calculator-js.ts [dist]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 10 * 1024;

export interface CalculatorJsRow {
  page: string;
  /** Script files and inline scripts counted. */
  scripts: number;
  bytes: number;
  gzipBytes: number;
  withinBudget: boolean;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const IMPORT =
  /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Every piece of JavaScript a page loads: `file:/_astro/x.js` (with static imports) or `inline:<code>`. */
function pageScripts(dist: string, html: string): Map<string, string> {
  const found = new Map<string, string>();
  const addFile = (path: string) => {
    if (found.has(`file:${path}`)) return;
    const file = join(dist, path);
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    found.set(`file:${path}`, code);
    // Static imports load with the module; dynamic ones (import()) only on use, so skip them.
    for (const m of code.matchAll(IMPORT)) if (m[1]) addFile(posix.join(posix.dirname(path), m[1]));
  };
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    const type = /\btype="([^"]+)"/.exec(attrs!)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON data, not code
    const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1];
    if (src) addFile(src.split('?')[0]!);
    else if (body!.trim()) {
      found.set(`inline:${body}`, body!);
      for (const m of body!.matchAll(IMPORT)) if (m[1]) addFile(m[1]);
    }
  }
  return found;
}

/** HTML pages of the build outside `skip`, up to `limit` of them. */
function otherPages(dir: string, skip: string, limit: number, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= limit) break;
    const path = join(dir, entry.name);
    if (
      entry.isDirectory() &&
      path !== skip &&
      !entry.name.startsWith('_') &&
      entry.name !== 'pagefind'
    ) {
      otherPages(path, skip, limit, out);
    } else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * Measures each page under `dist/calculators/`. Starlight's own scripts are whatever the other
 * pages of the same build load (home, docs pages with a table of contents, 404 …).
 */
export async function benchCalculatorJs(dist = 'dist'): Promise<CalculatorJsRow[]> {
  const root = join(dist, 'calculators');
  if (!existsSync(root)) throw new Error(`no calculators in ${dist}: run "npx astro build" first`);
  const baseline = new Map<string, string>();
  for (const page of otherPages(dist, root, 200)) {
    for (const [key, code] of pageScripts(dist, readFileSync(page, 'utf8')))
      baseline.set(key, code);
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'index.html')))
    .map((d) => {
      const scripts = [
        ...pageScripts(dist, readFileSync(join(root, d.name, 'index.html'), 'utf8')),
      ].filter(([key]) => !baseline.has(key));
      // Each file travels compressed on its own, so sizes are summed per file.
      const gzipBytes = scripts.reduce((sum, [, c]) => sum + gzipSync(c, { level: 9 }).length, 0);
      return {
        page: `/calculators/${d.name}/`,
        scripts: scripts.length,
        bytes: scripts.reduce((sum, [, c]) => sum + Buffer.byteLength(c), 0),
        gzipBytes,
        withinBudget: gzipBytes < BUDGET_BYTES,
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

/** The rows as an aligned text table. */
export function formatCalculatorJs(rows: CalculatorJsRow[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [['page', 'scripts', 'raw', 'gzip', `< ${kb(BUDGET_BYTES)}`]];
  for (const r of rows)
    lines.push([
      r.page,
      String(r.scripts),
      kb(r.bytes),
      kb(r.gzipBytes),
      r.withinBudget ? 'yes' : 'NO',
    ]);
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) =>
      l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCalculatorJs(process.argv[2] ?? 'dist');
  console.log(formatCalculatorJs(rows));
  process.exitCode = rows.every((r) => r.withinBudget) ? 0 : 1;
}
