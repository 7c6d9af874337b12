import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { htmlFiles, routeOf } from '../../packages/starlight-charter/integrations/html-files';
import {
  allowlistOf,
  hashSource,
  securePage,
} from '../../packages/starlight-charter/integrations/security-headers';
import { pageWidths, PHONE, SAMPLE_OUT } from './support';

/**
 * Every page of the built site, as the preview server (cli/serve.mjs) sends it: only the
 * site's own scripts run, nothing breaks its Content Security Policy, and every response carries
 * the security headers. A script slipped into a page's content does not run. The pages are
 * loaded on a phone's screen, where each must fit its width: wide content scrolls in a frame
 * of its own, never the page (phone.spec.ts checks narrower screens and the frames).
 */

/** The built site the server serves (playwright.config.ts). */
const OUT = SAMPLE_OUT;
const FILES = htmlFiles(OUT);
/** The site's policy as its _headers sends it with every path. */
const SITE_POLICY = /^ {2}Content-Security-Policy: (.*)$/m.exec(
  readFileSync(join(OUT, '_headers'), 'utf8'),
)?.[1];

/** Collects Content Security Policy violations as the page reports them. */
function listenForViolations() {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
  );
}

/**
 * The violations the page has reported, after one turn of its event loop, so that events queued
 * while it loaded have been dispatched.
 */
const violationsOf = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        setTimeout(() => resolve((window as unknown as { cspViolations: string[] }).cspViolations)),
      ),
  );

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE });
  await context.addInitScript(listenForViolations);
  return context;
}

/**
 * A page that notes dialogs, console errors and uncaught errors in `problems`, each after the
 * route it is at (`at`).
 */
