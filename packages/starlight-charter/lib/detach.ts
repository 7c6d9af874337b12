/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * (a regular-expression match, a slice) as a view into the whole string, so a link or a title
 * kept from a page would keep the whole page in memory: with thousands of pages, hundreds of
 * megabytes that every garbage collection walks again. A structured clone writes the text out
 * and reads it back as a string of its own (a JSON round trip, for one, may not).
 */
export function detach(text: string): string {
  return structuredClone(text);
}
