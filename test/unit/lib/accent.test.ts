import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  accentCss,
  accentShades,
  type AccentShades,
} from '../../../packages/starlight-charter/lib/accent';
import { SAMPLE, WEE } from '../../support/sites';

// Contrast is computed here from the WCAG 2 definitions, and the colours the accent meets
// are read from Starlight's own stylesheets, so neither comes from the code under test.

type Rgb = [number, number, number];

function hexRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not #rrggbb: ${hex}`);
  return [1, 2, 3].map((i) => parseInt(match[i]!, 16)) as Rgb;
}

/** CSS Color 4's HSL to sRGB (0–255). */
function hslRgb(h: number, s: number, l: number): Rgb {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

/** `#rrggbb`, `#rgb` or `hsl(h, s%, l%)`: what Starlight's colours are written as. */
function rgbOf(css: string): Rgb {
  const hsl = /^hsl\(\s*([\d.]+),\s*([\d.]+)%,\s*([\d.]+)%\s*\)$/.exec(css);
  if (hsl) return hslRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css);
  if (short) return hexRgb(`#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`);
  return hexRgb(css);
}

/** WCAG 2 relative luminance. */
function luminance(css: string): number {
  const [r, g, b] = rgbOf(css).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** HSL hue (degrees) and saturation (0–1) of a colour. */
function hueOf(css: string): { hue: number; saturation: number } {
  const [r, g, b] = rgbOf(css).map((v) => v / 255) as Rgb;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const l = (max + min) / 2;
  const saturation = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = 60 * (((g - b) / d) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  return { hue: (hue + 360) % 360, saturation };
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
}

// Starlight's custom properties for each theme, from its props.css: the dark theme on `:root`,
// the light theme on `:root[data-theme='light']` over it.
const starlightDir = 'node_modules/@astrojs/starlight';
const props = readFileSync(join(starlightDir, 'dist/style/props.css'), 'utf8');
function declarations(selector: string): Map<string, string> {
  const at = props.indexOf(selector);
  if (at < 0) throw new Error(`props.css has no ${selector}`);
  const body = props.slice(props.indexOf('{', at) + 1, props.indexOf('}', at));
  const found = new Map<string, string>();
  for (const [, name, value] of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) found.set(name!, value!);
  return found;
}
const darkProps = declarations(':root,\n');
const lightProps = new Map([...darkProps, ...declarations(":root[data-theme='light']")]);

// Starlight's badges: white text on a background that is an accent shade.
const badge = readFileSync(join(starlightDir, 'dist/user-components/Badge.astro'), 'utf8');
const badgeText = /--sl-badge-default-text:\s*([^;]+);/.exec(badge)![1]!;
const [darkBadgeBg, lightBadgeBg] = [...badge.matchAll(/--sl-badge-default-bg:\s*([^;]+);/g)].map(
  (m) => m[1]!,
) as [string, string];

type Theme = 'dark' | 'light';

/** A Starlight custom property's colour in a theme with the given accent shades. */
function resolve(theme: Theme, shades: AccentShades, value: string): string {
  const accent: Record<string, string> = {
    '--sl-color-accent-low': shades.low,
    '--sl-color-accent': shades.accent,
    '--sl-color-accent-high': shades.high,
  };
  const table = theme === 'dark' ? darkProps : lightProps;
  for (let depth = 0; depth < 10; depth++) {
    const reference = /^var\((--[\w-]+)\)$/.exec(value.trim());
    if (!reference) return value.trim();
    const name = reference[1]!;
    const next = accent[name] ?? table.get(name);
    if (next === undefined) throw new Error(`Starlight does not define ${name}`);
    value = next;
  }
  throw new Error(`${value} does not resolve`);
}

/** Each pair (text, background) of a theme that must read at WCAG AA, with its name. */
function pairs(theme: Theme, shades: AccentShades): [string, string, string][] {
  const at = (value: string) => resolve(theme, shades, value);
  const textAccent = at('var(--sl-color-text-accent)');
  const surfaces = ['--sl-color-bg', '--sl-color-bg-nav', '--sl-color-bg-sidebar'];
  return [
    ...surfaces.map((s): [string, string, string] => [
      `text accent on ${s}`,
      textAccent,
      at(`var(${s})`),
    ]),
    // Charter's charts and buttons fill with the accent under page-coloured text.
    ...surfaces.map((s): [string, string, string] => [
      `accent on ${s}`,
      shades.accent,
      at(`var(${s})`),
    ]),
    ['inverted text on text accent', at('var(--sl-color-text-invert)'), textAccent],
    [
      'inverted text on accent background',
      at('var(--sl-color-text-invert)'),
      at('var(--sl-color-bg-accent)'),
    ],
    [
      'badge text on badge background',
      badgeText,
      at(theme === 'dark' ? darkBadgeBg : lightBadgeBg),
    ],
  ];
}

function expectReadable(brand: string) {
  const shades = accentShades(brand);
  for (const theme of ['dark', 'light'] as const) {
    for (const shade of Object.values(shades[theme])) expect(shade).toMatch(/^#[0-9a-f]{6}$/);
    for (const [what, text, background] of pairs(theme, shades[theme])) {
      const ratio = contrast(text, background);
      expect
        .soft(ratio, `${brand} ${theme}: ${what} (${text} on ${background})`)
        .toBeGreaterThanOrEqual(4.5);
    }
  }
  return shades;
}

const BRANDS: [string, string][] = [
  ['very light', '#fde047'],
  ['very dark', '#111827'],
  ['saturated', '#2563eb'],
  ["WEE's", loadCatalog(WEE.terms).company.brand_color],
  ["the sample's", loadCatalog(SAMPLE.terms).company.brand_color],
];

describe('accentShades', () => {
  test.each(BRANDS)('%s brand colour (%s) reads at WCAG AA in both themes', (_, brand) => {
    expectReadable(brand);
  });

  test.each(BRANDS)('%s brand colour (%s) keeps its hue', (_, brand) => {
    const shades = accentShades(brand);
    const { hue, saturation } = hueOf(brand);
    // A grey's hue says nothing; the very dark brand is a blue-grey, and kept as one.
    if (saturation < 0.1) return;
    for (const theme of ['dark', 'light'] as const) {
      for (const [name, shade] of Object.entries(shades[theme])) {
        const own = hueOf(shade);
        if (own.saturation < 0.1) continue;
        // The accent keeps the hue closely, the lightest and darkest shades a little less.
        const allowed = name === 'accent' ? 10 : 20;
        expect(hueDistance(own.hue, hue), `${theme} ${name} ${shade}`).toBeLessThanOrEqual(allowed);
      }
    }
  });

  test.each(BRANDS)(
    '%s brand colour (%s) is the accent itself where it already reads',
    (_, brand) => {
      const shades = accentShades(brand);
      for (const theme of ['dark', 'light'] as const) {
        const surfaces = ['--sl-color-bg', '--sl-color-bg-nav', '--sl-color-bg-sidebar'].map((s) =>
          resolve(theme, shades[theme], `var(${s})`),
        );
        const reads = surfaces.every((s) => contrast(brand, s) >= 4.5);
        if (reads) expect(shades[theme].accent, theme).toBe(brand.toLowerCase());
        else expect(shades[theme].accent, theme).not.toBe(brand.toLowerCase());
      }
    },
  );

  test('the WEE and sample brands read on a white page as they are', () => {
    // So the light theme shows the company's own colour, unchanged.
    for (const [, brand] of BRANDS.slice(3)) {
      expect(accentShades(brand).light.accent).toBe(brand.toLowerCase());
    }
  });

  test('any #rrggbb brand colour reads at WCAG AA in both themes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const brand = `#${n.toString(16).padStart(6, '0')}`;
        const shades = accentShades(brand);
        for (const theme of ['dark', 'light'] as const)
          for (const [what, text, background] of pairs(theme, shades[theme]))
            if (contrast(text, background) < 4.5)
              throw new Error(`${brand} ${theme}: ${what} (${text} on ${background})`);
      }),
      { numRuns: 300 },
    );
  });

  test.each(['#000000', '#ffffff', '#808080'])('the grey %s reads too', (brand) => {
    expectReadable(brand);
  });

  test('a value that is not a colour stops with its name', () => {
    expect(() => accentShades('teal-ish')).toThrow(/brand_color: "teal-ish" is not a colour/);
  });
});

