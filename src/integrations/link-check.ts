import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, routeOf } from './html-files';

/**
 * Fails the build when an internal link or anchor in the built site leads nowhere, naming the
 * page and the link. External links (other hosts, mailto:, tel:) are not fetched.
 */

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/** Internal hrefs in a page (links and area elements), decoded of HTML entities. */
export function internalLinks(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<(?:a|area)\b[^>]*?\shref\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const href = (match[2] ?? match[3] ?? '').replace(/&amp;/g, '&').trim();
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
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Resolves `href` found on `route` to a site path and an optional anchor. */
export function resolveHref(route: string, href: string): { path: string; anchor: string | null } {
  const url = new URL(href, `https://site.invalid${route}`);
  const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  return { path: decodeURIComponent(url.pathname), anchor };
}

/** The built file that serves a site path, or null. */
export function fileForPath(root: string, path: string): string | null {
  const candidates = path.endsWith('/') ? [join(root, path, 'index.html')] : [join(root, path), join(root, path, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/** Checks every internal link and anchor of the site built in `root`. */
export function checkLinks(root: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let found = anchorCache.get(file);
    if (!found) {
      found = anchorsIn(readFileSync(file, 'utf8'));
      anchorCache.set(file, found);
    }
    return found;
  };
  for (const file of htmlFiles(root)) {
    const route = routeOf(file);
    const html = readFileSync(join(root, file), 'utf8');
    for (const href of new Set(internalLinks(html))) {
      const { path, anchor } = resolveHref(route, href);
      const target = fileForPath(root, path);
      if (!target) {
        broken.push({ page: route, href, reason: 'no such page' });
        continue;
      }
      // Starlight's "skip to content" target is added by script-free markup as #_top.
      if (anchor && anchor !== '_top' && target.endsWith('.html') && !anchorsOf(target).has(anchor)) {
        broken.push({ page: route, href, reason: `no element with id "${anchor}"` });
      }
    }
  }
  return broken;
}

export function linkCheck(): AstroIntegration {
  return {
    name: 'charter:link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = checkLinks(fileURLToPath(dir));
        if (broken.length > 0) {
          for (const b of broken) logger.error(`${b.page} links to ${b.href}: ${b.reason}`);
          throw new Error(`${broken.length} broken internal link(s); see the list above.`);
        }
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
