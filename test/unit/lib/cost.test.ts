import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { alertLevel, cheapestPlan, monthlyCost, usageRatio } from '~/lib/cost';
import type { Plan } from '~/schemas/pricing';

// Plans written for the test from first principles, independent of data/ (micro-units).
const M = 1_000_000;
const small: Plan = {
  id: 'small',
  tier: 'small',
  price: { monthly: 100 * M },
  included: { queries: 1000, ingest_gb: 10, seats: 5 },
  overage: { queries: 0.1 * M, ingest_gb: 2.5 * M },
};
const large: Plan = {
  id: 'large',
  tier: 'large',
  price: { monthly: 300 * M },
  included: { queries: 10000, ingest_gb: 100, seats: 50 },
  overage: { queries: 0.05 * M, ingest_gb: 1 * M },
};
const quote: Plan = {
  ...large,
  id: 'quote',
  tier: 'quote',
  price: 'contact-us',
  included: { queries: 1e6, ingest_gb: 1e4, seats: 1000 },
};
const alerts = { soft: 80, hard: 95 };

describe('alertLevel', () => {
  test.each([
    [0, 'ok'],
    [79.99, 'ok'],
    [80, 'soft'],
    [94.99, 'soft'],
    [95, 'hard'],
    [100, 'hard'],
    [100.01, 'over'],
    [null, 'over'],
  ] as const)('rates %s%% as %s', (ratio, level) => expect(alertLevel(ratio, alerts)).toBe(level));
});

describe('usageRatio', () => {
  test.each([
    [500, 1000, 50],
    [0, 0, 0],
    [1, 0, null],
  ])('%s of %s is %s%%', (used, included, ratio) => expect(usageRatio(used, included)).toBe(ratio));
});

describe('monthlyCost', () => {
  test('charges only the base inside the quotas', () => {
    const cost = monthlyCost(small, { queries: 1000, ingest_gb: 10, seats: 5 }, alerts, 'USD');
    expect(cost.total).toBe(100 * M);
    expect(cost.lines.map((l) => l.alert)).toEqual(['hard', 'hard', 'hard']);
  });
  test('adds overage per line without floating-point drift', () => {
    // 3 queries over at 0.10 is exactly 0.30.
    const cost = monthlyCost(small, { queries: 1003, ingest_gb: 10.5, seats: 1 }, alerts, 'USD');
    expect(cost.lines.map((l) => l.amount)).toEqual([300_000, 1_250_000, 0]);
    expect(cost.total).toBe(100 * M + 300_000 + 1_250_000);
  });
  test('rounds each line to the cent', () => {
    const cost = monthlyCost(small, { queries: 1000, ingest_gb: 10.001, seats: 1 }, alerts, 'USD');
    expect(cost.lines[1]!.amount).toBe(0);
    expect(
      monthlyCost(small, { queries: 1000, ingest_gb: 10.002, seats: 1 }, alerts, 'USD').lines[1]!
        .amount,
    ).toBe(10_000);
  });
  test('blocks seats above a quota that allows no seat overage', () => {
    const cost = monthlyCost(small, { queries: 0, ingest_gb: 0, seats: 6 }, alerts, 'USD');
    expect(cost.blocked).toEqual(['seats']);
    expect(cost.total).toBeNull();
  });
  test('has no total for a plan priced on request', () => {
    expect(monthlyCost(quote, { queries: 0, ingest_gb: 0, seats: 1 }, alerts, 'USD')).toMatchObject(
      { base: null, total: null },
    );
  });
  test.each([-1, Number.NaN, Infinity])('rejects usage %s', (n) => {
    expect(() => monthlyCost(small, { queries: n, ingest_gb: 0, seats: 0 }, alerts, 'USD')).toThrow(
      RangeError,
    );
  });
  test('total equals the sum of the lines and never decreases with usage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        const lo = monthlyCost(
          small,
          { queries: Math.min(a, b), ingest_gb: 1, seats: 1 },
          alerts,
          'USD',
        );
        const hi = monthlyCost(
          small,
          { queries: Math.max(a, b), ingest_gb: 1, seats: 1 },
          alerts,
          'USD',
        );
        const sum = hi.base! + hi.lines.reduce((s, l) => s + l.amount, 0);
        return hi.total === sum && hi.total! >= lo.total!;
      }),
    );
  });
});

describe('cheapestPlan', () => {
  test.each([
    ['light use picks the small plan', { queries: 500, ingest_gb: 5, seats: 2 }, 'small'],
    ['heavy queries pick the large plan', { queries: 9000, ingest_gb: 5, seats: 2 }, 'large'],
    [
      'more seats than the small plan allows pick the large plan',
      { queries: 0, ingest_gb: 0, seats: 6 },
      'large',
    ],
  ])('%s', (_, usage, id) => {
    expect(cheapestPlan([small, large, quote], usage, alerts, 'USD').cheapest?.plan.id).toBe(id);
  });
  test('never calls a plan priced on request cheapest, but lists it', () => {
    const result = cheapestPlan(
      [small, large, quote],
      { queries: 0, ingest_gb: 0, seats: 60 },
      alerts,
      'USD',
    );
    expect(result.cheapest).toBeNull();
    expect(result.onRequest.map((p) => p.id)).toEqual(['quote']);
  });
  test('keeps the lower plan on a tie', () => {
    const twin = { ...small, id: 'twin' };
    expect(
      cheapestPlan([small, twin], { queries: 0, ingest_gb: 0, seats: 1 }, alerts, 'USD').cheapest
        ?.plan.id,
    ).toBe('small');
  });
});

test('bills every unit the pricing schema defines', async () => {
  const { UNITS } = await import('~/schemas/pricing');
  const { COST_UNITS } = await import('~/lib/cost');
  expect(COST_UNITS).toEqual(UNITS);
});
