import type { AstroIntegration } from 'astro';
import { regionNamer } from '../lib/table-regions.ts';
import { addHastPlugin } from './code-blocks.ts';

/**
 * A Markdown table wider than the page scrolls sideways inside a frame of its own, as Charter's
 * data tables do (components/DataTable.astro): a region named after the table's caption or the
 * heading above it, that takes keyboard focus so it can be scrolled without a pointer (axe:
 * scrollable-region-focusable). styles/charter.css draws the frame and its scroll cue.
 */

type HastElement = {
  tagName: string;
  properties?: Record<string, unknown>;
  children?: { type: string; tagName?: string }[];
};
type HastContext = {
  textContent(node: object): string;
  wrapNode(node: object, wrapper: object): void;
};

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The plugin, made afresh for each document (the names are numbered within one document). */
export function tableRegionsPlugin() {
  let heading: string | undefined;
  const name = regionNamer();
  return {
    name: 'charter-table-regions',
    element: [
      {
        // Visited in document order, so a table's heading is the last one seen before it.
        filter: [...HEADINGS, 'table'],
        visit(node: HastElement, ctx: HastContext) {
          if (node.tagName !== 'table') {
            heading = ctx.textContent(node);
            return;
          }
          const caption = node.children?.find((c) => c.tagName === 'caption');
          ctx.wrapNode(node, {
            type: 'element',
            tagName: 'div',
            properties: {
              className: ['charter-table-wrap'],
              role: 'region',
              ariaLabel: name(caption ? ctx.textContent(caption) : heading),
              tabIndex: 0,
            },
            children: [],
          });
        },
      },
    ],
  };
}

/** Adds the plugin to Astro's Markdown processor. */
export function tableRegions(): AstroIntegration {
  return {
    name: 'charter:table-regions',
    hooks: {
      'astro:config:setup': ({ config, logger }) =>
        addHastPlugin(
          config,
          logger,
          tableRegionsPlugin,
          'wide Markdown tables scroll without keyboard focus or a name',
        ),
    },
  };
}
