import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import { NO_COMMITMENT, PLAN_FIELDS, planCells, targetCells } from '~/lib/published';
import { formatDuration } from '~/lib/duration';

const catalog = loadCatalog('data');

describe('planCells', () => {
  test.each(catalog.pricing.plans)('gives every field of plan $id', (plan) => {
    const cells = planCells(catalog, plan);
    expect(Object.keys(cells)).toEqual([...PLAN_FIELDS]);
    for (const text of Object.values(cells)) expect(text).not.toMatch(/NaN|Infinity|undefined/);
    expect(cells.ingest_gb.endsWith(' GB')).toBe(true);
    expect(cells.overage_queries).toMatch(/ per query$/);
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
