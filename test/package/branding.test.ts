import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import sharp from 'sharp';
import { parseDocument } from 'yaml';
import { SAMPLE, buildSite, copyTerms, makeSite } from '../support/sites';

/**
 * A company's logo and icon come from its terms folder, for a site that has none of its own;
 * a site without either gets Charter's plain icon rather than a broken link.
 */
/** A logo of one colour no card has otherwise, so its pixels can be found on the cards. */
const LOGO_COLOUR = [225, 29, 72] as const;
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="rgb(${LOGO_COLOUR.join(',')})"/></svg>\n`;
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n';

let branded = '';
let plain = '';
const html = (out: string, path = '') => readFileSync(join(out, path, 'index.html'), 'utf8');

beforeAll(() => {
  const terms = copyTerms(SAMPLE);
  writeFileSync(join(terms, 'logo.svg'), LOGO);
  writeFileSync(join(terms, 'icon.svg'), ICON);
  const file = join(terms, 'company.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('logo', { light: 'logo.svg' });
  doc.set('favicon', 'icon.svg');
  writeFileSync(file, doc.toString());
  // Sites with no public/ folder: the icon can only come from the terms, or from Charter.
  const site = makeSite({ terms });
  rmSync(join(site, 'public'), { recursive: true, force: true });
  branded = buildSite(site);
  const bare = makeSite({ terms: SAMPLE.terms, kb: SAMPLE.kb });
  rmSync(join(bare, 'public'), { recursive: true, force: true });
  plain = buildSite(bare);
});

describe('branding from the terms', () => {
  test("the company's logo is in every page's header, named for the company", () => {
    const company = parseDocument(readFileSync(join(SAMPLE.terms, 'company.yaml'), 'utf8')).get(
      'name',
    );
    for (const path of ['', 'commercial/pricing', 'kb']) {
      const logo =
        /<img[^>]*class="[^"]*light:sl-hidden[^"]*"[^>]*>|<a[^>]*class="site-title[\s\S]*?<img[^>]*>/.exec(
          html(branded, path),
        )?.[0];
      expect(logo, path).toBeDefined();
      expect(logo, path).toContain(`alt="${company}"`);
      const src = /src="([^"]+)"/.exec(logo!)![1]!;
      expect(readFileSync(join(branded, src), 'utf8')).toBe(LOGO);
    }
  });

  test("the company's icon is the site's icon", () => {
    expect(html(branded)).toContain(
      '<link rel="shortcut icon" href="/favicon.svg" type="image/svg+xml"',
    );
    expect(readFileSync(join(branded, 'favicon.svg'), 'utf8')).toBe(ICON);
  });

  test("the company's logo is on the social cards, and not on the cards of a site without one", async () => {
    /** Pixels of the card within a step or two of the logo's colour. */
    const logoPixels = async (out: string, card: string) => {
      const { data, info } = await sharp(join(out, 'og', card))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let found = 0;
      for (let i = 0; i < data.length; i += info.channels)
        if (LOGO_COLOUR.every((c, k) => Math.abs(data[i + k]! - c) <= 2)) found++;
      return found;
    };
    for (const card of ['index.png', 'commercial/pricing.png', 'kb.png']) {
      expect(await logoPixels(branded, card), card).toBeGreaterThan(100);
      expect(await logoPixels(plain, card), card).toBe(0);
    }
  });

  test('a site with no icon anywhere gets a plain one, not a broken link', () => {
    expect(html(plain)).toContain('href="/favicon.svg"');
    expect(readFileSync(join(plain, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
    expect(readFileSync(join(plain, 'favicon.svg'), 'utf8')).not.toBe(ICON);
  });
});
