import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The sample company's site, as a company has it: config, terms, content. */
export const SAMPLE = {
  root: 'examples/sample',
  terms: 'examples/sample/terms',
  kb: 'examples/sample/src/content/kb',
  docs: 'examples/sample/src/content/docs',
  dist: 'examples/sample/dist',
  engagement: 'examples/sample/engagement.yaml',
  /** The config of its internal site, the public one plus the playbook (relative to root). */
  internalConfig: 'astro.internal.config.mjs',
} as const;

/** The second company, WEE. */
export const WEE = {
  root: 'examples/wee',
  terms: 'examples/wee/terms',
  kb: 'examples/wee/src/content/kb',
  docs: 'examples/wee/src/content/docs',
  /** Its languages, as examples/wee/astro.config.mjs declares them: German, and English under /en/. */
  locales: {
    defaultLocale: 'root',
    locales: { root: { label: 'Deutsch', lang: 'de' }, en: { label: 'English', lang: 'en' } },
  },
} as const;

/**
 * Sites that tests make live here, inside the repository so they find its node_modules (and
 * the package through its workspace link) as a company's site finds its own.
 */
export const SITES_DIR = resolve('.sites');

/**
 * Where new sites and builds go: the folder of the current test run when one set it (the e2e
 * run removes its folder when it ends), else SITES_DIR.
 */
function sitesDir(): string {
  const dir = process.env.CHARTER_SITES_RUN ?? SITES_DIR;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A writable copy of a company's terms with its articles as kb/ beside them: tests change
 * the copy and build it with makeSite({ terms }).
 */
export function copyTerms(company: { terms: string; kb: string } = SAMPLE): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-terms-'));
  cpSync(company.terms, dir, { recursive: true });
  if (existsSync(company.kb)) cpSync(company.kb, join(dir, 'kb'), { recursive: true });
  return dir;
}

export interface SiteSpec {
  /** The terms folder (absolute or relative to the repository). */
  terms: string;
  /** The KB folder; `<terms>/kb` when it exists, else an empty one. */
  kb?: string;
  /** More of charter()'s options, such as `{ sections: { kb: false } }`. */
  options?: Record<string, unknown>;
  /** The site's own pages under src/content/docs, by path; a home page when not given. */
  docs?: Record<string, string>;
  /** Starlight's options besides `plugins` (title, sidebar…). */
  starlight?: Record<string, unknown>;
  /** Astro's options besides `integrations` (base, site…). */
  astro?: Record<string, unknown>;
}

const HOME = `---
title: Home
description: A site that uses Charter.
---

This site publishes its support terms with Charter.
`;

/**
 * A new site folder holding only what a company writes: astro.config.mjs with the plugin,
 * src/content.config.ts with Charter's collections, and its own pages. Returns the folder.
 */
export function makeSite(spec: SiteSpec): string {
  const dir = mkdtempSync(join(sitesDir(), 'site-'));
  const terms = resolve(spec.terms);
  const kb = resolve(
    spec.kb ?? (existsSync(join(terms, 'kb')) ? join(terms, 'kb') : join(dir, 'kb')),
  );
  mkdirSync(kb, { recursive: true });
  const options = { terms, kb, ...spec.options };
  const starlight = { title: 'Support', sidebar: [], ...spec.starlight };
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  ...${JSON.stringify(spec.astro ?? {})},
  integrations: [
    starlight({ ...${JSON.stringify(starlight)}, plugins: [charter(${JSON.stringify(options)})] }),
  ],
});
`,
  );
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  cpSync(join(SAMPLE.root, 'public'), join(dir, 'public'), { recursive: true });
  cpSync(join(SAMPLE.root, 'src/content.config.ts'), join(dir, 'src/content.config.ts'));
  for (const [path, text] of Object.entries(spec.docs ?? { 'index.mdx': HOME })) {
    const file = join(dir, 'src/content/docs', path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export interface BuildOptions {
  /** The output folder; a new folder beside the test's sites when not given. */
  outDir?: string;
  /** The Astro config file, relative to `root` (Astro's `--config`), when not astro.config.*. */
  config?: string;
  /** Environment variables besides this process's. */
  env?: Record<string, string>;
}

export interface BuildResult {
  /** The build's exit status: 0 when it built. */
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** The command that builds `root`, and the folder it builds into. */
function buildCommand(root: string, options: BuildOptions) {
  const outDir = resolve(options.outDir ?? mkdtempSync(join(sitesDir(), 'dist-')));
  const args = ['astro', 'build', '--root', root, '--outDir', outDir];
  if (options.config) args.push('--config', options.config);
  return { args, outDir, env: { ...process.env, ...options.env } };
}

/**
 * Runs `astro build` on the site in `root`, whatever its outcome: for tests of a build that
 * must fail, or of what its log says.
 */
export function runBuild(root: string, options: BuildOptions = {}): BuildResult {
  const { args, outDir, env } = buildCommand(root, options);
  const result = spawnSync('npx', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    outDir,
  };
}

/** runBuild without waiting: builds of different sites can run side by side. */
export function runBuildAsync(root: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { args, outDir, env } = buildCommand(root, options);
  return new Promise((done, fail) => {
    const child = spawn('npx', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', fail);
    child.once('close', (status) => done({ status, stdout, stderr, outDir }));
  });
}

/**
 * Builds the site in `root` and returns its output folder: `outDir` when given, else a new
 * folder beside the test's sites. Throws with the build's output when it fails.
 */
export function buildSite(root: string, options: BuildOptions = {}): string {
  const { status, stdout, stderr, outDir } = runBuild(root, options);
  if (status !== 0) throw new Error(`astro build --root ${root} failed:\n${stderr || stdout}`);
  return outDir;
}

/** buildSite without waiting. */
export async function buildSiteAsync(root: string, options: BuildOptions = {}): Promise<string> {
  const { status, stdout, stderr, outDir } = await runBuildAsync(root, options);
  if (status !== 0) throw new Error(`astro build --root ${root} failed:\n${stderr || stdout}`);
  return outDir;
}
