import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  alertLevel,
  allowanceOf,
  cheapestPlan,
  covers,
  includedWith,
  monthlyCost,
  pricingTerms,
  takesAddOn,
  usageRatio,
  type PricingTerms,
} from '../../../packages/starlight-charter/lib/cost';
import type { AddOn, Meter, Plan } from '../../../packages/starlight-charter/schemas/pricing';
import { SAMPLE, WEE } from '../../support/sites';

// Two companies written for the test from first principles, independent of data/ (micro-units).
const M = 1_000_000;
const alerts = { soft: 80, hard: 95 };
const meter = (id: string, one: string, other: string, extra: Partial<Meter> = {}): Meter => ({
  id,
  name: other,
  unit: { one, other },
  resets: 'month',
  whole: true,
  ...extra,
});

// An analytics company: calls and GB per month, seats as a standing hard limit.
const analytics: PricingTerms = {
  meters: [
    meter('calls', 'call', 'calls'),
    meter('data', 'GB', 'GB', { whole: false }),
    meter('users', 'user', 'users', { resets: 'never' }),
  ],
  addOns: [],
  alerts,
  currency: 'USD',
};
const small: Plan = {
  id: 'small',
  tier: 'small',
  price: { model: 'flat', monthly: 100 * M },
  usage: {
    calls: { included: 1000, overage: { model: 'per-unit', per_unit: 0.1 * M } },
    data: { included: 10, overage: { model: 'per-unit', per_unit: 2.5 * M } },
    users: { included: 5 },
  },
};
const large: Plan = {
  id: 'large',
  tier: 'large',
  price: { model: 'flat', monthly: 300 * M },
  usage: {
    calls: { included: 10000, overage: { model: 'per-unit', per_unit: 0.05 * M } },
    data: { included: 100, overage: { model: 'per-unit', per_unit: 1 * M } },
    users: { included: 50 },
  },
};
const quote: Plan = {
  id: 'quote',
  tier: 'quote',
  price: { model: 'contact-us' },
  usage: {
    calls: { included: 'unlimited' },
    data: { included: 'unlimited' },
    users: { included: 1000 },
  },
};

// A backup company: stored TB (a standing amount, fractional) and restore requests per month,
// sold per seat, from a starting price, with packs of restores and add-ons.
const backup: PricingTerms = {
  meters: [
    meter('storage', 'TB', 'TB', { resets: 'never', whole: false }),
    meter('restores', 'restore request', 'restore requests'),
  ],
  addOns: [
    {
      id: 'storage-pack',
      name: 'Storage pack',
      description: 'Five more terabytes.',
      available_for: ['team'],
      price: { model: 'per-unit', per_unit: 40 * M, unit: { one: 'pack', other: 'packs' } },
      adds: { included: { storage: 5 } },
    },
    {
      id: 'tam',
      name: 'Technical account manager',
      description: 'A named engineer.',
      available_for: ['team', 'business'],
      price: { model: 'flat', monthly: 500 * M },
      adds: { features: ['A named engineer'] },
    },
    {
      id: 'on-site',
      name: 'On-site days',
      description: 'Engineers at your office.',
      available_for: ['business'],
      price: { model: 'contact-us' },
      adds: { features: ['On-site help'] },
    },
  ] satisfies AddOn[],
  alerts,
  currency: 'EUR',
};
const free: Plan = {
  id: 'free',
  tier: 'free',
  price: { model: 'flat', monthly: 0 },
  usage: { storage: { included: 1 }, restores: { included: 2 } },
};
const team: Plan = {
  id: 'team',
  tier: 'team',
  price: {
    model: 'per-seat',
    monthly: 12 * M,
    seat: { one: 'admin', other: 'admins' },
    minimum_seats: 3,
  },
  usage: {
    storage: { included: 10, overage: { model: 'per-unit', per_unit: 9 * M } },
    restores: { included: 20, overage: { model: 'package', size: 10, price: 50 * M } },
  },
};
const business: Plan = {
  id: 'business',
  tier: 'business',
  price: { model: 'from', monthly: 900 * M },
  usage: {
    storage: { included: 100, overage: { model: 'per-unit', per_unit: 7 * M } },
    restores: { included: 'unlimited' },
  },
};

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

