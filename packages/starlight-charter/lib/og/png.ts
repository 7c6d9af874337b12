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

/**
 * An image whose every pixel mixes two colours, a background and an ink, as PNG scanlines of
 * one byte per pixel: the ink's share, 0 (background) to 255 (ink). Written with the palette of
 * the 256 mixes (`inkPalette`), such an image is a third of the bytes to compress.
 */
export type InkScanlines = { width: number; height: number; data: Uint8Array };

/** Bytes per scanline of an ink image `width` pixels wide, filter byte included. */
export const inkScanlineBytes = (width: number): number => width + 1;

/**
 * The 256 mixes of `background` and `ink`, entry k being k/255 of the ink, each channel
 * rounded to nearest as `blendMask` rounds, as a PNG palette (RGB triples).
 */
export function inkPalette(
  background: readonly [number, number, number],
  ink: readonly [number, number, number],
): Uint8Array {
  const palette = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++)
    for (let c = 0; c < 3; c++)
      palette[k * 3 + c] = Math.floor(
        (ink[c]! * k * 255 + background[c]! * (255 - k) * 255 + 32512) / 65025,
      );
  return palette;
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

/** A PNG of deflated scanlines: RGB, or palette indices when `palette` is given. */
function pngOf(width: number, height: number, zlibData: Uint8Array, palette?: Uint8Array): Buffer {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bits per channel, or per palette index
  header[9] = palette ? 3 : 2; // colour type: palette, or RGB
  return Buffer.concat([
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    ...(palette ? [chunk('PLTE', palette)] : []),
    chunk('IDAT', zlibData),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const ADLER_BASE = 65521;
/** Bytes that can be summed before the larger Adler-32 sum must be reduced (zlib's NMAX). */
const ADLER_RUN = 5552;

/** The Adler-32 checksum of `data`, as zlib computes it for the end of a zlib stream. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let at = 0; at < data.length;) {
    const end = Math.min(data.length, at + ADLER_RUN);
    for (; at < end; at++) {
      a += data[at]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return b * 65536 + a;
}

/**
 * What changing some bytes of data did to its Adler-32 checksum: for each byte at index i
 * of data n bytes long that changed by d, `sum` gains d and `weighted` gains (n - i) * d.
 * Both are kept below the modulus in size (`blendMask` adds to them as it paints).
 */
export type ChecksumChange = { sum: number; weighted: number };

const reduce = (x: number) => ((x % ADLER_BASE) + ADLER_BASE) % ADLER_BASE;

/** The checksum of data whose checksum was `adler`, after the `change`. */
export function adlerAfter(adler: number, change: ChecksumChange): number {
  const a = reduce((adler & 0xffff) + change.sum);
  const b = reduce((adler >>> 16) + change.weighted);
  return b * 65536 + a;
}

/**
 * Rows deflated apart from the rows around them, as one piece of a zlib stream: raw deflate
 * data that needs nothing before it and, unless it is the `last` piece, ends on a byte
 * boundary without closing (a sync flush), so the next piece can follow it.
 */
export function deflatePiece(rows: Uint8Array, level: number, last: boolean): Uint8Array {
  return deflateRawSync(rows, {
    level,
    finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  });
}

const headers = new Map<number, Uint8Array>();

/** The two-byte zlib header zlib writes at `level`. */
function zlibHeader(level: number): Uint8Array {
  let header = headers.get(level);
  if (!header) {
    header = deflateSync(new Uint8Array(0), { level }).subarray(0, 2);
    headers.set(level, header);
  }
  return header;
}

/**
 * A PNG whose scanlines were deflated in pieces (`deflatePiece`, the last one last), with
 * `adler` the checksum of all the scanlines. Rows that many images share are deflated once
 * and reused; only the rows that differ are compressed for each image. The scanlines are RGB,
 * or ink amounts (`InkScanlines`) when their `palette` is given.
 */
export function encodePngPieces(
  width: number,
  height: number,
  level: number,
  pieces: Uint8Array[],
  adler: number,
  palette?: Uint8Array,
): Buffer {
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, adler);
  return pngOf(width, height, Buffer.concat([zlibHeader(level), ...pieces, trailer]), palette);
}
