import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { catalog } from './support';

// The site's accent comes from the company's brand colour. The expectations are the WCAG 2
// contrast and the brand's hue, computed here from first principles.

type Rgb = [number, number, number];

function hexRgb(hex: string): Rgb {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** HSL hue in degrees. */
function hue([r, g, b]: Rgb): number {
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (60 * h + 360) % 360;
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return Math.min(d, 360 - d);
}

/** The sRGB colours a page's custom properties resolve to, as the browser paints them. */
async function colours<const Name extends string>(
  page: Page,
  properties: Name[],
): Promise<Record<Name, Rgb>> {
  return page.evaluate((names) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const found: Record<string, number[]> = {};
    for (const name of names) {
      probe.style.color = `var(${name})`;
      const rgb = getComputedStyle(probe)
        .color.match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
      found[name] = rgb;
    }
    probe.remove();
    return found;
  }, properties) as Promise<Record<string, Rgb>>;
}

test('the accent is the brand colour, readable in both themes', async ({ page }) => {
  const brand = hexRgb(catalog.company.brand_color);
  for (const theme of ['light', 'dark'] as const) {
    // Starlight follows the system's colour scheme when the reader has not chosen one.
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/commercial/pricing/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    const c = await colours(page, [
      '--sl-color-accent',
      '--sl-color-text-accent',
      '--sl-color-text-invert',
      '--sl-color-bg',
      '--sl-color-bg-nav',
    ]);
    // Hue in HSL, where a pale tint of a colour drifts further than the colour: the dark
    // theme's text accent is one.
    const hueWithin = { '--sl-color-accent': 10, '--sl-color-text-accent': 15 };
    for (const [name, degrees] of Object.entries(hueWithin) as [keyof typeof hueWithin, number][]) {
      for (const surface of ['--sl-color-bg', '--sl-color-bg-nav'] as const) {
        expect(
          contrast(c[name], c[surface]),
          `${theme}: ${name} on ${surface}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
      expect(hueDistance(hue(c[name]), hue(brand)), `${theme}: hue of ${name}`).toBeLessThanOrEqual(
        degrees,
      );
    }
    // Buttons and the current sidebar entry: inverted text on the text accent.
    expect(
      contrast(c['--sl-color-text-invert'], c['--sl-color-text-accent']),
      `${theme}: inverted text on the text accent`,
    ).toBeGreaterThanOrEqual(4.5);
    // A brand colour that already reads on the page is the accent as it is.
    if (
      contrast(brand, c['--sl-color-bg']) >= 4.5 &&
      contrast(brand, c['--sl-color-bg-nav']) >= 4.5
    )
      expect(c['--sl-color-accent'], `${theme}: the brand colour itself`).toEqual(brand);

    const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(
      axe.violations.flatMap((v) =>
        v.nodes.map((n) => `${theme}: ${n.target.join(' ')}: ${n.failureSummary}`),
      ),
    ).toEqual([]);
  }
});