describe('monthlyCost, analytics company', () => {
  test('charges only the base inside the included amounts', () => {
    const cost = monthlyCost(small, { usage: { calls: 1000, data: 10, users: 5 } }, analytics);
    expect(cost.total).toBe(100 * M);
    expect(cost.lines.map((l) => l.alert)).toEqual(['hard', 'hard', 'hard']);
    expect(cost.lines.map((l) => l.meter)).toEqual(['calls', 'data', 'users']);
  });
  test('adds overage per line without floating-point drift', () => {
    // 3 calls over at 0.10 is exactly 0.30; 0.5 GB over at 2.50 is 1.25.
    const cost = monthlyCost(small, { usage: { calls: 1003, data: 10.5, users: 1 } }, analytics);
    expect(cost.lines.map((l) => l.amount)).toEqual([300_000, 1_250_000, 0]);
    expect(cost.total).toBe(100 * M + 300_000 + 1_250_000);
  });
  test('rounds each line to the cent', () => {
    expect(
      monthlyCost(small, { usage: { calls: 0, data: 10.001, users: 1 } }, analytics).lines[1]!
        .amount,
    ).toBe(0);
    expect(
      monthlyCost(small, { usage: { calls: 0, data: 10.002, users: 1 } }, analytics).lines[1]!
        .amount,
    ).toBe(10_000);
  });
  test('blocks usage above a hard limit instead of pricing it', () => {
    const cost = monthlyCost(small, { usage: { calls: 0, data: 0, users: 6 } }, analytics);
    expect(cost.blocked).toEqual(['users']);
    expect(cost.total).toBeNull();
  });
  test('has no total for a plan priced on request, and no limit for unlimited meters', () => {
    const cost = monthlyCost(quote, { usage: { calls: 5e6, data: 1e5, users: 1 } }, analytics);
    expect(cost).toMatchObject({ base: null, total: null, blocked: [] });
    expect(cost.lines[0]).toMatchObject({
      included: 'unlimited',
      over: 0,
      amount: 0,
      ratio: null,
      alert: 'ok',
    });
  });
  test('counts a meter the input leaves out as unused', () => {
    expect(monthlyCost(small, { usage: {} }, analytics).total).toBe(100 * M);
  });
  test.each([-1, Number.NaN, Infinity])('rejects usage %s', (n) => {
    expect(() => monthlyCost(small, { usage: { calls: n } }, analytics)).toThrow(RangeError);
  });
  test('rejects a fraction of a whole unit', () => {
    expect(() => monthlyCost(small, { usage: { calls: 1.5 } }, analytics)).toThrow('whole number');
  });
  test('total equals the sum of the lines and never decreases with usage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (a, b) => {
        const lo = monthlyCost(
          small,
          { usage: { calls: Math.min(a, b), data: 1, users: 1 } },
          analytics,
        );
        const hi = monthlyCost(
          small,
          { usage: { calls: Math.max(a, b), data: 1, users: 1 } },
          analytics,
        );
        const sum = hi.base! + hi.lines.reduce((s, l) => s + l.amount, 0);
        return hi.total === sum && hi.total! >= lo.total!;
      }),
    );
  });
});