async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const watched = { page, problems: [] as string[], at: '' };
  const note = (problem: string) => watched.problems.push(`${watched.at} ${problem}`.trim());
  page.on('dialog', (dialog) => {
    note(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      note(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`uncaught: ${error.message}`));
  return watched;
}

async function openPage(context: BrowserContext, route: string) {
  const watched = await watchedPage(context);
  const response = await watched.page.goto(route);
  return { ...watched, response: response! };
}

/** The <meta> policy of a page. */
const metaPolicy = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

/** Loads `route` in a watched page and adds every problem found to its list. */
async function check(watched: Awaited<ReturnType<typeof watchedPage>>, route: string) {
  const { page } = watched;
  watched.at = route;
  const found: string[] = [];
  const response = (await page.goto(route))!;
  const headers = response.headers();
  if (response.status() !== 200) found.push(`status ${response.status()}`);
  if (headers['content-security-policy'] !== SITE_POLICY)
    found.push(`Content-Security-Policy header: ${headers['content-security-policy']}`);
  if (headers['x-content-type-options'] !== 'nosniff')
    found.push(`X-Content-Type-Options: ${headers['x-content-type-options']}`);
  if (headers['referrer-policy'] !== 'strict-origin-when-cross-origin')
    found.push(`Referrer-Policy: ${headers['referrer-policy']}`);
  for (const violation of await violationsOf(page)) found.push(`CSP violation: ${violation}`);
  const { scroll, client } = await pageWidths(page);
  if (scroll > client)
    found.push(`scrolls sideways: ${scroll} px of content on a ${client} px screen`);
  watched.problems.push(...found.map((problem) => `${route} ${problem}`));
}

/** What a built page says about itself: its own policy, and whether it has the search dialog. */
function checkFile(file: string): string[] {
  const html = readFileSync(join(OUT, file), 'utf8');
  const found: string[] = [];
  // The page's own policy allows nothing the site's does not.
  const meta = metaPolicy(html);
  const site = allowlistOf(SITE_POLICY!);
  const own = allowlistOf(meta ?? '');
  if (!meta) found.push('no policy <meta>');
  if (meta?.includes('frame-ancestors'))
    found.push('frame-ancestors in <meta>, where browsers ignore it');
  for (const source of own.scripts) if (!site.scripts.has(source)) found.push(`script ${source}`);
  for (const source of own.styles) if (!site.styles.has(source)) found.push(`style ${source}`);
  // 'wasm-unsafe-eval' is in every page's policy because every page has the search dialog.
  if (!/<site-search\b[^>]*>\s*<button\b[^>]*\bdata-open-modal\b/.test(html))
    found.push('no search dialog, yet the policy lets it run WebAssembly');
  return found.map((problem) => `${routeOf(file)} ${problem}`);
}

test('the site has a policy for every path, framed by no one', () => {
  expect(SITE_POLICY).toMatch(/^default-src 'self'; script-src 'self' /);
  expect(SITE_POLICY).toMatch(/; frame-ancestors 'none'$/);
  expect(SITE_POLICY).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(SITE_POLICY).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  expect(FILES.length).toBeGreaterThan(0);
});

test.describe('every page', () => {
  test.describe.configure({ mode: 'parallel' });
  // A few tests, each loading its share of the pages in one browser context.
  const SHARDS = 4;
  for (let shard = 0; shard < SHARDS; shard++) {
    const files = FILES.filter((_, i) => i % SHARDS === shard);
    const routes = files.map(routeOf);
    test(`runs only the site's own scripts, breaks no rule, logs no error and fits a phone (${shard + 1} of ${SHARDS})`, async ({
      browser,
    }) => {
      // Generous: a page loads in well under a second, but the machine may be busy.
      test.setTimeout(60_000 + routes.length * 5_000);
      const context = await newContext(browser);
      const watched = await watchedPage(context);
      for (const route of routes) await check(watched, route);
      await context.close();
      expect([...files.flatMap(checkFile), ...watched.problems]).toEqual([]);
    });
  }
});

test('a script or stylesheet slipped into an article does not apply, with the headers or without', async ({
  browser,
}) => {
  const file = FILES.find((f) => /^kb\/[^/]+\/[^/]+\/index\.html$/.test(f))!;
  const route = routeOf(file);
  const built = readFileSync(join(OUT, file), 'utf8');
  const script = 'alert("slipped")';
  const style = 'main{visibility:hidden}';
  const slipped = built.replace(
    '<div class="sl-markdown-content">',
    `$&<script>${script}</script><style>${style}</style>`,
  );
  expect(slipped).not.toBe(built);
  // What the build makes of such a page: it secures every page with the site's allowlist.
  const secured = securePage(slipped, allowlistOf(SITE_POLICY!));
  expect(secured.blocked).toBe(2);
  for (const source of [hashSource(script), hashSource(style)]) {
    expect(metaPolicy(secured.html)).not.toContain(source);
    expect(SITE_POLICY).not.toContain(source);
  }

  // Served by a host that sends the headers, and by one that sends none: the <meta> alone.
  for (const withHeaders of [true, false]) {
    const context = await newContext(browser);
    await context.route(`**${route}`, async (request) => {
      const served = await request.fetch();
      const keep = ['content-type', ...(withHeaders ? ['content-security-policy'] : [])];
      const headers = Object.fromEntries(
        Object.entries(served.headers()).filter(([name]) => keep.includes(name)),
      );
      await request.fulfill({ status: 200, headers, body: secured.html });
    });
    const { page, problems } = await openPage(context, route);
    const violations = await violationsOf(page);
    expect(
      problems.filter((p) => p.startsWith('dialog')),
      `headers: ${withHeaders}`,
    ).toEqual([]);
    expect(violations.some((v) => /^script-src-elem inline /.test(v))).toBe(true);
    expect(violations.some((v) => /^style-src-elem inline /.test(v))).toBe(true);
    await expect(page.locator('main')).toBeVisible();
    await context.close();
  }
});

test("the search runs Pagefind's WebAssembly under the policy, and could not without 'wasm-unsafe-eval'", async ({
  browser,
}) => {
  const search = async (page: Page) => {
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.getByRole('dialog').getByRole('textbox').fill('credit');
  };
  const results = (page: Page) =>
    page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();

  const context = await newContext(browser);
  const { page, problems } = await openPage(context, '/');
  await search(page);
  await expect(results(page)).toBeVisible({ timeout: 20_000 });
  expect(await violationsOf(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();

  // The same site under a policy without it, in every response's header and in the page: the
  // worker that runs Pagefind gets its policy from its own response, and the page's policy
  // counts when Pagefind runs on the page itself (where workers are not available).
  const strict = await newContext(browser);
  const without = (policy: string) => policy.replaceAll(" 'wasm-unsafe-eval'", '');
  await strict.route('**/*', async (request) => {
    const served = await request.fetch();
    const headers = served.headers();
    const policy = headers['content-security-policy'];
    if (!policy) return request.fulfill({ response: served });
    const isPage = headers['content-type']!.startsWith('text/html');
    await request.fulfill({
      status: served.status(),
      headers: {
        'content-type': headers['content-type']!,
        'content-security-policy': without(policy),
      },
      body: isPage ? without(await served.text()) : await served.body(),
    });
  });
  const blocked = await openPage(strict, '/');
  await search(blocked.page);
  await expect
    .poll(() => blocked.problems, { timeout: 20_000 })
    .toContainEqual(expect.stringMatching(/WebAssembly.*violates.*Content Security Policy/i));
  await strict.close();
});
