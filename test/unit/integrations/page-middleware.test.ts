import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  fileForPathname,
  handPage,
  listenForPages,
  listening,
} from '../../../packages/starlight-charter/integrations/page-hook';

// A site in German at the root and English under /en/, as the plugin writes its config.
vi.mock('virtual:starlight-charter/config', () => ({
  config: {
    locales: [
      { path: '', lang: 'de' },
      { path: 'en', lang: 'en' },
    ],
  },
}));
const { onRequest } =
  await import('../../../packages/starlight-charter/integrations/page-middleware');

afterEach(() => listenForPages(undefined));

/** Runs the middleware for `pathname` over a response, as Astro does for each page. */
async function request(pathname: string, body: string, type: string, status = 200) {
  const context = { url: new URL(`https://support.example.test${pathname}`) };
  const next = async () => new Response(body, { status, headers: { 'content-type': type } });
  return (await (onRequest as Function)(context, next)) as Response;
}

describe('fileForPathname', () => {
  test.each([
    ['/', 'index.html'],
    ['/kb/', 'kb/index.html'],
    ['/kb/api/rate-limit-429/', 'kb/api/rate-limit-429/index.html'],
    ['/404/', '404.html'],
    ['/404', '404.html'],
    ['/legacy.html', 'legacy.html'],
    ['/kb/caf%C3%A9/', 'kb/café/index.html'],
  ])('%s is written to %s', (pathname, file) => expect(fileForPathname(pathname)).toBe(file));
});

describe('page middleware', () => {
  test('hands each HTML page to the build and returns what the build made of it', async () => {
    const handed: string[] = [];
    listenForPages((file, html) => {
      handed.push(file);
      return html.replace('</body>', '<p>secured</p></body>');
    });
    const response = await request('/404/', '<body>Not found</body>', 'text/html', 404);
    expect(handed).toEqual(['404.html']);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<body>Not found<p>secured</p></body>');
  });

  test('returns the page as UTF-8 bytes, characters beyond ASCII intact', async () => {
    listenForPages((file, html) => html.replace('</p>', ' — 保障</p>'));
    const response = await request('/kb/', '<p>Café</p>', 'text/html');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('<p>Café — 保障</p>');
  });

  test('passes JSON and text endpoints unchanged', async () => {
    const handed: string[] = [];
    listenForPages((file, html) => (handed.push(file), html));
    const response = await request('/api/plans.json', '{"plans":[]}', 'application/json');
    expect(await response.text()).toBe('{"plans":[]}');
    expect(handed).toEqual([]);
  });

  test("passes the root language's pages unchanged outside a build", async () => {
    expect(listening()).toBe(false);
    expect(handPage('index.html', '<p>x</p>')).toBe('<p>x</p>');
    const response = await request('/', '<a href="/kb/">dev</a>', 'text/html');
    expect(await response.text()).toBe('<a href="/kb/">dev</a>');
  });

  test("leads the links of another language's pages to that language's, in a build and outside one", async () => {
    const page = '<a href="/commercial/sla/">SLA</a><a href="/api/sla.json">API</a>';
    const localized = '<a href="/en/commercial/sla/">SLA</a><a href="/api/sla.json">API</a>';
    expect(await (await request('/en/kb/', page, 'text/html')).text()).toBe(localized);
    const handed: string[] = [];
    listenForPages((file, html) => (handed.push(html), html));
    expect(await (await request('/en/kb/', page, 'text/html')).text()).toBe(localized);
    // The build's pass (links checked, policy written) sees the page as it is published.
    expect(handed).toEqual([localized]);
  });
});