describe('accentCss', () => {
  const shades = {
    dark: { low: '#101010', accent: '#202020', high: '#303030' },
    light: { low: '#a0a0a0', accent: '#b0b0b0', high: '#c0c0c0' },
  };
  const css = accentCss(shades);
  const block = (selector: string) => {
    const at = css.indexOf(`${selector} {`);
    expect(at, selector).toBeGreaterThanOrEqual(0);
    return css.slice(at, css.indexOf('}', at));
  };
  const values = (body: string) =>
    Object.fromEntries(
      [...body.matchAll(/(--sl-color-accent[\w-]*):\s*([^;]+);/g)].map((m) => [m[1], m[2]]),
    );
  const expected = (s: AccentShades) => ({
    '--sl-color-accent-low': s.low,
    '--sl-color-accent': s.accent,
    '--sl-color-accent-high': s.high,
  });

  test('sets the dark shades on :root, as Starlight does', () => {
    expect(values(block('\n:root'))).toEqual(expected(shades.dark));
  });

  test("sets the light shades on :root[data-theme='light']", () => {
    expect(values(block(":root[data-theme='light']"))).toEqual(expected(shades.light));
  });

  test('prints with the light shades, as Starlight prints every page light', () => {
    const print = css.slice(css.indexOf('@media print'));
    expect(values(print)).toEqual(expected(shades.light));
  });

  test('has no other rules', () => {
    const selectors = [...css.replace(/\/\*.*?\*\//gs, '').matchAll(/([^{}]+)\{/g)].map((m) =>
      m[1]!.trim(),
    );
    expect(selectors).toEqual([':root', ":root[data-theme='light']", '@media print', ':root']);
  });
});