describe('monthlyCost, backup company', () => {
  test('a per-seat plan charges its seats, packs of restores, and storage per TB', () => {
    // 4 admins × 12 = 48; 25 restores = 5 over = one pack of 10 = 50; 12.5 TB = 2.5 over × 9 = 22.50.
    const cost = monthlyCost(team, { usage: { storage: 12.5, restores: 25 }, seats: 4 }, backup);
    expect(cost.base).toBe(48 * M);
    expect(cost.lines.map((l) => l.amount)).toEqual([22.5 * M, 50 * M]);
    expect(cost.total).toBe(120.5 * M);
  });
  test('a per-seat plan charges its minimum seats when fewer are given', () => {
    expect(monthlyCost(team, { usage: {}, seats: 1 }, backup).base).toBe(36 * M);
  });
  test('a "from" price gives the least the month costs, marked as such', () => {
    const cost = monthlyCost(business, { usage: { storage: 101, restores: 10_000 } }, backup);
    expect(cost.from).toBe(true);
    expect(cost.total).toBe(907 * M);
  });
  test('add-ons: per unit adds included amounts, flat adds its price, contact-us leaves no total', () => {
    // Two storage packs: 10 + 2 × 5 = 20 TB included, so 18 TB is inside; 2 × 40 + 500.
    const cost = monthlyCost(
      team,
      { usage: { storage: 18 }, seats: 3, addOns: { 'storage-pack': 2, tam: 1 } },
      backup,
    );
    expect(cost.lines[0]).toMatchObject({ included: 20, over: 0, amount: 0 });
    expect(cost.addOns.map((a) => [a.addOn.id, a.quantity, a.amount])).toEqual([
      ['storage-pack', 2, 80 * M],
      ['tam', 1, 500 * M],
    ]);
    expect(cost.total).toBe(36 * M + 80 * M + 500 * M);
    const onSite = monthlyCost(business, { usage: {}, addOns: { 'on-site': 1 } }, backup);
    expect(onSite.addOns[0]!.amount).toBeNull();
    expect(onSite.total).toBeNull();
  });
  test('an add-on the plan cannot take leaves no total and is named', () => {
    const cost = monthlyCost(free, { usage: {}, addOns: { tam: 1 } }, backup);
    expect(cost.unavailable).toEqual(['tam']);
    expect(cost.total).toBeNull();
    expect(takesAddOn(free, backup.addOns[1]!)).toBe(false);
  });
  test('an unknown add-on is an error', () => {
    expect(() => monthlyCost(team, { usage: {}, addOns: { nope: 1 } }, backup)).toThrow(
      'add-on "nope"',
    );
  });
  test('includedWith adds per-unit add-ons and leaves unlimited as it is', () => {
    const lines = [{ addOn: backup.addOns[0]!, quantity: 3, amount: 0 }];
    expect(includedWith(team, 'storage', lines)).toBe(25);
    expect(includedWith(business, 'restores', lines)).toBe('unlimited');
  });
});

describe('cheapestPlan', () => {
  test.each([
    ['light use picks the small plan', { calls: 500, data: 5, users: 2 }, 'small'],
    ['heavy calls pick the large plan', { calls: 9000, data: 5, users: 2 }, 'large'],
    [
      'more users than the small plan allows pick the large plan',
      { calls: 0, data: 0, users: 6 },
      'large',
    ],
  ])('%s', (_, usage, id) => {
    expect(cheapestPlan([small, large, quote], { usage }, analytics).cheapest?.plan.id).toBe(id);
  });
  test('never calls a plan priced on request cheapest, but lists it', () => {
    const result = cheapestPlan([small, large, quote], { usage: { users: 60 } }, analytics);
    expect(result.cheapest).toBeNull();
    expect(result.onRequest.map((p) => p.id)).toEqual(['quote']);
  });
  test('keeps the lower plan on a tie', () => {
    const twin = { ...small, id: 'twin' };
    expect(cheapestPlan([small, twin], { usage: { users: 1 } }, analytics).cheapest?.plan.id).toBe(
      'small',
    );
  });
  test('a hard limit on the free plan does not make it the cheapest for more than it allows', () => {
    // 25 TB and 150 restores: the free plan cannot take them; team costs 36 + 15 × 9 + 13 packs × 50.
    const result = cheapestPlan(
      [free, team, business],
      { usage: { storage: 25, restores: 150 }, seats: 3 },
      backup,
    );
    expect(result.cheapest?.plan.id).toBe('team');
    expect(result.cheapest?.total).toBe((36 + 135 + 650) * M);
    expect(result.onRequest.map((p) => p.id)).toEqual(['business']);
  });
});

describe('covers', () => {
  test('a plan covers usage within every included amount; unlimited covers anything', () => {
    expect(covers(small, { calls: 1000, users: 5 })).toBe(true);
    expect(covers(small, { calls: 1001 })).toBe(false);
    expect(covers(business, { restores: 1e9 })).toBe(true);
  });
});

