/**
 * Content may not carry code. Knowledge-base articles and pages are pasted from tickets and
 * written by many hands; anything in them that would run — in the reader's browser (a script,
 * an event handler, a `javascript:` link, an embedded page) or while the site is built (MDX
 * exports, imports of anything but Charter's components, `{…}` expressions) — is an error with
 * its line and column, never silently stripped, so the author sees what to change.
 *
 * The checks read the Markdown/MDX syntax tree (mdast, as Sätteri and remark build it), parse
 * raw HTML with parse5, which follows the HTML standard's parsing rules as browsers do, so an
 * element or attribute is what a browser would see, and parse MDX's JavaScript with acorn.
 */
import { parse as parseJs, type Node as JsNode, type Program } from 'acorn';
import { parse as parseHtml, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { markdownToMdast, mdxToMdast } from 'satteri';

/** One problem: 1-based line and column in the file, what is wrong and how to fix it. */
export interface ContentIssue {
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** Plain Markdown (`.md`) or MDX (`.mdx`). */
export type ContentFormat = 'markdown' | 'mdx';

/** The parts of an mdast node the checks read. */
export interface GuardPoint {
  line: number;
  column: number;
}
export interface GuardNode {
  type: string;
  position?: { start: GuardPoint; end?: GuardPoint } | undefined;
  value?: unknown;
  url?: unknown;
  name?: unknown;
  attributes?: unknown;
  children?: unknown;
}

/** Where a node starts; 1:1 when the parser tracked no positions (it then only tells whether). */
const startOf = (node: GuardNode): GuardPoint => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

type JsxAttribute =
  | {
      type: 'mdxJsxAttribute';
      name: string;
      value?: string | { type: string; value: string } | null;
    }
  | { type: 'mdxJsxExpressionAttribute'; value: string };

/** The format a content file is written in, from its extension; undefined for other files. */
export function contentFormat(path: string): ContentFormat | undefined {
  if (path.endsWith('.mdx')) return 'mdx';
  if (path.endsWith('.md')) return 'markdown';
  return undefined;
}

/** `file:line:col message — hint`, the form every Charter check prints. */
export function formatContentIssue(file: string, issue: ContentIssue): string {
  return `${file}:${issue.line}:${issue.column} ${issue.message} — ${issue.hint}`;
}

/** Elements that run or embed active content, or change how the rest of the page behaves. */
const FORBIDDEN_ELEMENTS: Record<string, { message: string; hint: string }> = {
  script: {
    message: "a <script> element runs code in the reader's browser",
    hint: 'show code in a fenced code block (```) instead',
  },
  iframe: {
    message: 'an <iframe> embeds a page that runs its own code',
    hint: 'link to the page instead',
  },
  frame: {
    message: 'a <frame> embeds a page that runs its own code',
    hint: 'link to the page instead',
  },
  object: {
    message: 'an <object> element loads a plug-in or active content',
    hint: 'link to the file instead',
  },
  embed: {
    message: 'an <embed> element loads a plug-in or active content',
    hint: 'link to the file instead',
  },
  applet: { message: 'an <applet> element runs a program', hint: 'link to the file instead' },
  style: {
    message: 'a <style> element reaches the page unescaped and restyles it',
    hint: "remove it; styles belong in Charter's stylesheet",
  },
  link: {
    message: 'a <link> element loads a stylesheet or resource into the page',
    hint: 'use a Markdown link [text](url) instead',
  },
  base: {
    message: 'a <base> element redirects every relative link on the page',
    hint: 'remove it',
  },
  meta: { message: 'a <meta> element can redirect or reconfigure the page', hint: 'remove it' },
};

/** Attributes whose value is a URL the browser follows or loads (names lower-cased, `-`/`:` dropped). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlinkhref',
  'poster',
  'data',
  'background',
  'cite',
]);
/** SVG animation sets another attribute (such as href) to these values. */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);
const ANIMATION_VALUES = new Set(['to', 'from', 'values', 'by']);

/** URL schemes whose target is code or an unreviewed document, and why each is refused. */
const DANGEROUS_SCHEMES: Record<string, string> = {
  'javascript:': "runs code in the reader's browser",
  'vbscript:': "runs code in the reader's browser",
  'data:': 'carries an inline document or script that nobody reviews',
};
const URL_HINT = 'point it at an https:// address or a path on this site, such as /kb/';

/**
 * The scheme of `url` when it is one that runs code or inlines a document, as the browser reads
 * it: the WHATWG URL parser drops the tabs, newlines and leading spaces that would hide it.
 */
export function dangerousScheme(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url, 'https://charter.invalid/').protocol;
  } catch {
    // A URL the browser cannot parse is not followed.
    return undefined;
  }
  return protocol in DANGEROUS_SCHEMES ? protocol : undefined;
}

