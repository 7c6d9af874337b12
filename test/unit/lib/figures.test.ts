import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { displayedFigures, findFigures } from '../../../packages/starlight-charter/lib/figures';
import { SAMPLE } from '../../support/sites';

describe('findFigures', () => {
  const figures = ['$8,999 per month', '$8,999', '99.9%', '9%', '4 hours', '1,000 GB'];
  test.each([
    { text: 'costs $8,999 per month', expected: ['$8,999 per month', '$8,999'] },
    { text: 'costs $8,9990', expected: [] },
    { text: 'uptime of 99.9% a month', expected: ['99.9%'] },
    { text: 'uptime of 99.99%', expected: [] },
    { text: 'within 4 hours.', expected: ['4 hours'] },
    { text: 'within 24 hours', expected: [] },
    { text: 'down for 4 hours 11 minutes', expected: [] },
    { text: 'down for 1 hour 4 hours', expected: [] },
    { text: 'up to 1,000 GB', expected: ['1,000 GB'] },
    { text: 'no figures here: 4, 9, 1000', expected: [] },
  ])('finds $expected in "$text"', ({ text, expected }) => {
    expect(findFigures(text, figures)).toEqual(expected);
  });
});

describe('displayedFigures', () => {
  const figures = displayedFigures(loadCatalog(SAMPLE.terms));

  test('leaves out bare numbers, which match anywhere', () => {
    expect(figures.filter((f) => /^\d+$/.test(f))).toEqual([]);
  });

  test('lists every figure once, longest first', () => {
    expect(new Set(figures).size).toBe(figures.length);
    expect([...figures].sort((a, b) => b.length - a.length)).toEqual(figures);
  });
});
