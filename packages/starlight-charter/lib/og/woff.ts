import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 to plain OpenType (sfnt). The card fonts come from @fontsource as WOFF; HarfBuzz,
 * which shapes card text for the glyph compositor, reads only sfnt. Bytes that are not WOFF are
 * returned as they are.
 */

const WOFF = 0x774f4646; // "wOFF"
const HEADER = 44;
const ENTRY = 20;

export function woffToSfnt(bytes: Uint8Array): Uint8Array {
  const input = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER || input.getUint32(0) !== WOFF) return bytes;
  const flavor = input.getUint32(4);
  const numTables = input.getUint16(12);
  if (HEADER + numTables * ENTRY > bytes.length)
    throw new Error('WOFF: table directory is cut short');

  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = HEADER + i * ENTRY;
    const offset = input.getUint32(at + 4);
    const compLength = input.getUint32(at + 8);
    const origLength = input.getUint32(at + 12);
    if (offset + compLength > bytes.length) throw new Error('WOFF: a table lies past the end');
    const stored = bytes.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.length !== origLength) throw new Error('WOFF: a table inflates to the wrong length');
    return { tag: input.getUint32(at), checksum: input.getUint32(at + 16), data };
  });

  // sfnt: a 12-byte offset table, 16 bytes per table record, then each table on 4-byte bounds.
  let size = 12 + numTables * 16;
  const offsets = tables.map((table) => {
    const offset = size;
    size += (table.data.length + 3) & ~3;
    return offset;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(Math.max(1, numTables)));
  view.setUint32(0, flavor);
  view.setUint16(4, numTables);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, numTables * 16 - power * 16);
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    view.setUint32(record, table.tag);
    view.setUint32(record + 4, table.checksum);
    view.setUint32(record + 8, offsets[i]!);
    view.setUint32(record + 12, table.data.length);
    out.set(table.data, offsets[i]!);
  });
  return out;
}