function urlIssue(what: string, url: string, at: GuardPoint): ContentIssue | undefined {
  const scheme = dangerousScheme(url);
  if (!scheme) return undefined;
  return {
    ...at,
    message: `${what} points to a ${scheme} URL, which ${DANGEROUS_SCHEMES[scheme]}`,
    hint: URL_HINT,
  };
}

const normalName = (name: string) => name.toLowerCase().replace(/[-:]/g, '');
const isEventHandler = (name: string) => /^on/i.test(name);

/** The URLs one attribute value holds: one, or each candidate of a srcset or animation list. */
function urlsOf(attribute: string, value: string): string[] {
  if (attribute === 'srcset') return value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
  if (attribute === 'values') return value.split(';');
  return [value];
}

/** Problems with one attribute of element `tag`; `value` undefined when it is not a literal. */
function attributeIssues(
  tag: string,
  name: string,
  value: string | undefined,
  at: GuardPoint,
): ContentIssue[] {
  if (isEventHandler(name))
    return [
      {
        ...at,
        message: `the ${name} attribute on <${tag}> runs code when its event fires`,
        hint: 'remove the attribute',
      },
    ];
  if (name === 'set:html')
    return [
      {
        ...at,
        message: `set:html on <${tag}> writes unchecked HTML into the page`,
        hint: 'write the content as Markdown instead',
      },
    ];
  if (value === undefined) return [];
  const key = normalName(name);
  const isUrl =
    URL_ATTRIBUTES.has(key) ||
    (ANIMATION_ELEMENTS.has(tag.toLowerCase()) && ANIMATION_VALUES.has(key));
  if (!isUrl) return [];
  for (const url of urlsOf(key, value)) {
    const issue = urlIssue(`the ${name} attribute of <${tag}>`, url, at);
    if (issue) return [issue];
  }
  return [];
}

function elementIssue(tag: string, at: GuardPoint): ContentIssue | undefined {
  const rule = FORBIDDEN_ELEMENTS[tag.toLowerCase()];
  return rule ? { ...at, ...rule } : undefined;
}

// ---------------------------------------------------------------------------------------------
// JavaScript in MDX: ESM, expressions and attribute values

