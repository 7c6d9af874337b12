import { execFileSync } from 'node:child_process';
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
} as const;

/** The second company, WEE. */
export const WEE = {
  root: 'examples/wee',
  terms: 'examples/wee/terms',
  kb: 'examples/wee/src/content/kb',
  docs: 'examples/wee/src/content/docs',
} as const;

/**
 * Sites that tests make live here, inside the repository so they find its node_modules (and
 * the package through its workspace link) as a company's site finds its own.
 */
export const SITES_DIR = resolve('.sites');

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
  mkdirSync(SITES_DIR, { recursive: true });
  const dir = mkdtempSync(join(SITES_DIR, 'site-'));
  const terms = resolve(spec.terms);
  const kb = resolve(spec.kb ?? (existsSync(join(terms, 'kb')) ? join(terms, 'kb') : join(dir, 'kb')));
  mkdirSync(kb, { recursive: true });
  const options = { terms, kb, ...spec.options };
  const starlight = { title: 'Support', sidebar: [], ...spec.starlight };
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
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

/**
 * Builds the site in `root` and returns its output folder: `outDir` when given, else a new
 * folder beside the site's. Throws with the build's output when it fails.
 */
export function buildSite(root: string, options: { outDir?: string; env?: Record<string, string> } = {}): string {
  const outDir = resolve(options.outDir ?? mkdtempSync(join(SITES_DIR, 'dist-')));
  mkdirSync(SITES_DIR, { recursive: true });
  try {
    execFileSync('npx', ['astro', 'build', '--root', root, '--outDir', outDir], {
      env: { ...process.env, ...options.env },
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build --root ${root} failed:\n${stderr || stdout || String(error)}`);
  }
  return outDir;
}
