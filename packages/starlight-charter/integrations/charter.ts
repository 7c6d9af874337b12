import { extname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Catalog } from '../data/load.ts';
import type { SiteLocale } from '../lib/site-locales.ts';
import { starlightPageSchemaOnce } from './starlight-page-schema.ts';
import {
  charterVirtualModules,
  type CharterSiteConfig,
  type KeptRelease,
} from './virtual-modules.ts';

const entry = (file: string) => new URL(`../routes/${file}`, import.meta.url).href;

/** Routes of each section, as [pattern under the prefix, route file]. */
export function charterRoutes(sections: CharterSiteConfig['sections']): [string, string][] {
  const routes: [string, string][] = [
    ['robots.txt', 'robots.txt.ts'],
    // Every folder of Charter's pages through one route; its paths follow the sections.
    ['[folder]/[...page]', 'pages.astro'],
  ];
  if (sections.commercial) {
    for (const name of ['plans', 'catalog', 'escalation', 'credits', 'sla'])
      routes.push([`api/${name}.json`, `api/${name}.json.ts`]);
    routes.push(['schemas/[...file]', 'schemas.ts']);
    // The terms' change log, its feed, and every kept release at a stable address.
    routes.push(
      ['commercial/changes', 'terms/changes.astro'],
      ['commercial/changes.xml', 'terms/changes.xml.ts'],
      ['commercial/terms/[version]', 'terms/[version].astro'],
    );
  }
  if (sections.kb) {
    routes.push(
      ['kb', 'kb/index.astro'],
      ['kb/search', 'kb/search.astro'],
      ['kb/[category]', 'kb/[category]/index.astro'],
      ['kb/[category]/[article]', 'kb/[category]/[article].astro'],
      ['search-help.json', 'search-help.json.ts'],
    );
  }
  return routes;
}

/** Routes whose files are the same in every language: one address, outside every locale. */
const SAME_IN_EVERY_LANGUAGE = /^(?:robots\.txt|api\/|schemas\/|commercial\/changes\.xml)/;
/** Routes that belong to the whole site, at its root (or its locale's root), not under the prefix. */
const AT_SITE_ROOT = new Set(['robots.txt', 'search-help.json']);

/**
 * The address patterns of the routes (charterRoutes) on a site: under the route `prefix`
 * (without slashes at its ends, empty at the root), and for each language the site publishes,
 * under that language's path (`en/…`), except files that are the same in every language.
 */
export function routePatterns(
  routes: readonly [string, string][],
  prefix: string,
  locales: readonly SiteLocale[],
): [string, string][] {
  return routes.flatMap(([pattern, file]) => {
    const under = AT_SITE_ROOT.has(pattern) ? pattern : `${prefix ? `${prefix}/` : ''}${pattern}`;
    const paths = SAME_IN_EVERY_LANGUAGE.test(pattern) ? [''] : locales.map((l) => l.path);
    return paths.map((path) => [path ? `${path}/${under}` : under, file] as [string, string]);
  });
}

/** The icon Charter serves for a site without one of its own. */
export interface SiteIcon {
  /** Its address, `/favicon.svg`. */
  href: string;
  /** The company's icon file from the terms, absolute; none for Charter's plain one. */
  file?: string;
}

/** The icon for a site without one: the company's from the terms, or Charter's plain one. */
export function faviconFor(termsDir: string, favicon: string | undefined): SiteIcon {
  if (!favicon) return { href: '/favicon.svg' };
  return { href: `/favicon${extname(favicon).toLowerCase()}`, file: join(termsDir, favicon) };
}

/**
 * The Astro side of the plugin: Charter's routes under the site's prefix, the virtual
 * modules pages read the terms from, and the build settings Charter's pages rely on.
 */
export function charterIntegration(
  config: CharterSiteConfig,
  catalog: Catalog,
  /** The icon Charter serves, for a site without one of its own. */
  icon: SiteIcon | undefined,
  /** The path the site is served under (lib/base-path.ts, siteBase). */
  base: string,
  /** The releases kept beside the terms. */
  releases: readonly KeptRelease[] = [],
): AstroIntegration {
  return {
    name: 'starlight-charter',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig, config: astroConfig }) => {
        const prefix = config.prefix.replace(/^\/|\/$/g, '');
        for (const [pattern, file] of routePatterns(
          charterRoutes(config.sections),
          prefix,
          config.locales,
        ))
          injectRoute({ pattern, entrypoint: entry(file), prerender: true });
        if (icon)
          injectRoute({
            pattern: icon.href.slice(1),
            entrypoint: entry('favicon.ts'),
            prerender: true,
          });
        updateConfig({
          site: astroConfig.site ?? catalog.company.site_url,
          base,
          trailingSlash: 'always',
          // Pages wait on file writes between renders; rendering a few at once fills those
          // waits (about 15% off page generation with 1,000 KB articles).
          build: { concurrency: 4 },
          // A KB article page whose cache key (routes/kb/_articles.ts) and code are unchanged
          // is copied from the last build; `astro build --force` renders all.
          experimental: { incrementalBuild: true },
          // Prism, not Shiki: see integrations/code-blocks.ts.
          markdown: { syntaxHighlight: 'prism' },
          vite: {
            plugins: [
              charterVirtualModules({ ...config, iconFile: icon?.file }, catalog, releases),
              starlightPageSchemaOnce(),
            ],
            ssr: { noExternal: ['starlight-charter'] },
            build: {
              rollupOptions: {
                // Astro marks every MDX module with a directive the bundler reports but handles
                // well (withastro/astro#18087); one warning per MDX page would bury the build's
                // real messages.
                onwarn(
                  warning: { code?: string; message: string },
                  warn: (w: { code?: string; message: string }) => void,
                ) {
                  if (
                    warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
                    warning.message.includes('astro:head-inject')
                  )
                    return;
                  warn(warning);
                },
              },
            },
          },
        });
      },
    },
  };
}
