import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Catalog } from '../../../packages/starlight-charter/data/load';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  annualMonthly,
  annualSavingPercent,
  billingSwitch,
  callToAction,
  highlightedFeatures,
  highlightText,
  includedLine,
  linkAddress,
  MAX_HIGHLIGHTS,
  planCard,
  planSavingPercent,
  salesContact,
  splitAmount,
} from '../../../packages/starlight-charter/lib/plan-cards';
import type { Company } from '../../../packages/starlight-charter/schemas/company';
import type { Feature } from '../../../packages/starlight-charter/schemas/features';
import type { Meter, Plan } from '../../../packages/starlight-charter/schemas/pricing';
import type { Tier } from '../../../packages/starlight-charter/schemas/tiers';
import { SAMPLE, WEE } from '../../support/sites';

const M = 1_000_000;

describe('annualSavingPercent: whole percent of the monthly price, rounded down', () => {
  test('worked examples', () => {
    // (99 − 89) / 99 = 10.10 % → 10; (100 − 89.5) / 100 = 10.5 % → 10, never 11.
    expect(annualSavingPercent(99 * M, 89 * M)).toBe(10);
    expect(annualSavingPercent(100 * M, 89.5 * M)).toBe(10);
    expect(annualSavingPercent(100 * M, 80 * M)).toBe(20);
    // 1/3 off is 33.33 % → 33; 2/3 off is 66.67 % → 66.
    expect(annualSavingPercent(300 * M, 200 * M)).toBe(33);
    expect(annualSavingPercent(300 * M, 100 * M)).toBe(66);
    expect(annualSavingPercent(100 * M, 0)).toBe(100);
  });

  test('no saving to state: no annual price, a free plan, annual not lower, or under 1 %', () => {
    expect(annualSavingPercent(99 * M, undefined)).toBeNull();
    expect(annualSavingPercent(0, 0)).toBeNull();
    expect(annualSavingPercent(99 * M, 99 * M)).toBeNull();
    expect(annualSavingPercent(99 * M, 120 * M)).toBeNull();
    expect(annualSavingPercent(1000 * M, 991 * M)).toBeNull();
    expect(annualSavingPercent(1000 * M, 990 * M)).toBe(1);
  });

  test('exact for the largest prices the schema allows', () => {
    // 999,999,999.99 against 1 less: a float product would pass 2^53 micro-units.
    const top = 999_999_999_990_000;
    expect(annualSavingPercent(top, top - 10 * M)).toBeNull();
    expect(annualSavingPercent(top, Math.floor(top / 2))).toBe(50);
  });

  test('never states more than the saving, and is within 1 point of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        (monthlyCents, annualCents) => {
          const monthly = monthlyCents * 10_000;
          const annual = annualCents * 10_000;
          const got = annualSavingPercent(monthly, annual);
          const exact = ((monthlyCents - annualCents) / monthlyCents) * 100;
          if (got === null) expect(exact < 1 + 1e-9).toBe(true);
          else {
            expect(Number.isInteger(got)).toBe(true);
            expect(got).toBeLessThanOrEqual(exact + 1e-9);
            expect(exact - got).toBeLessThan(1);
          }
        },
      ),
    );
  });

  test('of a plan: only flat, from and per-seat prices with an annual rate save', () => {
    expect(planSavingPercent({ model: 'flat', monthly: 99 * M, annual_monthly: 89 * M })).toBe(10);
    expect(planSavingPercent({ model: 'from', monthly: 299 * M, annual_monthly: 269 * M })).toBe(
      10,
    );
    expect(
      planSavingPercent({
        model: 'per-seat',
        monthly: 20 * M,
        annual_monthly: 15 * M,
        seat: { one: 'seat', other: 'seats' },
        minimum_seats: 1,
      }),
    ).toBe(25);
    expect(planSavingPercent({ model: 'flat', monthly: 99 * M })).toBeNull();
    expect(planSavingPercent({ model: 'contact-us' })).toBeNull();
    expect(
      planSavingPercent({
        model: 'share-of-spend',
        minimum: 100 * M,
        bands: [{ up_to: null, percent: 5 }],
      }),
    ).toBeNull();
    expect(annualMonthly({ model: 'flat', monthly: 99 * M, annual_monthly: 89 * M })).toBe(89 * M);
    expect(annualMonthly({ model: 'contact-us' })).toBeUndefined();
  });
});

