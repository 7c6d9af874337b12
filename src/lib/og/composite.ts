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
 * A mask's covered pixels as runs, three numbers each: row, first column, and the column
 * after the last. Blending walks these instead of every pixel of the mask's box, about half
 * of which a glyph leaves uncovered.
 */
export function maskRuns(mask: Mask): Int32Array {
  const runs: number[] = [];
  const { width, height, alpha } = mask;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (alpha[row + x] === 0) continue;
      const start = x;
      while (x < width && alpha[row + x] !== 0) x++;
      runs.push(y, start, x);
    }
  }
  return Int32Array.from(runs);
}

/**
 * Paints `color` through `mask` with its top-left pixel at (left, top), scaled by `opacity`
 * (0..1). Parts of the mask outside the image are skipped. If `change` is given, what the
 * painting did to the image data's Adler-32 checksum is added to it, so a PNG of the image
 * needs no second pass over its bytes for the checksum. `runs` are the mask's (`maskRuns`),
 * for a caller that paints the same mask many times.
 */
export function blendMask(
  image: Scanlines,
  mask: Mask,
  left: number,
  top: number,
  color: readonly [number, number, number],
  opacity = 1,
  change?: ChecksumChange,
  runs: Int32Array = maskRuns(mask),
): void {
  const { width, height, data } = image;
  const stride = scanlineBytes(width);
  const [r, g, b] = color;
  // Coverage times opacity as a 0..65025 weight, so the mixing stays in integers.
  const scale = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
  const alpha = mask.alpha;
  const length = data.length;
  // Exact in doubles: even a mask as large as the image adds far less than 2^53.
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < runs.length; i += 3) {
    const y = top + runs[i]!;
    if (y < 0 || y >= height) continue;
    // Clipped to the image's columns.
    const x0 = Math.max(runs[i + 1]!, -left);
    const x1 = Math.min(runs[i + 2]!, width - left);
    // Each scanline starts with its filter byte.
    let dst = y * stride + 1 + (left + x0) * 3;
    for (let x = x0, src = runs[i]! * mask.width + x0; x < x1; x++, src++, dst += 3) {
      const coverage = alpha[src]!;
      const red = data[dst]!;
      const green = data[dst + 1]!;
      const blue = data[dst + 2]!;
      let dr = r - red;
      let dg = g - green;
      let db = b - blue;
      // Full coverage at full opacity is the colour itself.
      if (coverage !== 255 || scale !== 255) {
        const a = coverage * scale;
        const rest = 65025 - a;
        dr = (((r * a + red * rest + 32512) / 65025) | 0) - red;
        dg = (((g * a + green * rest + 32512) / 65025) | 0) - green;
        db = (((b * a + blue * rest + 32512) / 65025) | 0) - blue;
      }
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
