import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro keeps rendered content between builds and skips a file whose contents it has seen,
 * keeping the path it had then. A page renamed without edits (say `sla.mdx` to `sla.md`)
 * therefore leaves the cache pointing at a file that is gone, and the next build fails with
 * "failed to resolve import astro:content-layer-deferred-module…". Charter notices such a
 * cache before content is synced and clears it; the build then reads every page again.
 */

/** Source files that Astro's `content-modules.mjs` imports but that no longer exist. */
export function missingModuleFiles(modules: string, root: string): string[] {
  const files = [...modules.matchAll(/^\["([^"]+)", \(\) => import\(/gm)].map((m) => m[1]!);
  return files.filter((file) => !existsSync(`${root}/${file}`));
}

export function contentCacheCheck(): AstroIntegration {
  return {
    name: 'charter:content-cache',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root).replace(/\/$/, '');
        const dotAstro = `${root}/.astro`;
        const modulesFile = `${dotAstro}/content-modules.mjs`;
        if (!existsSync(modulesFile)) return;
        const missing = missingModuleFiles(readFileSync(modulesFile, 'utf8'), root);
        if (missing.length === 0) return;
        for (const file of [
          modulesFile,
          `${dotAstro}/data-store.json`,
          fileURLToPath(new URL('data-store.json', config.cacheDir)),
        ])
          rmSync(file, { force: true });
        logger.info(
          `content cache cleared: it named ${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}, which no longer exist${missing.length > 1 ? '' : 's'}`,
        );
      },
    },
  };
}