const parseProgram = (code: string): Program | undefined => {
  try {
    return parseJs(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch {
    return undefined;
  }
};

/**
 * The value of an MDX expression when it is a plain literal (a string, number, boolean or
 * null, or a template without substitutions); `null` when it holds only comments; undefined
 * when it is code.
 */
export function literalValue(expression: string): string | null | undefined {
  const program = parseProgram(expression);
  if (!program) return undefined;
  if (program.body.length === 0) return null;
  const [statement] = program.body;
  if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return undefined;
  const expr = statement.expression;
  if (
    expr.type === 'Literal' &&
    !('regex' in expr && expr.regex) &&
    !('bigint' in expr && expr.bigint)
  )
    return String(expr.value);
  if (expr.type === 'TemplateLiteral' && expr.expressions.length === 0)
    return expr.quasis.map((q) => q.value.cooked ?? '').join('');
  return undefined;
}

/** Where content may import components from: Charter's, and Starlight's own. */
const COMPONENT_SOURCES = ['starlight-charter/components/'];
const STARLIGHT_COMPONENTS = '@astrojs/starlight/components';

/**
 * A component content may import: one of Charter's (`starlight-charter/components/…/*.astro`)
 * or Starlight's (`@astrojs/starlight/components`).
 */
export function isCharterComponent(specifier: string): boolean {
  if (specifier === STARLIGHT_COMPONENTS) return true;
  const source = COMPONENT_SOURCES.find((s) => specifier.startsWith(s));
  if (!source || !specifier.endsWith('.astro')) return false;
  const segments = specifier.slice(source.length).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..' && /^[\w.-]+$/.test(s));
}

function esmIssues(node: GuardNode, at: GuardPoint): ContentIssue[] {
  const code = String(node.value ?? '');
  const program = parseProgram(code);
  if (!program)
    return [
      {
        ...at,
        message: 'this import/export block does not parse as JavaScript',
        hint: `remove it, or import a component from starlight-charter/components/ on a line of its own`,
      },
    ];
  const issues: ContentIssue[] = [];
  for (const statement of program.body) {
    const loc = (statement as JsNode).loc!.start;
    // ESM sits at the top level of an MDX file, so its lines are the file's lines.
    const point = {
      line: at.line + loc.line - 1,
      column: loc.line === 1 ? at.column + loc.column : loc.column + 1,
    };
    if (statement.type === 'ImportDeclaration') {
      const source = String(statement.source.value);
      if (isCharterComponent(source)) continue;
      issues.push({
        ...point,
        message: `import of "${source}" loads code that is not one of Charter's components`,
        hint: 'import only components from starlight-charter/components/…/*.astro or @astrojs/starlight/components (KB figure components need no import)',
      });
    } else {
      issues.push({
        ...point,
        message: `${statement.type.startsWith('Export') ? 'an export' : 'a statement'} in MDX defines code that runs when the site is built`,
        hint: "remove it: a page places Charter's components and defines none",
      });
    }
  }
  return issues;
}

function jsxIssues(node: GuardNode, at: GuardPoint): ContentIssue[] {
  const name = typeof node.name === 'string' ? node.name : '';
  const issues: ContentIssue[] = [];
  const forbidden = elementIssue(name, at);
  if (forbidden && /^[a-z]/.test(name)) issues.push(forbidden);
  const tag = name || 'fragment';
  for (const attribute of (Array.isArray(node.attributes)
    ? node.attributes
    : []) as JsxAttribute[]) {
    // Sätteri gives attributes no positions of their own: they are reported at their element.
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      issues.push({
        ...at,
        message: `the {${attribute.value.trim()}} attribute spread on <${tag}> runs code when the site is built`,
        hint: 'write each attribute with a quoted value',
      });
      continue;
    }
    let value: string | undefined;
    if (attribute.value == null) value = '';
    else if (typeof attribute.value === 'string') value = attribute.value;
    else {
      const literal = literalValue(attribute.value.value);
      if (
        literal === undefined &&
        !isEventHandler(attribute.name) &&
        attribute.name !== 'set:html'
      ) {
        issues.push({
          ...at,
          message: `the {…} value of ${attribute.name} on <${tag}> runs code when the site is built`,
          hint: `give it a quoted value: ${attribute.name}="…"`,
        });
        continue;
      }
      value = literal === undefined ? undefined : (literal ?? '');
    }
    issues.push(...attributeIssues(tag, attribute.name, value, at));
  }
  return issues;
}

function expressionIssue(node: GuardNode, at: GuardPoint): ContentIssue | undefined {
  // `{/* a comment */}` and `{"{"}` are how MDX writes comments and literal text.
  if (literalValue(String(node.value ?? '')) !== undefined) return undefined;
  return {
    ...at,
    message: 'this {…} MDX expression runs code when the site is built',
    hint: 'write the text itself; a literal brace is written \\{',
  };
}

// ---------------------------------------------------------------------------------------------
// Raw HTML in Markdown

type HtmlElement = DefaultTreeAdapterTypes.Element;
type HtmlParent = DefaultTreeAdapterTypes.ParentNode;

/** Maps an offset in one HTML node's value to a line and column in the file. */
function pointIn(node: GuardNode, offset: number, lines: readonly string[]): GuardPoint {
  const start = startOf(node);
  const valueLines = String(node.value ?? '')
    .slice(0, offset)
    .split('\n');
  const index = valueLines.length - 1;
  const column = valueLines[index]!.length + 1;
  if (index === 0) return { line: start.line, column: start.column + column - 1 };
  // Later lines of a block inside a list item or quote lose their indent or `>` in the tree.
  const valueLine = String(node.value).split('\n')[index] ?? '';
  const fileLine = (lines[start.line - 1 + index] ?? '').replace(/\r$/, '');
  const prefix = fileLine.endsWith(valueLine) ? fileLine.length - valueLine.length : 0;
  return { line: start.line + index, column: prefix + column };
}

/**
 * Raw HTML of one document, read the way the browser reads it: the HTML nodes in order as one
 * document, so a tag opened in one block and an `<svg>` or `<style>` context set up in another
 * are seen together. A tag left unclosed at the end of its block is an error of its own: the
 * markup Markdown renders after it would become its attributes.
 */
function htmlIssues(nodes: readonly GuardNode[], lines: readonly string[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const segments: { start: number; node: GuardNode }[] = [];
  let text = '';
  for (const node of nodes) {
    const value = String(node.value ?? '');
    let unclosed = false;
    parseFragment(value, {
      onParseError: (error) => {
        if (error.code === 'eof-in-tag') unclosed = true;
      },
    });
    if (unclosed)
      issues.push({
        ...startOf(node),
        message:
          "an HTML tag is not closed with > before its block ends, so the page's next markup becomes its attributes",
        hint: 'close the tag with > in the same block',
      });
    segments.push({ start: text.length, node });
    text += `${value}\n`;
  }
  const at = (offset: number): GuardPoint => {
    let segment = segments[0]!;
    for (const s of segments) if (s.start <= offset) segment = s;
    return pointIn(segment.node, offset - segment.start, lines);
  };
  /** Where an element lost its location (attributes of a second <body> merge into the first). */
  const blockWith = (tag: string, attribute: string): GuardPoint => {
    for (const { node } of segments) {
      const found = findElement(parseHtml(String(node.value ?? '')), tag, attribute);
      if (found) return startOf(node);
    }
    return startOf(segments[0]!.node);
  };
  const visit = (parent: HtmlParent) => {
    for (const child of parent.childNodes) {
      if (!('tagName' in child)) continue;
      const element = child as HtmlElement;
      const loc = element.sourceCodeLocation;
      const tagAt = loc ? at(loc.startOffset) : undefined;
      const forbidden = tagAt && elementIssue(element.tagName, tagAt);
      if (forbidden) issues.push(forbidden);
      for (const attribute of element.attrs) {
        // Foreign (SVG) attributes such as xlink:href are located under their written name.
        const name = attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
        const attrLoc = loc?.attrs?.[name] ?? loc?.attrs?.[attribute.name];
        const point = attrLoc
          ? at(attrLoc.startOffset)
          : (tagAt ?? blockWith(element.tagName, attribute.name));
        issues.push(...attributeIssues(element.tagName, name, attribute.value, point));
      }
      visit(element);
      // Template content is inert until a script copies it, but it is content all the same.
      if (element.tagName === 'template')
        visit((element as DefaultTreeAdapterTypes.Template).content);
    }
  };
  if (segments.length) visit(parseHtml(text, { sourceCodeLocationInfo: true }));
  return issues;
}

function findElement(parent: HtmlParent, tag: string, attribute: string): boolean {
  for (const child of parent.childNodes) {
    if (!('tagName' in child)) continue;
    const element = child as HtmlElement;
    if (element.tagName === tag && element.attrs.some((a) => a.name === attribute)) return true;
    if (findElement(element, tag, attribute)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The checks

/** Node types the checks read; a pipeline plugin subscribes to exactly these. */
export const GUARDED_NODE_TYPES = [
  'html',
  'link',
  'image',
  'definition',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
] as const;

/**
 * Problems in the given nodes of one document (in document order; other node types are
 * ignored), with `source` the text their positions refer to.
 */
export function checkNodes(nodes: Iterable<GuardNode>, source: string): ContentIssue[] {
  const lines = source.split('\n');
  const issues: ContentIssue[] = [];
  const html: GuardNode[] = [];
  for (const node of nodes) {
    const at = startOf(node);
    switch (node.type) {
      case 'html':
        html.push(node);
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const what = { link: 'this link', image: 'this image', definition: 'this link definition' }[
          node.type
        ];
        const issue = urlIssue(what, String(node.url ?? ''), at);
        if (issue) issues.push(issue);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        issues.push(...jsxIssues(node, at));
        break;
      case 'mdxjsEsm':
        issues.push(...esmIssues(node, at));
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const issue = expressionIssue(node, at);
        if (issue) issues.push(issue);
        break;
      }
    }
  }
  issues.push(...htmlIssues(html, lines));
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The guarded nodes of a tree, in document order. */
export function guardedNodes(root: GuardNode): GuardNode[] {
  const types: ReadonlySet<string> = new Set(GUARDED_NODE_TYPES);
  const found: GuardNode[] = [];
  const walk = (node: GuardNode) => {
    if (types.has(node.type)) found.push(node);
    if (Array.isArray(node.children)) for (const child of node.children as GuardNode[]) walk(child);
  };
  walk(root);
  return found;
}

/** Problems in a parsed document: its mdast root and the source its positions refer to. */
export function checkTree(root: GuardNode, source: string): ContentIssue[] {
  return checkNodes(guardedNodes(root), source);
}

/** Problems in a whole content file's text (frontmatter included). */
export function checkContent(source: string, format: ContentFormat): ContentIssue[] {
  let root: GuardNode;
  try {
    root = (format === 'mdx' ? mdxToMdast : markdownToMdast)(source) as GuardNode;
  } catch (error) {
    // The page would not compile either; say so in the same form rather than stop the check.
    const text = error instanceof Error ? error.message : String(error);
    const where = /(\d+):(\d+)/.exec(text);
    return [
      {
        line: where ? Number(where[1]) : 1,
        column: where ? Number(where[2]) : 1,
        message: `the ${format === 'mdx' ? 'MDX' : 'Markdown'} does not parse: ${text.split('\n')[0]}`,
        hint: 'fix the syntax at this point',
      },
    ];
  }
  return checkTree(root, source);
}
