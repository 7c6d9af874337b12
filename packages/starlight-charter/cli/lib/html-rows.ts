/**
 * A small reader for the table rows Charter marks for checking: `<tr data-…>` with
 * `<td data-field=…>` cells. It understands only that markup (no new dependency); the
 * built pages come from our own components, so the markup is known.
 */

export interface MarkedRow {
  /** 1-based line of the `<tr>` in the file. */
  line: number;
  attrs: Record<string, string>;
  /** data-field → the cell's text, whitespace collapsed. */
  cells: Record<string, string>;
}

const ROW = /<tr\b([^>]*)>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<t[dh]\b([^>]*)>([\s\S]*?)<\/t[dh]\s*>/gi;
const ATTR = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR))
    attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The visible text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Every `<tr>` that has the attribute `marker`, with its `data-field` cells. */
export function markedRows(html: string, marker: string): MarkedRow[] {
  const rows: MarkedRow[] = [];
  for (const m of html.matchAll(ROW)) {
    const attrs = parseAttributes(m[1]!);
    if (!(marker in attrs)) continue;
    const cells: Record<string, string> = {};
    for (const c of m[2]!.matchAll(CELL)) {
      const field = parseAttributes(c[1]!)['data-field'];
      if (field !== undefined) cells[field] = textOf(c[2]!);
    }
    const line = html.slice(0, m.index).split('\n').length;
    rows.push({ line, attrs, cells });
  }
  return rows;
}
