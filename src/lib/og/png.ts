import { crc32, deflateSync } from 'node:zlib';

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
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(image.data, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
