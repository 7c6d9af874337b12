import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * Plain Markdown is rendered once and kept in Astro's content cache; MDX is compiled into the
 * bundle on every build (about 15 ms a page, twice that with its rendering). A page is MDX only
 * when it imports, exports or places a component.
 */
const needsMdx = (source: string) =>
  /^(import|export) |<[A-Z][\w.]*[\s/>]/m.test(
    // Code shows components without placing them.
    source.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, ''),
  );

const mdxFiles = globSync([
  'packages/starlight-charter/pages/**/*.mdx',
  'examples/*/src/content/**/*.mdx',
]).sort();

describe('content is MDX only where it places components', () => {
  test('tells pages with components from plain ones', () => {
    expect(needsMdx('Intro\n\n<Price tier="pro" />\n')).toBe(true);
    expect(needsMdx("import Foo from '../Foo.astro';\n\nText")).toBe(true);
    expect(
      needsMdx('Text with <kbd>Ctrl</kbd>, a <br/> and `<Code>` in backticks is <fine>.\n'),
    ).toBe(false);
    expect(needsMdx('Example:\n\n```astro\n<Price tier="pro" />\n```\n')).toBe(false);
  });

  test('finds the MDX pages', () => expect(mdxFiles.length).toBeGreaterThan(0));

  test.each(mdxFiles)('%s places a component', (file) => {
    expect(
      needsMdx(readFileSync(file, 'utf8')),
      `${file} places no component: rename it to .md`,
    ).toBe(true);
  });
});
