import {
  inkPalette,
  inkScanlineBytes,
  scanlineBytes,
  type ChecksumChange,
  type InkScanlines,
  type Scanlines,
} from './png.ts';

/**
 * Blends coverage masks (rasterised glyphs) onto an RGB image, as a rasteriser paints a solid
 * fill over what is already there: out = colour * a + below * (1 - a), per channel, in sRGB;
 * or onto an image of one colour's shares over a background (`toInk`, `blendInk`).
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

/** What painting changed, for the image data's Adler-32 checksum (see `ChecksumChange`). */
type Tally = { sum: number; weighted: number };

/**
 * Calls `paint` for each of the mask's covered runs (`runs`) that lands on an image `width` x
 * `height` with the mask's top-left pixel at (left, top), clipped to the image: with the image
 * row, its first column and the column after its last, and where its coverage starts in the
 * mask's alpha. Each call adds what it changed to the tally, which ends up in `change`.
 */
function paintRuns(
  mask: Mask,
  runs: Int32Array,
  left: number,
  top: number,
  width: number,
  height: number,
  change: ChecksumChange | undefined,
  paint: (y: number, x0: number, x1: number, src: number, tally: Tally) => void,
): void {
  // Exact in doubles: even a mask as large as the image adds far less than 2^53.
  const tally = { sum: 0, weighted: 0 };
  for (let i = 0; i < runs.length; i += 3) {
    const y = top + runs[i]!;
    if (y < 0 || y >= height) continue;
    const x0 = Math.max(runs[i + 1]!, -left);
    const x1 = Math.min(runs[i + 2]!, width - left);
    if (x0 < x1) paint(y, x0, x1, runs[i]! * mask.width + x0, tally);
  }
  if (change) {
    change.sum = (change.sum + tally.sum) % 65521;
    change.weighted = (change.weighted + (tally.weighted % 65521)) % 65521;
  }
}

/** Coverage times this (opacity as 0..255) is a 0..65025 weight: the mixing stays in integers. */
const opacityScale = (opacity: number) => Math.round(Math.min(1, Math.max(0, opacity)) * 255);

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
  const scale = opacityScale(opacity);
  const alpha = mask.alpha;
  const length = data.length;
  paintRuns(mask, runs, left, top, width, height, change, (y, x0, x1, src, tally) => {
    let sum = 0;
    let weighted = 0;
    // Each scanline starts with its filter byte.
    for (let x = x0, dst = y * stride + 1 + (left + x0) * 3; x < x1; x++, src++, dst += 3) {
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
    tally.sum += sum;
    tally.weighted += weighted;
  });
}

/**
 * Paints the ink through `mask` onto an ink image (`InkScanlines`), as `blendMask` paints a
 * colour: a pixel's ink share becomes below + (255 - below) * coverage * opacity, rounded to
 * nearest. Over the background that is the palette entry of the colour `blendMask` would give.
 * `change` and `runs` as for `blendMask`.
 */
export function blendInk(
  image: InkScanlines,
  mask: Mask,
  left: number,
  top: number,
  opacity = 1,
  change?: ChecksumChange,
  runs: Int32Array = maskRuns(mask),
): void {
  const { width, height, data } = image;
  const stride = inkScanlineBytes(width);
  const scale = opacityScale(opacity);
  const alpha = mask.alpha;
  const length = data.length;
  paintRuns(mask, runs, left, top, width, height, change, (y, x0, x1, src, tally) => {
    let sum = 0;
    let weighted = 0;
    for (let x = x0, dst = y * stride + 1 + left + x0; x < x1; x++, src++, dst++) {
      const below = data[dst]!;
      const a = alpha[src]! * scale;
      const share = a === 65025 ? 255 : below + ((((255 - below) * a + 32512) / 65025) | 0);
      data[dst] = share;
      sum += share - below;
      weighted += (length - dst) * (share - below);
    }
    tally.sum += sum;
    tally.weighted += weighted;
  });
}

/**
 * The image as ink amounts, when every pixel is a mix of `background` and `ink`: each within
 * `tolerance` per channel of the mix it becomes (`inkPalette`), since a rasteriser rounds its
 * mixes its own way. Null when some pixel is another colour.
 */
export function toInk(
  image: Scanlines,
  background: readonly [number, number, number],
  ink: readonly [number, number, number],
  tolerance = 2,
): InkScanlines | null {
  const palette = inkPalette(background, ink);
  // The channel in which the two colours differ most tells each pixel's share best.
  let channel = 0;
  for (let c = 1; c < 3; c++)
    if (Math.abs(ink[c]! - background[c]!) > Math.abs(ink[channel]! - background[channel]!))
      channel = c;
  if (ink[channel] === background[channel]) return null;
  // For each value of that channel, the shares whose mixes come nearest it in that channel:
  // one share, or a few when the channel has fewer steps between the colours than 255.
  const first = new Uint8Array(256);
  const last = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    let best = Infinity;
    for (let k = 0; k < 256; k++) {
      const off = Math.abs(palette[k * 3 + channel]! - v);
      if (off < best) [best, first[v], last[v]] = [off, k, k];
      else if (off === best) last[v] = k;
    }
  }
  const { width, height, data } = image;
  const stride = scanlineBytes(width);
  const out: InkScanlines = {
    width,
    height,
    data: new Uint8Array(inkScanlineBytes(width) * height),
  };
  for (let y = 0; y < height; y++) {
    let at = y * inkScanlineBytes(width) + 1;
    const start = y * stride + 1;
    for (let src = start, end = src + width * 3; src < end; src += 3, at++) {
      // Most pixels repeat the one before them (a flat background, the inside of a glyph).
      if (
        src > start &&
        data[src] === data[src - 3] &&
        data[src + 1] === data[src - 2] &&
        data[src + 2] === data[src - 1]
      ) {
        out.data[at] = out.data[at - 1]!;
        continue;
      }
      // Of those shares, the one whose mix is off the pixel least in its worst channel.
      const v = data[src + channel]!;
      let share = first[v]!;
      let worst = Infinity;
      for (let k = first[v]!; k <= last[v]!; k++) {
        const off = Math.max(
          Math.abs(palette[k * 3]! - data[src]!),
          Math.abs(palette[k * 3 + 1]! - data[src + 1]!),
          Math.abs(palette[k * 3 + 2]! - data[src + 2]!),
        );
        if (off < worst) [worst, share] = [off, k];
      }
      if (worst > tolerance) return null;
      out.data[at] = share;
    }
  }
  return out;
}
