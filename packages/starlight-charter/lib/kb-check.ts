/**
 * Checks the frontmatter of knowledge-base articles before Astro's content layer does, so a
 * mistake is reported as `file:line:col path: message` like a mistake in the terms: Astro's
 * own schema errors carry no line and a stack trace. Pure: takes file texts, returns issues.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { formatIssue, issueAt, sortIssues, type DataIssue } from '../data/issues.ts';
import { parseSource, type DataPath } from '../data/positions.ts';
import { KB_TYPES } from './kb.ts';

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
): DataIssue[] {
  const slugs = new Set(files.map((f) => kbSlug(f.rel)));
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
        issues.push(at(f.file, pos.line + 1, pos.col, '(frontmatter)', e.message.split('\n')[0]!));
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
