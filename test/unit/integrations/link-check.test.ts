import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  anchorsIn,
  checkLinks,
  fileForPath,
  internalLinks,
  LinkChecker,
  resolveHref,
} from '../../../packages/starlight-charter/integrations/link-check';
import {
  allFiles,
  htmlFiles,
  routeOf,
} from '../../../packages/starlight-charter/integrations/html-files';

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'charter-site-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

describe('internalLinks', () => {
  test('keeps site links and skips other schemes and hosts', () => {
    const html = `<a href="/a/">a</a><a href='b/#x'>b</a><a href="https://x.test/">c</a>
      <a href="mailto:s@x.test">d</a><a href="//cdn.test/x">e</a><a href="">f</a><a class="k" href="/c/?q=1&amp;r=2">g</a>`;
    expect(internalLinks(html)).toEqual(['/a/', 'b/#x', '/c/?q=1&r=2']);
  });

  test('counts the scripts, stylesheets and images a page loads', () => {
    const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://x.test/p/">
      <script type="module" src="/_astro/b.js"></script><script>inline()</script>
      <img alt="" src='/og/c.png'><img alt="" src="data:image/png;base64,AA"><source src="/v.webm">`;
    expect(internalLinks(html)).toEqual(['/_astro/a.css', '/_astro/b.js', '/og/c.png', '/v.webm']);
  });
});

describe('anchorsIn', () => {
  test('finds ids and names', () => {
    expect([...anchorsIn('<h2 id="step-1">x</h2><a name="old"></a>')]).toEqual(['step-1', 'old']);
  });
});

describe('resolveHref', () => {
  test.each([
    ['/kb/', 'api/', '/kb/api/', null],
    ['/kb/api/', '../', '/kb/', null],
    ['/a/', '#top', '/a/', 'top'],
    ['/a/', '/b/#step-2', '/b/', 'step-2'],
  ])('resolves %s + %s', (route, href, path, anchor) => {
    expect(resolveHref(route, href)).toEqual({ path, anchor });
  });

  test.each([
    ['/kb/', 'api/', '/kb/api/'],
    ['/kb/', '/support/kb/api/', '/kb/api/'],
    ['/', '../kb/', undefined],
    ['/kb/', '/kb/api/', undefined],
  ])('resolves %s + %s under /support/ as %j', (route, href, path) => {
    expect(resolveHref(route, href, '/support/').path).toBe(path);
  });
});

describe('checkLinks', () => {
  test('passes a site whose links all resolve', () => {
    const root = site({
      'index.html': '<a href="/a/">a</a><a href="/a/#here">h</a><a href="#_top">skip</a>',
      'a/index.html': '<h2 id="here">x</h2><a href="../">home</a><a href="/file.json">f</a>',
      'file.json': '{}',
    });
    expect(checkLinks(root)).toEqual([]);
  });

  test('names the page and link for a missing page, anchor and file', () => {
    const root = site({
      'index.html':
        '<a href="/gone/">x</a><a href="/a/#nowhere">y</a><script src="/_astro/old.js"></script>',
      'a/index.html': '<p>a</p>',
    });
    expect(checkLinks(root)).toEqual([
      { page: '/', href: '/gone/', reason: 'no such page' },
      { page: '/', href: '/a/#nowhere', reason: 'no element with id "nowhere"' },
      { page: '/', href: '/_astro/old.js', reason: 'no such file' },
    ]);
  });
});

describe('checkLinks under a base path', () => {
  test('passes links under the base path, and fails one that forgot it', () => {
    const root = site({
      'index.html': '<a href="/support/a/">a</a><a href="a/#here">h</a><a href="/a/">bare</a>',
      'a/index.html':
        '<h2 id="here">x</h2><a href="../">home</a><script src="/support/x.js"></script>',
      'x.js': '',
    });
    expect(checkLinks(root, '/support/')).toEqual([
      {
        page: '/',
        href: '/a/',
        reason:
          "outside the site's base path /support/ (start it with /support/, or make it relative)",
      },
    ]);
  });
});

describe('fileForPath', () => {
  const files = new Set(['index.html', 'kb/index.html', 'api/sla.json', '404.html']);
  test.each([
    ['/', 'index.html'],
    ['/kb/', 'kb/index.html'],
    ['/kb', 'kb/index.html'],
    ['/api/sla.json', 'api/sla.json'],
    ['/404.html', '404.html'],
    ['/gone/', null],
    ['/api/', null],
  ])('%s is served by %s', (path, file) => {
    expect(fileForPath(files, path)).toBe(file);
  });
});

describe('LinkChecker', () => {
  test('checks pages handed to it against the files of the build, without reading them again', () => {
    const checker = new LinkChecker();
    checker.add('index.html', '<a href="/a/#x">a</a><a href="/a/#y">a</a><a href="/b/">b</a>');
    checker.add('a/index.html', '<h2 id="x">x</h2>');
    expect(checker.broken(new Set(['index.html', 'a/index.html']))).toEqual([
      { page: '/', href: '/a/#y', reason: 'no element with id "y"' },
      { page: '/', href: '/b/', reason: 'no such page' },
    ]);
  });
});

describe('html files', () => {
  test('lists built pages and their routes', () => {
    const root = site({ 'index.html': '', 'kb/api/index.html': '', '404.html': '', 'x.txt': '' });
    expect(allFiles(root)).toEqual(['404.html', 'index.html', 'kb/api/index.html', 'x.txt']);
    expect(htmlFiles(root)).toEqual(['404.html', 'index.html', 'kb/api/index.html']);
    expect(htmlFiles(root).map(routeOf)).toEqual(['/404.html', '/', '/kb/api/']);
  });
});
