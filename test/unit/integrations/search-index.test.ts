import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test, vi } from 'vitest';
import { startSearchIndex } from '../../../packages/starlight-charter/integrations/search-index';

/** The index of `dir`, built to the end: how many HTML files Pagefind read. */
const indexed = async (dir: string) => (await startSearchIndex(dir)).finished;

/** A page as Starlight lays one out: chrome around a <main>, marked as the searchable body. */
const page = (title: string, body: string, { searchable = true } = {}) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<div><p>Chromeword before</p></div>` +
  `<main${searchable ? ' data-pagefind-body' : ''} lang="en"><h1>${title}</h1>` +
  `<span hidden data-pagefind-filter="category">API</span>${body}</main>` +
  `<div><p>Chromeword after</p></div></body></html>`;

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-search-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), html);
  }
  return dir;
}

/** The indexed pages, from Pagefind's fragment files (gzipped JSON after a short signature). */
function fragments(dir: string): { url: string; content: string; filters: object }[] {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map((file) => {
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe('startSearchIndex', () => {
  test('indexes each searchable page from its <main> only, with its filters', async () => {
    const dir = site({
      'kb/rate-limits': page('Rate limits', '<p>Back off after a 429.</p>'),
      'kb/keys': page('Rotate keys', '<p>Rotate the signing key.</p>'),
      kb: page('Knowledge base', '<p>Every article.</p>', { searchable: false }),
    });
    expect(await indexed(dir)).toBe(3); // HTML files read
    const pages = fragments(dir).sort((a, b) => (a.url < b.url ? -1 : 1));
    expect(pages.map((p) => p.url)).toEqual(['/kb/keys/', '/kb/rate-limits/']);
    expect(pages[1]!.content).toContain('Back off after a 429.');
    expect(pages[1]!.filters).toEqual({ category: ['API'] });
    for (const p of pages) expect(p.content).not.toMatch(/Chromeword/);
  });

  test('reads nothing outside <main>, even on a site that marks no searchable body', async () => {
    const dir = site({
      'kb/keys': page('Rotate keys', '<p>Rotate the signing key.</p>', { searchable: false }),
    });
    expect(await indexed(dir)).toBe(1);
    const [only] = fragments(dir);
    expect(only!.content).toContain('Rotate the signing key.');
    expect(only!.content).not.toMatch(/Chromeword/);
  });

  /** Runs `check` against this module with Pagefind's service replaced by `service`. */
  async function withService(
    service: Record<string, unknown>,
    check: (start: typeof startSearchIndex) => Promise<void>,
  ) {
    vi.resetModules();
    vi.doMock('pagefind', () => service);
    try {
      await check(
        (await import('../../../packages/starlight-charter/integrations/search-index'))
          .startSearchIndex,
      );
    } finally {
      vi.doUnmock('pagefind');
      vi.resetModules();
    }
  }

  test('Pagefind’s errors while reading fail the build with its reasons; its service is closed', async () => {
    const close = vi.fn(async () => null);
    const index = {
      addDirectory: async () => ({ errors: ['Could not read kb/keys/index.html'], page_count: 0 }),
      writeFiles: async () => ({ errors: [] }),
    };
    await withService(
      { createIndex: async () => ({ errors: [], index }), close },
      async (start) => {
        await expect((await start('/site')).finished).rejects.toThrow(
          'Charter: Pagefind could not build the search index: Could not read kb/keys/index.html',
        );
        expect(close).toHaveBeenCalledOnce();
      },
    );
  });

  test('an index Pagefind cannot start fails at once; its service is closed', async () => {
    const close = vi.fn(async () => null);
    const createIndex = async () => ({ errors: ['Invalid root selector'] });
    await withService({ createIndex, close }, async (start) => {
      await expect(start('/site')).rejects.toThrow(
        'Charter: Pagefind could not build the search index: Invalid root selector',
      );
      expect(close).toHaveBeenCalledOnce();
    });
  });
});
