import type { Plan, PricingFile, Unit } from '../schemas/pricing.ts';
// Kept here, not imported from the schema, so browser bundles do not pull in zod.
export const COST_UNITS: readonly Unit[] = ['queries', 'ingest_gb', 'seats'];
import { multiply, roundToMinor, type Micros } from './money.ts';

/**
 * Monthly cost of a plan for a given usage: the base price plus overage on every unit above the
 * plan's quota. Each line is rounded to the currency's minor unit, as an invoice would be, and
 * the total is the sum of the rounded lines, so the lines always add up to the total shown.
 */

export type Usage = Record<Unit, number>;
export type Alerts = PricingFile['usage_alerts'];

/** How close usage is to a quota: below the soft alert, at the soft or hard alert, or above the quota. */
export type AlertLevel = 'ok' | 'soft' | 'hard' | 'over';

export interface CostLine {
  unit: Unit;
  used: number;
  included: number;
  /** Units above the quota. */
  over: number;
  /** Price per unit above the quota, or null when this unit cannot go above the quota. */
  rate: Micros | null;
  /** Overage charged, rounded to the minor unit. */
  amount: Micros;
  /** Usage as a % of the quota; null when the quota is 0. */
  ratio: number | null;
  alert: AlertLevel;
}

export interface MonthlyCost {
  plan: Plan;
  /** Monthly base price, or null for a plan priced on request. */
  base: Micros | null;
  lines: CostLine[];
  /** Base plus overage, or null when the plan is priced on request or the usage does not fit. */
  total: Micros | null;
  /** Units whose usage exceeds a quota that allows no overage (e.g. seats). */
  blocked: Unit[];
}

/** The alert level for usage at `ratio` % of a quota. */
export function alertLevel(ratio: number | null, alerts: Alerts): AlertLevel {
  if (ratio === null) return 'over';
  if (ratio > 100) return 'over';
  if (ratio >= alerts.hard) return 'hard';
  if (ratio >= alerts.soft) return 'soft';
  return 'ok';
}

/** Usage as a % of a quota, or null when the quota is 0 (any use is above it). */
export function usageRatio(used: number, included: number): number | null {
  if (included === 0) return used === 0 ? 0 : null;
  return (used / included) * 100;
}

function checkUsage(usage: Usage): void {
  for (const unit of COST_UNITS) {
    const n = usage[unit];
    if (!(n >= 0) || !Number.isFinite(n))
      throw new RangeError(`usage of ${unit} must be 0 or more: ${n}`);
  }
}

/** The cost of one month on `plan` with `usage`. */
export function monthlyCost(
  plan: Plan,
  usage: Usage,
  alerts: Alerts,
  currency: string,
): MonthlyCost {
  checkUsage(usage);
  const blocked: Unit[] = [];
  const lines = COST_UNITS.map((unit): CostLine => {
    const used = usage[unit];
    const included = plan.included[unit];
    const over = Math.max(0, used - included);
    const rate = plan.overage[unit] ?? null;
    if (over > 0 && rate === null) blocked.push(unit);
    const amount = rate === null ? 0 : roundToMinor(multiply(rate, over), currency);
    const ratio = usageRatio(used, included);
    return { unit, used, included, over, rate, amount, ratio, alert: alertLevel(ratio, alerts) };
  });
  const base = plan.price === 'contact-us' ? null : plan.price.monthly;
  const overage = lines.reduce((sum, line) => sum + line.amount, 0);
  const total = base === null || blocked.length > 0 ? null : roundToMinor(base, currency) + overage;
  return { plan, base, lines, total, blocked };
}

export interface CheapestPlan {
  /** The priced plan with the lowest total for the usage, or null when no priced plan can take it. */
  cheapest: MonthlyCost | null;
  /** Plans priced on request that could also take the usage; never counted as cheapest. */
  onRequest: Plan[];
}

/** The cheapest priced plan for `usage`; ties go to the plan listed first (the lower tier). */
export function cheapestPlan(
  plans: Plan[],
  usage: Usage,
  alerts: Alerts,
  currency: string,
): CheapestPlan {
  let cheapest: MonthlyCost | null = null;
  const onRequest: Plan[] = [];
  for (const plan of plans) {
    const cost = monthlyCost(plan, usage, alerts, currency);
    if (cost.blocked.length > 0) continue;
    if (cost.total === null) onRequest.push(plan);
    else if (cheapest === null || cost.total < cheapest.total!) cheapest = cost;
  }
  return { cheapest, onRequest };
}
