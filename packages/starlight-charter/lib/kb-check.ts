/**
 * Checks the frontmatter of knowledge-base articles before Astro's content layer does, so a
 * mistake is reported as `file:line:col path: message` like a mistake in the terms: Astro's
 * own schema errors carry no line and a stack trace. Pure: takes file texts, returns issues.
 */
import { mdxToMdast } from 'satteri';
import { isMap, isScalar, isSeq } from 'yaml';
import { formatIssue, issueAt, sortIssues, type DataIssue } from '../data/issues.ts';
import type { Catalog } from '../data/load.ts';
import { parseSource, type DataPath } from '../data/positions.ts';
import { literalValue } from './content-guard.ts';
import { KB_TYPES } from './kb.ts';
import { FIGURE_LOOKUPS, figureProblem } from './kb-figures.ts';

/** Marks on globalThis that `astro build` runs, where a figure's error stops the process. */
export const BUILDING = Symbol.for('starlight-charter.building');

export interface KbFile {
  /** Path under the KB folder with `/` separators: `api/rate-limit-429.mdx`. */
  rel: string;
  /** Path as shown to people. */
  file: string;
  text: string;
}

export interface KbIds {
  categories: readonly string[];
  tiers: readonly string[];
}

const REQUIRED = ['title', 'description', 'summary', 'category', 'tiers', 'updated', 'type'];
const KNOWN = [...REQUIRED, 'tags', 'related'];
/** Keys whose value is a line of text that cannot be blank (content.ts: `.trim().min(1)`). */
const TEXT = ['title', 'description', 'summary'];

/** True for `YYYY-MM-DD` naming a day of the calendar (not 2026-02-30). */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** True for the files the KB collection loads (its glob skips names starting with `_`). */
export function isKbArticle(rel: string): boolean {
  const name = rel.split('/').pop() ?? '';
  return /\.(md|mdx)$/.test(name) && !name.startsWith('_');
}

/** The article's slug: its path under the KB folder without extension. */
export const kbSlug = (rel: string) => rel.replace(/\.(md|mdx)$/, '');

const at = (file: string, line: number, col: number, path: string, message: string): DataIssue => ({
  file,
  line,
  col,
  path,
  message,
});

