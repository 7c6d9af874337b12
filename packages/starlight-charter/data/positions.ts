import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A parsed YAML file that can turn a data path back into a line and column. */
export interface SourceFile {
  /** Path as shown to people, relative to the working directory. */
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type DataPath = readonly (string | number)[];

export function parseSource(file: string, text: string): SourceFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  return { file, doc, lines };
}

/**
 * Finds where `path` lives in the file. When the path ends at a key that is missing,
 * returns the nearest existing parent; with `keyOf`, points at that key instead of its value.
 */
export function locate(
  source: SourceFile,
  path: DataPath,
  options: { key?: string } = {},
): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let best: Node | null = (node as Node) ?? null;
  const full = options.key === undefined ? path : [...path, options.key];
  for (let i = 0; i < full.length; i++) {
    const segment = full[i];
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      const isLast = i === full.length - 1;
      best = (isLast && options.key !== undefined ? pair.key : (pair.value ?? pair.key)) as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      best = item as Node;
      node = item;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0] ?? 0;
  const pos = source.lines.linePos(offset);
  return { line: pos.line, col: pos.col };
}

/** Formats a data path the way people read it: `tiers[2].sla.sev1`. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out || '(root)';
}
