import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, test, vi } from 'vitest';
import {
  tableRegions,
  tableRegionsPlugin,
} from '../../../packages/starlight-charter/integrations/table-regions';

/** Markdown rendered as the site renders it, with the plugin. */
async function render(markdown: string): Promise<string> {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: [tableRegionsPlugin] });
  return (await processor.render(markdown)).code;
}

const TABLE = '| Plan | Limit |\n| --- | --- |\n| Basic | 10 |\n';

/** The opening tags of the frames around tables, in order. */
const frames = (html: string) => [...html.matchAll(/<div[^>]*>(?=<table>)/g)].map((m) => m[0]);

describe('tableRegionsPlugin', () => {
  test('frames each table in a focusable region named by the heading above it', async () => {
    const html = await render(`# Page\n\n## Limits *per* plan\n\nText.\n\n${TABLE}`);
    expect(frames(html)).toEqual([
      '<div class="charter-table-wrap" role="region" aria-label="Limits per plan" tabindex="0">',
    ]);
    expect(html).toMatch(/<\/table><\/div>/);
  });

  test('two tables under one heading get different names; a later heading names the next', async () => {
    const html = await render(`## Limits\n\n${TABLE}\n${TABLE}\n### Errors\n\n${TABLE}`);
    expect(frames(html).map((tag) => /aria-label="([^"]*)"/.exec(tag)?.[1])).toEqual([
      'Limits',
      'Limits (table 2)',
      'Errors',
    ]);
  });

  test('a table before any heading is named "Table", and each document is named afresh', async () => {
    expect(frames(await render(TABLE))).toEqual([expect.stringContaining('aria-label="Table"')]);
    expect(frames(await render(TABLE))).toEqual([expect.stringContaining('aria-label="Table"')]);
  });

  test('text without tables is left as written', async () => {
    expect(await render('## Limits\n\nNo table here.\n')).not.toContain('<div');
  });
});

describe('tableRegions', () => {
  type Setup = (options: unknown) => void;
  const setup = (processor: unknown) => {
    const warn = vi.fn();
    const hook = tableRegions().hooks['astro:config:setup'] as unknown as Setup;
    hook({ config: { markdown: { processor } }, logger: { warn } });
    return warn;
  };

  test("adds the plugin to Sätteri's", () => {
    const processor = { name: 'satteri', options: { hastPlugins: [] as unknown[] } };
    expect(setup(processor)).not.toHaveBeenCalled();
    expect(processor.options.hastPlugins).toEqual([tableRegionsPlugin]);
  });

  test('says so when another Markdown processor is configured', () => {
    const warn = setup({ name: 'unified', options: {} });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"unified"'));
  });
});
