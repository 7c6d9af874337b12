import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { createScanlines, encodePng, pngSize, scanlineBytes } from '~/lib/og/png';

describe('encodePng', () => {
  // A 5x3 image with a different colour in every pixel.
  const image = createScanlines(5, 3);
  for (let y = 0; y < 3; y++)
    for (let x = 0; x < 5; x++)
      image.data.set([x * 50, y * 100, 255 - x * 40], y * scanlineBytes(5) + 1 + x * 3);

  test.each([0, 3, 9])(
    'writes a PNG that decodes to the same pixels at level %i',
    async (level) => {
      const png = encodePng(image, level);
      expect(pngSize(png)).toEqual({ width: 5, height: 3 });
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(3);
      for (let y = 0; y < 3; y++)
        for (let x = 0; x < 5; x++)
          expect([...data.subarray((y * 5 + x) * 3, (y * 5 + x) * 3 + 3)]).toEqual([
            x * 50,
            y * 100,
            255 - x * 40,
          ]);
    },
  );

  test('starts every scanline with filter 0 and leaves a new image black', () => {
    const blank = createScanlines(2, 2);
    expect(blank.data.length).toBe(2 * scanlineBytes(2));
    expect([...blank.data].every((b) => b === 0)).toBe(true);
  });
});
