import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  MDX_PLUGIN,
  TransformCache,
  cacheMdxTransform,
  compilerKey,
  type VitePlugin,
} from '../../../packages/starlight-charter/integrations/mdx-cache';

/**
 * Charter's own plugin files are part of the key; the tests change what reading one returns
 * rather than the package's files themselves.
 */
const edited = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) =>
    typeof path === 'string' && edited.has(path)
      ? Buffer.from(edited.get(path)!)
      : (actual.readFileSync as (...args: unknown[]) => unknown)(
          path,
          ...rest,
        )) as typeof actual.readFileSync;
  return { ...actual, default: { ...actual, readFileSync }, readFileSync };
});
afterEach(() => edited.clear());

const PACKAGE = new URL('../../../packages/starlight-charter/', import.meta.url);

const dir = () => mkdtempSync(join(tmpdir(), 'charter-mdx-cache-'));
const compiled = (code: string) => ({
  code: `export default ${JSON.stringify(code)}`,
  map: null,
  meta: { astro: { propagation: 'in-tree' } },
});

describe('compilerKey', () => {
  test('is stable, and changes with the site configuration', () => {
    const root = dir();
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    const key = compilerKey(root);
    expect(compilerKey(root)).toBe(key);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default { markdown: {} };');
    expect(compilerKey(root)).not.toBe(key);
  });

  // A page compiled under an older Markdown plugin (or a weaker content guard) is compiled, and
  // so checked, again.
  test.each([
    'integrations/code-blocks.ts',
    'integrations/content-guard.ts',
    'lib/content-guard.ts',
  ])("changes with Charter's %s, wherever the site is", (file) => {
    const root = dir();
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    const key = compilerKey(root);
    const path = fileURLToPath(new URL(file, PACKAGE));
    edited.set(path, `${readFileSync(path, 'utf8')}\nexport const stricter = true;\n`);
    expect(compilerKey(root)).not.toBe(key);
    edited.clear();
    expect(compilerKey(root)).toBe(key);
  });

  test('does not read plugin files from the site', () => {
    const root = dir();
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {};');
    const key = compilerKey(root);
    mkdirSync(join(root, 'src/integrations'), { recursive: true });
    writeFileSync(join(root, 'src/integrations/code-blocks.ts'), 'export {};');
    expect(compilerKey(root)).toBe(key);
  });

  test('depends on the installed compilers', () => {
    // This project has them installed; an empty folder resolves none of them.
    const empty = dir();
    writeFileSync(join(empty, 'package.json'), '{}');
    expect(compilerKey(process.cwd())).not.toBe(compilerKey(empty));
  });
});

describe('TransformCache', () => {
  test('compiles a page once, then serves it from disk, in this build and the next', async () => {
    const cacheDir = dir();
    const transform = vi.fn(async (code: string) => compiled(code));
    const first = new TransformCache(cacheDir, 'key').wrap(transform);
    expect(await first.call(null, '# A', '/a.mdx')).toEqual(compiled('# A'));
    expect(await first.call(null, '# A', '/a.mdx')).toEqual(compiled('# A'));
    const next = new TransformCache(cacheDir, 'key').wrap(transform);
    expect(await next.call(null, '# A', '/a.mdx')).toEqual(compiled('# A'));
    expect(transform).toHaveBeenCalledTimes(1);
  });

  test('compiles again when the page, its path or the compilers change', async () => {
    const cacheDir = dir();
    const transform = vi.fn(async (code: string) => compiled(code));
    await new TransformCache(cacheDir, 'key').wrap(transform).call(null, '# A', '/a.mdx');
    await new TransformCache(cacheDir, 'key').wrap(transform).call(null, '# B', '/a.mdx');
    await new TransformCache(cacheDir, 'key').wrap(transform).call(null, '# A', '/b.mdx');
    await new TransformCache(cacheDir, 'other').wrap(transform).call(null, '# A', '/a.mdx');
    expect(transform).toHaveBeenCalledTimes(4);
  });

  test('does not keep what is not a compiled module', async () => {
    const cacheDir = dir();
    const transform = vi.fn(async () => null);
    const wrapped = new TransformCache(cacheDir, 'key').wrap(transform);
    await wrapped.call(null, '# A', '/a.mdx');
    await wrapped.call(null, '# A', '/a.mdx');
    expect(transform).toHaveBeenCalledTimes(2);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  test('passes on a failed compile and stores nothing', async () => {
    const cacheDir = dir();
    const wrapped = new TransformCache(cacheDir, 'key').wrap(async () => {
      throw new Error('1:3: Unexpected character');
    });
    await expect(wrapped.call(null, '<a', '/a.mdx')).rejects.toThrow('Unexpected character');
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  test('prunes entries the build did not use', async () => {
    const cacheDir = dir();
    const transform = async (code: string) => compiled(code);
    const before = new TransformCache(cacheDir, 'key');
    await before.wrap(transform).call(null, '# Old', '/old.mdx');
    await before.wrap(transform).call(null, '# Kept', '/kept.mdx');
    const after = new TransformCache(cacheDir, 'key');
    await after.wrap(transform).call(null, '# Kept', '/kept.mdx');
    expect(after.prune()).toBe(1);
    expect(readdirSync(cacheDir)).toEqual([...after.used]);
  });
});

describe('cacheMdxTransform', () => {
  test('wraps the MDX plugin @astrojs/mdx adds, once however often Vite resolves', async () => {
    const plugins: VitePlugin[] = [];
    const setup = mdx().hooks['astro:config:setup'] as (params: unknown) => Promise<void>;
    await setup({
      config: { root: new URL('file:///site/'), srcDir: new URL('file:///site/src/') },
      updateConfig: (config: { vite: { plugins: typeof plugins } }) =>
        plugins.push(...config.vite.plugins),
      addPageExtension() {},
      addContentEntryType() {},
      addRenderer() {},
    });
    expect(plugins.map((p) => p.name)).toContain(MDX_PLUGIN);
    const cache = new TransformCache(dir(), 'key');
    const plugin = plugins.find((p) => p.name === MDX_PLUGIN) as {
      transform: { handler: unknown };
    };
    const original = plugin.transform.handler;
    expect(cacheMdxTransform(plugins, cache)).toBe(true);
    const wrapped = plugin.transform.handler;
    expect(wrapped).not.toBe(original);
    expect(cacheMdxTransform(plugins, cache)).toBe(true);
    expect(plugin.transform.handler).toBe(wrapped);
  });

  test('wraps a plain-function transform too, and reports when there is no MDX plugin', async () => {
    const transform = vi.fn(async (code: string) => compiled(code));
    const plugins = [{ name: MDX_PLUGIN, transform }];
    const cache = new TransformCache(dir(), 'key');
    expect(cacheMdxTransform(plugins, cache)).toBe(true);
    const wrapped = plugins[0]!.transform as unknown as (
      code: string,
      id: string,
    ) => Promise<unknown>;
    await wrapped('# A', '/a.mdx');
    await wrapped('# A', '/a.mdx');
    expect(transform).toHaveBeenCalledTimes(1);
    expect(cacheMdxTransform([{ name: 'other' }], cache)).toBe(false);
  });
});
