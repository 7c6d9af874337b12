import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import {
  adler32Combine,
  createScanlines,
  deflateRows,
  encodePng,
  encodePngAfter,
  pngSize,
  scanlineBytes,
} from '~/lib/og/png';

/** Adler-32 as zlib writes it, at the end of a zlib stream. */
const adler32 = (data: Uint8Array) => {
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

describe('adler32Combine', () => {
  test('gives the checksum of two pieces joined', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const joined = new Uint8Array([...a, ...b]);
        expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(joined));
      }),
    );
  });

  test('holds for pieces longer than the modulus, whose sums wrap', () => {
    const a = new Uint8Array(70_000).map((_, i) => (i * 31) & 255);
    const b = new Uint8Array(140_000).fill(255);
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(
      adler32(new Uint8Array([...a, ...b])),
    );
  });
});

describe('encodePngAfter', () => {
  // A 40x30 image: flat rows, then rows of noise, so both kinds of data are deflated.
  const width = 40;
  const height = 30;
  const stride = scanlineBytes(width);
  const image = createScanlines(width, height);
  for (let y = 0; y < height; y++)
    for (let i = 1; i < stride; i++)
      image.data[y * stride + i] = y < 12 ? 90 : (y * 7 + i * 13) % 256;

  test.each([0, 5, 12, 29, 30])(
    'with the first %i rows deflated apart, decodes to the same image',
    async (top) => {
      const lead = deflateRows(image.data.subarray(0, top * stride), 3);
      const png = encodePngAfter(width, height, lead, image.data.subarray(top * stride), 3);
      // One valid zlib stream (inflate checks the checksum) holding every scanline.
      expect(inflateSync(idatOf(png)).equals(Buffer.from(image.data))).toBe(true);
      const whole = await sharp(encodePng(image, 3)).raw().toBuffer();
      expect((await sharp(png).raw().toBuffer()).equals(whole)).toBe(true);
    },
  );

  test('reuses the deflated first rows as they are', () => {
    const lead = deflateRows(image.data.subarray(0, 12 * stride), 3);
    const idat = idatOf(encodePngAfter(width, height, lead, image.data.subarray(12 * stride), 3));
    expect(idat.subarray(2, 2 + lead.raw.length).equals(Buffer.from(lead.raw))).toBe(true);
  });
});
