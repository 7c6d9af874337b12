import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withPrefix } from '../lib/route-prefix.ts';

type HastNode = { properties?: Record<string, unknown> };
type HastContext = { setProperty(node: HastNode, name: string, value: unknown): void };

/**
 * Links written in Charter's pages and the KB articles (`/commercial/sla/`) follow the site's
 * route prefix: a Sätteri hast plugin rewrites each link to one of Charter's pages as the
 * document is compiled, so writers keep writing the plain path.
 */
export function prefixLinksPlugin(folders: readonly string[], prefix: string) {
  const inside = (file: string) =>
    folders.some((dir) => file.startsWith(dir.endsWith(sep) ? dir : dir + sep));
  return (context: { fileURL?: URL }) => {
    const file = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
    if (!file || !inside(file)) return null;
    return {
      name: 'charter-route-prefix',
      element: [
        {
          filter: ['a'],
          visit(node: HastNode, ctx: HastContext) {
            const href = node.properties?.href;
            if (typeof href !== 'string') return;
            const prefixed = withPrefix(href, prefix);
            if (prefixed !== href) ctx.setProperty(node, 'href', prefixed);
          },
        },
      ],
    };
  };
}

/** Adds the plugin to Astro's Markdown processor when Charter's pages sit under a prefix. */
export function routePrefix(folders: readonly string[], prefix: string): AstroIntegration {
  return {
    name: 'charter:route-prefix',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (prefix === '/') return;
        const processor = config.markdown.processor as
          { name: string; options?: { hastPlugins?: unknown[] } } | undefined;
        if (processor?.name === 'satteri' && processor.options?.hastPlugins) {
          processor.options.hastPlugins.push(prefixLinksPlugin(folders, prefix));
        } else {
          logger.warn(
            `links in Markdown stay without the prefix ${prefix}: the Markdown processor is "${processor?.name}", not Sätteri`,
          );
        }
      },
    },
  };
}
