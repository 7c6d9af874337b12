import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import {
  contentCacheCheck,
  missingModuleFiles,
} from '../../../packages/starlight-charter/integrations/content-cache';

// What Astro writes to .astro/content-modules.mjs: one line per MDX page it has cached.
const modulesFile = (files: string[]) =>
  `\nexport default new Map([\n${files
    .map(
      (f) =>
        `["${f}", () => import("astro:content-layer-deferred-module?astro%3Acontent-layer-deferred-module=&fileName=${encodeURIComponent(f)}&astroContentModuleFlag=true")]`,
    )
    .join(',\n')}]);\n`;

/** A site with src/content/kb/kept.mdx, an Astro cache naming `cached`, and a data store. */
function project(cached: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'charter-content-cache-'));
  mkdirSync(join(root, 'src/content/kb'), { recursive: true });
  mkdirSync(join(root, '.astro'));
  mkdirSync(join(root, 'cache'));
  writeFileSync(join(root, 'src/content/kb/kept.mdx'), '# Kept\n');
  writeFileSync(join(root, '.astro/content-modules.mjs'), modulesFile(cached));
  writeFileSync(join(root, 'cache/data-store.json'), '{}');
  writeFileSync(join(root, '.astro/data-store.json'), '{}');
  return root;
}

/** Runs the integration's hook as Astro does, with the project's root and cache folders. */
function runHook(root: string) {
  const logger = { info: vi.fn() };
  const hook = contentCacheCheck().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/cache/`) },
    logger,
  });
  return logger;
}

describe('missingModuleFiles', () => {
  test('lists the cached pages whose files are gone', () => {
    const root = project([]);
    const text = modulesFile(['src/content/kb/kept.mdx', 'src/content/kb/renamed.mdx']);
    expect(missingModuleFiles(text, root)).toEqual(['src/content/kb/renamed.mdx']);
  });

  // A KB folder outside the site (the plugin's `kb` option may point anywhere) is named
  // relative to the root.
  test('finds the pages of a KB folder outside the site, and notices when one is gone', () => {
    const root = project([]);
    const outside = mkdtempSync(join(tmpdir(), 'charter-outside-kb-'));
    writeFileSync(join(outside, 'kept.mdx'), '# Kept\n');
    const kept = relative(root, join(outside, 'kept.mdx'));
    const gone = relative(root, join(outside, 'gone.mdx'));
    expect(kept.startsWith('../')).toBe(true);
    expect(missingModuleFiles(modulesFile([kept, gone]), root)).toEqual([gone]);
  });

  test('finds nothing in an empty cache', () => {
    expect(missingModuleFiles('export default new Map();', '/nowhere')).toEqual([]);
  });
});

describe('contentCacheCheck', () => {
  test('clears the cache when it names a page that no longer exists', () => {
    const root = project(['src/content/kb/kept.mdx', 'src/content/kb/renamed.mdx']);
    const logger = runHook(root);
    expect(existsSync(join(root, '.astro/content-modules.mjs'))).toBe(false);
    expect(existsSync(join(root, 'cache/data-store.json'))).toBe(false);
    expect(existsSync(join(root, '.astro/data-store.json'))).toBe(false);
    expect(logger.info).toHaveBeenCalledWith(
      'content cache cleared: it named src/content/kb/renamed.mdx, which no longer exists',
    );
  });

  test('keeps a cache whose pages all exist', () => {
    const root = project(['src/content/kb/kept.mdx']);
    const logger = runHook(root);
    expect(readFileSync(join(root, '.astro/content-modules.mjs'), 'utf8')).toContain('kept.mdx');
    expect(existsSync(join(root, 'cache/data-store.json'))).toBe(true);
    expect(logger.info).not.toHaveBeenCalled();
  });

  test('does nothing before the first build', () => {
    const root = mkdtempSync(join(tmpdir(), 'charter-content-cache-'));
    expect(runHook(root).info).not.toHaveBeenCalled();
  });
});
