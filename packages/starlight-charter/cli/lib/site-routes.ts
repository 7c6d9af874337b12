import { existsSync, readdirSync } from 'node:fs';
import type { Catalog } from '../../data/load';
import { charterRoutes } from '../../integrations/charter';
import { charterPageRoutes } from '../../site-checks';
import { fileRoutes, routeRegExp, walk } from './routes';
import type { Site } from './site';

const exact = (route: string) => routeRegExp(route.replace(/^\/+|\/+$/g, ''));

/**
 * Every route a site has before it is built, as patterns: its own pages (src/content/docs and
 * src/pages), its static files, and what Charter adds for its options: Charter's pages, the
 * knowledge base's home, categories and articles, and the endpoints (API, schemas, robots.txt).
 */
export function siteRoutes(site: Site, catalog: Catalog | null): RegExp[] {
  const { prefix, sections } = site.options;
  const under = prefix.slice(1);
  const routes: RegExp[] = [
    ...fileRoutes(site.docs),
    ...fileRoutes(site.pages),
    ...walk(site.public).map(exact),
    ...charterPageRoutes(site.options).map(exact),
  ];
  if (sections.kb) {
    routes.push(...fileRoutes(site.kb, `${under}kb/`));
    const categories =
      catalog?.kb.categories.map((c) => c.id) ??
      (existsSync(site.kb)
        ? readdirSync(site.kb, { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
        : []);
    routes.push(...categories.map((id) => exact(`${under}kb/${id}`)));
  }
  for (const [pattern, file] of charterRoutes(sections)) {
    // Pages come from charterPageRoutes and the KB's from its files, above: their injected
    // patterns (`[folder]/[...page]`) would take any address.
    if (file === 'pages.astro' || file.startsWith('kb/')) continue;
    const atRoot = pattern === 'robots.txt' || pattern === 'search-help.json';
    routes.push(routeRegExp(atRoot ? pattern : `${under}${pattern}`));
  }
  return routes;
}
