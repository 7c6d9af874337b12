import { describe, expect, test } from 'vitest';
import { regionNamer } from '../../../packages/starlight-charter/lib/table-regions';

describe('regionNamer', () => {
  test('names a table by its heading, with the white space a heading may carry made single', () => {
    const name = regionNamer();
    expect(name('  Limits\n  per plan ')).toBe('Limits per plan');
  });

  test('numbers a name that repeats, from the second table on', () => {
    const name = regionNamer();
    expect(['Limits', 'Limits', 'Errors', 'Limits'].map(name)).toEqual([
      'Limits',
      'Limits (table 2)',
      'Errors',
      'Limits (table 3)',
    ]);
  });

  test('a table under no heading takes the fallback name, numbered in turn', () => {
    const name = regionNamer('Data table');
    expect([undefined, ' ', undefined].map(name)).toEqual([
      'Data table',
      'Data table (table 2)',
      'Data table (table 3)',
    ]);
  });

  test('each namer counts on its own, as each document does', () => {
    expect(regionNamer()('Limits')).toBe('Limits');
    expect(regionNamer()('Limits')).toBe('Limits');
  });
});
