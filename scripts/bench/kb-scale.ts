/**
 * Knowledge-base scale benchmark: copies the project to a temp directory, adds synthetic KB
 * articles beside the real ones (never in the repository), builds, and measures the build,
 * the Pagefind index and a first search in Chromium. Run alone: `npx tsx scripts/bench/kb-scale.ts`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { loadCatalog } from '../../src/data/load';

export interface KbScaleResult {
  /** Synthetic articles added to the real ones. */
  articles: number;
  buildSeconds: number;
  /** Bytes on disk of dist/pagefind. */
  indexBytes: number;
  /** Bytes the browser fetched from the moment a query is typed until results show. */
  firstQueryBytes: number;
  /** Milliseconds from typing a query to the first result on screen. */
  firstResultsMs: number;
}

const WORDS = (
  'ingest query dataset index latency webhook token workspace retention export schema region ' +
  'pipeline connector batch stream quota seat invoice audit alert dashboard cluster replica ' +
  'snapshot migration version client timeout retry cursor filter vector embedding shard cache ' +
  'policy role member project report metric threshold backlog partition payload header'
).split(' ');

/** A small deterministic generator so every run builds the same articles. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(next: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Writes `count` synthetic articles (about 450 words each) into `<root>/content/kb`. */
export function writeSyntheticArticles(root: string, count: number): void {
  const catalog = loadCatalog(join(root, 'data'));
  const categories = catalog.kb.categories.map((c) => c.id);
  const tiers = catalog.tiers.tiers.map((t) => t.id);
  const types = ['article', 'runbook', 'template', 'decision-tree'];
  const next = random(42);
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    const dir = join(root, 'content/kb', category);
    mkdirSync(dir, { recursive: true });
    const topic = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`;
    const body = Array.from({ length: 6 }, (_, k) => `## Part ${k + 1}\n\n${Array.from({ length: 6 }, () => sentence(next, 12)).join(' ')}`);
    writeFileSync(
      join(dir, `bench-${String(i).padStart(4, '0')}.mdx`),
      [
        '---',
        `title: "Synthetic ${topic} ${i}"`,
        `description: "Synthetic article ${i} about ${topic}."`,
        `summary: "${sentence(next, 16)}"`,
        `category: ${category}`,
        `tiers: [${tiers.slice(i % tiers.length).join(', ')}]`,
        `tags: [${topic}]`,
        'updated: 2026-01-01',
        `type: ${types[i % types.length]}`,
        '---',
        '',
        body.join('\n\n'),
        '',
      ].join('\n'),
    );
  }
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Starts scripts/serve.mjs on a free port and resolves with its URL and a stop function. */
function serve(root: string, dist: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolveServe, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', '0', '--dir', dist], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /http:\/\/[\d.]+:\d+\//.exec(chunk.toString());
      if (match) resolveServe({ url: match[0], stop: () => child.kill() });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Measures a first search in the site search dialog on a fresh page. */
async function firstSearch(url: string, query: string): Promise<{ bytes: number; ms: number }> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}kb/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const start = performance.now();
    await dialog.getByRole('textbox').fill(query);
    await dialog.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    const ms = performance.now() - start;
    await page.waitForLoadState('networkidle');
    return { bytes, ms };
  } finally {
    await browser.close();
  }
}

/** Builds a copy of the project with `count` extra articles and measures it. */
export async function benchKbScale(options: { count?: number; projectRoot?: string } = {}): Promise<KbScaleResult> {
  const count = options.count ?? 1000;
  const project = resolve(options.projectRoot ?? '.');
  const root = mkdtempSync(join(tmpdir(), 'charter-kb-scale-'));
  try {
    const skip = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);
    for (const entry of readdirSync(project)) {
      if (!skip.has(entry)) cpSync(join(project, entry), join(root, entry), { recursive: true });
    }
    // Hard links, not a symlink: Vite resolves a symlinked node_modules back to the project and
    // then mixes the two roots.
    execFileSync('cp', ['-al', join(project, 'node_modules'), join(root, 'node_modules')]);
    writeSyntheticArticles(root, count);

    const dist = join(root, 'dist');
    const started = performance.now();
    try {
      execFileSync('npx', ['astro', 'build'], {
        cwd: root,
        // The build log of 1,000 pages overflows the default buffer; keep only errors.
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, CHARTER_OUT_DIR: dist, CHARTER_CACHE_DIR: join(root, '.astro-cache'), CHARTER_DATA: '' },
      });
    } catch (error) {
      const output = (error as { stderr?: Buffer; stdout?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`The scaled build failed:\n${output.split('\n').slice(-30).join('\n')}`);
    }
    const buildSeconds = (performance.now() - started) / 1000;
    const indexBytes = directoryBytes(join(dist, 'pagefind'));

    const server = await serve(root, dist);
    try {
      const { bytes, ms } = await firstSearch(server.url, 'how do I fix 429 too many requests');
      return { articles: count, buildSeconds, indexBytes, firstQueryBytes: bytes, firstResultsMs: ms };
    } finally {
      server.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const count = Number(process.env.KB_SCALE_COUNT || 1000);
  const result = await benchKbScale({ count });
  console.log(`KB scale (${result.articles} synthetic articles + the real ones)`);
  console.log(`  build time            ${result.buildSeconds.toFixed(1)} s`);
  console.log(`  Pagefind index        ${(result.indexBytes / 1024).toFixed(0)} KB`);
  console.log(`  first query download  ${(result.firstQueryBytes / 1024).toFixed(1)} KB (target < 150 KB)`);
  console.log(`  time to first results ${result.firstResultsMs.toFixed(0)} ms (target < 300 ms)`);
}
