import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { woffToSfnt } from '../../../../packages/starlight-charter/lib/og/woff';

const require = createRequire(import.meta.url);
const woff = new Uint8Array(
  readFileSync(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff')),
);
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const tag = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Table tag -> its bytes, read from an sfnt's table directory. */
function sfntTables(sfnt: Uint8Array): Map<string, Uint8Array> {
  const count = view(sfnt).getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const offset = view(sfnt).getUint32(record + 8);
    const length = view(sfnt).getUint32(record + 12);
    tables.set(tag(sfnt, record), sfnt.subarray(offset, offset + length));
  }
  return tables;
}

describe('woffToSfnt', () => {
  const sfnt = woffToSfnt(woff);

  test('keeps the font flavour and every table, each as long as the WOFF says', () => {
    expect(view(sfnt).getUint32(0)).toBe(view(woff).getUint32(4));
    const count = view(woff).getUint16(12);
    const tables = sfntTables(sfnt);
    expect(tables.size).toBe(count);
    for (let i = 0; i < count; i++) {
      const entry = 44 + i * 20;
      expect(tables.get(tag(woff, entry))?.length).toBe(view(woff).getUint32(entry + 12));
    }
  });

  test('writes the binary-search fields of the table directory', () => {
    const count = view(sfnt).getUint16(4);
    const power = 2 ** Math.floor(Math.log2(count));
    expect(view(sfnt).getUint16(6)).toBe(power * 16);
    expect(view(sfnt).getUint16(8)).toBe(Math.log2(power));
    expect(view(sfnt).getUint16(10)).toBe(count * 16 - power * 16);
  });

  test('inflates compressed tables into readable font data', () => {
    // The head table carries a fixed magic number and the font's units per em.
    const head = sfntTables(sfnt).get('head')!;
    expect(view(head).getUint32(12)).toBe(0x5f0f3cf5);
    expect(view(head).getUint16(18)).toBeGreaterThan(0);
  });

  test('places every table on a 4-byte boundary', () => {
    const count = view(sfnt).getUint16(4);
    for (let i = 0; i < count; i++) expect(view(sfnt).getUint32(12 + i * 16 + 8) % 4).toBe(0);
  });

  test('returns bytes that are not WOFF as they are', () => {
    expect(woffToSfnt(sfnt)).toBe(sfnt);
    const short = new Uint8Array([1, 2, 3]);
    expect(woffToSfnt(short)).toBe(short);
  });

  test('rejects a WOFF cut short', () => {
    expect(() => woffToSfnt(woff.subarray(0, 60))).toThrow(/WOFF/);
    expect(() => woffToSfnt(woff.subarray(0, woff.length - 200))).toThrow(/WOFF/);
  });
});
