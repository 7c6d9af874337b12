import { describe, expect, test } from 'vitest';
import { layoutBars } from '../../../packages/starlight-charter/lib/chart';

describe('layoutBars', () => {
  test('scales bars to the largest value from the bottom of the plot', () => {
    const layout = layoutBars(
      [
        { label: 'a', value: 50 },
        { label: 'b', value: 100 },
      ],
      { width: 200, height: 140, labelSpace: 40, gap: 0.5 },
    );
    expect(layout.plotHeight).toBe(100);
    expect(layout.bars).toEqual([
      { label: 'a', value: 50, x: 25, y: 50, width: 50, height: 50 },
      { label: 'b', value: 100, x: 125, y: 0, width: 50, height: 100 },
    ]);
  });

  test('draws flat bars when every value is 0', () => {
    const layout = layoutBars([{ label: 'a', value: 0 }], { height: 100, labelSpace: 0 });
    expect(layout.bars[0]).toMatchObject({ height: 0, y: 100 });
  });

  test('returns no bars for no values', () => {
    expect(layoutBars([]).bars).toEqual([]);
  });

  test.each([-1, Number.NaN, Infinity])('rejects the value %s', (value) => {
    expect(() => layoutBars([{ label: 'x', value }])).toThrow('bar "x" has no valid value');
  });
});
