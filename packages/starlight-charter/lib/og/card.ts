import { createHash } from 'node:crypto';
import { fitText } from './text.ts';

/**
 * The social card: a 1200x630 image that says whose page it is, which section it belongs to,
 * what it is called, and for tier and pricing pages what it costs. This module builds the
 * satori element tree (plain objects, no JSX) and the hash that decides whether a cached card
 * can be reused. Rendering lives in integrations/card-worker.mjs and card-glyphs.ts.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the layout below or the way cards are drawn changes, so every card is drawn again. */
export const TEMPLATE_VERSION = 4;
/**
 * PNG encoder settings (sharp), part of the cache key. Encoding is now the largest part of a
 * card's cost (text is set from cached glyphs), so it is kept cheap: cards are flat colour and
 * text and row filters gain little; without them at zlib level 3 a card encodes in ~3 ms at
 * ~50 KB, where a 64-colour palette takes ~15 ms for ~20 KB.
 */
export const PNG_OPTIONS = { compressionLevel: 3, adaptiveFiltering: false } as const;

const PADDING = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * PADDING;
export const TITLE = { fontSize: 68, maxLines: 3, maxWidth: TEXT_WIDTH, weight: 700 } as const;
export const DETAIL = {
  fontSize: 32,
  maxLines: 2,
  maxWidth: TEXT_WIDTH - 48,
  weight: 700,
} as const;
export const SECTION = { fontSize: 30, maxLines: 1, maxWidth: TEXT_WIDTH, weight: 700 } as const;
export const FONT_FAMILY = 'Inter, Noto Sans SC';
type TextBox = typeof TITLE | typeof DETAIL | typeof SECTION;

/** What one card shows. */
export type CardInput = {
  title: string;
  /** Top-level section, e.g. "Commercial" or "Knowledge base"; empty for the home page. */
  section: string;
  /** Price line for tier and pricing pages; empty elsewhere. */
  detail: string;
  company: string;
  /** "#rrggbb" from company.yaml. */
  brandColor: string;
  /** Host name shown in the corner, e.g. "support.example.com". */
  host: string;
};

/** A satori element in object form: `{ type, props: { style, children } }`. */
export type CardNode = {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode[] | string };
};

function h(
  type: string,
  style: Record<string, string | number>,
  children?: CardNode[] | string,
): CardNode {
  return { type, props: { style, children } };
}

/** Relative luminance of a "#rrggbb" colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** White or near-black, whichever reads better on `background`. */
export function textColorOn(background: string): string {
  const l = luminance(background);
  const contrastWhite = 1.05 / (l + 0.05);
  const contrastDark = (l + 0.05) / (luminance('#111827') + 0.05);
  return contrastWhite >= contrastDark ? '#ffffff' : '#111827';
}

/**
 * Stands in for each title line in a card's layout: a private-use character, so it can never
 * be confused with real text.
 */
export const TITLE_LINE = '\uE000';

/**
 * A card's layout and title: the element tree with every title line standing in as
 * `TITLE_LINE`, and the title's lines. Cards whose other texts and title line count agree share
 * a layout, so satori lays each layout out once and the worker sets each title into it
 * (integrations/card-glyphs.ts).
 */
export function cardLayout(input: CardInput): { tree: CardNode; title: string[] } {
  const title = fitText(input.title, TITLE);
  return {
    tree: buildTree(
      input,
      title.map(() => TITLE_LINE),
    ),
    title,
  };
}

/** The satori element tree for one card; every text is already wrapped to fit its box. */
export function cardTree(input: CardInput): CardNode {
  return buildTree(input, fitText(input.title, TITLE));
}

function buildTree(input: CardInput, titleLines: string[]): CardNode {
  const ink = textColorOn(input.brandColor);
  // Lines are fitted here, then drawn one per row so the renderer never wraps them again.
  const lines = (values: string[]) =>
    values.map((line) => h('div', { display: 'flex', whiteSpace: 'pre' }, line));
  const text = (value: string | string[], box: TextBox, style: Record<string, string | number>) =>
    h(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        fontSize: box.fontSize,
        fontWeight: box.weight,
        ...style,
      },
      lines(typeof value === 'string' ? fitText(value, box) : value),
    );

  const header = h(
    'div',
    { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
    [
      h('div', { display: 'flex', fontSize: 36, fontWeight: 700 }, input.company),
      h('div', { display: 'flex', fontSize: 26, opacity: 0.85 }, input.host),
    ],
  );

  const body = h('div', { display: 'flex', flexDirection: 'column' }, [
    ...(input.section ? [text(input.section, SECTION, { opacity: 0.85, marginBottom: 16 })] : []),
    text(titleLines, TITLE, { lineHeight: 1.18 }),
  ]);

  const footer = input.detail
    ? text(input.detail, DETAIL, {
        alignSelf: 'flex-start',
        padding: '12px 24px',
        borderRadius: 16,
        backgroundColor: ink,
        color: input.brandColor,
        lineHeight: 1.3,
      })
    : h(
        'div',
        { display: 'flex', width: 120, height: 8, borderRadius: 4, backgroundColor: ink },
        [],
      );

  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: PADDING,
      boxSizing: 'border-box',
      // No overflow clipping: text is fitted before drawing, and a clip adds a full-card mask
      // that makes every card slower to rasterise.
      backgroundColor: input.brandColor,
      color: ink,
      fontFamily: FONT_FAMILY,
    },
    [header, body, footer],
  );
}

/**
 * The cache key of a card: changes when anything drawn changes (its inputs, the template
 * version) or the fonts do (`fontKey`: a digest of the font files).
 */
export function cardHash(input: CardInput, fontKey: string): string {
  const parts = [
    TEMPLATE_VERSION,
    PNG_OPTIONS,
    fontKey,
    input.title,
    input.section,
    input.detail,
    input.company,
    input.brandColor,
    input.host,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
