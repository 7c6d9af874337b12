/**
 * Names for the scroll regions that frame a document's tables: each table by its caption or the
 * heading it sits under, numbered when a name repeats, because regions are landmarks and
 * assistive technology lists them by name (two with one name cannot be told apart).
 */
export function regionNamer(fallback = 'Table'): (name: string | undefined) => string {
  const count = new Map<string, number>();
  return (name) => {
    const base = name?.replace(/\s+/g, ' ').trim() || fallback;
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    return n === 1 ? base : `${base} (table ${n})`;
  };
}
