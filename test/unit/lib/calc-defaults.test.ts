import { describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  costStart,
  creditStart,
  deadlineStart,
  downtimeStart,
  fieldText,
  openedNow,
  roiFieldText,
} from '../../../packages/starlight-charter/lib/calc-defaults';
import {
  planForTier,
  slaForTier,
  targetFor,
} from '../../../packages/starlight-charter/lib/catalog';
import { creditFor } from '../../../packages/starlight-charter/lib/credits';
import { monthlyCost, pricingTerms } from '../../../packages/starlight-charter/lib/cost';
import { MICROS_PER_UNIT } from '../../../packages/starlight-charter/lib/money';
import { SAMPLE, WEE } from '../../support/sites';

const sites: [string, Catalog][] = [
  ['the sample', loadCatalog(SAMPLE.terms)],
  ['WEE', loadCatalog(WEE.terms)],
];
const scheduleOf = (catalog: Catalog, tierId: string) =>
  catalog.credits.schedules.find((s) => s.id === slaForTier(catalog, tierId).credit_schedule);
/** A flat, from or per-seat plan's list price for a month (the sites' credit tiers are priced so). */
const monthly = (catalog: Catalog, tierId: string) => {
  const price = planForTier(catalog, tierId).price;
  return 'monthly' in price ? price.monthly : null;
};

describe.each(sites)('calculator defaults for %s', (_, catalog) => {
  test('service credit: a priced tier with credits, its price, an uptime that earns a credit', () => {
    const start = creditStart(catalog);
    const index = catalog.tiers.tiers.findIndex((t) => t.id === start.tier);
    const schedule = scheduleOf(catalog, start.tier);
    expect(schedule, `${start.tier} has a credit schedule`).toBeDefined();
    expect(start.fee).toBe(monthly(catalog, start.tier));
    expect(start.fee).toBeGreaterThan(0);
    // No lower tier has both a schedule and a price.
    for (const t of catalog.tiers.tiers.slice(0, index))
      expect(!!scheduleOf(catalog, t.id) && (monthly(catalog, t.id) ?? 0) > 0).toBe(false);
    // The uptime lies strictly inside the first band (highest uptime first) that pays a credit.
    const band = schedule!.bands.find((b) => b.credit > 0)!;
    expect(start.uptime).toBeGreaterThan(band.at_least);
    expect(start.uptime).toBeLessThan(band.below);
    const credit = creditFor(
      schedule!,
      catalog.credits.cap_percent,
      start.uptime,
      start.fee!,
      catalog.company.currency,
    );
    expect(credit.band).toEqual(band);
    expect(credit.amount).toBeGreaterThan(0);
    expect(Number(fieldText(start.uptime))).toBe(start.uptime);
    expect(fieldText(start.uptime)).toMatch(/^\d+(\.\d{1,6})?$/);
  });

  test('downtime: the highest tier with an availability target', () => {
    const target = downtimeStart(catalog);
    const withTargets = catalog.sla.tiers.filter((s) => s.availability !== null);
    expect(target).toBe(Math.max(...withTargets.map((s) => s.availability!)));
    const highest = [...catalog.tiers.tiers]
      .reverse()
      .find((t) => slaForTier(catalog, t.id).availability !== null)!;
    expect(target).toBe(slaForTier(catalog, highest.id).availability);
  });

  test('response deadline: the first severity on a tier that promises it a first response', () => {
    const { tier, severity } = deadlineStart(catalog);
    expect(severity).toBe(catalog.severities.severities[0]!.id);
    expect(targetFor(catalog, tier, severity).firstResponse).not.toBeNull();
    const index = catalog.tiers.tiers.findIndex((t) => t.id === tier);
    for (const t of catalog.tiers.tiers.slice(0, index))
      expect(targetFor(catalog, t.id, severity).firstResponse).toBeNull();
  });

  test('monthly cost: the first paid plan at its included amounts costs its base price', () => {
    const { plan: planId, usage } = costStart(catalog);
    const plans = catalog.pricing.plans;
    const plan = plans.find((p) => p.id === planId)!;
    const paid = (p: (typeof plans)[number]) =>
      p.price.model !== 'contact-us' &&
      (p.price.model === 'share-of-spend' ? p.price.minimum : p.price.monthly) > 0;
    expect(paid(plan)).toBe(true);
    for (const p of plans.slice(0, plans.indexOf(plan))) expect(paid(p)).toBe(false);
    expect(Object.keys(usage).sort()).toEqual(catalog.pricing.meters.map((m) => m.id).sort());
    for (const meter of catalog.pricing.meters) {
      const included = plan.usage[meter.id]!.included;
      expect(usage[meter.id]).toBe(included === 'unlimited' ? 0 : included);
    }
    const cost = monthlyCost(
      plan,
      { usage },
      pricingTerms(catalog.pricing, catalog.company.currency),
    );
    expect(cost.blocked).toEqual([]);
    expect(cost.lines.every((l) => l.amount === 0)).toBe(true);
    expect(cost.total).toBe(cost.base);
  });

  test('ROI: every numeric field shows its roi.yaml default', () => {
    for (const input of catalog.roi.inputs) {
      if (input.kind === 'yes-no') continue;
      const text = roiFieldText(input);
      expect(
        input.kind === 'money' ? Math.round(Number(text) * MICROS_PER_UNIT) : Number(text),
      ).toBe(input.default);
    }
  });
});

