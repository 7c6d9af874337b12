/**
 * Reads ROADMAP.md: nested checkbox lists (`- [x] Item (2026-11-24) (path/to/file, /route/)`),
 * with the line of every item, its completion date and what it says delivers it.
 */

export interface Reference {
  kind: 'file' | 'route';
  /** As written, e.g. `src/data/load.ts` or `/commercial/sla/`. */
  target: string;
}

export interface RoadmapItem {
  /** 1-based line in the file. */
  line: number;
  indent: number;
  checked: boolean;
  /** The item's words without dates and references, e.g. "Foundation". */
  title: string;
  /** A valid `YYYY-MM-DD` completion date, if given. */
  date: string | null;
  /** Text in parentheses that looks like a date but is not a valid `YYYY-MM-DD`. */
  malformedDate: string | null;
  refs: Reference[];
  parent: RoadmapItem | null;
  children: RoadmapItem[];
}

export interface Roadmap {
  /** Every checkbox item in file order. */
  items: RoadmapItem[];
  /** The file's lines, for rules that read the prose too. */
  lines: string[];
}

const ITEM = /^(\s*)[-*+]\s+\[([ xX])\]\s+(.*)$/;
const LINK = /\[([^\]]*)\]\(([^()\s]+)(?:\s+"[^"]*")?\)/g;
const PARENS = /\(([^()]*)\)/g;
const DATE_LIKE = /^\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function referenceOf(token: string): Reference | null {
  const target = token
    .trim()
    .replace(/^`|`$/g, '')
    .replace(/[#?].*$/, '');
  if (target === '' || /\s/.test(target) || /^[a-z][a-z0-9+.-]*:/i.test(target)) return null;
  if (target.startsWith('/')) return { kind: 'route', target };
  if (target.includes('/') || /\.[a-z0-9]+$/i.test(target)) return { kind: 'file', target };
  return null;
}

export function parseRoadmap(text: string): Roadmap {
  const lines = text.split(/\r?\n/);
  const items: RoadmapItem[] = [];
  const stack: RoadmapItem[] = [];
  let inFence = false;
  lines.forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const match = inFence ? null : ITEM.exec(raw);
    if (!match) return;
    const indent = match[1]!.replace(/\t/g, '    ').length;
    let rest = match[3]!;
    const refs: Reference[] = [];
    let date: string | null = null;
    let malformedDate: string | null = null;

    rest = rest.replace(LINK, (_whole, label: string, target: string) => {
      const ref = referenceOf(target);
      if (ref) refs.push(ref);
      return label;
    });
    rest = rest.replace(PARENS, (whole, inside: string) => {
      const trimmed = inside.trim();
      if (DATE_LIKE.test(trimmed)) {
        if (isIsoDate(trimmed)) date = trimmed;
        else malformedDate = trimmed;
        return '';
      }
      const found = trimmed.split(/[,;]/).map(referenceOf);
      if (found.length > 0 && found.every((r) => r !== null)) {
        refs.push(...(found as Reference[]));
        return '';
      }
      return whole;
    });

    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const item: RoadmapItem = {
      line: index + 1,
      indent,
      checked: match[2] !== ' ',
      title: rest.replace(/\s+/g, ' ').trim(),
      date,
      malformedDate,
      refs,
      parent,
      children: [],
    };
    parent?.children.push(item);
    stack.push(item);
    items.push(item);
  });
  return { items, lines };
}
