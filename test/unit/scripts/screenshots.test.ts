import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { SCREENSHOT_DIR, SHOTS } from '../../../scripts/screenshots';

/** The screenshots the script makes are checked in at their sizes; README shows two of them. */
describe('screenshots', () => {
  const readme = readFileSync('README.md', 'utf8');

  test.each(SHOTS.map((shot) => shot.file))(
    '%s is checked in at the size the script takes it',
    async (file) => {
      const shot = SHOTS.find((s) => s.file === file)!;
      const { width, height, format } = await sharp(join(SCREENSHOT_DIR, file)).metadata();
      expect({ width, height, format }).toEqual({
        width: shot.width,
        height: shot.height,
        format: 'png',
      });
    },
  );

  test('README shows the pricing page and the search, each a screenshot the script makes', () => {
    const shown = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    const readmeShots = ['pricing.png', 'kb-search.png'].map((f) => `${SCREENSHOT_DIR}/${f}`);
    expect(shown).toEqual(readmeShots);
    const made = SHOTS.map((shot) => `${SCREENSHOT_DIR}/${shot.file}`);
    for (const image of shown) expect(made).toContain(image);
  });

  test('every screenshot the script makes is checked in, and no other', () => {
    expect(readdirSync(SCREENSHOT_DIR).sort()).toEqual(SHOTS.map((shot) => shot.file).sort());
  });
});
