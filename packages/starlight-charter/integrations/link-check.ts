import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { withBase, withoutBase } from '../lib/base-path.ts';
import { detach } from '../lib/detach.ts';
import { allFiles, routeOf } from './html-files.ts';

/**
 * The link check: the build fails when an internal link or anchor in the built site leads
 * nowhere, or a page loads a file the site lacks, naming the page and the address. External
 * links (other hosts, mailto:, tel:) are not fetched. Run by integrations/post-build.ts.
 */

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Addresses of links (a, area) and of what a page loads (link, script, img, source, iframe).
 * Loaded files count as links: a page copied from an earlier build must not name a script or
 * stylesheet this build no longer has.
 */
const REFERENCE =
  /<(?:a|area|link)\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')|<(?:script|img|source|iframe)\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Internal addresses in a page (links, and files it loads), decoded of HTML entities. */
export function internalLinks(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(REFERENCE)) {
    const href = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').replace(/&amp;/g, '&').trim();
    if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    out.push(href);
  }
  return out;
}

/** Every id (and legacy a[name]) in a page, the targets of #anchors. */
export function anchorsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    ids.add(decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return ids;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * Resolves `href` found on `route` of a site served under `base` to a site path (without the
 * base) and an optional anchor; the path is `undefined` when the address lies outside the base.
 */
export function resolveHref(
  route: string,
  href: string,
  base = '/',
): { path: string | undefined; anchor: string | null } {
  const url = new URL(href, `https://site.invalid${withBase(route, base)}`);
  const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  return { path: withoutBase(decodeURIComponent(url.pathname), base), anchor };
}

/** The built file (relative, forward slashes) that serves a site path, or null. */
export function fileForPath(files: ReadonlySet<string>, path: string): string | null {
  const bare = path.replace(/^\/+/, '');
  const candidates = path.endsWith('/') ? [`${bare}index.html`] : [bare, `${bare}/index.html`];
  return candidates.find((file) => files.has(file)) ?? null;
}

/**
 * Collects each built page's links and ids as pages are handed to it, then checks the links
 * against the files of the build, so each page is read once for every check. Only copies of the
 * links and ids are kept, not the pages: a site of thousands of pages would otherwise hold them
 * all in memory until the end of the build.
 */
export class LinkChecker {
  /** The path the site is served under (`/support/`), `/` at the root. */
  private readonly base: string;

  constructor(base = '/') {
    this.base = base;
  }

  private readonly pages: { route: string; links: string[] }[] = [];
  private readonly anchors = new Map<string, Set<string>>();
  /**
   * One copy of each link and id kept, shared by every page that has it: most of a page's links
   * (the sidebar, the header) and many of its ids are on every other page too.
   */
  private readonly kept = new Map<string, string>();

  add(file: string, html: string): void {
    this.pages.push({
      route: routeOf(file),
      links: [...new Set(internalLinks(html))].map(this.keep),
    });
    // Nearly every page is the target of an anchor: its own table of contents links into it.
    const ids = new Set<string>();
    for (const id of anchorsIn(html)) ids.add(this.keep(id));
    this.anchors.set(file, ids);
  }

  /** The kept copy of `text`, out of the page it was cut from (lib/detach.ts). */
  private readonly keep = (text: string): string => {
    let kept = this.kept.get(text);
    if (kept === undefined) {
      kept = detach(text);
      this.kept.set(kept, kept);
    }
    return kept;
  };

  /** `files`: every file of the build, relative to its root with forward slashes. */
  broken(files: ReadonlySet<string>): BrokenLink[] {
    const broken: BrokenLink[] = [];
    for (const { route, links } of this.pages) {
      for (const href of links) {
        const { path, anchor } = resolveHref(route, href, this.base);
        if (path === undefined) {
          broken.push({
            page: route,
            href,
            reason: `outside the site's base path ${this.base} (start it with ${this.base}, or make it relative)`,
          });
          continue;
        }
        const target = fileForPath(files, path);
        if (!target) {
          const file = /\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html');
          broken.push({ page: route, href, reason: file ? 'no such file' : 'no such page' });
          continue;
        }
        // Starlight's "skip to content" target is added by script-free markup as #_top.
        if (
          anchor &&
          anchor !== '_top' &&
          target.endsWith('.html') &&
          !this.anchors.get(target)?.has(anchor)
        ) {
          broken.push({ page: route, href, reason: `no element with id "${anchor}"` });
        }
      }
    }
    return broken;
  }
}

/** Checks every internal link, anchor and loaded file of the site built in `root`, served under `base`. */
export function checkLinks(root: string, base = '/'): BrokenLink[] {
  const files = allFiles(root);
  const checker = new LinkChecker(base);
  for (const file of files)
    if (file.endsWith('.html')) checker.add(file, readFileSync(join(root, file), 'utf8'));
  return checker.broken(new Set(files));
}

/** Logs every broken link and fails the build, or says all is well. */
export function reportLinks(broken: BrokenLink[], logger: AstroIntegrationLogger): void {
  if (broken.length > 0) {
    for (const b of broken) logger.error(`${b.page} links to ${b.href}: ${b.reason}`);
    throw new Error(`${broken.length} broken internal link(s); see the list above.`);
  }
  logger.info('every internal link, anchor and loaded file resolves');
}
