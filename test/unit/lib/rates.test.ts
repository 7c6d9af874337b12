import { describe, expect, test } from 'vitest';
import { retainerRate } from '../../../packages/starlight-charter/lib/rates';

describe('retainerRate', () => {
  test.each([
    { hourly: 200_000_000, discount: 10, currency: 'USD', expected: 180_000_000 },
    { hourly: 145_000_000, discount: 8, currency: 'EUR', expected: 133_400_000 },
    { hourly: 99_990_000, discount: 15, currency: 'USD', expected: 84_990_000 },
    { hourly: 10_000, discount: 0, currency: 'JPY', expected: 10_000 },
  ])(
    'returns $expected for $hourly at $discount% off',
    ({ hourly, discount, currency, expected }) => {
      expect(retainerRate(hourly, discount, currency)).toBe(expected);
    },
  );
});
