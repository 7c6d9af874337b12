import { describe, expect, test } from 'vitest';
import {
  addOnPriceText,
  amountText,
  chargeModelName,
  chargeText,
  exampleSpend,
  includedText,
  overageText,
  priceExampleText,
  priceRuleText,
  priceText,
  unitWord,
} from '../../../packages/starlight-charter/lib/pricing-text';
import type { Meter, Price } from '../../../packages/starlight-charter/schemas/pricing';

// Expected money text is built with Intl.NumberFormat directly, not with Charter's formatters.
const M = 1_000_000;
const usd = { currency: 'USD', locale: 'en-US' };
const eur = { currency: 'EUR', locale: 'de-DE' };
const $ = (n: number, digits = 0) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: 6,
  }).format(n);
const euro = (n: number, digits = 0) =>
  new Intl.NumberFormat('de-DE', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
  }).format(n);

const restores: Meter = {
  id: 'restores',
  name: 'Restores',
  unit: { one: 'restore request', other: 'restore requests' },
  resets: 'month',
  whole: true,
};
const storage: Meter = {
  id: 'storage',
  name: 'Storage',
  unit: { one: 'TB', other: 'TB' },
  resets: 'never',
  whole: false,
};

describe('unit words', () => {
  test('follow the locale plural rule', () => {
    expect(unitWord(restores.unit, 1, 'en-US')).toBe('restore request');
    expect(unitWord(restores.unit, 0, 'en-US')).toBe('restore requests');
    expect(unitWord(restores.unit, 2, 'de-DE')).toBe('restore requests');
    expect(amountText(restores.unit, 1500, 'en-US')).toBe('1,500 restore requests');
    expect(amountText(storage.unit, 2.5, 'de-DE')).toBe('2,5 TB');
  });
});

describe('includedText', () => {
  test.each([
    [restores, { included: 150 }, '150 restore requests per month'],
    [restores, { included: 1 }, '1 restore request per month'],
    [restores, { included: 'unlimited' as const }, 'Unlimited restore requests'],
    [restores, { included: 0 }, 'Not included'],
    [storage, { included: 10 }, '10 TB'],
    [{ ...restores, resets: 'year' as const }, { included: 12 }, '12 restore requests per year'],
  ])('%# says %s', (meter, allowance, text) =>
    expect(includedText(meter, allowance, 'en-US')).toBe(text),
  );
  test('an included 0 with an overage price is pay-as-you-go, not "not included"', () => {
    expect(
      includedText(restores, { included: 0, overage: { model: 'per-unit', per_unit: M } }, 'en-US'),
    ).toBe('0 restore requests per month');
  });
});

describe('overageText and chargeText', () => {
  test('per unit', () => {
    expect(chargeText({ model: 'per-unit', per_unit: 0.015 * M }, restores.unit, usd)).toBe(
      `${$(0.015, 2)} per restore request`,
    );
  });
  test('per package', () => {
    expect(chargeText({ model: 'package', size: 10, price: 500 * M }, restores.unit, usd)).toBe(
      `${$(500)} per 10 restore requests, each pack started charged in full`,
    );
  });
  test('graduated, every band in words', () => {
    const text = chargeText(
      {
        model: 'graduated',
        bands: [
          { up_to: 1000, per_unit: 2 * M },
          { up_to: 5000, per_unit: 1.5 * M },
          { up_to: null, per_unit: 1 * M },
        ],
      },
      restores.unit,
      usd,
    );
    expect(text).toBe(
      `${$(2, 2)} per restore request for the first 1,000 above the included amount, ` +
        `${$(1.5, 2)} per restore request from 1,000 to 5,000, then ${$(1, 2)} per restore request`,
    );
  });
  test('a hard limit, no limit and not available, in words', () => {
    expect(overageText(restores, { included: 1 }, usd)).toBe(
      'Hard limit: no more than 1 restore request per month',
    );
    expect(overageText(storage, { included: 2 }, usd)).toBe('Hard limit: no more than 2 TB');
    expect(overageText(restores, { included: 'unlimited' }, usd)).toBe('No limit');
    expect(overageText(restores, { included: 0 }, usd)).toBe('Not available on this plan');
  });
  test('model names', () => {
    expect(chargeModelName(undefined)).toBe('hard limit');
    expect(chargeModelName({ model: 'package', size: 1, price: 1 })).toBe('per package');
  });
});

