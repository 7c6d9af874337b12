import { describe, expect, test } from 'vitest';
import { monthlyCost, type PricingTerms } from '../../../packages/starlight-charter/lib/cost';
import {
  baseText,
  blockedText,
  cheapestText,
  meterChargeText,
  totalText,
  type CostContext,
  type NamedPlan,
} from '../../../packages/starlight-charter/lib/cost-text';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import { amountText, periodSuffix } from '../../../packages/starlight-charter/lib/pricing-text';
import type { Meter } from '../../../packages/starlight-charter/schemas/pricing';
import { costFieldKeys } from '../../../packages/starlight-charter/components/calculators/cost-fields';

// A made-up company: one meter counted per call, prices in every model.
const M = 1_000_000;
const money = { currency: 'USD', locale: 'en-US' };
const calls: Meter = {
  id: 'calls',
  name: 'Calls',
  unit: { one: 'call', other: 'calls' },
  resets: 'month',
  whole: true,
};
const terms: PricingTerms = {
  meters: [calls],
  addOns: [],
  alerts: { soft: 80, hard: 95 },
  currency: 'USD',
};
const plan = (id: string, price: NamedPlan['price'], usage: NamedPlan['usage']): NamedPlan => ({
  id,
  tier: id,
  name: id.toUpperCase(),
  price,
  usage,
});
const small = plan('small', { model: 'flat', monthly: 10 * M }, { calls: { included: 1 } });
const seats = plan(
  'seats',
  {
    model: 'per-seat',
    monthly: 12 * M,
    seat: { one: 'operator', other: 'operators' },
    minimum_seats: 5,
  },
  {
    calls: {
      included: 10,
      overage: {
        model: 'graduated',
        bands: [
          { up_to: 2, per_unit: 2 * M },
          { up_to: null, per_unit: M },
        ],
      },
    },
  },
);
const share = plan(
  'share',
  {
    model: 'share-of-spend',
    minimum: 100 * M,
    bands: [
      { up_to: 1000, percent: 10 },
      { up_to: null, percent: 5 },
    ],
  },
  { calls: { included: 'unlimited' } },
);
const from = plan(
  'from',
  { model: 'from', monthly: 50 * M },
  { calls: { included: 20, overage: { model: 'package', size: 5, price: 3 * M } } },
);
const ctx: CostContext = { money, terms, plans: [small, seats, share, from] };

describe('baseText', () => {
  test('counts seats, at least the minimum', () => {
    const input = { usage: { calls: 0 }, seats: 3 };
    expect(baseText(monthlyCost(seats, input, terms), input, money)).toBe(
      '$60.00 (5 operators × $12, at the minimum)',
    );
    const more = { usage: { calls: 0 }, seats: 7 };
    expect(baseText(monthlyCost(seats, more, terms), more, money)).toBe(
      '$84.00 (7 operators × $12)',
    );
  });

  test('adds the shares of spend band by band, or says the minimum applies', () => {
    const input = { usage: { calls: 0 }, spend: 1500 * M };
    expect(baseText(monthlyCost(share, input, terms), input, money)).toBe(
      '$125.00 (10% of $1,000.00 + 5% of $500.00)',
    );
    const low = { usage: { calls: 0 }, spend: 200 * M };
    expect(baseText(monthlyCost(share, low, terms), low, money)).toBe(
      '$100.00 (the minimum; 10% of $200.00 comes to $20.00)',
    );
  });

  test('says "From" for a starting price', () => {
    const input = { usage: { calls: 0 } };
    expect(baseText(monthlyCost(from, input, terms), input, money)).toBe('From $50.00');
  });
});

describe('meterChargeText', () => {
  test('splits graduated overage over its bands', () => {
    const input = { usage: { calls: 13 }, seats: 5 };
    const line = monthlyCost(seats, input, terms).lines[0]!;
    expect(meterChargeText(calls, line, 'SEATS', money)).toBe(
      '$5.00 (graduated: 2 calls × $2.00 + 1 call × $1.00)',
    );
  });

  test('charges each started pack in full', () => {
    const line = monthlyCost(from, { usage: { calls: 26 } }, terms).lines[0]!;
    expect(meterChargeText(calls, line, 'FROM', money)).toBe(
      '$6.00 (per package: 6 calls above the included amount, 2 × $3 per 5 calls)',
    );
  });

  test('gives no price above a hard limit', () => {
    const line = monthlyCost(small, { usage: { calls: 2 } }, terms).lines[0]!;
    expect(meterChargeText(calls, line, 'SMALL', money)).toBe(
      'Not available: SMALL allows no more than 1 call per month',
    );
  });
});

