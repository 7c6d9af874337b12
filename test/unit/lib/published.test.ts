import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import { NO_COMMITMENT, planCells, planFields, targetCells } from '~/lib/published';
import { formatDuration } from '~/lib/duration';

const catalog = loadCatalog('data');

describe.each(['data', 'examples/wee'])('planCells for the company in %s', (dir) => {
  const company = loadCatalog(dir);
  test.each(company.pricing.plans)('gives the price and every meter of plan $id', (plan) => {
    const cells = planCells(company, plan);
    expect(Object.keys(cells)).toEqual(planFields(company));
    expect(Object.keys(cells)).toHaveLength(1 + 2 * company.pricing.meters.length);
    for (const text of Object.values(cells)) expect(text).not.toMatch(/NaN|Infinity|undefined/);
    for (const meter of company.pricing.meters) {
      const allowance = plan.usage[meter.id]!;
      const overage = cells[`overage-${meter.id}`]!;
      if (allowance.included === 'unlimited') expect(overage).toBe('No limit');
      else if (allowance.overage === undefined) expect(overage).toMatch(allowance.included === 0 ? /^Not available/ : /^Hard limit: no more than /);
      else if (allowance.overage.model === 'per-unit') expect(overage.endsWith(` per ${meter.unit.one}`)).toBe(true);
    }
  });
});

describe('targetCells', () => {
  test.each(catalog.sla.tiers)('describes every target of tier $tier', (sla) => {
    for (const [severity, target] of Object.entries(sla.targets)) {
      const cells = targetCells(catalog, sla.tier, severity);
      expect(cells.first_response.startsWith(formatDuration(target.first_response))).toBe(true);
      if (target.resolution === undefined) expect(cells.resolution).toBe(NO_COMMITMENT);
      else expect(cells.resolution.startsWith(formatDuration(target.resolution))).toBe(true);
    }
  });
});
