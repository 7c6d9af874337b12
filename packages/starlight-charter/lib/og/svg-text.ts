/**
 * Splits satori's SVG (drawn with `embedFont: false`) into the shapes and the text on top of
 * them, so the card worker can rasterise the shapes once per layout and set the text from
 * cached glyphs. Only what the card template produces is understood: `<text>` at the top level
 * or inside `<g opacity>`, in a solid colour. Anything else returns null and the card is drawn
 * whole by satori and sharp instead.
 */

export type TextRun = {
  text: string;
  /** Pen position of the first glyph, in pixels; `y` is the baseline. */
  x: number;
  y: number;
  fontSize: number;
  fontWeight: number;
  /** Font families in order of preference, lower case. */
  families: string[];
  color: [number, number, number];
  /** Fill opacity times that of the enclosing groups. */
  opacity: number;
};

export type SplitSvg = { base: string; runs: TextRun[] };

const TAG = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /([a-zA-Z:-]+)="([^"]*)"/g;
const TEXT_ATTRIBUTES = new Set([
  'x',
  'y',
  'width',
  'height',
  'font-weight',
  'font-style',
  'font-size',
  'font-family',
  'fill',
  'fill-opacity',
]);

function attributes(source: string): Map<string, string> {
  return new Map([...source.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
}

/** "#rgb" or "#rrggbb" as [r, g, b]; null for any other colour syntax. */
export function parseHexColor(value: string): [number, number, number] | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short)
    return [1, 2, 3].map((i) => parseInt(short[i]!.repeat(2), 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  return long ? ([1, 2, 3].map((i) => parseInt(long[i]!, 16)) as [number, number, number]) : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name] ?? whole;
  });
}

const number = (value: string | undefined): number | null => {
  if (value === undefined || !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(value)) return null;
  return Number(value);
};

/** The shapes of `svg` without its text, and the text runs; null when the SVG is not understood. */
export function splitSvgText(svg: string): SplitSvg | null {
  const runs: TextRun[] = [];
  const parts: string[] = [];
  // Open elements, each with the opacity it multiplies into its text (null: text not allowed).
  const stack: { name: string; opacity: number | null }[] = [];
  let cursor = 0;
  let text: { attrs: Map<string, string>; start: number } | null = null;

  for (const match of svg.matchAll(TAG)) {
    const [whole, closing, name, attrSource, selfClosing] = match;
    const at = match.index;
    if (text) {
      if (closing !== '/' || name !== 'text') return null; // markup inside text
      const run = textRun(text.attrs, decodeEntities(svg.slice(text.start, at)), stack);
      if (!run) return null;
      if (run.text.trim()) runs.push(run);
      cursor = at + whole.length;
      text = null;
      continue;
    }
    if (name === 'text') {
      if (closing || selfClosing) return null;
      parts.push(svg.slice(cursor, at));
      text = { attrs: attributes(attrSource ?? ''), start: at + whole.length };
      continue;
    }
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop()?.name !== name) return null;
      continue;
    }
    const attrs = attributes(attrSource ?? '');
    let opacity: number | null = null;
    if (name === 'svg') opacity = 1;
    else if (name === 'g' && [...attrs.keys()].every((key) => key === 'opacity'))
      opacity = attrs.has('opacity') ? number(attrs.get('opacity')) : 1;
    stack.push({ name: name!, opacity });
  }
  if (text || stack.length) return null;
  parts.push(svg.slice(cursor));
  // Groups left empty once their text is out are dropped: an empty group with opacity would
  // still make the rasteriser allocate a layer.
  let base = parts.join('');
  for (let before = ''; before !== base;) {
    before = base;
    base = base.replace(/<g(?:\s+opacity="[^"]*")?\s*><\/g>/g, '');
  }
  return { base, runs };
}

function textRun(
  attrs: Map<string, string>,
  text: string,
  stack: { opacity: number | null }[],
): TextRun | null {
  if ([...attrs.keys()].some((key) => !TEXT_ATTRIBUTES.has(key))) return null;
  if ((attrs.get('font-style') ?? 'normal') !== 'normal') return null;
  const x = number(attrs.get('x'));
  const y = number(attrs.get('y'));
  const fontSize = number(attrs.get('font-size'));
  const weightValue = attrs.get('font-weight') ?? 'normal';
  const fontWeight =
    weightValue === 'normal' ? 400 : weightValue === 'bold' ? 700 : number(weightValue);
  const color = parseHexColor(attrs.get('fill') ?? '#000000');
  const fillOpacity = attrs.has('fill-opacity') ? number(attrs.get('fill-opacity')) : 1;
  if (x === null || y === null || !fontSize || !fontWeight || !color || fillOpacity === null)
    return null;
  let opacity = fillOpacity;
  for (const open of stack) {
    if (open.opacity === null) return null; // text inside a mask, clip path or other element
    opacity *= open.opacity;
  }
  const families = (attrs.get('font-family') ?? '').split(',').map((f) => f.trim().toLowerCase());
  return { text, x, y, fontSize, fontWeight, families, color, opacity };
}
