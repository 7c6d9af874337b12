import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, test, vi } from 'vitest';
import {
  codeBlocks,
  focusableCodeBlocks,
} from '../../../packages/starlight-charter/integrations/code-blocks';

/** Markdown rendered as the site renders it: Prism, then the plugin. */
async function render(markdown: string): Promise<string> {
  const processor = await createSatteriMarkdownProcessor({
    syntaxHighlight: 'prism',
    hastPlugins: [focusableCodeBlocks],
  });
  return (await processor.render(markdown)).code;
}

describe('focusableCodeBlocks', () => {
  test('a highlighted code block takes keyboard focus', async () => {
    const html = await render('```bash\ncurl -s https://example.com\n```\n');
    expect(html).toMatch(
      /<pre class="language-bash"[^>]* tabindex="0"[^>]*><code class="language-bash">/,
    );
    expect(html).toContain('<span class="token function">curl</span>');
  });

  test('so does a block without a language, and inline code is left alone', async () => {
    const html = await render('Run `ls`:\n\n```\nls -la\n```\n');
    expect(html.match(/<pre[^>]*>/g)).toEqual([expect.stringContaining('tabindex="0"')]);
    expect(html).toContain('<code>ls</code>');
  });

  test('a block that already sets its tabindex keeps it', () => {
    type Visit = (node: object, ctx: { setProperty: typeof setProperty }) => void;
    const { visit } = (focusableCodeBlocks.element as unknown as { visit: Visit }[])[0]!;
    const setProperty = vi.fn();
    visit({ properties: { tabIndex: -1 } }, { setProperty });
    expect(setProperty).not.toHaveBeenCalled();
    visit({ properties: {} }, { setProperty });
    expect(setProperty).toHaveBeenCalledWith({ properties: {} }, 'tabIndex', 0);
  });
});

describe('codeBlocks', () => {
  type Setup = (options: unknown) => void;
  const setup = (processor: unknown) => {
    const warn = vi.fn();
    const hook = codeBlocks().hooks['astro:config:setup'] as unknown as Setup;
    hook({ config: { markdown: { processor } }, logger: { warn } });
    return warn;
  };

  test("adds the plugin to Sätteri's", () => {
    const processor = { name: 'satteri', options: { hastPlugins: [] as unknown[] } };
    expect(setup(processor)).not.toHaveBeenCalled();
    expect(processor.options.hastPlugins).toEqual([focusableCodeBlocks]);
  });

  test('says so when another Markdown processor is configured', () => {
    const warn = setup({ name: 'unified', options: {} });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"unified"'));
  });
});
