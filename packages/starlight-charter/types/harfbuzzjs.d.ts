/** The parts of harfbuzzjs (HarfBuzz compiled to WebAssembly) that the card glyph setter uses. */
declare module 'harfbuzzjs' {
  export type HbFont = {
    glyphToPath(glyph: number): string;
    glyphExtents(
      glyph: number,
    ): { xBearing: number; yBearing: number; width: number; height: number } | null;
  };
  export type HbBuffer = {
    addText(text: string): void;
    guessSegmentProperties(): void;
    /** Shaped glyphs: id, advance and offsets in font units (the font's default scale). */
    json(): { g: number; cl: number; ax: number; ay: number; dx: number; dy: number }[];
    destroy(): void;
  };
  export type Harfbuzz = {
    createBlob(bytes: Uint8Array): unknown;
    createFace(blob: unknown, index: number): { upem: number };
    createFont(face: unknown): HbFont;
    createBuffer(): HbBuffer;
    shape(font: HbFont, buffer: HbBuffer): void;
  };
  const ready: Promise<Harfbuzz>;
  export default ready;
}
