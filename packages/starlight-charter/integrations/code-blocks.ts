import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';

/**
 * Code blocks in Markdown and MDX are highlighted by Prism (`markdown.syntaxHighlight` in
 * astro.config.mjs): a few regular expressions per language, where Shiki loads a WebAssembly
 * regex engine and compiles a TextMate grammar for each language, about 0.4 s of every build.
 * Prism marks tokens with classes, coloured in styles/charter.css.
 *
 * A code block wider than the page scrolls sideways, so it must take keyboard focus for a
 * keyboard user to scroll it (axe: scrollable-region-focusable); Shiki's blocks had
 * `tabindex="0"` and Prism's do not, so this gives it to every `<pre>` without one.
 */

/** A hast plugin of Sätteri, Astro's Markdown processor (an entry that is not a list or factory). */
type HastPlugin = Exclude<
  NonNullable<SatteriProcessorOptions['hastPlugins']>[number],
  ((...args: never[]) => unknown) | readonly unknown[] | null | undefined | false
>;

export const focusableCodeBlocks: HastPlugin = {
  name: 'charter-focusable-code-blocks',
  element: [
    {
      filter: ['pre'],
      visit(node, ctx) {
        if (node.properties && 'tabIndex' in node.properties) return;
        ctx.setProperty(node, 'tabIndex', 0);
      },
    },
  ],
};

/**
 * Adds a hast plugin to Astro's Markdown processor (Sätteri, Astro's default); with another
 * processor, warns with `without`: what the site goes without.
 */
export function addHastPlugin(
  config: { markdown: { processor?: unknown } },
  logger: { warn(message: string): void },
  plugin: unknown,
  without: string,
): void {
  const processor = config.markdown.processor as
    { name: string; options?: { hastPlugins?: unknown[] } } | undefined;
  if (processor?.name === 'satteri' && processor.options?.hastPlugins) {
    processor.options.hastPlugins.push(plugin);
  } else {
    logger.warn(`${without}: the Markdown processor is "${processor?.name}", not Sätteri`);
  }
}

/** Adds the plugin to Astro's Markdown processor. */
export function codeBlocks(): AstroIntegration {
  return {
    name: 'charter:code-blocks',
    hooks: {
      'astro:config:setup': ({ config, logger }) =>
        addHastPlugin(
          config,
          logger,
          focusableCodeBlocks,
          'code blocks stay out of keyboard reach',
        ),
    },
  };
}
