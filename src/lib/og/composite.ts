import { scanlineBytes, type ChecksumChange, type Scanlines } from './png.ts';

/**
 * Blends coverage masks (rasterised glyphs) onto an RGB image, as a rasteriser paints a solid
 * fill over what is already there: out = colour * a + below * (1 - a), per channel, in sRGB.
 */

export type Mask = {
  width: number;
  height: number;
  /** Coverage, 0..255, row by row. */
  alpha: Uint8Array;
};

/**
 * Paints `color` through `mask` with its top-left pixel at (left, top), scaled by `opacity`
 * (0..1). Parts of the mask outside the image are skipped. If `change` is given, what the
 * painting did to the image data's Adler-32 checksum is added to it, so a PNG of the image
 * needs no second pass over its bytes for the checksum.
 */
export function blendMask(
  image: Scanlines,
  mask: Mask,
  left: number,
  top: number,
  color: readonly [number, number, number],
  opacity = 1,
  change?: ChecksumChange,
): void {
  const { width, height, data } = image;
  const stride = scanlineBytes(width);
  const [r, g, b] = color;
  // Coverage times opacity as a 0..65025 weight, so the inner loop stays in integers.
  const scale = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
  const x0 = Math.max(0, -left);
  const x1 = Math.min(mask.width, width - left);
  const y0 = Math.max(0, -top);
  const y1 = Math.min(mask.height, height - top);
  const length = data.length;
  // Exact in doubles: even a mask as large as the image adds far less than 2^53.
  let sum = 0;
  let weighted = 0;
  for (let y = y0; y < y1; y++) {
    let src = y * mask.width + x0;
    // Each scanline starts with its filter byte.
    let dst = (top + y) * stride + 1 + (left + x0) * 3;
    for (let x = x0; x < x1; x++, src++, dst += 3) {
      const coverage = mask.alpha[src]!;
      if (coverage === 0) continue;
      const a = coverage * scale;
      const rest = 65025 - a;
      const red = data[dst]!;
      const green = data[dst + 1]!;
      const blue = data[dst + 2]!;
      const dr = (((r * a + red * rest + 32512) / 65025) | 0) - red;
      const dg = (((g * a + green * rest + 32512) / 65025) | 0) - green;
      const db = (((b * a + blue * rest + 32512) / 65025) | 0) - blue;
      data[dst] = red + dr;
      data[dst + 1] = green + dg;
      data[dst + 2] = blue + db;
      // Byte i of n counts n - i times in the checksum's second sum.
      sum += dr + dg + db;
      weighted += (length - dst) * (dr + dg + db) - dg - 2 * db;
    }
  }
  if (change) {
    change.sum = (change.sum + sum) % 65521;
    change.weighted = (change.weighted + (weighted % 65521)) % 65521;
  }
}
