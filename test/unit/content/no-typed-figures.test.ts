import { globSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { displayedFigures, findFigures } from '../../../packages/starlight-charter/lib/figures';
import { planCells } from '../../../packages/starlight-charter/lib/published';
import { SAMPLE, WEE } from '../../support/sites';

/**
 * Pages and components place data through components; none types a figure of the data.
 * The figures are collected from the Catalog as the site displays them.
 */
const catalog = loadCatalog(SAMPLE.terms);
const figures = displayedFigures(catalog);
const PACKAGE = 'packages/starlight-charter';
// Charter's own pages are published by every site, so they are checked against each
// company's figures; a site's own content against its company's only.
const pages = `${PACKAGE}/pages/**/*.{md,mdx}`;
const sources = globSync([
  `${SAMPLE.root}/src/content/**/*.{md,mdx}`,
  pages,
  `${PACKAGE}/components/**/*.astro`,
]).sort();

describe('no figure from the sample terms is typed into pages or components', () => {
  test('finds sources to scan, including knowledge-base articles', () => {
    expect(sources.some((f) => f.startsWith(`${PACKAGE}/pages/commercial/`))).toBe(true);
    expect(sources.some((f) => f.startsWith(`${PACKAGE}/components/`))).toBe(true);
    expect(sources.some((f) => f.startsWith(`${SAMPLE.kb}/`))).toBe(true);
  });

  test('collects prices, percentages and durations from the Catalog', () => {
    const plan = catalog.pricing.plans.find(
      (p) => p.price.model === 'flat' && p.price.monthly > 0,
    )!;
    expect(figures).toContain(planCells(catalog, plan).price);
    expect(figures.some((f) => f.endsWith('%'))).toBe(true);
    expect(figures.some((f) => /hours?\b/.test(f))).toBe(true);
  });

  test('flags a price typed into a page', () => {
    const top = catalog.pricing.plans
      .filter((p) => p.price.model === 'flat' && p.price.monthly > 0)
      .at(-1)!;
    const price = planCells(catalog, top).price;
    const page = `---\ntitle: Oops\n---\n\nThe top plan costs ${price} and includes more.\n`;
    expect(findFigures(page, figures)).toContain(price);
  });

  // CSS is not displayed text: "top: 40%" is a layout value, not a credit band.
  const withoutStyles = (text: string) => text.replace(/<style[\s\S]*?<\/style>/g, '');

  test.each(sources)('%s types no figure from the data', (file) => {
    expect(findFigures(withoutStyles(readFileSync(file, 'utf8')), figures)).toEqual([]);
  });
});

describe("no figure from the second company's terms is typed into its site or Charter's pages", () => {
  const wee = loadCatalog(WEE.terms);
  const weeFigures = displayedFigures(wee);
  const weeSources = globSync([`${WEE.root}/src/content/**/*.{md,mdx}`, pages]).sort();

  test('the second company has articles of its own', () =>
    expect(weeSources.some((f) => f.startsWith(`${WEE.kb}/`))).toBe(true));

  test.each(weeSources)('%s types no figure from its data', (file) => {
    expect(findFigures(readFileSync(file, 'utf8'), weeFigures)).toEqual([]);
  });
});