/** Every problem in the articles' frontmatter and folders, sorted by file and line. */
export function checkKbArticles(
  files: readonly KbFile[],
  ids: KbIds,
  kbShown: string,
  /** Slugs `related` may name besides these files': the default language's, for a translation. */
  alsoKnown: readonly string[] = [],
): DataIssue[] {
  const slugs = new Set([...files.map((f) => kbSlug(f.rel)), ...alsoKnown]);
  const issues: DataIssue[] = [];
  for (const f of files) {
    const parts = f.rel.split('/');
    if (parts.length !== 2) {
      issues.push(
        at(
          f.file,
          1,
          1,
          '(file)',
          `articles go in ${kbShown}/<category>/<slug>.md or .mdx, one folder deep; ` +
            (parts.length === 1
              ? 'this one is not in a category folder'
              : 'nested folders are not supported'),
        ),
      );
      continue;
    }
    const open = /^---\r?\n/.exec(f.text);
    const close = open && /^---\s*$/m.exec(f.text.slice(open[0].length));
    if (!open || !close) {
      issues.push(
        at(
          f.file,
          1,
          1,
          '(file)',
          'the article has no frontmatter (a --- block with title, category, tiers…)',
        ),
      );
      continue;
    }
    const source = parseSource(f.file, f.text.slice(open[0].length, open[0].length + close.index));
    // The frontmatter starts on the line after the opening ---.
    const here = (path: DataPath, message: string, key?: string): DataIssue => {
      const issue = issueAt(source, path, message, key);
      return { ...issue, line: issue.line + 1 };
    };
    if (source.doc.errors.length) {
      for (const e of source.doc.errors) {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        const key = e.code === 'DUPLICATE_KEY' ? duplicateKey(source.doc.contents, e.pos[0]) : '';
        issues.push(
          key
            ? at(f.file, pos.line + 1, pos.col, key, 'this key is written twice; keep one')
            : // yaml's "at line N, column M:" counts from the frontmatter, not the file.
              at(
                f.file,
                pos.line + 1,
                pos.col,
                '(frontmatter)',
                e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
              ),
        );
      }
      continue;
    }
    const root = source.doc.contents;
    if (!isMap(root)) {
      issues.push(here([], 'the frontmatter must be a map of keys (title, category, tiers…)'));
      continue;
    }
    const data = source.doc.toJS() as Record<string, unknown>;
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!KNOWN.includes(key))
        issues.push(here([], `unknown key; expected one of: ${KNOWN.join(', ')}`, key));
    }
    for (const key of REQUIRED)
      if (!(key in data)) issues.push({ ...here([], `missing ${key}`), path: key });
    for (const key of TEXT) {
      if (!(key in data)) continue;
      const value = data[key];
      if (typeof value !== 'string') issues.push(here([key], 'expected a line of text'));
      else if (value.trim() === '') issues.push(here([key], 'must not be empty'));
    }
    if ('updated' in data) {
      const updated = root.get('updated', true);
      const value = isScalar(updated) ? String(updated.value) : '';
      if (!isScalar(updated) || !isIsoDay(value))
        issues.push(
          here(
            ['updated'],
            `expected a date as YYYY-MM-DD, the day the article was last reviewed${isScalar(updated) ? `; "${value}" is not one` : ''}`,
          ),
        );
    }
    const tags = root.get('tags', true);
    if (isSeq(tags)) {
      tags.items.forEach((item, i) => {
        if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '')
          issues.push(here(['tags', i], 'expected a word or phrase people search for'));
      });
    } else if ('tags' in data) {
      issues.push(here(['tags'], 'expected a list of words people search for: [word, …]'));
    }

    const folder = parts[0]!;
    if ('category' in data) {
      const category = String(data.category);
      if (!ids.categories.includes(category))
        issues.push(
          here(
            ['category'],
            `"${category}" is not a KB category of kb.yaml; expected one of: ${ids.categories.join(', ')}`,
          ),
        );
      else if (category !== folder)
        issues.push(
          here(
            ['category'],
            `"${category}" but the article is in ${kbShown}/${folder}/; move it to ${kbShown}/${category}/`,
          ),
        );
    }
    const tiers = root.get('tiers', true);
    if (isSeq(tiers)) {
      tiers.items.forEach((item, i) => {
        const id = isScalar(item) ? String(item.value) : '';
        if (!ids.tiers.includes(id))
          issues.push(
            here(
              ['tiers', i],
              `"${id}" is not a tier of tiers.yaml; expected one of: ${ids.tiers.join(', ')}`,
            ),
          );
      });
      if (tiers.items.length === 0) issues.push(here(['tiers'], 'list at least one tier'));
    } else if ('tiers' in data) {
      issues.push(here(['tiers'], `expected a list of tier ids: ${ids.tiers.join(', ')}`));
    }
    if ('type' in data && !(KB_TYPES as readonly string[]).includes(String(data.type)))
      issues.push(
        here(
          ['type'],
          `"${String(data.type)}" is not an article type; expected one of: ${KB_TYPES.join(', ')}`,
        ),
      );
    const related = root.get('related', true);
    if (isSeq(related)) {
      related.items.forEach((item, i) => {
        const slug = isScalar(item) ? String(item.value) : '';
        if (!slugs.has(slug))
          issues.push(
            here(
              ['related', i],
              `no article "${slug}" (a slug is the path under ${kbShown}/ without extension)`,
            ),
          );
      });
    } else if ('related' in data && related !== undefined && related !== null) {
      issues.push(here(['related'], 'expected a list of article slugs'));
    }
  }
  return sortIssues(issues);
}

/** The key of the map entry whose key starts at `offset` in the frontmatter, or ''. */
function duplicateKey(root: unknown, offset: number | undefined): string {
  if (!isMap(root)) return '';
  const pair = root.items.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
  return pair && isScalar(pair.key) ? String(pair.key.value) : '';
}

/** The ids an article's frontmatter names, from the terms. */
export const kbIds = (catalog: Catalog): KbIds => ({
  categories: catalog.kb.categories.map((c) => c.id),
  tiers: catalog.tiers.tiers.map((t) => t.id),
});

