import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/base-path.ts';
import { linkPublished, withPrefix } from '../lib/route-prefix.ts';
import { addHastPlugin } from './code-blocks.ts';
import type { CharterOptions } from '../options.ts';
import { sectionOfPage } from '../pages/index.ts';
import { charterPages } from '../site-checks.ts';

type HastNode = { properties?: Record<string, unknown> };
type HastContext = { setProperty(node: HastNode, name: string, value: unknown): void };

/** Whether each kind of Charter address is published, from the site's sections. */
export function publishedLinks(options: Pick<CharterOptions, 'sections' | 'replace'>) {
  const pages = new Set(charterPages());
  const rootSections: Record<string, boolean> = {
    kb: options.sections.kb,
    api: options.sections.commercial,
    schemas: options.sections.commercial,
  };
  return (href: string) =>
    linkPublished(
      href,
      (page) =>
        pages.has(page)
          ? options.sections[sectionOfPage(page)] || options.replace.includes(page)
          : undefined,
      (root) => rootSections[root] ?? true,
    );
}

/**
 * Links written in Charter's pages and the KB articles (`/commercial/sla/`) follow the site:
 * a Sätteri hast plugin puts each link to one of Charter's pages under the route prefix, every
 * site path under the base path the site is served from (`base`, `/` at the root), and turns a
 * link to a section the site does not publish into plain text, as each document is compiled,
 * so writers keep writing the plain path.
 */
export function siteLinksPlugin(
  folders: readonly string[],
  options: Pick<CharterOptions, 'prefix' | 'sections' | 'replace'>,
  base = '/',
) {
  const inside = (file: string) =>
    folders.some((dir) => file.startsWith(dir.endsWith(sep) ? dir : dir + sep));
  const published = publishedLinks(options);
  return (context: { fileURL?: URL }) => {
    const file = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
    if (!file || !inside(file)) return null;
    return {
      name: 'charter-site-links',
      element: [
        {
          filter: ['a'],
          visit(node: HastNode, ctx: HastContext) {
            const href = node.properties?.href;
            if (typeof href !== 'string') return;
            // An <a> without href is text that could have been a link: valid, and not a dead end.
            if (!published(href)) return ctx.setProperty(node, 'href', undefined);
            // A writer who knows the base path may have written it already.
            if (base !== '/' && href.startsWith(base)) return;
            const prefixed = withBase(withPrefix(href, options.prefix), base);
            if (prefixed !== href) ctx.setProperty(node, 'href', prefixed);
          },
        },
      ],
    };
  };
}

/** Adds the plugin to Astro's Markdown processor. */
export function siteLinks(
  folders: readonly string[],
  options: Pick<CharterOptions, 'prefix' | 'sections' | 'replace'>,
  /** The path the site is served under (lib/base-path.ts), known before Astro's config is. */
  base = '/',
): AstroIntegration {
  return {
    name: 'charter:site-links',
    hooks: {
      'astro:config:setup': ({ config, logger }) =>
        addHastPlugin(
          config,
          logger,
          siteLinksPlugin(folders, options, base),
          'links in Markdown are left as written (no route prefix or base path, none dropped)',
        ),
    },
  };
}
