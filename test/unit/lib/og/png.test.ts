import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import {
  adler32,
  adlerAfter,
  createScanlines,
  deflatePiece,
  encodePng,
  encodePngPieces,
  inkPalette,
  inkScanlineBytes,
  pngSize,
  scanlineBytes,
} from '../../../../packages/starlight-charter/lib/og/png';

/** Adler-32 as zlib writes it, at the end of a zlib stream. */
const zlibAdler = (data: Uint8Array) => {
  const z = deflateSync(data);
  return z.readUInt32BE(z.length - 4);
};

/** The IDAT chunk's data: a zlib stream. */
function idatOf(png: Buffer): Buffer {
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      return png.subarray(at + 8, at + 8 + length);
    at += 12 + length;
  }
  throw new Error('no IDAT');
}

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

describe('adler32', () => {
  test('is the checksum zlib writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(adler32(data)).toBe(zlibAdler(data));
      }),
    );
  });

  test('holds for data longer than the modulus and the run between reductions', () => {
    const bright = new Uint8Array(200_000).fill(255);
    const mixed = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
    expect(adler32(bright)).toBe(zlibAdler(bright));
    expect(adler32(mixed)).toBe(zlibAdler(mixed));
  });
});

describe('adlerAfter', () => {
  /** The change to data's checksum from changing byte `at` to `value`, worked out by hand. */
  const changeOf = (data: Uint8Array, edits: [number, number][]) => {
    let sum = 0;
    let weighted = 0;
    for (const [at, value] of edits) {
      const d = value - data[at]!;
      sum += d;
      weighted += (data.length - at) * d;
      data[at] = value;
    }
    return { sum: sum % 65521, weighted: weighted % 65521 };
  };

  test('gives the checksum of the changed data from the old checksum and the change', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 50 }),
        (original, edits) => {
          const data = Uint8Array.from(original);
          const before = adler32(data);
          const change = changeOf(
            data,
            edits.map(([at, value]) => [at % data.length, value]),
          );
          expect(adlerAfter(before, change)).toBe(zlibAdler(data));
        },
      ),
    );
  });

  test('holds when bytes go down and the sums wrap below zero', () => {
    const data = new Uint8Array(100_000).fill(255);
    const before = adler32(data);
    const change = changeOf(
      data,
      Array.from({ length: 5_000 }, (_, i): [number, number] => [i * 20, 0]),
    );
    expect(adlerAfter(before, change)).toBe(zlibAdler(data));
  });
});

describe('encodePngPieces', () => {
  // A 40x30 image: flat rows, then rows of noise, then flat again, so every kind of piece is
  // deflated.
  const width = 40;
  const height = 30;
  const stride = scanlineBytes(width);
  const image = createScanlines(width, height);
  for (let y = 0; y < height; y++)
    for (let i = 1; i < stride; i++)
      image.data[y * stride + i] = y < 12 || y >= 24 ? 90 : (y * 7 + i * 13) % 256;
  const rows = (from: number, to: number) => image.data.subarray(from * stride, to * stride);

  test.each([
    [0, 30],
    [5, 24],
    [12, 24],
    [12, 12],
    [29, 30],
    [30, 30],
    [0, 0],
  ])('with rows %i to %i deflated apart, decodes to the same image', async (top, bottom) => {
    const pieces = [
      deflatePiece(rows(0, top), 3, false),
      deflatePiece(rows(top, bottom), 3, false),
      deflatePiece(rows(bottom, height), 3, true),
    ];
    const png = encodePngPieces(width, height, 3, pieces, adler32(image.data));
    // One valid zlib stream (inflate checks the checksum) holding every scanline.
    expect(inflateSync(idatOf(png)).equals(Buffer.from(image.data))).toBe(true);
    const whole = await sharp(encodePng(image, 3)).raw().toBuffer();
    expect((await sharp(png).raw().toBuffer()).equals(whole)).toBe(true);
  });

  test('reuses the deflated pieces as they are', () => {
    const lead = deflatePiece(rows(0, 12), 3, false);
    const band = deflatePiece(rows(12, 24), 3, false);
    const tail = deflatePiece(rows(24, 30), 3, true);
    const idat = idatOf(encodePngPieces(width, height, 3, [lead, band, tail], adler32(image.data)));
    expect(idat.subarray(2, 2 + lead.length).equals(Buffer.from(lead))).toBe(true);
    expect(
      idat.subarray(idat.length - 4 - tail.length, idat.length - 4).equals(Buffer.from(tail)),
    ).toBe(true);
  });

  test('a wrong checksum makes a stream that zlib rejects', () => {
    const pieces = [deflatePiece(image.data, 3, true)];
    const png = encodePngPieces(width, height, 3, pieces, adler32(image.data) ^ 1);
    expect(() => inflateSync(idatOf(png))).toThrow(/check/);
  });
});

describe('inkPalette', () => {
  test('runs from the background to the ink, each channel mixed and rounded to nearest', () => {
    const palette = inkPalette([80, 70, 229], [255, 255, 255]);
    expect(palette.length).toBe(768);
    expect([...palette.subarray(0, 3)]).toEqual([80, 70, 229]);
    expect([...palette.subarray(765)]).toEqual([255, 255, 255]);
    // 128/255 of the way: 80 + 175 * 128/255 = 167.84, 70 + 185 * 128/255 = 162.86, 229 + 26 * 128/255 = 242.05.
    expect([...palette.subarray(128 * 3, 129 * 3)]).toEqual([168, 163, 242]);
  });
});

describe('encodePngPieces with a palette', () => {
  test('writes palette indices that decode to the palette’s colours', async () => {
    const width = 20;
    const height = 6;
    const stride = inkScanlineBytes(width);
    const data = new Uint8Array(stride * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data[y * stride + 1 + x] = (x * 13 + y * 40) % 256;
    const palette = inkPalette([10, 120, 200], [250, 20, 0]);
    const pieces = [
      deflatePiece(data.subarray(0, 2 * stride), 3, false),
      deflatePiece(data.subarray(2 * stride), 3, true),
    ];
    const png = encodePngPieces(width, height, 3, pieces, adler32(data), palette);
    expect(png[25]).toBe(3); // colour type: palette
    expect(pngSize(png)).toEqual({ width, height });
    const { data: rgb, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const k = data[y * stride + 1 + x]!;
        const at = (y * width + x) * 3;
        expect([...rgb.subarray(at, at + 3)]).toEqual([...palette.subarray(k * 3, k * 3 + 3)]);
      }
  });
});
