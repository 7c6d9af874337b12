import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { handPage } from '../../../packages/starlight-charter/integrations/page-hook';
import { postBuild } from '../../../packages/starlight-charter/integrations/post-build';
import { pngSize } from '../../support/card-input';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { SAMPLE } from '../../support/sites';

const work = mkdtempSync(join(tmpdir(), 'charter-post-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SITE = 'https://support.example.test/';
/** The company whose cards and descriptions the pages get. */
const { company } = loadCatalog(SAMPLE.terms);
const page = (title: string, body: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title><script>go()</script></head><body>${body}</body></html>`;
/** The CSP source for `go()`: `printf '%s' 'go()' | openssl dgst -sha256 -binary | base64`. */
const GO = "'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='";
/** The same for `steal()`, a script no component of the site has. */
const STEAL = "'sha256-VafrKPhb16t7bcXd+/s/XXEhClav+rUYVk+Nc0pSxDc='";
/** The policy every page of these sites gets: `go()` is their one inline script. */
const POLICY =
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${GO}; style-src 'self'; ` +
  "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'";
const metaPolicy = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

/**
 * Runs the integration's hooks over a small site, as `astro build` would: `rendered` pages go
 * through the page middleware's hand-over as they are written, `files` are already on disk
 * (as files from public/ are).
 */
async function runOn(
  files: Record<string, string>,
  rendered: Record<string, string> = {},
  beforeDone: (root: string) => void = () => {},
) {
  const root = join(work, `site-${Math.random().toString(36).slice(2)}`);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const messages: string[] = [];
  const logger = {
    info: (m: string) => messages.push(m),
    warn: (m: string) => messages.push(`warn: ${m}`),
    error: (m: string) => messages.push(`error: ${m}`),
  };
  const { hooks } = postBuild(company, join(root, 'kb'));
  const middleware: unknown[] = [];
  const vitePlugins: { transform?: unknown }[] = [];
  // The hooks need only these parts of Astro's arguments.
  await (hooks['astro:config:setup'] as Function)({
    addMiddleware: (m: unknown) => middleware.push(m),
    updateConfig: (c: { vite: { plugins: (typeof vitePlugins)[] } }) =>
      vitePlugins.push(...c.vite.plugins.flat()),
    config: { srcDir: pathToFileURL(`${root}-src/`) },
  });
  await (hooks['astro:config:done'] as Function)({
    config: {
      site: SITE,
      cacheDir: pathToFileURL(join(root, '.cache/')),
      outDir: pathToFileURL(`${root}/`),
    },
  });
  await (hooks['astro:build:start'] as Function)({});
  // Vite compiles the site's one component, whose script every page holds.
  const component = `${root}-src/components/Go.astro`;
  mkdirSync(dirname(component), { recursive: true });
  writeFileSync(component, '<script is:inline>go()</script>');
  for (const plugin of vitePlugins) {
    const transform = plugin.transform as { handler: Function } | undefined;
    transform?.handler.call({}, '', component);
  }
  for (const [path, html] of Object.entries(rendered)) write(path, handPage(path, html));
  for (const [path, text] of Object.entries(files)) write(path, text);
  beforeDone(root);
  const done = (hooks['astro:build:done'] as Function)({ dir: pathToFileURL(`${root}/`), logger });
  return { root, messages, done, middleware };
}

const policyCount = (html: string) => html.split('http-equiv="Content-Security-Policy"').length - 1;

describe('postBuild', () => {
  test('secures every page, writes _headers, draws each page’s card and indexes the pages', async () => {
    const { root, messages, done } = await runOn({
      'index.html': page('Home', '<main><a href="/kb/#top">KB</a></main>'),
      'kb/index.html': page('Knowledge base', '<main><a href="/">home</a><p id="top"></p></main>'),
    });
    await done;
    const home = readFileSync(join(root, 'index.html'), 'utf8');
    expect(home).toMatch(
      /<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]*'sha256-/,
    );
    expect(home).toContain(`<meta property="og:image" content="${SITE}og/index.png">`);
    expect(metaPolicy(home)).toBe(POLICY);
    expect(readFileSync(join(root, '_headers'), 'utf8')).toContain(
      `/*\n  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'\n`,
    );
    for (const card of ['og/index.png', 'og/kb.png']) {
      expect(await pngSize(join(root, card))).toEqual({ width: 1200, height: 630 });
    }
    expect(messages).toContain('every internal link, anchor and loaded file resolves');
    expect(messages.some((m) => /social cards: 2 rendered, 0 reused/.test(m))).toBe(true);
    expect(messages.some((m) => /search index built from 2 HTML files/.test(m))).toBe(true);
    const entry = JSON.parse(readFileSync(join(root, 'pagefind/pagefind-entry.json'), 'utf8'));
    const languages = Object.values(entry.languages) as { page_count: number }[];
    expect(languages.reduce((sum, language) => sum + language.page_count, 0)).toBe(2);
  });

  test('secures rendered pages once, as they are written, and files from public/ at the end', async () => {
    const { root, messages, done, middleware } = await runOn(
      { 'legacy.html': page('Legacy', '<a href="/">home</a>') },
      {
        'index.html': page('Home', '<a href="/legacy.html">old</a>'),
        '404.html': page('Not found', ''),
      },
    );
    expect(middleware).toEqual([{ entrypoint: expect.any(URL), order: 'post' }]);
    expect(String((middleware[0] as { entrypoint: URL }).entrypoint)).toMatch(
      /page-middleware\.ts$/,
    );
    expect(policyCount(readFileSync(join(root, 'index.html'), 'utf8'))).toBe(1);
    await done;
    for (const file of ['index.html', '404.html', 'legacy.html']) {
      expect(policyCount(readFileSync(join(root, file), 'utf8')), file).toBe(1);
    }
    expect(metaPolicy(readFileSync(join(root, 'legacy.html'), 'utf8'))).toBe(POLICY);
    expect(messages).toContain(
      'Content Security Policy written to 3 pages and _headers (allows 1 inline scripts and 0 inline stylesheets)',
    );
    expect(messages).toContain('every internal link, anchor and loaded file resolves');
  });

  test('keeps a page copied from the last build as it is, and counts and checks it', async () => {
    const first = await runOn(
      {},
      { 'kb/a/index.html': page('A', '<a href="/kb/b/">B</a>'), 'kb/b/index.html': page('B', '') },
    );
    await first.done;
    const copied = readFileSync(join(first.root, 'kb/a/index.html'), 'utf8');
    // An old time on the file shows whether the pass wrote it again.
    const stamp = new Date(2000, 0, 1);
    const { root, messages, done } = await runOn(
      { 'kb/a/index.html': copied },
      { 'kb/b/index.html': page('B', '') },
      (root) => utimesSync(join(root, 'kb/a/index.html'), stamp, stamp),
    );
    await done;
    expect(statSync(join(root, 'kb/a/index.html')).mtime).toEqual(stamp);
    expect(readFileSync(join(root, 'kb/a/index.html'), 'utf8')).toBe(copied);
    expect(messages).toContain(
      'Content Security Policy written to 2 pages and _headers (allows 1 inline scripts and 0 inline stylesheets)',
    );
    expect(messages).toContain('every internal link, anchor and loaded file resolves');
  });

  test('stops when a rendered page was handed over under a file the build did not write', async () => {
    const gone = (root: string) => rmSync(join(root, 'ghost/index.html'));
    const { done } = await runOn(
      {},
      { 'index.html': page('Home', ''), 'ghost/index.html': page('Ghost', '') },
      gone,
    );
    await expect(done).rejects.toThrow(
      'Charter: a page was secured as ghost/index.html while it was rendered, but the build wrote no such file.',
    );
  });

  test('allows no script that a page holds and no component renders, and says where it is', async () => {
    const slipped = page('Article', '<main><p>Hello</p><script>steal()</script></main>');
    const { root, messages, done } = await runOn(
      {},
      { 'index.html': page('Home', ''), 'kb/a/index.html': slipped },
    );
    await done;
    const article = readFileSync(join(root, 'kb/a/index.html'), 'utf8');
    expect(article).toContain('<script>steal()</script>');
    expect(metaPolicy(article)).toBe(POLICY);
    const headers = readFileSync(join(root, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${POLICY}; frame-ancestors 'none'`);
    expect(headers).not.toContain(STEAL);
    expect(messages).toContain(
      "warn: the Content Security Policy blocks inline scripts or stylesheets that are not the site's own code in 1 page(s): /kb/a/",
    );
  });

  test('fails the build on a broken link, naming page and link, before drawing cards', async () => {
    const { root, messages, done } = await runOn({
      'index.html': page('Home', '<a href="/gone/">x</a>'),
    });
    await expect(done).rejects.toThrow('1 broken internal link(s)');
    expect(messages).toContain('error: / links to /gone/: no such page');
    expect(existsSync(join(root, 'og/index.png'))).toBe(false);
  });
});
