import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import {
  clockLabel,
  describeTarget,
  moneyFormat,
  planForTier,
  planPriceText,
  slaForTier,
  supportHoursFor,
  targetFor,
  tierById,
} from '~/lib/catalog';
import { formatPrice } from '~/lib/money';

const catalog = loadCatalog('data');
const tiers = catalog.tiers.tiers;

describe('catalog lookups', () => {
  test.each(tiers.map((t) => t.id))('finds tier %s, its plan, SLA and hours', (id) => {
    expect(tierById(catalog, id).id).toBe(id);
    expect(planForTier(catalog, id).tier).toBe(id);
    expect(slaForTier(catalog, id).tier).toBe(id);
    expect(supportHoursFor(catalog, id).id).toBe(slaForTier(catalog, id).support_hours);
  });

  test('errors with a sentence for an unknown tier', () => {
    expect(() => tierById(catalog, 'no-such-tier')).toThrow('tier "no-such-tier" is not defined in the data');
    expect(() => targetFor(catalog, tiers[0]!.id, 'sev9')).toThrow('has no target for severity "sev9"');
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
  test('describes a target', () => expect(describeTarget(30, 'calendar')).toBe('30 minutes (24x7)'));
  test('prices plans from the data', () => {
    for (const plan of catalog.pricing.plans) {
      const text = planPriceText(catalog, plan);
      if (plan.price === 'contact-us') expect(text).toBe('Contact us');
      else if (plan.price.monthly === 0) expect(text).toBe('Free');
      else expect(text).toBe(`${formatPrice(plan.price.monthly, moneyFormat(catalog))} per month`);
    }
  });
});