describe('fallbacks', () => {
  const base = loadCatalog(SAMPLE.terms);

  test('service credit skips a band that pays nothing and falls back to a tier without a price', () => {
    const catalog = structuredClone(base);
    const { tier } = creditStart(catalog);
    const schedule = scheduleOf(catalog, tier)!;
    const [top] = schedule.bands;
    // A zero-credit band on top: the start must land in the next band.
    schedule.bands = [
      { at_least: top!.below, below: Math.min(100, top!.below + 0.01), credit: 0 },
      ...schedule.bands,
    ];
    for (const p of catalog.pricing.plans) p.price = { model: 'contact-us' } as typeof p.price;
    const start = creditStart(catalog);
    const first = catalog.tiers.tiers.find((t) => scheduleOf(catalog, t.id))!;
    expect(start.tier).toBe(first.id);
    expect(start.fee).toBeNull();
    const band = scheduleOf(catalog, first.id)!.bands.find((b) => b.credit > 0)!;
    expect(start.uptime).toBe(Math.round(((band.at_least + band.below) / 2) * 1e6) / 1e6);
  });

  test('service credit without any schedule starts on the first tier at its target', () => {
    const catalog = structuredClone(base);
    for (const s of catalog.sla.tiers) delete s.credit_schedule;
    const start = creditStart(catalog);
    const first = catalog.tiers.tiers[0]!;
    expect(start.tier).toBe(first.id);
    expect(start.uptime).toBe(slaForTier(catalog, first.id).availability ?? 100);
  });

  test('downtime skips a best-effort top tier, and is null with no target at all', () => {
    const catalog = structuredClone(base);
    const top = catalog.sla.tiers.find((s) => s.tier === catalog.tiers.tiers.at(-1)!.id)!;
    top.availability = null;
    const below = catalog.tiers.tiers.at(-2)!.id;
    expect(downtimeStart(catalog)).toBe(slaForTier(catalog, below).availability);
    for (const s of catalog.sla.tiers) s.availability = null;
    expect(downtimeStart(catalog)).toBeNull();
  });
});

describe('openedNow', () => {
  test('rounds down to the quarter hour in the reader’s zone', () => {
    const at = new Date('2026-03-06T10:07:30Z');
    expect(openedNow(at, 'UTC')).toEqual({ date: '2026-03-06', time: '10:00' });
    // UTC+5:45: 15:52:30 local rounds to 15:45.
    expect(openedNow(at, 'Asia/Kathmandu')).toEqual({ date: '2026-03-06', time: '15:45' });
    // 23:59 on Friday in New York (UTC-5) stays on Friday.
    expect(openedNow(new Date('2026-03-07T04:59:00Z'), 'America/New_York')).toEqual({
      date: '2026-03-06',
      time: '23:45',
    });
    expect(openedNow(new Date('2026-03-06T10:07:30Z'), 'UTC', 5)).toEqual({
      date: '2026-03-06',
      time: '10:05',
    });
  });
});
