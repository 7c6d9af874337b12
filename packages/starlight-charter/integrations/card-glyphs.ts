import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Harfbuzz, HbFont } from 'harfbuzzjs';
import sharp from 'sharp';
import { blendInk, blendMask, maskRuns, toInk, type Mask } from '../lib/og/composite.ts';
import {
  adler32,
  adlerAfter,
  createScanlines,
  deflatePiece,
  encodePngPieces,
  inkPalette,
  inkScanlineBytes,
  scanlineBytes,
  type ChecksumChange,
  type InkScanlines,
  type Scanlines,
} from '../lib/og/png.ts';
import { TITLE_LINE } from '../lib/og/card.ts';
import { splitSvgText, type TextRun } from '../lib/og/svg-text.ts';
import { woffToSfnt } from '../lib/og/woff.ts';

/**
 * Sets a card's text from cached glyphs. Satori lays out each distinct layout once (the card
 * with its title lines standing in as `TITLE_LINE`; see `cardLayout`), placing every word of
 * the other texts and the start of each title line; sharp rasterises the layout's shapes once
 * and each glyph once per size and quarter-pixel offset. A card is then its layout's shapes
 * with the text blended on, title lines shaped by HarfBuzz as satori shapes them. Outlining
 * and filling every glyph of every card was most of a card's cost.
 *
 * `compose` returns null for a card it cannot set exactly (a character no font has, markup the
 * template does not produce); the worker then draws that card whole.
 */

export type GlyphFont = { name: string; weight: number; path: string };
export type CardLayout = { tree: unknown; title: string[] };
/** Satori's SVG of a layout, drawn with `embedFont: false` (text placed, not outlined). */
export type LayOut = (tree: unknown, width: number, height: number) => Promise<string>;

// harfbuzzjs exports a promise from CommonJS; required rather than imported, because a module
// namespace carrying that promise's `then` confuses bundlers' interop (Vitest's among them).
const hbReady = createRequire(import.meta.url)('harfbuzzjs') as Promise<Harfbuzz>;

type Shaped = { glyph: number; advance: number; dx: number; dy: number }[];
type Loaded = { font: HbFont; upem: number };
type CachedMask = Mask & { left: number; top: number; runs: Int32Array };
type Placed = {
  key: string;
  font: number;
  glyph: number;
  size: number;
  phase: number;
  x: number;
  y: number;
  run: TextRun;
};
/**
 * A laid-out layout: its shapes with every text but the title drawn on, the checksum of that
 * picture's bytes, where each title line starts, and its rows above and below the title
 * deflated, by the row the title starts at (`leads`) and the row after it ends (`tails`).
 * The picture is RGB scanlines, or, when every pixel mixes the background and the title's
 * colour (as in Charter's cards, where all text is one colour), ink amounts (`InkScanlines`)
 * written with the `palette` of those mixes: a third of the bytes to copy, blend and compress.
 */
type Prepared = {
  pixels: Uint8Array;
  palette: Uint8Array | null;
  adler: number;
  titleLines: TextRun[];
  leads: Map<number, Uint8Array>;
  tails: Map<number, Uint8Array>;
};

/** Glyph positions are rounded to a quarter pixel: four cached images per glyph and size. */
const PHASES = 4;
/** Layouts kept; a site has a handful (sections, title line counts, price pills). */
const MAX_LAYOUTS = 64;
/**
 * Rows above and below the title are deflated once per layout and row; the title's first row
 * is rounded down and the row after its last rounded up to this step, so the few heights of
 * ascenders and descenders share them.
 */
const ROW_STEP = 8;

/**
 * The layout's picture as ink amounts with their palette, when its title lines share one
 * colour and every pixel mixes that colour and the background (read at the top-left corner,
 * inside the card's padding); null otherwise, and the card is drawn in RGB.
 */
function inkOf(
  image: Scanlines,
  titleLines: TextRun[],
): { image: InkScanlines; palette: Uint8Array } | null {
  const ink = titleLines[0]?.color;
  if (!ink || titleLines.some((line) => line.color.some((c, i) => c !== ink[i]))) return null;
  const background = [image.data[1]!, image.data[2]!, image.data[3]!] as const;
  const amounts = toInk(image, background, ink);
  return amounts && { image: amounts, palette: inkPalette(background, ink) };
}