// The two real companies: at exactly each plan's included amounts, a plan with a set flat
// price costs that price, read here straight from the YAML.
describe.each([SAMPLE.terms, WEE.terms])('the company in %s', (dir) => {
  const catalog = loadCatalog(dir);
  const raw = parse(readFileSync(`${dir}/pricing.yaml`, 'utf8')) as {
    plans: { id: string; price: unknown; usage: Record<string, { included: number | string }> }[];
  };
  const terms = pricingTerms(catalog.pricing, catalog.company.currency);
  test.each(raw.plans.map((p) => [p.id, p] as const))(
    'plan %s costs its price inside its included amounts',
    (id, rawPlan) => {
      const plan = catalog.pricing.plans.find((p) => p.id === id)!;
      const usage = Object.fromEntries(
        Object.entries(rawPlan.usage).map(([m, a]) => [
          m,
          typeof a.included === 'number' ? a.included : 0,
        ]),
      );
      const cost = monthlyCost(plan, { usage }, terms);
      expect(cost.blocked).toEqual([]);
      expect(cost.lines.every((l) => l.amount === 0)).toBe(true);
      const price = rawPlan.price as { monthly?: number; model?: string } | string;
      if (price === 'contact-us') expect(cost.total).toBeNull();
      else if (
        typeof price === 'object' &&
        (price.model === undefined || price.model === 'flat' || price.model === 'from')
      )
        expect(cost.total).toBe(Math.round(price.monthly! * 100) * 10_000);
    },
  );
  test('one cost line per declared meter, in order', () => {
    const cost = monthlyCost(catalog.pricing.plans[0]!, { usage: {} }, terms);
    expect(cost.lines.map((l) => l.meter)).toEqual(raw.plans[0] && Object.keys(raw.plans[0].usage));
  });
});

describe('add-on quantities as a customer enters them', () => {
  test('none of an add-on adds nothing and costs nothing', () => {
    const cost = monthlyCost(
      team,
      { usage: {}, seats: 3, addOns: { tam: 0, 'storage-pack': 0 } },
      backup,
    );
    expect(cost.addOns).toEqual([]);
    expect(cost.total).toBe(36 * M);
  });
  test('a flat add-on is taken once, however many are asked for', () => {
    const cost = monthlyCost(team, { usage: {}, seats: 3, addOns: { tam: 2 } }, backup);
    expect(cost.addOns.map((a) => [a.addOn.id, a.quantity, a.amount])).toEqual([
      ['tam', 1, 500 * M],
    ]);
    expect(cost.total).toBe(536 * M);
  });
  test('a fraction of a pack is refused, naming the add-on', () => {
    expect(() =>
      monthlyCost(team, { usage: {}, seats: 3, addOns: { 'storage-pack': 1.5 } }, backup),
    ).toThrow('quantity of storage-pack must be a whole number: 1.5');
    expect(() =>
      monthlyCost(team, { usage: {}, seats: 3, addOns: { 'storage-pack': -1 } }, backup),
    ).toThrow('quantity of storage-pack must be 0 or more: -1');
  });
});

describe('messages that name the meter or plan', () => {
  test('usage', () => {
    expect(() => monthlyCost(small, { usage: { calls: -1 } }, analytics)).toThrow(
      'usage of calls must be 0 or more: -1',
    );
    expect(() => monthlyCost(small, { usage: { calls: 1.5 } }, analytics)).toThrow(
      'usage of calls must be a whole number: 1.5',
    );
  });
  test('a meter the plan states nothing for', () => {
    expect(() => allowanceOf(small, 'storage')).toThrow(
      'Charter: plan "small" states nothing for meter "storage".',
    );
    expect(allowanceOf(small, 'users')).toEqual({ included: 5 });
  });
});

describe('cheapestPlan and covers, on more than one condition', () => {
  test('a plan that cannot take an add-on asked for is neither cheapest nor on request', () => {
    const result = cheapestPlan(
      [free, team, business],
      { usage: {}, seats: 3, addOns: { 'storage-pack': 1 } },
      backup,
    );
    expect(result.cheapest?.plan.id).toBe('team');
    expect(result.onRequest).toEqual([]);
  });
  test('a plan covers usage only when every meter fits', () => {
    expect(covers(small, { calls: 1000, users: 6 })).toBe(false);
    expect(covers(small, { calls: 1001, users: 5 })).toBe(false);
  });
});
