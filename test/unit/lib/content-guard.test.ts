import { globSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import {
  checkContent,
  checkNodes,
  checkTree,
  contentFormat,
  dangerousScheme,
  formatContentIssue,
  guardedNodes,
  isCharterComponent,
  literalValue,
  type GuardNode,
} from '../../../packages/starlight-charter/lib/content-guard';
import { SAMPLE, WEE } from '../../support/sites';

const HOSTILE = 'test/fixtures/content/hostile';

/**
 * Each hostile fixture states in its frontmatter where its one fault is and what the message
 * says: `# expect: LINE:COL TOKEN | WORDS`, TOKEN being the text found at that place.
 */
function expectation(source: string) {
  const match = /^# expect: (\d+):(\d+) (.+?) \| (.+)$/m.exec(source);
  if (!match) throw new Error('fixture without an "# expect:" line');
  return { line: Number(match[1]), column: Number(match[2]), token: match[3]!, words: match[4]! };
}

const hostile = globSync(`${HOSTILE}/*.{md,mdx}`).sort();
const md = (source: string) => checkContent(source, 'markdown');
const mdx = (source: string) => checkContent(source, 'mdx');
const where = (issues: { line: number; column: number }[]) =>
  issues.map((i) => `${i.line}:${i.column}`);

describe('the hostile corpus', () => {
  test('holds the faults content must not carry', () => {
    const names = hostile.map((f) => basename(f));
    for (const name of [
      'script.md',
      'img-onerror.md',
      'a-href-javascript.md',
      'link-javascript.md',
      'link-data.md',
      'iframe.md',
      'object.md',
      'embed.md',
      'export.mdx',
      'script-jsx.mdx',
      'onclick-jsx.mdx',
    ])
      expect(names).toContain(name);
  });

  test.each(hostile)('%s gives exactly one message, at its fault', (file) => {
    const source = readFileSync(file, 'utf8');
    const expected = expectation(source);
    // The fixture's own claim, checked from first principles: the token is at that place.
    const line = source.split('\n')[expected.line - 1]!;
    expect(line.slice(expected.column - 1)).toMatch(
      new RegExp(`^${expected.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    const issues = checkContent(source, contentFormat(file)!);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect({ line: issue!.line, column: issue!.column }).toEqual({
      line: expected.line,
      column: expected.column,
    });
    expect(issue!.message).toContain(expected.words);
    expect(issue!.hint).toMatch(/\S/);
    expect(formatContentIssue(file, issue!)).toBe(
      `${file}:${expected.line}:${expected.column} ${issue!.message} — ${issue!.hint}`,
    );
    expect(formatContentIssue(file, issue!)).not.toContain('\n');
  });
});

describe('clean content', () => {
  test.each(globSync('test/fixtures/content/clean/*.{md,mdx}').sort())(
    '%s gives no message',
    (file) => {
      expect(checkContent(readFileSync(file, 'utf8'), contentFormat(file)!)).toEqual([]);
    },
  );

  // The sites' own pages and articles place Charter's components (imported from
  // starlight-charter/components/ in pages, the KB figure components without an import in
  // articles) and stay allowed. Charter's own pages are the package's code, not content.
  const content = globSync(['examples/*/src/content/**/*.{md,mdx}']).sort();
  test('covers the pages and articles of both companies', () => {
    for (const company of [SAMPLE, WEE]) {
      expect(content.some((f) => f.startsWith(`${company.docs}/`))).toBe(true);
      expect(content.some((f) => f.startsWith(`${company.kb}/`) && f.endsWith('.mdx'))).toBe(true);
    }
    expect(content.some((f) => f.startsWith(`${SAMPLE.docs}/`) && f.endsWith('.mdx'))).toBe(true);
  });
  test.each(content)('%s gives no message', (file) => {
    expect(
      checkContent(readFileSync(file, 'utf8'), contentFormat(file)!).map((i) =>
        formatContentIssue(file, i),
      ),
    ).toEqual([]);
  });
});

describe('raw HTML in Markdown', () => {
  test('is read as the browser reads it: entities, case and hidden whitespace do not hide a scheme', () => {
    expect(where(md('<a href="&#106;avascript:alert(1)">x</a>\n'))).toEqual(['1:4']);
    expect(where(md('<a href=" JaVaScRiPt:alert(1)">x</a>\n'))).toEqual(['1:4']);
    expect(where(md('<a href="java&#x09;script:alert(1)">x</a>\n'))).toEqual(['1:4']);
    expect(where(md('<A HREF="vbscript:msgbox(1)">x</A>\n'))).toEqual(['1:4']);
    expect(where(md('<IMG SRC=x ONERROR=alert(1)>\n'))).toEqual(['1:12']);
  });

  test('finds every event handler, URL attribute and forbidden element, each at its place', () => {
    const issues = md(
      'Intro.\n\n<div>\n<p onmouseover="x()">a</p>\n<form action="javascript:x()"><button formaction="data:text/html,x">b</button></form>\n</div>\n',
    );
    expect(where(issues)).toEqual(['4:4', '5:7', '5:39']);
    expect(where(md('<svg><a xlink:href="javascript:x()"><text>t</text></a></svg>\n'))).toEqual([
      '1:9',
    ]);
    expect(where(md('<svg><set attributeName="href" to="javascript:x()"/></svg>\n'))).toEqual([
      '1:32',
    ]);
    expect(where(md('<img srcset="/a.png 1x, data:image/png;base64,AA== 2x">\n'))).toEqual(['1:6']);
    expect(
      md(
        '<base href="/">\n<meta http-equiv="refresh" content="0">\n<link rel="stylesheet" href="/x.css">\n<style>p{}</style>\n',
      ).map((i) => i.message),
    ).toEqual([
      expect.stringContaining('<base>'),
      expect.stringContaining('<meta>'),
      expect.stringContaining('<link>'),
      expect.stringContaining('<style>'),
    ]);
  });

  test('maps lines inside list items and quotes to the file, past their indent and markers', () => {
    expect(where(md('- item\n\n  <div\n  onclick="x">y</div>\n'))).toEqual(['4:3']);
    expect(where(md('> <div\n> onclick="x">y</div>\n'))).toEqual(['2:3']);
  });

  test("reads a document's HTML blocks together, as the page joins them", () => {
    // Alone, <title> holds text; after an <svg> it is SVG, and the <img> inside it is lifted out.
    expect(where(md('<svg>\n\n<title><img src=x onerror=alert(1)></title>\n'))).toEqual(['3:19']);
    expect(md('<title><img src=x onerror=alert(1)></title>\n')).toEqual([]);
  });

  test('a second <body> lends the page its attributes, and template content is checked too', () => {
    expect(where(md('Text.\n\n<body onload="x()">\n'))).toEqual(['3:7']);
    expect(where(md('<template><img src=x onerror="x()"></template>\n'))).toEqual(['1:22']);
  });

  test('an unclosed tag is an error, not the next paragraph turned into its attributes', () => {
    const issues = md('<div\n\nonclick=alert(1)//\n');
    expect(where(issues)).toEqual(['1:1']);
    expect(issues[0]!.message).toContain('not closed');
  });

  test('leaves harmless HTML, comments and code alone', () => {
    expect(
      md(
        'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>\n\n<details><summary>More</summary>\n\nText with <a href="https://example.com/" title="x">a link</a> and <img src="/a.png" alt="">.\n\n</details>\n\n<!-- <script>alert(1)</script> -->\n\n```html\n<script>alert(1)</script>\n<a href="javascript:x">x</a>\n```\n\nInline `<iframe>` and `javascript:void(0)` are code.\n',
      ),
    ).toEqual([]);
  });
});

describe('Markdown links and images', () => {
  test('javascript:, vbscript: and data: targets are errors, wherever the link is', () => {
    expect(where(md('A [x](javascript:alert(1)) and ![y](data:image/png;base64,AA==).\n'))).toEqual(
      ['1:3', '1:32'],
    );
    expect(where(md('- a\n  - [x](vbscript:x)\n'))).toEqual(['2:5']);
    expect(where(md('<javascript:alert(1)>\n'))).toEqual(['1:1']);
    expect(where(md('[x][r]\n\n[r]: <javascript:alert(1)> "t"\n'))).toEqual(['3:1']);
    expect(where(md('[x](&#106;avascript:alert(1))\n'))).toEqual(['1:1']);
  });

  test('ordinary targets are not', () => {
    expect(
      md(
        '[a](https://example.com/) [b](/kb/) [c](#top) [d](mailto:a@example.com) [e](tel:+1) [f](../x/) ![g](/img/a.png)\n',
      ),
    ).toEqual([]);
  });
});

describe('MDX', () => {
  test("imports of Charter's components are allowed, other imports and every export are not", () => {
    const issues = mdx(
      "import Table from 'starlight-charter/components/commercial/Table.astro';\nimport { Aside } from '@astrojs/starlight/components';\nimport x from 'starlight-charter/lib/money';\nimport 'starlight-charter/components/../lib/x.astro';\nexport { default } from 'starlight-charter/components/A.astro';\nimport Old from '~/components/A.astro';\n\nText\n",
    );
    expect(where(issues)).toEqual(['3:1', '4:1', '5:1', '6:1']);
    expect(issues[0]!.message).toContain('"starlight-charter/lib/money"');
    expect(issues[3]!.message).toContain('"~/components/A.astro"');
    const oneLine = "import A from 'starlight-charter/components/A.astro'; export const b = 1;";
    expect(where(mdx(`${oneLine}\n\nText\n`))).toEqual([`1:${oneLine.indexOf('export') + 1}`]);
  });

  test("script, iframe, object and embed elements are errors; Charter's components are not", () => {
    expect(
      mdx(
        '<Price tier="x" /> and <SlaTarget tier="x" severity="y" target="z" />\n\n<CatalogList ordered />\n',
      ),
    ).toEqual([]);
    expect(
      mdx('<iframe src="/x" />\n\n<object data="/x" />\n\n<embed src="/x" />\n').map((i) => i.line),
    ).toEqual([1, 3, 5]);
  });

  test('event handlers, code in attribute values, spreads and set:html are errors', () => {
    expect(mdx('<b onclick="x()">b</b>\n').map((i) => i.message)).toEqual([
      expect.stringContaining('onclick'),
    ]);
    expect(mdx('<Price tier={(() => "x")()} />\n').map((i) => i.message)).toEqual([
      expect.stringContaining('{…} value of tier'),
    ]);
    expect(mdx('<Price {...props} />\n').map((i) => i.message)).toEqual([
      expect.stringContaining('spread'),
    ]);
    expect(mdx('<div set:html="<img src=x onerror=y>" />\n').map((i) => i.message)).toEqual([
      expect.stringContaining('set:html'),
    ]);
  });

  test('a literal in braces is a value, and a dangerous one is still caught', () => {
    expect(mdx('<Quota amount={5} label={"x"} note={`y`} />\n')).toEqual([]);
    expect(mdx('<a href={"javascript:alert(1)"}>x</a>\n').map((i) => i.message)).toEqual([
      expect.stringContaining('javascript:'),
    ]);
    expect(mdx('<img src={`data:image/png;base64,AA==`} />\n')).toHaveLength(1);
  });

  test('expressions are errors, comments and literal text in braces are not', () => {
    expect(where(mdx('Text {1 + 1} and\n\n{fetch("/x")}\n'))).toEqual(['1:6', '3:1']);
    expect(mdx('{/* a note for editors */}\n\nA {"{"} brace.\n')).toEqual([]);
  });
});

describe("the checks' parts", () => {
  test('dangerousScheme reads a URL as the browser does', () => {
    expect(dangerousScheme('javascript:x')).toBe('javascript:');
    expect(dangerousScheme('\u0001 JAVA\tSCRIPT:x')).toBe('javascript:');
    expect(dangerousScheme('data:text/html,x')).toBe('data:');
    expect(dangerousScheme('VBScript:x')).toBe('vbscript:');
    for (const safe of [
      'https://example.com/',
      '/kb/',
      'x.html',
      '#a',
      'mailto:a@b.c',
      'javascript',
      './javascript:x',
    ])
      expect(dangerousScheme(safe)).toBeUndefined();
  });

  test("isCharterComponent takes Charter's .astro components and Starlight's components only", () => {
    expect(isCharterComponent('starlight-charter/components/kb/figures/Price.astro')).toBe(true);
    expect(isCharterComponent('@astrojs/starlight/components')).toBe(true);
    for (const other of [
      'starlight-charter/components/x.ts',
      'starlight-charter/lib/x.astro',
      'starlight-charter/components/../x.astro',
      'starlight-charter/components/a/./b.astro',
      'starlight-charter/components//b.astro',
      'starlight-charter/components/x.astro?raw',
      'node:fs',
      '@astrojs/starlight/components/Aside.astro',
      '@astrojs/starlight/internal',
      // The alias Charter's pages once used is no address a site can resolve.
      '~/components/kb/figures/Price.astro',
      '../../components/x.astro',
    ])
      expect(isCharterComponent(other)).toBe(false);
  });

  test('literalValue tells literals and comments from code', () => {
    expect(literalValue('"a"')).toBe('a');
    expect(literalValue(' 5 ')).toBe('5');
    expect(literalValue('`t`')).toBe('t');
    expect(literalValue('/* c */')).toBeNull();
    for (const code of ['a', '`${a}`', 'f()', '/x/', '"a" + "b"', '{}', 'a = 1'])
      expect(literalValue(code)).toBeUndefined();
  });

  test('checkTree on a parsed tree gives what checkContent gives', () => {
    const source = readFileSync(`${HOSTILE}/img-onerror.md`, 'utf8');
    expect(checkTree(markdownToMdast(source) as GuardNode, source)).toEqual(md(source));
    const mdxSource = readFileSync(`${HOSTILE}/onclick-jsx.mdx`, 'utf8');
    expect(checkTree(mdxToMdast(mdxSource) as GuardNode, mdxSource)).toEqual(mdx(mdxSource));
  });

  test('without positions (a pipeline that does not track them) a problem is still found', () => {
    const source = 'Text [x](javascript:y)\n\n<img src=x onerror=y>\n';
    const nodes = guardedNodes(markdownToMdast(source, { position: false }) as GuardNode);
    expect(checkNodes(nodes, source)).toHaveLength(2);
  });

  test('a file that does not parse is reported, not thrown', () => {
    const [issue] = mdx('<div>\n\nunclosed {\n');
    expect(issue?.message).toMatch(/does not parse/);
  });
});