export class GlyphSetter {
  private readonly hb: Harfbuzz;
  private readonly fonts: GlyphFont[];
  private readonly layOut: LayOut;
  private readonly loaded = new Map<number, Loaded>();
  private readonly shaped = new Map<string, Shaped | null>();
  private readonly masks = new Map<string, CachedMask>();
  private readonly layouts = new Map<string, Promise<Prepared | null>>();
  /** The picture a card is drawn into, reused card after card. */
  private pixels: Uint8Array | undefined;

  private constructor(hb: Harfbuzz, fonts: GlyphFont[], layOut: LayOut) {
    this.hb = hb;
    this.fonts = fonts;
    this.layOut = layOut;
  }

  static async create(fonts: GlyphFont[], layOut: LayOut): Promise<GlyphSetter> {
    return new GlyphSetter(await hbReady, fonts, layOut);
  }

  /** The card as a PNG, or null when it has to be drawn whole. */
  async compose(
    layout: CardLayout,
    width: number,
    height: number,
    png: { compressionLevel: number },
  ): Promise<Buffer | null> {
    const prepared = await this.prepare(layout.tree, width, height, png.compressionLevel);
    if (!prepared || prepared.titleLines.length !== layout.title.length) return null;
    const title = this.place(
      prepared.titleLines.map((line, i) => ({ ...line, text: layout.title[i]! })),
    );
    if (!title) return null;
    await this.rasterise(title.filter((p) => !this.masks.has(p.key)));

    // Rows above the title's first inked row and below its last are the layout's own, and so is
    // their deflated data: only the band of rows between is blended and deflated for the card.
    let first = height;
    let last = 0;
    for (const p of title) {
      const mask = this.masks.get(p.key)!;
      if (!mask.width) continue;
      first = Math.min(first, p.y + mask.top);
      last = Math.max(last, p.y + mask.top + mask.height);
    }
    const top = Math.max(0, Math.min(height, Math.floor(first / ROW_STEP) * ROW_STEP));
    const bottom = Math.max(top, Math.min(height, Math.ceil(last / ROW_STEP) * ROW_STEP));
    const { palette } = prepared;
    const stride = palette ? inkScanlineBytes(width) : scanlineBytes(width);
    const level = png.compressionLevel;
    const base = prepared.pixels;
    let lead = prepared.leads.get(top);
    if (!lead) {
      lead = deflatePiece(base.subarray(0, top * stride), level, false);
      prepared.leads.set(top, lead);
    }
    let tail = prepared.tails.get(bottom);
    if (!tail) {
      tail = deflatePiece(base.subarray(bottom * stride), level, true);
      prepared.tails.set(bottom, tail);
    }

    // One picture per worker, reused: from here to the end nothing waits, so no other card can
    // start drawing into it meanwhile. Only the band's rows are used; the glyphs lie within it.
    if (this.pixels?.length !== base.length) this.pixels = new Uint8Array(base.length);
    const data = this.pixels;
    data.set(base.subarray(top * stride, bottom * stride), top * stride);
    const change: ChecksumChange = { sum: 0, weighted: 0 };
    if (palette) this.blendInk({ width, height, data }, title, change);
    else this.blend({ width, height, data }, title, change);
    const band = deflatePiece(data.subarray(top * stride, bottom * stride), level, false);
    return encodePngPieces(
      width,
      height,
      level,
      [lead, band, tail],
      adlerAfter(prepared.adler, change),
      palette ?? undefined,
    );
  }

  private blend(image: Scanlines, placed: Placed[], change?: ChecksumChange): void {
    for (const p of placed) {
      const mask = this.masks.get(p.key)!;
      if (mask.width)
        blendMask(
          image,
          mask,
          p.x + mask.left,
          p.y + mask.top,
          p.run.color,
          p.run.opacity,
          change,
          mask.runs,
        );
    }
  }

