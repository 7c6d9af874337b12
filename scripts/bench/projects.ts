import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { writeCharterArticles, writeStarlightPages } from './synthetic-kb';

/**
 * Throwaway projects live in .bench/ inside this one, so Node finds this project's
 * node_modules by its usual upward search (a symlinked node_modules confuses Vite's paths).
 */
function benchDir(prefix: string): string {
  mkdirSync(resolve('.bench'), { recursive: true });
  return mkdtempSync(join(resolve('.bench'), prefix));
}

/**
 * A copy of a throwaway project that has never been built, for one round of builds: its cold
 * build starts as one in a fresh clone does, with no output or caches to delete first. (Deleting
 * thousands of files just before a build slows the files it creates on some file systems, ext4
 * without a journal among them, and would weigh on whichever site writes more files.)
 */
export function freshCopy(dir: string): string {
  const copy = benchDir(`${basename(dir).replace(/-[^-]*$/, '')}-round-`);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** The sample company's site, which the bench builds at scale. */
const SAMPLE_SITE = 'examples/sample';

/** A throwaway copy of the sample's site (its tracked and new files), using this project's node_modules. */
export function copySampleSite(): string {
  const root = resolve('.');
  const dir = benchDir('charter-');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', SAMPLE_SITE], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    // Tracked files deleted in the working tree are still listed.
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    const to = join(dir, relative(SAMPLE_SITE, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(root, file), to);
  }
  return dir;
}

/** A copy of the sample's site, built through the plugin, with `count` generated KB articles beside its own. */
export function charterAtScale(count: number): string {
  const dir = copySampleSite();
  const catalog = loadCatalog(join(dir, 'terms'));
  writeCharterArticles(
    join(dir, 'src/content/kb'),
    count,
    catalog.kb.categories.map((c) => c.id),
    catalog.tiers.tiers.map((t) => t.id),
  );
  return dir;
}

/**
 * A bare Starlight site with the same generated pages, kept out of the sidebar as Charter keeps
 * its articles out, so both sites do the same work per page.
 */
export function bareStarlight(count: number): string {
  const dir = benchDir('starlight-');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'bare-starlight',
      type: 'module',
      private: true,
      // Listed so Vite bundles them as it does for Charter; they resolve from Charter's node_modules.
      dependencies: { astro: '*', '@astrojs/starlight': '*' },
    }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://example.com',
  cacheDir: './.astro-cache',
  integrations: [starlight({ title: 'Bare', sidebar: [{ label: 'Home', link: '/' }] })],
});
`,
  );
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    join(dir, 'src/content/docs/index.md'),
    '---\ntitle: Home\n---\n\nBare Starlight.\n',
  );
  writeStarlightPages(join(dir, 'src/content/docs'), count);
  return dir;
}