describe('totalText and blockedText', () => {
  test('name the cheapest plan with a set price that can take usage above a hard limit', () => {
    const input = { usage: { calls: 2 }, seats: 5, spend: 0 };
    const cost = monthlyCost(small, input, terms);
    expect(totalText(cost, input, ctx)).toBe(blockedText(cost, input, ctx));
    expect(blockedText(cost, input, ctx)).toBe(
      'SMALL cannot take this usage: it allows no more than 1 call per month. It needs a higher plan: the cheapest that can take it is SEATS.',
    );
  });

  test('name an add-on that raises the limit on the same plan as the other way', () => {
    const pack = {
      id: 'pack',
      name: 'Call pack',
      description: 'Five more calls.',
      available_for: ['small'],
      price: { model: 'flat' as const, monthly: 3 * M },
      adds: { included: { calls: 5 } },
    };
    const withPack = { ...ctx, terms: { ...terms, addOns: [pack] } };
    const input = { usage: { calls: 2 }, seats: 5, spend: 0 };
    const cost = monthlyCost(small, input, withPack.terms);
    expect(blockedText(cost, input, withPack)).toMatch(/ Or add Call pack to SMALL\.$/);
  });

  test('say "From" for a plan priced from a starting amount, with its overage', () => {
    const input = { usage: { calls: 21 } };
    expect(totalText(monthlyCost(from, input, terms), input, ctx)).toBe('From $53.00');
  });

  test('name the plans priced from a starting amount or on request that can take the usage', () => {
    const input = { usage: { calls: 30 }, seats: 5, spend: 0 };
    expect(cheapestText(input, ctx)).toMatch(
      /^The cheapest plan for this usage is SEATS at \$82\.00 a month\. /,
    );
    expect(cheapestText(input, ctx)).toContain('FROM (from $56.00)');
  });
});

describe('costFieldKeys', () => {
  test('keys each meter by its id, unless another field of the calculator has that name', () => {
    const keys = costFieldKeys(['calls', 'seats'], ['pack'], {
      seats: true,
      spend: false,
      billing: false,
    });
    expect(keys.meters).toEqual({ calls: 'calls', seats: 'meter.seats' });
    expect(keys.addOns).toEqual({ pack: 'add.pack' });
    expect(
      costFieldKeys(['seats'], [], { seats: false, spend: false, billing: false }).meters,
    ).toEqual({
      seats: 'seats',
    });
  });
});

describe('the cost result in the site’s language', () => {
  const euro = { currency: 'EUR', locale: 'de-DE' };
  const yen = { currency: 'JPY', locale: 'ja-JP' };
  const fill = (text: string | undefined, values: Record<string, string>) =>
    text!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
  const euros = (micros: number) =>
    new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(micros / M);

  test.each([
    ['de', euro],
    ['ja', yen],
  ] as const)('%s: sentences from the locale file, numbers and money by Intl', (language, m) => {
    const words = messagesFor(language);
    const t = translator(language);
    const input = { usage: { calls: 0 }, seats: 3 };
    const base = baseText(monthlyCost(seats, input, terms), input, m, t);
    expect(base).toMatch(
      new RegExp(
        `^${fill(words['charter.cost.seatsMinimum'], { amount: '.+', seats: '5 operators', rate: '.+' }).replace(/[()（）×]/g, '\\$&')}$`,
      ),
    );
    const ctxIn = { ...ctx, money: m };
    const blockedInput = { usage: { calls: 2 }, seats: 5, spend: 0 };
    const cost = monthlyCost(small, blockedInput, terms);
    expect(totalText(cost, blockedInput, ctxIn, t)).toBe(
      fill(words['charter.cost.blocked'], {
        plan: 'SMALL',
        limits: fill(words['charter.cost.limitAtMost'], {
          amount: amountText(calls.unit, 1, m.locale, t) + periodSuffix(calls, t),
        }),
        needs: fill(words['charter.cost.needsCheapest'], { plan: 'SEATS' }),
      }),
    );
  });

  test('German money and a natural sentence', () => {
    const input = { usage: { calls: 0 }, seats: 7 };
    expect(baseText(monthlyCost(seats, input, terms), input, euro, translator('de'))).toBe(
      `${euros(84 * M)} (7 operators × ${new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0 }).format(12)})`,
    );
    const busy = { usage: { calls: 30 }, seats: 5, spend: 0 };
    expect(cheapestText(busy, { ...ctx, money: euro }, translator('de'))).toMatch(
      /^Der günstigste Tarif für diese Nutzung ist SEATS mit 82,00\s€ pro Monat\. /,
    );
  });
});
