import { clampChroma, formatHex, oklch, wcagContrast, type Oklch } from 'culori';

/** Starlight's three accent shades for one theme, as `#rrggbb`. */
export interface AccentShades {
  low: string;
  accent: string;
  high: string;
}

/** The accent shades of the dark theme (Starlight's default) and the light theme. */
export interface ThemeAccents {
  dark: AccentShades;
  light: AccentShades;
}

/** WCAG 2 level AA for body text. */
export const MIN_CONTRAST = 4.5;

/**
 * The surfaces accent text sits on, from Starlight's style/props.css: the page
 * (`--sl-color-black`) and the header and sidebar (`--sl-color-bg-nav`, `--sl-color-bg-sidebar`).
 */
export const SURFACES = {
  dark: ['hsl(224, 10%, 10%)', 'hsl(224, 14%, 16%)'],
  light: ['hsl(0, 0%, 100%)', 'hsl(224, 19%, 97%)'],
} as const;

/** White: the text of Starlight's badges, on `accent-low` (dark) and `accent-high` (light). */
const WHITE = '#ffffff';

/**
 * Where the shades other than the accent start, as OKLCH lightness, near Starlight's own
 * defaults; each moves further from its surfaces only as far as contrast needs.
 */
const START = { darkLow: 0.3, darkHigh: 0.86, lightLow: 0.92, lightHigh: 0.35 } as const;

/** The most OKLCH chroma the `low` backgrounds take: muted, as Starlight's are. */
const LOW_CHROMA = { dark: 0.08, light: 0.05 } as const;

/**
 * The accent shades for a brand colour (`#rrggbb` or any CSS colour), same hue throughout.
 * How Starlight uses them decides what each must meet (all at least 4.5:1):
 * - dark: text is `accent-high` on the page and sidebar, and `accent-low` on `accent-high`
 *   (current sidebar entry, skip link); badges put white on `accent-low`. `accent` draws
 *   borders and outlines, and is held to the text contrast as Charter's charts fill with it.
 * - light: text is `accent` on the page and header, and white on `accent` (current sidebar
 *   entry, buttons); badges put white on `accent-high`; `accent-low` is a tint under
 *   `accent-high`.
 * The brand colour itself is the accent of each theme where it already meets the contrast.
 */
export function accentShades(brand: string): ThemeAccents {
  const base = oklch(brand);
  if (!base) throw new Error(`brand_color: "${brand}" is not a colour`);
  const onAll = (surfaces: readonly string[]) => (hex: string) =>
    surfaces.every((surface) => wcagContrast(hex, surface) >= MIN_CONTRAST);

  const darkAccent = nearestPassing(base, base.l, 1, onAll(SURFACES.dark));
  const darkLow = nearestPassing(
    muted(base, LOW_CHROMA.dark),
    Math.min(START.darkLow, base.l),
    0,
    onAll([WHITE]),
  );
  const darkHigh = nearestPassing(
    base,
    Math.max(START.darkHigh, lightness(darkAccent)),
    1,
    onAll([...SURFACES.dark, darkLow]),
  );

  const lightAccent = nearestPassing(base, base.l, 0, onAll(SURFACES.light));
  const lightLow = atLightness(muted(base, LOW_CHROMA.light), Math.max(START.lightLow, base.l));
  const lightHigh = nearestPassing(
    base,
    Math.min(START.lightHigh, lightness(lightAccent)),
    0,
    onAll([WHITE, lightLow]),
  );

  return {
    dark: { low: darkLow, accent: darkAccent, high: darkHigh },
    light: { low: lightLow, accent: lightAccent, high: lightHigh },
  };
}

/**
 * The stylesheet that sets Starlight's accent custom properties: the dark theme on `:root`,
 * the light theme on `:root[data-theme='light']` (the selectors Starlight uses), and the light
 * shades for print, where Starlight prints every page light.
 */
export function accentCss({ dark, light }: ThemeAccents): string {
  const block = (selector: string, shades: AccentShades, indent = '') =>
    [
      `${indent}${selector} {`,
      `${indent}  --sl-color-accent-low: ${shades.low};`,
      `${indent}  --sl-color-accent: ${shades.accent};`,
      `${indent}  --sl-color-accent-high: ${shades.high};`,
      `${indent}}`,
    ].join('\n');
  return [
    '/* The company\u2019s accent, from brand_color in company.yaml. */',
    block(':root', dark),
    block(":root[data-theme='light']", light),
    `@media print {\n${block(':root', light, '  ')}\n}`,
    '',
  ].join('\n');
}

/** OKLCH lightness of a colour. */
function lightness(color: string): number {
  return oklch(color)?.l ?? 0;
}

/** `base` with its chroma at most `chroma`. */
function muted(base: Oklch, chroma: number): Oklch {
  return { ...base, c: Math.min(base.c, chroma) };
}

/** `base`'s hue and chroma at lightness `l`, with chroma lowered as far as sRGB needs. */
function atLightness(base: Oklch, l: number): string {
  return formatHex(clampChroma({ ...base, l, alpha: undefined }, 'oklch'));
}

/**
 * The shade of `base` nearest lightness `from`, moving toward `to` (0, black, or 1, white),
 * that `passes`. A binary search: contrast with fixed surfaces only grows as lightness moves
 * away from them, and the end (black or white) is the one that passes if any does.
 */
function nearestPassing(
  base: Oklch,
  from: number,
  to: 0 | 1,
  passes: (hex: string) => boolean,
): string {
  const start = atLightness(base, from);
  if (passes(start)) return start;
  let failing = from;
  let passing: number = to;
  if (!passes(atLightness(base, passing)))
    throw new Error(`no shade of ${formatHex(base)} meets the contrast it needs`);
  // 2^-24 of lightness is far below one step of #rrggbb.
  for (let step = 0; step < 24; step++) {
    const middle = (failing + passing) / 2;
    if (passes(atLightness(base, middle))) passing = middle;
    else failing = middle;
  }
  return atLightness(base, passing);
}
