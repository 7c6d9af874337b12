import { describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  addOnAddsText,
  addOnTargetRows,
  extraIncludedText,
} from '../../../packages/starlight-charter/lib/add-ons';
import type { AddOn } from '../../../packages/starlight-charter/schemas/pricing';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const { meters } = catalog.pricing;
const { severities } = catalog.severities;
const locale = catalog.company.locale;

/** The sample with one more add-on, for what neither company's data has yet. */
function withAddOn(addOn: AddOn): Catalog {
  return {
    ...catalog,
    pricing: { ...catalog.pricing, add_ons: [...catalog.pricing.add_ons, addOn] },
  };
}

const firstPlan = catalog.pricing.plans[0]!;
const lastPlan = catalog.pricing.plans.at(-1)!;
const faster: AddOn = {
  id: 'faster',
  name: 'Faster',
  description: 'Faster first responses.',
  available_for: [firstPlan.id, lastPlan.id],
  price: { model: 'flat', monthly: 1_000_000 },
  adds: { first_response: { [severities[0]!.id]: 7 } },
};

describe('addOnTargetRows', () => {
  test('has no rows when no add-on sets a first response', () => {
    const none = {
      ...catalog,
      pricing: {
        ...catalog.pricing,
        add_ons: catalog.pricing.add_ons.map((a) => ({ ...a, adds: { features: ['x'] } })),
      },
    };
    expect(addOnTargetRows(none)).toEqual([]);
  });

  test('gives each plan that takes the add-on its tier target beside the add-on target, on the tier clock', () => {
    const rows = addOnTargetRows(withAddOn(faster)).filter((r) => r.addOn.id === 'faster');
    expect(rows.map((r) => r.plan.id)).toEqual([firstPlan.id, lastPlan.id]);
    for (const row of rows) {
      const sla = catalog.sla.tiers.find((t) => t.tier === row.plan.tier)!;
      const target = sla.targets[severities[0]!.id]!;
      expect(row.severity.id).toBe(severities[0]!.id);
      expect(row.own).toBe(target.first_response);
      expect(row.withAddOn).toBe(7);
      expect(row.clock).toBe(target.clock ?? sla.clock);
    }
  });
});

describe('addOnAddsText', () => {
  test('says features, extra amounts in the meter unit and faster first responses, in data order', () => {
    const meter = meters.at(-1)!;
    const addOn: AddOn = {
      ...faster,
      price: { model: 'per-unit', per_unit: 1_000_000, unit: { one: 'pack', other: 'packs' } },
      adds: {
        features: ['A named engineer'],
        included: { [meter.id]: 3 },
        first_response: { [severities[0]!.id]: 30 },
      },
    };
    const lines = addOnAddsText(addOn, meters, severities, locale);
    expect(lines[0]).toBe('A named engineer');
    expect(lines[1]).toBe(
      `3 more ${meter.unit.other}${meter.resets === 'never' ? '' : ` per ${meter.resets}`} for each pack`,
    );
    expect(lines[2]).toBe(
      `First response to ${severities[0]!.name} (${severities[0]!.label}) within 30 minutes`,
    );
  });

  test('uses the singular for one unit and says nothing per unit for a flat add-on', () => {
    const meter = meters[0]!;
    expect(extraIncludedText(meter, 1, faster, locale)).toBe(
      `1 more ${meter.unit.one}${meter.resets === 'never' ? '' : ` per ${meter.resets}`}`,
    );
  });
});