describe('priceText and priceRuleText', () => {
  const share: Extract<Price, { model: 'share-of-spend' }> = {
    model: 'share-of-spend',
    minimum: 100 * M,
    bands: [
      { up_to: 10_000, percent: 10 },
      { up_to: 80_000, percent: 7 },
      { up_to: null, percent: 3 },
    ],
  };
  test.each([
    [{ model: 'flat', monthly: 0 } as Price, 'Free'],
    [{ model: 'flat', monthly: 99 * M } as Price, `${euro(99)} per month`],
    [{ model: 'from', monthly: 299 * M } as Price, `From ${euro(299)} per month`],
    [
      {
        model: 'per-seat',
        monthly: 12 * M,
        seat: { one: 'agent', other: 'agents' },
        minimum_seats: 1,
      } as Price,
      `${euro(12)} per agent per month`,
    ],
    [{ model: 'contact-us' } as Price, 'Contact us'],
  ])('%# %s', (price, text) => expect(priceText(price, eur)).toBe(text));
  test('share of spend states its minimum and every band', () => {
    expect(priceText(share, usd)).toBe(`10% of monthly spend, at least ${$(100)} per month`);
    expect(priceRuleText(share, usd)).toBe(
      `The greater of ${$(100)} or a share of your monthly product spend: 10% of the first ${$(10_000)}, ` +
        `7% of the next ${$(70_000)}, 3% of everything above ${$(80_000)}.`,
    );
  });
  test('per seat states its minimum', () => {
    const perSeat: Price = {
      model: 'per-seat',
      monthly: 12 * M,
      seat: { one: 'agent', other: 'agents' },
      minimum_seats: 3,
    };
    expect(priceRuleText(perSeat, usd)).toBe(
      `${$(12)} per agent per month, times the agents you have (at least 3 agents).`,
    );
  });
  test('worked examples are computed from the price', () => {
    // Halfway into the second band: 45,000 → 10% of 10,000 + 7% of 35,000 = 1,000 + 2,450.
    expect(exampleSpend(share)).toBe(45_000);
    expect(priceExampleText(share, usd)).toBe(
      `For a monthly spend of ${$(45_000, 2)}: 10% of ${$(10_000, 2)} = ${$(1_000, 2)} + 7% of ${$(35_000, 2)} = ${$(2_450, 2)} = ${$(3_450, 2)} per month.`,
    );
    const perSeat: Price = {
      model: 'per-seat',
      monthly: 12 * M,
      seat: { one: 'agent', other: 'agents' },
      minimum_seats: 3,
    };
    expect(priceExampleText(perSeat, usd)).toBe(
      `For 10 agents: 10 × ${$(12)} = ${$(120, 2)} per month.`,
    );
    expect(priceExampleText({ model: 'flat', monthly: M }, usd)).toBeNull();
  });
  test('a worked example below the minimum says the minimum applies', () => {
    const one: Extract<Price, { model: 'share-of-spend' }> = {
      model: 'share-of-spend',
      minimum: 100 * M,
      bands: [{ up_to: null, percent: 10 }],
    };
    // Twice the break-even spend (1,000) is 2,000 → 200, above the minimum.
    expect(exampleSpend(one)).toBe(2000);
    const low: Extract<Price, { model: 'share-of-spend' }> = { ...share, minimum: 5_000 * M };
    expect(priceExampleText(low, usd)).toMatch(
      new RegExp(`below the minimum, so ${$(5_000, 2).replace('$', '\\$')} per month\\.$`),
    );
  });
});

describe('addOnPriceText', () => {
  test.each([
    [{ model: 'flat' as const, monthly: 500 * M }, `${$(500)} per month`],
    [
      { model: 'per-unit' as const, per_unit: 40 * M, unit: { one: 'pack', other: 'packs' } },
      `${$(40)} per pack per month`,
    ],
    [{ model: 'contact-us' as const }, 'Contact us'],
  ])('%# %s', (price, text) => expect(addOnPriceText(price, usd)).toBe(text));
});
