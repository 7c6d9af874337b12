import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Keeps compiled MDX between builds. Astro caches rendered Markdown in its content store, but
 * compiles every MDX page again on every build; for a site whose pages place components that is
 * most of the bundling time. The MDX plugin's output for a file depends only on the file, the
 * packages that compile it and the site's configuration, so it is cached under a key of all
 * three. Entries no build used are removed when the build finishes.
 */

/** The MDX plugin of @astrojs/mdx, whose transform is cached. */
export const MDX_PLUGIN = '@mdx-js/rolldown';
/** Packages whose versions decide how MDX compiles. */
const COMPILERS = [
  'astro',
  '@astrojs/mdx',
  '@astrojs/starlight',
  '@astrojs/markdown-satteri',
  'satteri',
  '@astrojs/prism',
  'shiki',
];
/** The site's configuration files. */
const CONFIG_FILES = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts'];
/**
 * Charter's Markdown plugins, which compiled MDX depends on, and what they import: MDX compiled
 * under an older content guard is compiled (and checked) again, and links under an older
 * site-links plugin are written again.
 */
const PLUGIN_FILES = [
  './code-blocks.ts',
  './content-guard.ts',
  '../lib/content-guard.ts',
  './site-links.ts',
  './table-regions.ts',
  '../lib/table-regions.ts',
  '../lib/route-prefix.ts',
  '../lib/base-path.ts',
].map((file) => fileURLToPath(new URL(file, import.meta.url)));
/** Bump when the cached entries' shape changes. */
const FORMAT = 1;

type TransformResult = { code: string; map?: unknown; meta?: unknown } | null | undefined | string;
type TransformHandler = (this: unknown, code: string, id: string) => Promise<TransformResult>;
type Hook = TransformHandler | { handler: TransformHandler };
export type VitePlugin = { name: string; transform?: Hook };

/**
 * The compilers' versions, the site's configuration files and the base path (which links are
 * compiled under, and which company.yaml may set), as one digest.
 */
export function compilerKey(root: string, base = '/'): string {
  const hash = createHash('sha256').update(String(FORMAT)).update(`\0base\0${base}`);
  const require = createRequire(join(root, 'package.json'));
  for (const name of COMPILERS) {
    let version = 'absent';
    try {
      version = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {}
    hash.update(`\0${name}@${version}`);
  }
  for (const file of CONFIG_FILES) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  for (const path of PLUGIN_FILES) hash.update(`\0${basename(path)}\0`).update(readFileSync(path));
  return hash.digest('hex');
}

/** A disk cache of one transform: entries by key, and the keys this build touched. */
export class TransformCache {
  readonly used = new Set<string>();
  private readonly dir: string;
  private readonly key: string;

  constructor(dir: string, key: string) {
    this.dir = dir;
    this.key = key;
  }

  private file(id: string, code: string): string {
    const name = createHash('sha256')
      .update(this.key)
      .update('\0')
      .update(id)
      .update('\0')
      .update(code)
      .digest('hex');
    this.used.add(`${name}.json`);
    return join(this.dir, `${name}.json`);
  }

  /** The transform wrapped: a cached result when there is one, else the transform's, stored. */
  wrap(transform: TransformHandler): TransformHandler {
    const cache = this;
    return async function (this: unknown, code: string, id: string) {
      const file = cache.file(id, code);
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as TransformResult;
      } catch {}
      const result = await transform.call(this, code, id);
      if (result && typeof result === 'object') {
        mkdirSync(cache.dir, { recursive: true });
        // Written whole, then renamed: an interrupted build never leaves half an entry.
        writeFileSync(`${file}.tmp`, JSON.stringify(result));
        renameSync(`${file}.tmp`, file);
      }
      return result;
    };
  }

  /** Removes entries this build did not use (pages deleted or edited since). */
  prune(): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      if (this.used.has(name)) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }
}

const WRAPPED = Symbol('charter.mdx-cache');

/**
 * Wraps the MDX plugin's transform in `plugins` with `cache`, once however often Vite resolves
 * its configuration; false if there is no such transform.
 */
export function cacheMdxTransform(plugins: readonly VitePlugin[], cache: TransformCache): boolean {
  const plugin = plugins.find((p) => p.name === MDX_PLUGIN);
  const hook = plugin?.transform;
  if (!plugin || !hook) return false;
  const handler = typeof hook === 'function' ? hook : hook.handler;
  if (WRAPPED in handler) return true;
  const wrapped = Object.assign(cache.wrap(handler), { [WRAPPED]: true });
  if (typeof hook === 'function') plugin.transform = wrapped;
  else hook.handler = wrapped;
  return true;
}

/** `base`: the path the site is served under (lib/base-path.ts). */
export function mdxCompileCache(base = '/'): AstroIntegration {
  let cache: TransformCache | undefined;
  return {
    name: 'charter:mdx-cache',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        cache = new TransformCache(
          join(fileURLToPath(config.cacheDir), 'charter-mdx'),
          compilerKey(root, base),
        );
        const active = cache;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'charter:mdx-cache',
                apply: 'build',
                configResolved(resolved) {
                  if (!cacheMdxTransform(resolved.plugins as readonly VitePlugin[], active))
                    logger.warn(`no ${MDX_PLUGIN} plugin to cache: every MDX page is compiled`);
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        const removed = cache?.prune() ?? 0;
        if (removed) logger.info(`removed ${removed} compiled MDX page(s) no longer in the site`);
      },
    },
  };
}
