import { scanlineBytes, type Scanlines } from './png.ts';

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
 * (0..1). Parts of the mask outside the image are skipped.
 */
export function blendMask(
  image: Scanlines,
  mask: Mask,
  left: number,
  top: number,
  color: readonly [number, number, number],
  opacity = 1,
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
  for (let y = y0; y < y1; y++) {
    let src = y * mask.width + x0;
    // Each scanline starts with its filter byte.
    let dst = (top + y) * stride + 1 + (left + x0) * 3;
    for (let x = x0; x < x1; x++, src++, dst += 3) {
      const coverage = mask.alpha[src]!;
      if (coverage === 0) continue;
      const a = coverage * scale;
      const rest = 65025 - a;
      data[dst] = (r * a + data[dst]! * rest + 32512) / 65025;
      data[dst + 1] = (g * a + data[dst + 1]! * rest + 32512) / 65025;
      data[dst + 2] = (b * a + data[dst + 2]! * rest + 32512) / 65025;
    }
  }
}
