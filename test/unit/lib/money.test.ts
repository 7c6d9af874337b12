import { describe, expect, test } from 'vitest';
import {
  formatMoney,
  formatPrice,
  formatRate,
  minorDigits,
  multiply,
  percentOf,
  roundToMinor,
  toMicros,
  toMinorUnits,
} from '../../../packages/starlight-charter/lib/money';

const usd = { currency: 'USD', locale: 'en-US' };
const jpy = { currency: 'JPY', locale: 'ja-JP' };
const eur = { currency: 'EUR', locale: 'de-DE' };

describe('toMicros', () => {
  test('adds 0.1 three times without drift', () => {
    const sum = toMicros(0.1)! + toMicros(0.1)! + toMicros(0.1)!;
    expect(formatMoney(sum, usd)).toBe('$0.30');
  });
  test.each([Number.NaN, Infinity, -Infinity, 1e309])('rejects %s', (n) =>
    expect(toMicros(n)).toBeNull(),
  );
  test('keeps sub-cent rates exact', () => expect(toMicros(0.015)).toBe(15_000));
});

describe('minor units', () => {
  test.each([
    ['USD', 2],
    ['JPY', 0],
    ['EUR', 2],
  ])('%s has %i minor digits', (currency, digits) => expect(minorDigits(currency)).toBe(digits));
  test('rounds half away from zero', () => {
    expect(toMinorUnits(5_000, 'USD')).toBe(1); // 0.005 → 0.01
    expect(toMinorUnits(4_999, 'USD')).toBe(0);
    expect(toMinorUnits(-5_000, 'USD')).toBe(-1);
    expect(roundToMinor(1_234_567, 'USD')).toBe(1_230_000);
    expect(roundToMinor(1_500_000, 'JPY')).toBe(2_000_000);
  });
});

describe('arithmetic', () => {
  test('multiplies a unit rate by a quantity', () =>
    expect(multiply(15_000, 1_000)).toBe(15_000_000));
  test('takes a percentage rounded to the cent', () =>
    expect(percentOf(3_499_000_000, 10, 'USD')).toBe(349_900_000));
  test('rounds a percentage of an odd amount', () =>
    expect(percentOf(10_010_000, 25, 'USD')).toBe(2_500_000));
});

describe('formatting', () => {
  test('formats money with cents', () => expect(formatMoney(3_499_000_000, usd)).toBe('$3,499.00'));
  test('formats yen without decimals', () =>
    expect(formatMoney(1_500_000_000, jpy)).toBe('￥1,500'));
  test('formats euros in German', () =>
    expect(formatMoney(1_234_500_000, eur)).toBe('1.234,50\u00a0€'));
  test('formats whole prices without cents', () =>
    expect(formatPrice(3_499_000_000, usd)).toBe('$3,499'));
  test('keeps cents on prices that have them', () =>
    expect(formatPrice(99_990_000, usd)).toBe('$99.99'));
  test('formats a sub-cent rate', () => expect(formatRate(15_000, usd)).toBe('$0.015'));
  test('formats a whole-cent rate with two decimals', () =>
    expect(formatRate(2_400_000, usd)).toBe('$2.40'));
});

// Currencies whose minor unit is not the cent, built from Intl's own data and checked by hand.
describe('currencies with three minor digits', () => {
  const kwd = { currency: 'KWD', locale: 'en-US' };
  test('the Kuwaiti dinar has 3 minor digits, and rounds to the fils', () => {
    expect(minorDigits('KWD')).toBe(3);
    expect(roundToMinor(1_234_567, 'KWD')).toBe(1_235_000);
    expect(toMinorUnits(1_234_567, 'KWD')).toBe(1_235);
  });
  test('shows all three digits', () => {
    expect(formatMoney(1_234_500_000, kwd)).toBe(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'KWD',
        minimumFractionDigits: 3,
      }).format(1_234.5),
    );
    expect(formatPrice(1_234_500_000, kwd)).toBe(formatMoney(1_234_500_000, kwd));
    expect(formatPrice(1_234_000_000, kwd)).toBe(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'KWD',
        maximumFractionDigits: 0,
      }).format(1_234),
    );
  });
});

describe('formatPrice keeps the cents it shows', () => {
  test('a price ending in a zero cent keeps both digits', () =>
    expect(formatPrice(99_500_000, usd)).toBe('$99.50'));
  test('a sub-cent price is rounded to the cent, half away from zero', () => {
    expect(formatPrice(1_005_000, usd)).toBe('$1.01');
    expect(formatPrice(1_234_567, usd)).toBe('$1.23');
  });
  test('yen prices never show decimals', () =>
    expect(formatPrice(1_500_400_000, jpy)).toBe('￥1,500'));
});
