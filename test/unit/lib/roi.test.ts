import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import {
  expectedUsage,
  recommendPlan,
  roiDefaults,
  roiFor,
  ruleApplies,
  type RoiInputs,
} from '~/lib/roi';
import type { Plan } from '~/schemas/pricing';
import type { RoiRule } from '~/schemas/roi';

const M = 1_000_000;
const plan = (
  tier: string,
  price: number | 'contact-us',
  queries: number,
  seats: number,
): Plan => ({
  id: tier,
  tier,
  price: price === 'contact-us' ? price : { monthly: price * M },
  included: { queries, ingest_gb: 100, seats },
  overage: { queries: 0.01 * M, ingest_gb: M },
});
const plans = [
  plan('basic', 100, 1000, 5),
  plan('team', 1000, 10000, 50),
  plan('max', 'contact-us', 1e6, 1000),
];
const order = ['basic', 'team', 'max'];
const names = { basic: 'Basic', team: 'Team', max: 'Max' };
const rules: RoiRule[] = [
  { field: 'needs_24x7', equals: true, min_tier: 'max', reason: 'Needs the top tier.' },
  { field: 'departments', at_least: 3, min_tier: 'team', reason: 'Many departments.' },
];
const alerts = { soft: 80, hard: 95 };
const inputs: RoiInputs = {
  team_size: 4,
  tasks_per_month: 800,
  hours_per_task: 0.5,
  hourly_cost: 100 * M,
  automation_rate: 50,
  departments: 1,
  queries_per_task: 1,
  years: 3,
  needs_24x7: false,
  mission_critical: false,
};

describe('ruleApplies', () => {
  test.each([
    [rules[0]!, { needs_24x7: true }, true],
    [rules[0]!, { needs_24x7: false }, false],
    [rules[1]!, { departments: 3 }, true],
    [rules[1]!, { departments: 2 }, false],
  ])('applies rule %# correctly', (rule, answer, applies) => {
    expect(ruleApplies(rule, { ...inputs, ...answer })).toBe(applies);
  });
});

describe('recommendPlan', () => {
  test.each([
    ['the lowest plan that covers usage', {}, 'basic', true],
    ['a larger plan when queries exceed the small quota', { tasks_per_month: 2000 }, 'team', true],
    ['a larger plan when seats exceed the small quota', { team_size: 6 }, 'team', true],
    ['the tier a rule requires', { departments: 3 }, 'team', true],
    ['the highest tier any rule requires', { departments: 5, needs_24x7: true }, 'max', true],
    ['the largest plan when nothing covers usage', { team_size: 5000 }, 'max', false],
  ])('recommends %s', (_, answers, id, fits) => {
    const result = recommendPlan(plans, rules, order, names, { ...inputs, ...answers });
    expect(result.plan.id).toBe(id);
    expect(result.fits).toBe(fits);
  });
  test('explains itself in sentences', () => {
    expect(recommendPlan(plans, rules, order, names, inputs).reasons).toEqual([
      'Basic includes 1,000 queries and 5 seats, which covers 800 queries a month and 4 seats, and it is the lowest plan that does.',
    ]);
    expect(
      recommendPlan(plans, rules, order, names, { ...inputs, departments: 3 }).reasons,
    ).toEqual([
      'Many departments.',
      'Team includes 10,000 queries and 50 seats, which covers 800 queries a month and 4 seats.',
    ]);
  });
});

describe('roiFor', () => {
  test('computes savings, cost, ROI, payback and multi-year value', () => {
    // 800 × 0.5 h × 50% = 200 h a month; × 12 × 100 = 240,000 a year; cost 100 × 12 = 1,200.
    const result = roiFor(plans[0]!, inputs, alerts, 'USD');
    expect(result).toMatchObject({
      hoursSavedPerMonth: 200,
      annualSavings: 240_000 * M,
      annualCost: 1_200 * M,
      annualNet: 238_800 * M,
      roiPercent: 19_900,
      paybackMonths: 0.06,
      multiYearValue: 716_400 * M,
    });
  });
  test('adds overage to the annual cost', () => {
    const result = roiFor(plans[0]!, { ...inputs, tasks_per_month: 1100 }, alerts, 'USD');
    expect(result.annualCost).toBe((100 * M + 100 * 0.01 * M) * 12);
  });
  test('has no ROI, payback or value for a plan priced on request', () => {
    expect(roiFor(plans[2]!, inputs, alerts, 'USD')).toMatchObject({
      annualCost: null,
      roiPercent: null,
      paybackMonths: null,
      multiYearValue: null,
    });
  });
  test('has no payback when nothing is automated', () => {
    expect(roiFor(plans[0]!, { ...inputs, automation_rate: 0 }, alerts, 'USD')).toMatchObject({
      annualSavings: 0,
      paybackMonths: null,
      roiPercent: -100,
    });
  });
  test('rounds savings to the cent', () => {
    const result = roiFor(
      plans[0]!,
      { ...inputs, tasks_per_month: 1, hours_per_task: 0.333, automation_rate: 33.3 },
      alerts,
      'USD',
    );
    expect(result.annualSavings % 10_000).toBe(0);
  });
  test('rejects a negative answer', () => {
    expect(() => roiFor(plans[0]!, { ...inputs, team_size: -1 }, alerts, 'USD')).toThrow(
      RangeError,
    );
  });
});

describe('with the sample data', () => {
  const catalog = loadCatalog('data');
  test('defaults come from roi.yaml with no yes/no answered yes', () => {
    expect(roiDefaults(catalog.roi)).toEqual({
      ...catalog.roi.defaults,
      needs_24x7: false,
      mission_critical: false,
    });
  });
  test('expected usage is tasks × queries per task and one seat per person', () => {
    const d = roiDefaults(catalog.roi);
    expect(expectedUsage(d)).toEqual({
      queries: Math.ceil(d.tasks_per_month * d.queries_per_task),
      ingest_gb: 0,
      seats: d.team_size,
    });
  });
  test('every rule raises the recommendation to at least its tier', () => {
    const order = catalog.tiers.tiers.map((t) => t.id);
    const tierNames = Object.fromEntries(catalog.tiers.tiers.map((t) => [t.id, t.name]));
    for (const rule of catalog.roi.recommendation.rules) {
      const answers = { ...roiDefaults(catalog.roi), [rule.field]: rule.equals ?? rule.at_least };
      const rec = recommendPlan(
        catalog.pricing.plans,
        catalog.roi.recommendation.rules,
        order,
        tierNames,
        answers,
      );
      expect(order.indexOf(rec.plan.tier)).toBeGreaterThanOrEqual(order.indexOf(rule.min_tier));
    }
  });
});
