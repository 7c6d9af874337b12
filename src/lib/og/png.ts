import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR header, or null if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * An RGB image laid out as PNG scanlines: each row starts with its filter byte (0, none), so
 * the image can be deflated as it is, without a copy.
 */
export type Scanlines = { width: number; height: number; data: Uint8Array };

/** Bytes per scanline of an RGB image `width` pixels wide, filter byte included. */
export const scanlineBytes = (width: number): number => width * 3 + 1;

export function createScanlines(width: number, height: number): Scanlines {
  return { width, height, data: new Uint8Array(scanlineBytes(width) * height) };
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/**
 * An 8-bit RGB PNG of the scanlines, deflated at `level` (zlib, 0-9). Cards are flat colour and
 * text: unfiltered rows at a low level encode fastest for nearly the size of adaptive filters.
 */
export function encodePng(image: Scanlines, level: number): Buffer {
  return pngOf(image.width, image.height, deflateSync(image.data, { level }));
}

function pngOf(width: number, height: number, zlibData: Uint8Array): Buffer {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', zlibData),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const ADLER_BASE = 65521;

/**
 * The Adler-32 of two pieces of data joined, from the checksum of each and the second's length
 * (zlib's adler32_combine).
 */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= 2 * ADLER_BASE) sum2 -= 2 * ADLER_BASE;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return sum2 * 65536 + sum1;
}

/**
 * The first rows of images that share them, deflated once: a raw deflate stream that ends on a
 * byte boundary without closing (a sync flush), so another stream can follow it, and the
 * Adler-32 and length of the bytes it holds.
 */
export type DeflatedRows = { raw: Uint8Array; adler: number; length: number };

export function deflateRows(rows: Uint8Array, level: number): DeflatedRows {
  // zlib's checksum, from a stored (uncompressed) stream: a copy, not a second compression.
  const stored = deflateSync(rows, { level: 0 });
  return {
    raw: deflateRawSync(rows, { level, finishFlush: constants.Z_SYNC_FLUSH }),
    adler: new DataView(stored.buffer, stored.byteOffset + stored.length - 4).getUint32(0),
    length: rows.length,
  };
}

/**
 * A PNG whose first rows are `lead` (deflated once for many images) and whose other rows are
 * `rest` (scanlines, deflated now): one zlib stream of the two, with the checksum of both.
 * Only the rows that differ from image to image are compressed for each image.
 */
export function encodePngAfter(
  width: number,
  height: number,
  lead: DeflatedRows,
  rest: Uint8Array,
  level: number,
): Buffer {
  const tail = deflateSync(rest, { level });
  const end = tail.length - 4;
  const adler = adler32Combine(
    lead.adler,
    new DataView(tail.buffer, tail.byteOffset + end).getUint32(0),
    rest.length,
  );
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, adler);
  // The tail's own zlib header opens the stream; its deflate data follows the lead's.
  return pngOf(
    width,
    height,
    Buffer.concat([tail.subarray(0, 2), lead.raw, tail.subarray(2, end), trailer]),
  );
}
