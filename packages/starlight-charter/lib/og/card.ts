import { join } from 'node:path';
import { wcagContrast } from 'culori';
import type { Company } from '../../schemas/company.ts';

/**
 * The social card: a 1200x630 image that says whose page it is, which section it belongs to,
 * what it is called, and for tier and pricing pages what it costs. What a card shows is set
 * here; how it looks is lib/og/card-template.ts; it is drawn by integrations/card-renderer.ts.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The company's logo on its cards: an image file beside the terms. */
export type CardLogo = {
  /** Absolute path of the image. */
  file: string;
  /** The logo stands for the company's name, which is then left out (company.yaml). */
  replacesTitle: boolean;
};

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

/** White or near-black, whichever contrasts more with `background` (WCAG 2). */
export function textColorOn(background: string): string {
  const dark = '#111827';
  return wcagContrast(background, '#ffffff') >= wcagContrast(background, dark) ? '#ffffff' : dark;
}

/**
 * The logo a company's cards show, or undefined without one. Cards are drawn on the brand
 * colour: where that is dark (white text) the dark-theme logo, made to read on dark
 * backgrounds, is the one that shows, if the company has one; otherwise the light-theme logo.
 */
export function cardLogo(company: Company, termsDir: string): CardLogo | undefined {
  const { logo } = company;
  if (!logo) return undefined;
  const onDark = textColorOn(company.brand_color) === '#ffffff';
  const file = onDark && logo.dark ? logo.dark : logo.light;
  return { file: join(termsDir, file), replacesTitle: logo.replaces_title };
}
