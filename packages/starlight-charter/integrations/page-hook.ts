/**
 * The link between the pages and the post-build pass while `astro build` runs: each finished
 * page is handed over as it is rendered (integrations/page-middleware.ts), secured and
 * checked in memory, and written once, instead of being read back and rewritten afterwards.
 * Outside a build nobody listens and pages pass unchanged. A global, because the middleware
 * runs from Astro's bundle and the integration from the config: two copies of every module,
 * one process.
 */

/** Takes a page's built file (`kb/index.html`) and HTML; returns the HTML to write. */
type Listener = (file: string, html: string) => string;
const KEY = Symbol.for('charter.post-build.pages');
const slot = globalThis as { [KEY]?: Listener };

/** Whether a build is listening for pages. */
export function listening(): boolean {
  return slot[KEY] !== undefined;
}

/** Called for each rendered page; returns the HTML to write. */
export function handPage(file: string, html: string): string {
  return slot[KEY] ? slot[KEY](file, html) : html;
}

/** Called by the build: start listening, or stop with `undefined`. */
export function listenForPages(listener: Listener | undefined): void {
  slot[KEY] = listener;
}

/**
 * The file Astro writes a page to, from its address: `/kb/` → `kb/index.html`. The error
 * pages are the exception, `/404/` → `404.html`.
 */
export function fileForPathname(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (/^(404|500)\/?$/.test(path)) return `${path.replace(/\/$/, '')}.html`;
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return /\.[a-z0-9]+$/i.test(path) ? path : `${path}/index.html`;
}