  /** As `blend`, onto ink amounts; every glyph is in the ink's colour. */
  private blendInk(image: InkScanlines, placed: Placed[], change: ChecksumChange): void {
    for (const p of placed) {
      const mask = this.masks.get(p.key)!;
      if (mask.width)
        blendInk(image, mask, p.x + mask.left, p.y + mask.top, p.run.opacity, change, mask.runs);
    }
  }

  private prepare(
    tree: unknown,
    width: number,
    height: number,
    level: number,
  ): Promise<Prepared | null> {
    // Deflated rows depend on the compression level, so it is part of the layout's key.
    const key = `${level}:${JSON.stringify(tree)}`;
    let ready = this.layouts.get(key);
    if (!ready) {
      if (this.layouts.size >= MAX_LAYOUTS) this.layouts.clear();
      ready = this.layOut(tree, width, height).then(async (svg) => {
        const split = splitSvgText(svg);
        if (!split) return null;
        const placed = this.place(split.runs.filter((run) => run.text !== TITLE_LINE));
        const image = await this.rasteriseBase(split.base, width, height);
        if (!placed || !image) return null;
        await this.rasterise(placed.filter((p) => !this.masks.has(p.key)));
        this.blend(image, placed);
        const titleLines = split.runs.filter((run) => run.text === TITLE_LINE);
        const ink = inkOf(image, titleLines);
        const pixels = ink?.image.data ?? image.data;
        return {
          pixels,
          palette: ink?.palette ?? null,
          adler: adler32(pixels),
          titleLines,
          leads: new Map(),
          tails: new Map(),
        };
      });
      this.layouts.set(key, ready);
    }
    return ready;
  }

  /** A layout's shapes as scanlines; null if any pixel is not opaque. */
  private async rasteriseBase(
    svg: string,
    width: number,
    height: number,
  ): Promise<Scanlines | null> {
    const rgba = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
    if (rgba.length !== width * height * 4) return null;
    const image = createScanlines(width, height);
    const stride = scanlineBytes(width);
    for (let i = 0, y = 0; y < height; y++) {
      for (let j = y * stride + 1, end = j + width * 3; j < end; i += 4, j += 3) {
        // A transparent card would need an alpha channel: leave it to the whole drawing.
        if (rgba[i + 3] !== 255) return null;
        image.data[j] = rgba[i]!;
        image.data[j + 1] = rgba[i + 1]!;
        image.data[j + 2] = rgba[i + 2]!;
      }
    }
    return image;
  }

  private load(index: number): Loaded {
    let loaded = this.loaded.get(index);
    if (!loaded) {
      const face = this.hb.createFace(
        this.hb.createBlob(woffToSfnt(readFileSync(this.fonts[index]!.path))),
        0,
      );
      loaded = { font: this.hb.createFont(face), upem: face.upem };
      this.loaded.set(index, loaded);
    }
    return loaded;
  }

  /** Fonts to try for a run: its families in order, nearest weight first. */
  private candidates(run: TextRun): number[] {
    const order = (index: number) => {
      const font = this.fonts[index]!;
      const family = run.families.indexOf(font.name.toLowerCase());
      return (
        (family === -1 ? run.families.length : family) * 10_000 +
        Math.abs(font.weight - run.fontWeight)
      );
    };
    return this.fonts.map((_, i) => i).sort((a, b) => order(a) - order(b) || a - b);
  }

  private shape(index: number, text: string): Shaped | null {
    const key = `${index}\0${text}`;
    if (!this.shaped.has(key)) {
      const buffer = this.hb.createBuffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      this.hb.shape(this.load(index).font, buffer);
      const glyphs = buffer.json();
      buffer.destroy();
      // Glyph 0 is "no glyph": this font lacks a character.
      this.shaped.set(
        key,
        glyphs.some((g) => g.g === 0)
          ? null
          : glyphs.map((g) => ({ glyph: g.g, advance: g.ax, dx: g.dx, dy: g.dy })),
      );
    }
    return this.shaped.get(key)!;
  }