describe('card text', () => {
  test('splitAmount keeps the words around the amount', () => {
    expect(splitAmount('From €299 per month', '€299')).toEqual({
      before: 'From ',
      amount: '€299',
      after: ' per month',
    });
    expect(splitAmount('Free', null)).toEqual({ before: '', amount: 'Free', after: '' });
    expect(splitAmount('Contact us', '€5')).toEqual({
      before: '',
      amount: 'Contact us',
      after: '',
    });
  });

  const queries: Meter = {
    id: 'queries',
    name: 'Queries',
    unit: { one: 'query', other: 'queries' },
    resets: 'month',
    whole: true,
  };
  const ingest: Meter = {
    id: 'ingest',
    name: 'Ingest',
    unit: { one: 'GB', other: 'GB' },
    resets: 'month',
    whole: false,
  };
  test('includedLine names the meter unless the amount already does', () => {
    expect(includedLine(queries, { included: 5000 }, 'en-US')).toBe('5,000 queries per month');
    expect(includedLine(queries, { included: 'unlimited' }, 'en-US')).toBe('Unlimited queries');
    expect(includedLine(queries, { included: 0 }, 'en-US')).toBe('Queries: Not included');
    expect(includedLine(ingest, { included: 2.5 }, 'de-DE')).toBe('Ingest: 2,5 GB per month');
  });

  const feature = (id: string, values: Feature['values']): Feature => ({
    id,
    name: id.toUpperCase(),
    values,
  });
  const features = [
    feature('a', { low: 'no', high: 'yes' }),
    feature('b', { low: 'yes', high: 'included' }),
    feature('c', { low: 'add-on', high: { text: '24/7' } }),
    feature('d', { low: 'yes', high: 'yes' }),
    feature('e', { low: 'yes', high: 'yes' }),
    feature('f', { low: 'yes', high: 'yes' }),
  ];
  const tier = (id: string, highlights?: string[]): Tier => ({
    id,
    name: id,
    summary: 's',
    coverage: 'c',
    best_for: ['x'],
    ...(highlights ? { highlights } : {}),
  });

  test('highlightedFeatures: the tier’s own list in its order, else the first it has', () => {
    expect(highlightedFeatures(tier('high', ['c', 'a']), features).map((f) => f.id)).toEqual([
      'c',
      'a',
    ]);
    expect(highlightedFeatures(tier('low'), features).map((f) => f.id)).toEqual([
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(highlightedFeatures(tier('low'), features)).toHaveLength(MAX_HIGHLIGHTS);
    expect(() => highlightedFeatures(tier('low', ['zz']), features)).toThrow('feature "zz"');
  });

  test('highlightText says an add-on or a value in words', () => {
    expect(highlightText(features[1]!, 'low')).toBe('B');
    expect(highlightText(features[1]!, 'high')).toBe('B');
    expect(highlightText(features[2]!, 'low')).toBe('C (add-on)');
    expect(highlightText(features[2]!, 'high')).toBe('C: 24/7');
  });

  const company = (contacts: Company['contacts']) => ({ contacts }) as Company;
  const plan = (cta?: Plan['cta']) => ({ id: 'pro', ...(cta ? { cta } : {}) }) as Plan;

  test('callToAction: the plan’s own, or an email to sales naming the plan', () => {
    const withSales = company([
      { id: 'support', label: 'Support', email: 'help@x.example' },
      { id: 'sales', label: 'Sales', email: 'sales@x.example' },
    ]);
    expect(salesContact(withSales).email).toBe('sales@x.example');
    expect(
      callToAction(
        plan({ label: 'Start a trial', href: 'https://x.example/trial' }),
        'Pro',
        withSales,
      ),
    ).toEqual({
      label: 'Start a trial',
      href: 'https://x.example/trial',
      address: 'https://x.example/trial',
    });
    expect(callToAction(plan(), 'White-Glove & Co', withSales)).toEqual({
      label: 'Contact sales',
      href: 'mailto:sales@x.example?subject=White-Glove%20%26%20Co%20plan',
      address: 'sales@x.example',
    });
    const noSales = company([{ id: 'office', label: 'the office', email: 'office@x.example' }]);
    expect(callToAction(plan(), 'Pro', noSales)).toMatchObject({
      label: 'Contact the office',
      address: 'office@x.example',
    });
  });

  test('linkAddress: the email of a mailto: link, else the link', () => {
    expect(linkAddress('mailto:a%2Bb@x.example?subject=Hi')).toBe('a+b@x.example');
    expect(linkAddress('MAILTO:a@x.example')).toBe('a@x.example');
    expect(linkAddress('https://x.example/?a=1')).toBe('https://x.example/?a=1');
  });
});

describe('the example companies’ cards, worked out from their data', () => {
  // Savings are whole percents below 100; German writes a no-break space before the sign.
  const percent = (n: number, locale: string) =>
    new Intl.Locale(locale).language === 'de' ? `${n}\u00a0%` : `${n}%`;

  function check(catalog: Catalog) {
    const { locale } = catalog.company;
    for (const plan of catalog.pricing.plans) {
      const card = planCard(catalog, plan);
      const tier = catalog.tiers.tiers.find((t) => t.id === plan.tier)!;
      expect(card.name).toBe(tier.name);
      expect(card.summary).toBe(tier.summary);
      expect(card.bestFor).toEqual(tier.best_for);
      expect(card.included).toHaveLength(catalog.pricing.meters.length);
      expect(card.highlights.length).toBeGreaterThan(0);
      expect(card.highlights.length).toBeLessThanOrEqual(4);
      const p = plan.price as { monthly?: number; annual_monthly?: number };
      expect(card.annual === null).toBe(p.annual_monthly === undefined);
      const saving =
        p.annual_monthly === undefined || !p.monthly
          ? null
          : Math.floor(((p.monthly - p.annual_monthly) / p.monthly) * 100);
      expect(card.saving).toBe(saving === null || saving < 1 ? null : percent(saving, locale));
      expect(card.cta.href).toMatch(/^(https:\/\/|mailto:)/);
    }
  }

  test('sample: no annual prices, so no switch, monthly first', () => {
    const sample = loadCatalog(SAMPLE.terms);
    check(sample);
    expect(billingSwitch(sample)).toEqual({ shown: false, initial: 'monthly', saving: null });
  });

  test('WEE: its annual prices, shown first as its data says', () => {
    const wee = loadCatalog(WEE.terms);
    check(wee);
    const rates = wee.pricing.plans
      .map((p) => p.price as { monthly?: number; annual_monthly?: number })
      .filter((p) => p.annual_monthly !== undefined && p.monthly);
    expect(rates.length).toBeGreaterThan(0);
    const best = Math.max(
      ...rates.map((p) => Math.floor(((p.monthly! - p.annual_monthly!) / p.monthly!) * 100)),
    );
    const same = rates.every(
      (p) => Math.floor(((p.monthly! - p.annual_monthly!) / p.monthly!) * 100) === best,
    );
    expect(billingSwitch(wee)).toEqual({
      shown: true,
      initial: wee.pricing.billing_default,
      saving: `save ${same ? '' : 'up to '}${percent(best, wee.company.locale)}`,
    });
    expect(wee.pricing.billing_default).toBe('annual');
  });

  test('“save up to” when plans save different shares', () => {
    const wee = loadCatalog(WEE.terms);
    const plans = wee.pricing.plans.map((p) =>
      p.price.model === 'flat' && p.price.annual_monthly !== undefined
        ? { ...p, price: { ...p.price, annual_monthly: p.price.monthly / 2 } }
        : p,
    );
    const changed = { ...wee, pricing: { ...wee.pricing, plans } } as Catalog;
    expect(billingSwitch(changed).saving).toBe(`save up to ${percent(50, wee.company.locale)}`);
  });
});
