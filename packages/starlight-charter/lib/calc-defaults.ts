import type { Catalog } from '../data/load.ts';
import type { RoiNumberInput } from '../schemas/roi.ts';
import { slaForTier, planForTier, targetFor } from './catalog.ts';
import { basePrice, listPrice } from './charges.ts';
import { MICROS_PER_UNIT, type Micros } from './money.ts';
import { localFields } from './sla-clock.ts';

/**
 * What each calculator opens on, chosen from the data so the first result is a worked example
 * a reader can relate to: never an empty field that would greet them with an error.
 */

/** Rounds away float noise such as 99.94500000000001, so the value reads as it would be typed. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** The text a number field starts with: the plain number, no grouping or locale. */
export const fieldText = (n: number | null): string => (n === null ? '' : String(n));

export interface CreditStart {
  tier: string;
  /** The tier's list price for a month, or null when it is priced on request. */
  fee: Micros | null;
  /** An uptime inside the first band that earns a credit, so the result shows a credit. */
  uptime: number;
}

/**
 * The service-credit calculator's start: the first tier with a credit schedule and a list price
 * (else the first with a schedule, else the first tier), its price as the fee and the middle of
 * its first credit-earning band as the uptime. A tier without credits starts at its target.
 */
export function creditStart(catalog: Catalog): CreditStart {
  const currency = catalog.company.currency;
  const tiers = catalog.tiers.tiers.map((tier) => {
    const sla = slaForTier(catalog, tier.id);
    return {
      id: tier.id,
      availability: sla.availability,
      fee: basePrice(planForTier(catalog, tier.id).price, {}, currency),
      schedule: catalog.credits.schedules.find((s) => s.id === sla.credit_schedule) ?? null,
    };
  });
  const tier = tiers.find((t) => t.schedule && t.fee) ?? tiers.find((t) => t.schedule) ?? tiers[0]!;
  const band = tier.schedule?.bands.find((b) => b.credit > 0);
  const uptime = band ? tidy((band.at_least + band.below) / 2) : (tier.availability ?? 100);
  return { tier: tier.id, fee: tier.fee, uptime };
}

/** The downtime calculator's target: the highest tier's availability (tiers run lowest first). */
export function downtimeStart(catalog: Catalog): number | null {
  const targets = catalog.tiers.tiers.map((t) => slaForTier(catalog, t.id).availability);
  return targets.findLast((a) => a !== null) ?? null;
}

/**
 * The response-deadline calculator's tier and severity: the first severity, on the lowest tier
 * that promises it a first response, so the first result has a deadline.
 */
export function deadlineStart(catalog: Catalog): { tier: string; severity: string } {
  const severity = catalog.severities.severities[0]!.id;
  const tiers = catalog.tiers.tiers;
  const tier =
    tiers.find((t) => targetFor(catalog, t.id, severity).firstResponse !== null) ?? tiers[0]!;
  return { tier: tier.id, severity };
}

/**
 * "Now" as the date and time fields show it in `timeZone`, rounded down to `step` minutes so
 * it reads like a time a person would type. Every zone's offset is a multiple of 15 minutes.
 */
export function openedNow(now: Date, timeZone: string, step = 15): { date: string; time: string } {
  const ms = step * 60_000;
  return localFields(new Date(Math.floor(now.getTime() / ms) * ms), timeZone);
}

/**
 * The cost calculator's start: the first plan with a price to show (not on request, not free),
 * with each meter at that plan's included amount (0 where it is unlimited), so the result
 * shows the plan's price with no overage.
 */
export function costStart(catalog: Catalog): { plan: string; usage: Record<string, number> } {
  const plans = catalog.pricing.plans;
  const plan =
    plans.find((p) => Number.isFinite(listPrice(p.price)) && listPrice(p.price) > 0) ?? plans[0]!;
  const usage = Object.fromEntries(
    catalog.pricing.meters.map((m) => {
      const included = plan.usage[m.id]?.included;
      return [m.id, typeof included === 'number' ? included : 0];
    }),
  );
  return { plan: plan.id, usage };
}

/** The text a numeric ROI field starts with: its roi.yaml default, money in the major unit. */
export function roiFieldText(input: RoiNumberInput): string {
  return fieldText(input.kind === 'money' ? input.default / MICROS_PER_UNIT : input.default);
}