  /** Each glyph's pixel position and mask key; null if some run has no font with all its characters. */
  private place(runs: TextRun[]): Placed[] | null {
    const placed: Placed[] = [];
    for (const run of runs) {
      const segments = this.segments(run);
      if (!segments) return null;
      let pen = 0; // in pixels from run.x
      for (const { font, glyphs } of segments) {
        const scale = run.fontSize / this.load(font).upem;
        for (const g of glyphs) {
          const exact = run.x + pen + g.dx * scale;
          let x = Math.floor(exact);
          let phase = Math.round((exact - x) * PHASES);
          if (phase === PHASES) {
            x++;
            phase = 0;
          }
          placed.push({
            key: `${font}:${g.glyph}:${run.fontSize}:${phase}`,
            font,
            glyph: g.glyph,
            size: run.fontSize,
            phase,
            x,
            y: Math.round(run.y - g.dy * scale),
            run,
          });
          pen += g.advance * scale;
        }
      }
    }
    return placed;
  }

  /**
   * The run shaped by the first font that has all its characters; failing that, split where
   * the font has to change (as satori falls back character by character). Null if some
   * character is in no font.
   */
  private segments(run: TextRun): { font: number; glyphs: Shaped }[] | null {
    const candidates = this.candidates(run);
    for (const font of candidates) {
      const glyphs = this.shape(font, run.text);
      if (glyphs) return [{ font, glyphs }];
    }
    const pieces: { font: number; text: string }[] = [];
    for (const char of run.text) {
      const font = candidates.find((index) => this.shape(index, char));
      if (font === undefined) return null;
      const last = pieces.at(-1);
      if (last?.font === font) last.text += char;
      else pieces.push({ font, text: char });
    }
    const segments: { font: number; glyphs: Shaped }[] = [];
    for (const piece of pieces) {
      const glyphs = this.shape(piece.font, piece.text);
      if (!glyphs) return null;
      segments.push({ font: piece.font, glyphs });
    }
    return segments;
  }

  /** Draws the glyphs not yet cached, all in one SVG laid out in a row, and cuts out each one. */
  private async rasterise(
    missing: { key: string; font: number; glyph: number; size: number; phase: number }[],
  ) {
    const cells: {
      key: string;
      left: number;
      top: number;
      width: number;
      height: number;
      at: number;
      path: string;
      transform: string;
    }[] = [];
    const seen = new Set<string>();
    let atlasWidth = 0;
    let atlasHeight = 1;
    for (const m of missing) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      const { font, upem } = this.load(m.font);
      const scale = m.size / upem;
      const extents = font.glyphExtents(m.glyph);
      const shift = m.phase / PHASES;
      if (!extents || extents.width === 0 || extents.height === 0) {
        this.masks.set(m.key, {
          width: 0,
          height: 0,
          alpha: new Uint8Array(0),
          left: 0,
          top: 0,
          runs: new Int32Array(0),
        });
        continue;
      }
      // Pixel box of the outline (font units are y-up; rows grow downwards), a pixel to spare.
      const left = Math.floor(extents.xBearing * scale + shift) - 1;
      const right = Math.ceil((extents.xBearing + extents.width) * scale + shift) + 1;
      const top = Math.floor(-extents.yBearing * scale) - 1;
      const bottom = Math.ceil(-(extents.yBearing + extents.height) * scale) + 1;
      const cell = {
        key: m.key,
        left,
        top,
        width: right - left,
        height: bottom - top,
        at: atlasWidth,
        path: font.glyphToPath(m.glyph),
        transform: '',
      };
      cell.transform = `translate(${atlasWidth - left + shift} ${-top}) scale(${scale} ${-scale})`;
      cells.push(cell);
      atlasWidth += cell.width + 1;
      atlasHeight = Math.max(atlasHeight, cell.height);
    }
    if (!cells.length) return;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${atlasWidth}" height="${atlasHeight}">${cells
      .map((c) => `<path transform="${c.transform}" d="${c.path}"/>`)
      .join('')}</svg>`;
    const alpha = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();
    for (const c of cells) {
      const mask = new Uint8Array(c.width * c.height);
      for (let y = 0; y < c.height; y++)
        mask.set(
          alpha.subarray(y * atlasWidth + c.at, y * atlasWidth + c.at + c.width),
          y * c.width,
        );
      const cut = { width: c.width, height: c.height, alpha: mask };
      this.masks.set(c.key, { ...cut, left: c.left, top: c.top, runs: maskRuns(cut) });
    }
  }
}
