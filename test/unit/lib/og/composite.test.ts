import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { blendInk, blendMask, maskRuns, toInk, type Mask } from '../../../../packages/starlight-charter/lib/og/composite';
import {
  adler32,
  adlerAfter,
  createScanlines,
  inkPalette,
  inkScanlineBytes,
  scanlineBytes,
  type ChecksumChange,
  type InkScanlines,
  type Scanlines,
} from '../../../../packages/starlight-charter/lib/og/png';

/** A width x height image filled with one colour. */
function filled(width: number, height: number, rgb: [number, number, number]): Scanlines {
  const image = createScanlines(width, height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) image.data.set(rgb, y * scanlineBytes(width) + 1 + x * 3);
  return image;
}
const pixel = (image: Scanlines, x: number, y: number) => [
  ...image.data.subarray(
    y * scanlineBytes(image.width) + 1 + x * 3,
    y * scanlineBytes(image.width) + 4 + x * 3,
  ),
];
const mask = (width: number, height: number, coverage: number[]): Mask => ({
  width,
  height,
  alpha: Uint8Array.from(coverage),
});

const anyColour = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255));

/** A 5x5 glyph somewhere on or off a small image, with its colour and opacity. */
const oneGlyph = fc.record({
  x: fc.integer({ min: -6, max: 8 }),
  y: fc.integer({ min: -6, max: 8 }),
  // Mostly no or full coverage, as glyphs are, with some edges between.
  coverage: fc.array(fc.oneof(fc.constant(0), fc.constant(255), fc.nat(255)), {
    minLength: 25,
    maxLength: 25,
  }),
  color: anyColour,
  opacity: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

/** Up to six 4x4 glyphs to paint: where, their coverage, colour and opacity. */
const someGlyphs = fc.array(
  fc.record({
    x: fc.integer({ min: -4, max: 12 }),
    y: fc.integer({ min: -4, max: 8 }),
    coverage: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    color: anyColour,
    opacity: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  { maxLength: 6 },
);

/** The checksum of `data` before, with the change `paint` tallies, is the checksum after. */
function expectChecksumFollows(data: Uint8Array, paint: (change: ChecksumChange) => void): void {
  const before = adler32(data);
  const change = { sum: 0, weighted: 0 };
  paint(change);
  expect(adlerAfter(before, change)).toBe(adler32(data));
}

/** Blending as documented, pixel by pixel over the mask's whole box. */
function blendEachPixel(
  image: Scanlines,
  m: Mask,
  left: number,
  top: number,
  color: readonly number[],
  opacity: number,
): void {
  const scale = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
  for (let y = 0; y < m.height; y++)
    for (let x = 0; x < m.width; x++) {
      const [px, py] = [left + x, top + y];
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const a = m.alpha[y * m.width + x]! * scale;
      const at = py * scanlineBytes(image.width) + 1 + px * 3;
      for (let c = 0; c < 3; c++)
        image.data[at + c] = Math.floor(
          (color[c]! * a + image.data[at + c]! * (65025 - a) + 32512) / 65025,
        );
    }
}

describe('maskRuns', () => {
  test('lists each row’s covered stretches as row, first column, column after the last', () => {
    expect([...maskRuns(mask(4, 2, [0, 255, 128, 0, 9, 0, 0, 7]))]).toEqual([
      0, 1, 3, 1, 0, 1, 1, 3, 4,
    ]);
  });

  test('lists nothing for a mask with no coverage', () => {
    expect(maskRuns(mask(3, 2, [0, 0, 0, 0, 0, 0])).length).toBe(0);
    expect(maskRuns(mask(0, 0, [])).length).toBe(0);
  });
});

describe('blendMask', () => {
  test('paints as blending each pixel of the mask would, wherever the mask lies', () => {
    fc.assert(
      fc.property(anyColour, oneGlyph, fc.boolean(), (below, g, ownRuns) => {
        const m = mask(5, 5, g.coverage);
        const painted = filled(6, 5, below);
        const expected = filled(6, 5, below);
        // The runs passed in, as a caller that paints a mask often keeps them, or computed.
        const runs = ownRuns ? [maskRuns(m)] : [];
        blendMask(painted, m, g.x, g.y, g.color, g.opacity, undefined, ...runs);
        blendEachPixel(expected, m, g.x, g.y, g.color, g.opacity);
        expect([...painted.data]).toEqual([...expected.data]);
      }),
    );
  });

  test('paints full coverage in the colour and leaves no coverage alone', () => {
    const image = filled(3, 1, [0, 0, 255]);
    blendMask(image, mask(2, 1, [255, 0]), 1, 0, [255, 255, 255]);
    expect(pixel(image, 0, 0)).toEqual([0, 0, 255]);
    expect(pixel(image, 1, 0)).toEqual([255, 255, 255]);
    expect(pixel(image, 2, 0)).toEqual([0, 0, 255]);
  });

  test('mixes partial coverage and opacity with what is below, rounding to nearest', () => {
    const image = filled(2, 1, [0, 0, 0]);
    blendMask(image, mask(2, 1, [128, 255]), 0, 0, [255, 255, 255], 0.5);
    // 128/255 * 0.5 (opacity rounds to 128/255) of 255, and 128/255 of 255.
    expect(pixel(image, 0, 0)).toEqual([64, 64, 64]);
    expect(pixel(image, 1, 0)).toEqual([128, 128, 128]);
  });

  test('clips a mask that hangs over any edge', () => {
    const image = filled(2, 2, [10, 20, 30]);
    const full = mask(3, 3, Array(9).fill(255));
    blendMask(image, full, -2, -2, [1, 2, 3]); // only its bottom-right pixel lands, on (0, 0)
    expect(pixel(image, 0, 0)).toEqual([1, 2, 3]);
    expect(pixel(image, 1, 1)).toEqual([10, 20, 30]);
    blendMask(image, full, 1, 1, [4, 5, 6]); // only its top-left pixel lands, on (1, 1)
    expect(pixel(image, 1, 1)).toEqual([4, 5, 6]);
    expect(pixel(image, 1, 0)).toEqual([10, 20, 30]);
  });

  test('never writes the scanlines’ filter bytes', () => {
    const image = filled(2, 2, [9, 9, 9]);
    blendMask(image, mask(4, 4, Array(16).fill(255)), -1, -1, [200, 200, 200]);
    expect([image.data[0], image.data[scanlineBytes(2)]]).toEqual([0, 0]);
  });

  test('does nothing at zero opacity', () => {
    const image = filled(1, 1, [50, 60, 70]);
    blendMask(image, mask(1, 1, [255]), 0, 0, [255, 255, 255], 0);
    expect(pixel(image, 0, 0)).toEqual([50, 60, 70]);
  });

  test('adds what it painted to the checksum, so the old checksum and the change give the new', () => {
    fc.assert(
      fc.property(anyColour, someGlyphs, (below, glyphs) => {
        const image = filled(10, 6, below);
        expectChecksumFollows(image.data, (change) => {
          for (const g of glyphs)
            blendMask(image, mask(4, 4, [...g.coverage]), g.x, g.y, g.color, g.opacity, change);
        });
      }),
    );
  });

  test('keeps the checksum exact for a mask as large as a card', () => {
    const image = filled(1200, 630, [80, 70, 230]);
    const before = adler32(image.data);
    const change = { sum: 0, weighted: 0 };
    blendMask(
      image,
      mask(1200, 630, Array(1200 * 630).fill(255)),
      0,
      0,
      [255, 255, 255],
      1,
      change,
    );
    blendMask(image, mask(1200, 630, Array(1200 * 630).fill(40)), 0, 0, [0, 0, 0], 1, change);
    expect(adlerAfter(before, change)).toBe(adler32(image.data));
  });
});

/** A width x height ink image with every pixel at ink share `share`. */
function inkFilled(width: number, height: number, share: number): InkScanlines {
  const data = new Uint8Array(inkScanlineBytes(width) * height);
  for (let y = 0; y < height; y++)
    data.fill(share, y * inkScanlineBytes(width) + 1, (y + 1) * inkScanlineBytes(width));
  return { width, height, data };
}

/** The RGB image an ink image stands for, through the palette of its mixes. */
function inkToRgb(image: InkScanlines, palette: Uint8Array): Scanlines {
  const rgb = createScanlines(image.width, image.height);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const k = image.data[y * inkScanlineBytes(image.width) + 1 + x]!;
      rgb.data.set(palette.subarray(k * 3, k * 3 + 3), y * scanlineBytes(image.width) + 1 + x * 3);
    }
  return rgb;
}

describe('blendInk', () => {
  test('over the background, paints the palette entry of the colour blendMask paints', () => {
    fc.assert(
      fc.property(anyColour, anyColour, oneGlyph, (background, ink, g) => {
        const m = mask(5, 5, g.coverage);
        const painted = inkFilled(6, 5, 0);
        blendInk(painted, m, g.x, g.y, g.opacity);
        const expected = filled(6, 5, background);
        blendMask(expected, m, g.x, g.y, ink, g.opacity);
        const got = inkToRgb(painted, inkPalette(background, ink)).data;
        // Exact at full opacity; otherwise the ink's share rounds to a 255th first.
        const slack = g.opacity === 1 ? 0 : 1;
        for (let i = 0; i < got.length; i++)
          expect(Math.abs(got[i]! - expected.data[i]!)).toBeLessThanOrEqual(slack);
      }),
    );
  });

  test('adds the rest of the ink over a pixel that has some, and clips at every edge', () => {
    const image = inkFilled(2, 2, 100);
    blendInk(image, mask(3, 3, Array(9).fill(128)), -2, -2); // lands on (0, 0) only
    // 100 + 155 * 128 / 255, rounded to nearest.
    expect(image.data[1]).toBe(178);
    expect([image.data[2], image.data[inkScanlineBytes(2) + 2]]).toEqual([100, 100]);
    blendInk(image, mask(3, 3, Array(9).fill(255)), 1, 1);
    expect(image.data[inkScanlineBytes(2) + 2]).toBe(255);
    expect([image.data[0], image.data[inkScanlineBytes(2)]]).toEqual([0, 0]);
  });

  test('adds what it painted to the checksum, so the old checksum and the change give the new', () => {
    fc.assert(
      fc.property(fc.nat(255), someGlyphs, (below, glyphs) => {
        const image = inkFilled(10, 6, below);
        expectChecksumFollows(image.data, (change) => {
          for (const g of glyphs)
            blendInk(image, mask(4, 4, [...g.coverage]), g.x, g.y, g.opacity, change);
        });
      }),
    );
  });
});

describe('toInk', () => {
  test('turns an image of mixes into ink shares whose palette colours are the pixels', () => {
    fc.assert(
      fc.property(
        anyColour,
        anyColour,
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        (background, ink, shares) => {
          fc.pre(background.some((c, i) => c !== ink[i]));
          const palette = inkPalette(background, ink);
          const image = inkToRgb(
            { width: 4, height: 3, data: withFilterBytes(4, shares) },
            palette,
          );
          const amounts = toInk(image, background, ink, 0);
          expect(amounts).not.toBeNull();
          expect([...inkToRgb(amounts!, palette).data]).toEqual([...image.data]);
        },
      ),
    );
  });

  test('takes a pixel a rasteriser rounded a little off the mix, within the tolerance', () => {
    const image = filled(2, 1, [80, 70, 229]);
    image.data.set([253, 255, 255], 4);
    expect(toInk(image, [80, 70, 229], [255, 255, 255], 1)).toBeNull();
    expect([...toInk(image, [80, 70, 229], [255, 255, 255], 2)!.data]).toEqual([0, 0, 255]);
  });

  test('declines an image with a colour that is no mix of the two, or two equal colours', () => {
    const image = filled(2, 1, [80, 70, 229]);
    image.data.set([255, 0, 0], 4);
    expect(toInk(image, [80, 70, 229], [255, 255, 255])).toBeNull();
    expect(toInk(filled(1, 1, [9, 9, 9]), [9, 9, 9], [9, 9, 9])).toBeNull();
  });
});

/** Pixel values laid out as scanlines, each row after its filter byte (0). */
function withFilterBytes(width: number, values: Uint8Array): Uint8Array {
  const rows = values.length / width;
  const data = new Uint8Array(inkScanlineBytes(width) * rows);
  for (let y = 0; y < rows; y++)
    data.set(values.subarray(y * width, (y + 1) * width), y * inkScanlineBytes(width) + 1);
  return data;
}
