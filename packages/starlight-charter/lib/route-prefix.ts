/**
 * The first path segment of every page Charter publishes: a site may put them all under a
 * prefix such as `/support/`, beside its own pages. The search help, robots.txt and the
 * search index stay at the site's root.
 */
export const CHARTER_ROUTE_ROOTS = [
  'commercial',
  'calculators',
  'sales',
  'playbook',
  'reference',
  'kb',
  'api',
  'schemas',
] as const;

/**
 * A site path (`/commercial/sla/#credits`) under the route prefix when it is one of Charter's
 * pages; any other address (the site's own pages, other sites, anchors) as it is.
 */
export function withPrefix(href: string, prefix: string): string {
  if (prefix === '/' || !href.startsWith('/') || href.startsWith('//')) return href;
  const first = href.slice(1).split(/[/?#]/, 1)[0] ?? '';
  return (CHARTER_ROUTE_ROOTS as readonly string[]).includes(first)
    ? `${prefix}${href.slice(1)}`
    : href;
}

/** The first path segment of a site path, and the page it names under a Charter root. */
function charterPath(href: string): { root: string; page: string } | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  const path = href.slice(1).split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').filter(Boolean);
  const root = segments[0] ?? '';
  if (!(CHARTER_ROUTE_ROOTS as readonly string[]).includes(root)) return undefined;
  return { root, page: segments.slice(0, 2).join('/') };
}

/**
 * Whether a link (`/calculators/roi/`, written without the prefix) reaches a page the site
 * publishes, given `published(page)` for Charter's pages (`calculators/roi`) and
 * `rootPublished(root)` for the rest of a root (`kb`, `api`). Other addresses are not Charter's
 * to judge, and count as published.
 */
export function linkPublished(
  href: string,
  published: (page: string) => boolean | undefined,
  rootPublished: (root: string) => boolean,
): boolean {
  const path = charterPath(href);
  if (!path) return true;
  return published(path.page) ?? rootPublished(path.root);
}
