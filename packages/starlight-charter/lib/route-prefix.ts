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
  return (CHARTER_ROUTE_ROOTS as readonly string[]).includes(first) ? `${prefix}${href.slice(1)}` : href;
}
