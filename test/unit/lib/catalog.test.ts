import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  supportHoursText,
  addOnById,
  clockLabel,
  describeTarget,
  meterById,
  moneyFormat,
  planForTier,
  planPriceText,
  slaForTier,
  supportHoursFor,
  targetFor,
  tierById,
} from '../../../packages/starlight-charter/lib/catalog';
import { formatPrice } from '../../../packages/starlight-charter/lib/money';
import { SAMPLE, WEE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const tiers = catalog.tiers.tiers;

describe('catalog lookups', () => {
  test.each(tiers.map((t) => t.id))('finds tier %s, its plan, SLA and hours', (id) => {
    expect(tierById(catalog, id).id).toBe(id);
    expect(planForTier(catalog, id).tier).toBe(id);
    expect(slaForTier(catalog, id).tier).toBe(id);
    expect(supportHoursFor(catalog, id).id).toBe(slaForTier(catalog, id).support_hours);
  });

  test('errors with a sentence for an unknown tier', () => {
    expect(() => tierById(catalog, 'no-such-tier')).toThrow(
      'tier "no-such-tier" is not defined in the data',
    );
    expect(() => targetFor(catalog, tiers[0]!.id, 'sev9')).toThrow(
      'has no target for severity "sev9"',
    );
  });

  test('a severity-level clock overrides the tier clock', () => {
    for (const sla of catalog.sla.tiers) {
      for (const [severity, target] of Object.entries(sla.targets)) {
        expect(targetFor(catalog, sla.tier, severity).clock).toBe(target.clock ?? sla.clock);
      }
    }
  });
});

describe('wording', () => {
  test('names clocks', () => {
    expect(clockLabel('business')).toBe('business hours');
    expect(clockLabel('calendar')).toBe('24x7');
  });
  test('describes a target', () =>
    expect(describeTarget(30, 'calendar')).toBe('30 minutes (24x7)'));
  test.each([SAMPLE.terms, WEE.terms])('prices the plans of %s from the data', (dir) => {
    const company = loadCatalog(dir);
    const { currency, locale } = company.company;
    const money = (n: number) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      }).format(n / 1e6);
    for (const plan of company.pricing.plans) {
      const text = planPriceText(company, plan);
      const price = plan.price;
      if (price.model === 'contact-us') expect(text).toBe('Contact us');
      else if (price.model === 'flat' && price.monthly === 0) expect(text).toBe('Free');
      else if (price.model === 'flat') expect(text).toBe(`${money(price.monthly)} per month`);
      else if (price.model === 'from') expect(text).toBe(`From ${money(price.monthly)} per month`);
      else expect(text).not.toMatch(/NaN|undefined/);
    }
  });
  test('finds meters and add-ons by id, and names an unknown one', () => {
    const meter = catalog.pricing.meters[0]!;
    expect(meterById(catalog, meter.id)).toBe(meter);
    expect(() => meterById(catalog, 'nope')).toThrow('meter "nope" is not defined');
    expect(() => addOnById(catalog, 'nope')).toThrow('add-on "nope" is not defined');
  });
});

describe('supportHoursText', () => {
  const hours = {
    id: 'x',
    name: 'Office hours',
    days: ['mon', 'wed', 'sun'] as ('mon' | 'wed' | 'sun')[],
    start: '08:30',
    end: '18:00',
    time_zone: 'Europe/Berlin',
  };

  test('names the schedule, its days in order, its hours and its time zone', () => {
    expect(supportHoursText(hours as never)).toBe(
      'Office hours: Mon, Wed, Sun, 08:30\u201318:00, Europe/Berlin',
    );
  });

  test("says the customer's time zone in words", () => {
    expect(supportHoursText({ ...hours, time_zone: 'customer' } as never)).toMatch(
      /, your time zone$/,
    );
  });
});
