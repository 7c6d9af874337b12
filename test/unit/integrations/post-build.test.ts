import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { postBuild } from '~/integrations/post-build';
import { pngSize } from '~/lib/og/png';

const work = mkdtempSync(join(tmpdir(), 'charter-post-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SITE = 'https://support.example.test/';
const page = (title: string, body: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title><script>go()</script></head><body>${body}</body></html>`;

/** Runs the integration's hooks over a small built site, as `astro build` would. */
async function runOn(files: Record<string, string>) {
  const root = join(work, `site-${Math.random().toString(36).slice(2)}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const messages: string[] = [];
  const logger = { info: (m: string) => messages.push(m), error: (m: string) => messages.push(`error: ${m}`) };
  const { hooks } = postBuild();
  const cacheDir = pathToFileURL(join(root, '.cache/')).href;
  // The hooks need only these parts of Astro's arguments.
  await (hooks['astro:config:done'] as Function)({ config: { site: SITE, cacheDir: new URL(cacheDir) } });
  await (hooks['astro:build:start'] as Function)({});
  const done = (hooks['astro:build:done'] as Function)({ dir: pathToFileURL(`${root}/`), logger });
  return { root, messages, done };
}

describe('postBuild', () => {
  test('secures every page, writes _headers and draws each page’s card', async () => {
    const { root, messages, done } = await runOn({
      'index.html': page('Home', '<a href="/kb/#top">KB</a>'),
      'kb/index.html': page('Knowledge base', '<a href="/">home</a><p id="top"></p>'),
    });
    await done;
    const home = readFileSync(join(root, 'index.html'), 'utf8');
    expect(home).toMatch(/<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]*'sha256-/);
    expect(home).toContain(`<meta property="og:image" content="${SITE}og/index.png">`);
    expect(readFileSync(join(root, '_headers'), 'utf8')).toContain('/kb/index.html\n  Content-Security-Policy:');
    for (const card of ['og/index.png', 'og/kb.png']) {
      expect(pngSize(readFileSync(join(root, card)))).toEqual({ width: 1200, height: 630 });
    }
    expect(messages).toContain('every internal link and anchor resolves');
    expect(messages.some((m) => /social cards: 2 rendered, 0 reused/.test(m))).toBe(true);
  });

  test('fails the build on a broken link, naming page and link, before drawing cards', async () => {
    const { root, messages, done } = await runOn({ 'index.html': page('Home', '<a href="/gone/">x</a>') });
    await expect(done).rejects.toThrow('1 broken internal link(s)');
    expect(messages).toContain('error: / links to /gone/: no such page');
    expect(existsSync(join(root, 'og/index.png'))).toBe(false);
  });
});
