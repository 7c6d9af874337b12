import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  basePrice,
  chargedSeats,
  graduatedParts,
  listPrice,
  overageAmount,
  spendShare,
} from '../../../packages/starlight-charter/lib/charges';
import type { Price } from '../../../packages/starlight-charter/schemas/pricing';

// Every expectation below is worked out by hand from the charge model's definition, in cents.
const M = 1_000_000;
const cents = (c: number) => c * 10_000;

describe('overageAmount', () => {
  test('per unit: units times the rate, rounded once to the cent', () => {
    // 1,003 units at 0.015 = 15.045 → 15.05 (half away from zero).
    expect(overageAmount({ model: 'per-unit', per_unit: 0.015 * M }, 1003, 'USD')).toBe(
      cents(1505),
    );
    // 2.5 TB at 40.00 = 100.00
    expect(overageAmount({ model: 'per-unit', per_unit: 40 * M }, 2.5, 'EUR')).toBe(cents(10000));
  });
  test('per package: every pack started is charged in full', () => {
    const pack = { model: 'package' as const, size: 10, price: 500 * M };
    expect(overageAmount(pack, 0, 'JPY')).toBe(0);
    expect(overageAmount(pack, 1, 'JPY')).toBe(500 * M);
    expect(overageAmount(pack, 10, 'JPY')).toBe(500 * M);
    expect(overageAmount(pack, 11, 'JPY')).toBe(1000 * M);
    expect(overageAmount(pack, 25, 'JPY')).toBe(1500 * M);
  });
  test('graduated: each band charges only the units inside it', () => {
    const graduated = {
      model: 'graduated' as const,
      bands: [
        { up_to: 1000, per_unit: 0.02 * M },
        { up_to: 5000, per_unit: 0.015 * M },
        { up_to: null, per_unit: 0.01 * M },
      ],
    };
    expect(overageAmount(graduated, 999, 'USD')).toBe(cents(1998)); // 999 × 0.02
    expect(overageAmount(graduated, 1000, 'USD')).toBe(cents(2000)); // band edge: all in band 1
    expect(overageAmount(graduated, 1001, 'USD')).toBe(cents(2002)); // 20.00 + 0.015 → 20.015 → 20.02
    expect(overageAmount(graduated, 5000, 'USD')).toBe(cents(8000)); // 20 + 4000 × 0.015
    expect(overageAmount(graduated, 7000, 'USD')).toBe(cents(10000)); // 80 + 2000 × 0.01
  });
  test('refuses a negative or non-finite quantity', () => {
    expect(() => overageAmount({ model: 'per-unit', per_unit: M }, -1, 'USD')).toThrow(RangeError);
    expect(() => overageAmount({ model: 'per-unit', per_unit: M }, Number.NaN, 'USD')).toThrow(
      RangeError,
    );
  });
  test('a graduated charge never costs less for more units', () => {
    const graduated = {
      model: 'graduated' as const,
      bands: [
        { up_to: 100, per_unit: 0.3 * M },
        { up_to: null, per_unit: 0.1 * M },
      ],
    };
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100), (n, more) => {
        expect(overageAmount(graduated, n + more, 'USD')).toBeGreaterThanOrEqual(
          overageAmount(graduated, n, 'USD'),
        );
      }),
    );
  });
});

describe('graduatedParts', () => {
  const bands = [{ up_to: 10 }, { up_to: 30 }, { up_to: null }];
  test('splits a quantity over the bands it reaches', () => {
    expect(graduatedParts(bands, 25).map((p) => [p.from, p.to, p.units])).toEqual([
      [0, 10, 10],
      [10, 30, 15],
    ]);
    expect(graduatedParts(bands, 40).map((p) => p.units)).toEqual([10, 20, 10]);
    expect(graduatedParts(bands, 0)).toEqual([]);
  });
});

