import { CARD_HEIGHT, CARD_WIDTH, textColorOn, type CardInput } from './card.ts';

/**
 * How a social card looks: a satori element tree (plain objects, the shape JSX compiles to),
 * laid out with flexbox and drawn at 1200x630. Change this file to change every card; the card
 * cache notices (integrations/card-renderer.ts hashes it). Satori wraps the text and ends a
 * text that does not fit in "…" (lineClamp). Fonts: Inter, with Noto Sans SC for Chinese and
 * Japanese (integrations/card-worker.mjs).
 */

/** The company's logo as the card draws it: a picture and the size it takes. */
export type LogoImage = { src: string; width: number; height: number };

/** The box a logo is scaled to fit in the card's top-left corner, its aspect kept. */
export const LOGO_BOX = { width: 320, height: 64 } as const;

type Style = Record<string, string | number>;
export type CardNode = {
  type: string;
  props: { style?: Style; children?: CardNode[] | string; [attribute: string]: unknown };
};

const h = (type: string, style: Style, children: CardNode[] | string = []): CardNode => ({
  type,
  props: { style, children },
});

/** A text of at most `lines` lines, cut with "…" beyond them. */
const text = (value: string, fontSize: number, lines: number, style: Style = {}): CardNode =>
  h('div', { display: 'block', fontSize, fontWeight: 700, lineClamp: lines, ...style }, value);

export function cardTemplate(input: CardInput, logo?: LogoImage): CardNode {
  const ink = textColorOn(input.brandColor);
  const name = h('div', { display: 'flex', fontSize: 36, fontWeight: 700 }, input.company);
  const brand = h('div', { display: 'flex', alignItems: 'center', gap: 24 }, [
    ...(logo
      ? [{ type: 'img', props: { src: logo.src, width: logo.width, height: logo.height } }]
      : []),
    ...(logo && input.logo?.replacesTitle ? [] : [name]),
  ]);
  const header = h(
    'div',
    {
      display: 'flex',
      justifyContent: 'space-between',
      alignItems: 'center',
      height: LOGO_BOX.height,
    },
    [brand, h('div', { display: 'flex', fontSize: 26, opacity: 0.85 }, input.host)],
  );
  const body = h('div', { display: 'flex', flexDirection: 'column', gap: 16 }, [
    ...(input.section ? [text(input.section, 30, 1, { opacity: 0.85 })] : []),
    text(input.title, 68, 3, { lineHeight: 1.18 }),
  ]);
  const footer = input.detail
    ? text(input.detail, 32, 2, {
        alignSelf: 'flex-start',
        padding: '12px 24px',
        borderRadius: 16,
        backgroundColor: ink,
        color: input.brandColor,
        lineHeight: 1.3,
      })
    : h('div', { width: 120, height: 8, borderRadius: 4, backgroundColor: ink });
  return h(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: 72,
      boxSizing: 'border-box',
      backgroundColor: input.brandColor,
      color: ink,
      fontFamily: 'Inter, Noto Sans SC',
    },
    [header, body, footer],
  );
}
