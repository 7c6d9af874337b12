import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Company } from '../../schemas/company.ts';
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
export const TEMPLATE_VERSION = 5;
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
/** The box a logo is scaled to fit in the card's top-left corner, its aspect kept. */
export const LOGO_BOX = { width: 320, height: 64 } as const;
const NAME_SIZE = 36;

/** The company's logo on its cards: an image file beside the terms. */
export type CardLogo = {
  /** Absolute path of the image. */
  file: string;
  /** The logo stands for the company's name, which is then left out (company.yaml). */
  replacesTitle: boolean;
};

/** A logo ready to draw: a PNG data URI at the size it takes on the card (`fitLogo`). */
export type LogoImage = { src: string; width: number; height: number };

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
  /** Shown in the top-left corner, beside the name or in its place; the name alone without. */
  logo?: CardLogo;
};

/** A satori element in object form: `{ type, props: { style, children } }`. */
export type CardNode = {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: CardNode[] | string;
    /** An `img`'s picture and size. */
    src?: string;
    width?: number;
    height?: number;
  };
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
 * The logo a company's cards show, or undefined without one. Cards are drawn on the brand
 * colour: where that is dark (white text) the dark-theme logo, made to read on dark
 * backgrounds, is the one that shows, if the company has one; otherwise the light-theme logo,
 * made for light backgrounds as a brand colour with dark text is.
 */
export function cardLogo(company: Company, termsDir: string): CardLogo | undefined {
  const { logo } = company;
  if (!logo) return undefined;
  const onDark = textColorOn(company.brand_color) === '#ffffff';
  const file = onDark && logo.dark ? logo.dark : logo.light;
  return { file: join(termsDir, file), replacesTitle: logo.replaces_title };
}

/**
 * The size a `width` x `height` picture is drawn at to fit `box` with its aspect kept, in
 * whole pixels (so its pixels are copied onto the card, not resampled).
 */
export function fitLogo(
  size: { width: number; height: number },
  box: { width: number; height: number } = LOGO_BOX,
): { width: number; height: number } {
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return {
    width: Math.max(1, Math.min(box.width, Math.round(size.width * scale))),
    height: Math.max(1, Math.min(box.height, Math.round(size.height * scale))),
  };
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
export function cardLayout(
  input: CardInput,
  logo?: LogoImage,
): { tree: CardNode; title: string[] } {
  const title = fitText(input.title, TITLE);
  return {
    tree: buildTree(
      input,
      title.map(() => TITLE_LINE),
      logo,
    ),
    title,
  };
}

/**
 * The satori element tree for one card; every text is already wrapped to fit its box. `logo`
 * is the company's logo (`input.logo`) as loaded for drawing.
 */
export function cardTree(input: CardInput, logo?: LogoImage): CardNode {
  return buildTree(input, fitText(input.title, TITLE), logo);
}

function buildTree(input: CardInput, titleLines: string[], logo?: LogoImage): CardNode {
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

  const name = (style: Record<string, string | number> = {}) =>
    h('div', { display: 'flex', fontSize: NAME_SIZE, fontWeight: 700, ...style }, input.company);
  // The logo's row is the box's height and the logo sits at a whole-pixel offset in it, so
  // its pixels land on the card's unchanged.
  const brand = logo
    ? h('div', { display: 'flex', alignItems: 'center', height: LOGO_BOX.height }, [
        {
          type: 'img',
          props: {
            src: logo.src,
            width: logo.width,
            height: logo.height,
            style: {
              width: logo.width,
              height: logo.height,
              alignSelf: 'flex-start',
              marginTop: Math.floor((LOGO_BOX.height - logo.height) / 2),
            },
          },
        },
        ...(input.logo?.replacesTitle ? [] : [name({ marginLeft: 24 })]),
      ])
    : name();
  const header = h(
    'div',
    { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
    [brand, h('div', { display: 'flex', fontSize: 26, opacity: 0.85 }, input.host)],
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
 * version, the logo's bytes: `logoKey`, a digest of its file) or the fonts do (`fontKey`: a
 * digest of the font files). Where the logo file lies is not drawn, so it is not part of it.
 */
export function cardHash(input: CardInput, fontKey: string, logoKey?: string): string {
  if (input.logo && !logoKey) throw new Error('cardHash: a card with a logo needs its logoKey');
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
    input.logo ? [logoKey, input.logo.replacesTitle] : null,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