interface FigureNode {
  type: string;
  name?: unknown;
  attributes?: unknown;
  position?: { start: { line: number; column: number } };
  children?: unknown;
}

/**
 * Every figure component in the MDX articles whose attributes name something the terms do not
 * define, at the component's `<`, with the sentence its component would fail with. Attributes
 * that are code, and MDX that does not parse, are left to the content guard, which reports them.
 */
export function checkKbFigures(files: readonly KbFile[], catalog: Catalog): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const f of files) {
    if (!f.rel.endsWith('.mdx')) continue;
    let root: FigureNode;
    try {
      root = mdxToMdast(f.text) as FigureNode;
    } catch {
      continue;
    }
    const visit = (node: FigureNode) => {
      const name = typeof node.name === 'string' ? node.name : '';
      if (/^mdxJsx(Flow|Text)Element$/.test(node.type) && Object.hasOwn(FIGURE_LOOKUPS, name)) {
        const props = figureProps(node.attributes);
        const reason = props && figureProblem(catalog, name, props);
        if (reason) {
          const start = node.position?.start ?? { line: 1, column: 1 };
          issues.push(at(f.file, start.line, start.column, `<${name}>`, reason));
        }
      }
      if (Array.isArray(node.children)) for (const child of node.children) visit(child);
    };
    visit(root);
  }
  return sortIssues(issues);
}

/** A figure's attributes as text; undefined when one is code, or spread. */
function figureProps(attributes: unknown): Record<string, string | undefined> | undefined {
  const props: Record<string, string | undefined> = {};
  for (const a of (Array.isArray(attributes) ? attributes : []) as {
    type: string;
    name?: string;
    value?: unknown;
  }[]) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) return undefined;
    // `<Quota meter />` passes true, which the component reads as "true".
    if (a.value == null) props[a.name] = 'true';
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const literal = literalValue(String((a.value as { value?: unknown }).value ?? ''));
      if (literal === undefined) return undefined;
      props[a.name] = literal ?? '';
    }
  }
  return props;
}

/** Every problem in the articles: their frontmatter and folders, and the figures they place. */
export function checkKb(
  files: readonly KbFile[],
  catalog: Catalog,
  kbShown: string,
  /** The folders of the site's other languages' articles (`en`), each checked as a KB. */
  localeFolders: readonly string[] = [],
): DataIssue[] {
  const inFolder = (folder: string) =>
    files
      .filter((f) => f.rel.startsWith(`${folder}/`))
      .map((f) => ({ ...f, rel: f.rel.slice(folder.length + 1) }));
  const root = files.filter((f) => !localeFolders.some((l) => f.rel.startsWith(`${l}/`)));
  const rootSlugs = root.map((f) => kbSlug(f.rel));
  return sortIssues([
    ...checkKbArticles(root, kbIds(catalog), kbShown),
    ...localeFolders.flatMap((folder) =>
      checkKbArticles(inFolder(folder), kbIds(catalog), `${kbShown}/${folder}`, rootSlugs),
    ),
    ...checkKbFigures(files, catalog),
  ]);
}

/** The lines to print for `issues`, in the terms' format. */
export const kbIssueLines = (issues: readonly DataIssue[]) => issues.map(formatIssue);

/**
 * Where `<component …>` is in an article's text, 1-based: the occurrence that carries a
 * quoted value named in `reason` (the unknown id), else the first; 1:1 when none is found.
 */
export function componentPosition(
  text: string,
  component: string,
  reason: string,
): { line: number; col: number } {
  const tags = [...text.matchAll(new RegExp(`<${component}\\b[^>]*>`, 'g'))];
  if (tags.length === 0) return { line: 1, col: 1 };
  const values = [...reason.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const tag =
    tags.find((t) =>
      values.some((v) => new RegExp(`=\\s*["'{]\\s*["']?${escape(v)}["']`).test(t[0])),
    ) ?? tags[0]!;
  const before = text.slice(0, tag.index);
  const line = before.split('\n').length;
  return { line, col: tag.index - before.lastIndexOf('\n') };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