describe('spendShare, as the cloud vendors price support', () => {
  // "The greater of $100 or 10% of the first $10,000 of monthly usage, 7% from $10,000 to
  // $80,000, 5% from $80,000 to $250,000, 3% above $250,000."
  const price: Extract<Price, { model: 'share-of-spend' }> = {
    model: 'share-of-spend',
    minimum: 100 * M,
    bands: [
      { up_to: 10_000, percent: 10 },
      { up_to: 80_000, percent: 7 },
      { up_to: 250_000, percent: 5 },
      { up_to: null, percent: 3 },
    ],
  };
  test.each([
    // spend, expected charge (dollars), whether the minimum applies
    [0, 100, true],
    [999, 100, true], // 99.90 < 100
    [1_000, 100, false], // exactly 10% of 1,000 = 100
    [10_000, 1_000, false], // first band edge
    [10_001, 1_000.07, false],
    [80_000, 1_000 + 4_900, false], // second band edge: 7% of 70,000
    [250_000, 1_000 + 4_900 + 8_500, false], // third band edge: 5% of 170,000
    [300_000, 1_000 + 4_900 + 8_500 + 1_500, false], // 3% of 50,000
  ])('a spend of $%s costs $%s', (spend, dollars, minimum) => {
    const share = spendShare(price, spend * M, 'USD');
    expect(share.amount).toBe(Math.round(dollars * 100) * 10_000);
    expect(share.minimumApplies).toBe(minimum);
  });
  test('refuses a negative spend', () => {
    expect(() => spendShare(price, -1, 'USD')).toThrow(RangeError);
  });
});

describe('basePrice', () => {
  test('flat and from: the monthly amount, or the annual one when billed annually', () => {
    expect(basePrice({ model: 'flat', monthly: 99 * M, annual_monthly: 89 * M }, {}, 'EUR')).toBe(
      99 * M,
    );
    expect(
      basePrice(
        { model: 'flat', monthly: 99 * M, annual_monthly: 89 * M },
        { annual: true },
        'EUR',
      ),
    ).toBe(89 * M);
    expect(basePrice({ model: 'from', monthly: 299 * M }, { annual: true }, 'EUR')).toBe(299 * M);
  });
  test('per seat: the seats times the price, never fewer than the minimum', () => {
    const perSeat: Price = {
      model: 'per-seat',
      monthly: 12 * M,
      seat: { one: 'agent', other: 'agents' },
      minimum_seats: 3,
    };
    expect(basePrice(perSeat, { seats: 10 }, 'USD')).toBe(120 * M);
    expect(basePrice(perSeat, { seats: 1 }, 'USD')).toBe(36 * M);
    expect(basePrice(perSeat, {}, 'USD')).toBe(36 * M);
    expect(() => chargedSeats(perSeat, 2.5)).toThrow(RangeError);
  });
  test('contact us has no price', () => {
    expect(basePrice({ model: 'contact-us' }, {}, 'USD')).toBeNull();
  });
  test('list prices order plans: contact us above all, share of spend at its minimum', () => {
    expect(listPrice({ model: 'contact-us' })).toBe(Infinity);
    expect(
      listPrice({ model: 'share-of-spend', minimum: 5 * M, bands: [{ up_to: null, percent: 3 }] }),
    ).toBe(5 * M);
    expect(listPrice({ model: 'flat', monthly: 7 * M })).toBe(7 * M);
  });
});

describe('share of spend as a plan price', () => {
  const price: Extract<Price, { model: 'share-of-spend' }> = {
    model: 'share-of-spend',
    minimum: 100 * M,
    bands: [
      { up_to: 10_000, percent: 10 },
      { up_to: null, percent: 5 },
    ],
  };
  test('charges the share of the spend given', () => {
    // 10% of 10,000 + 5% of 10,000 = 1,500.00
    expect(basePrice(price, { spend: 20_000 * M }, 'USD')).toBe(1_500 * M);
  });
  test('charges the minimum when no spend is given', () => {
    expect(basePrice(price, {}, 'USD')).toBe(100 * M);
  });
});

describe('guards, with the value each refuses', () => {
  test('units above the quota', () => {
    expect(() => overageAmount({ model: 'per-unit', per_unit: M }, -1, 'USD')).toThrow(
      'units above the quota must be 0 or more: -1',
    );
  });
  test('a monthly spend', () => {
    const price: Extract<Price, { model: 'share-of-spend' }> = {
      model: 'share-of-spend',
      minimum: 0,
      bands: [{ up_to: null, percent: 3 }],
    };
    expect(() => spendShare(price, -1, 'USD')).toThrow('monthly spend must be 0 or more: -1');
  });
  test('seats', () => {
    const perSeat = {
      model: 'per-seat' as const,
      monthly: 12 * M,
      seat: { one: 'agent', other: 'agents' },
      minimum_seats: 3,
    };
    expect(() => chargedSeats(perSeat, -4)).toThrow('seats must be a whole number, 0 or more: -4');
    expect(() => chargedSeats(perSeat, 2.5)).toThrow(
      'seats must be a whole number, 0 or more: 2.5',
    );
    expect(chargedSeats(perSeat, 0)).toBe(3);
  });
});
