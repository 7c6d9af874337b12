import type {
  AddOn,
  Allowance,
  Meter,
  OverageCharge,
  Plan,
  PricingFile,
} from '../schemas/pricing.ts';
import { basePrice, overageAmount, type PriceInput } from './charges.ts';
import { roundToMinor, type Micros } from './money.ts';

/**
 * Monthly cost of a plan for a given usage: the price (flat, per seat, from, share of spend)
 * plus overage on every meter above the plan's included amount, plus the add-ons taken. Each
 * line is rounded to the currency's minor unit, as an invoice would be, and the total is the
 * sum of the rounded lines, so the lines always add up to the total shown.
 */

/** Usage per meter id. */
export type Usage = Record<string, number>;
export type Alerts = PricingFile['usage_alerts'];

/** The company's pricing terms a cost is computed against. */
export interface PricingTerms {
  meters: Meter[];
  addOns: AddOn[];
  alerts: Alerts;
  currency: string;
}

export function pricingTerms(pricing: PricingFile, currency: string): PricingTerms {
  return {
    meters: pricing.meters,
    addOns: pricing.add_ons,
    alerts: pricing.usage_alerts,
    currency,
  };
}

/** How close usage is to an included amount: below the soft alert, at the soft or hard alert, or above it. */
export type AlertLevel = 'ok' | 'soft' | 'hard' | 'over';

export interface CostLine {
  meter: string;
  used: number;
  /** Included amount, with what add-ons add; 'unlimited' has no limit. */
  included: number | 'unlimited';
  /** Units above the included amount. */
  over: number;
  /** What units above it cost, or null when the meter is a hard limit on this plan. */
  charge: OverageCharge | null;
  /** Overage charged, rounded to the minor unit. */
  amount: Micros;
  /** Usage as a % of the included amount; null when that is 0 and something is used, or unlimited. */
  ratio: number | null;
  alert: AlertLevel;
}

export interface AddOnLine {
  addOn: AddOn;
  quantity: number;
  /** Null when the add-on is priced on request. */
  amount: Micros | null;
}

export interface CostInput extends PriceInput {
  usage: Usage;
  /** Add-on id → quantity taken (1 for an add-on with a flat price). */
  addOns?: Record<string, number>;
}

export interface MonthlyCost {
  plan: Plan;
  /** The plan's price this month, or null for a plan priced on request. */
  base: Micros | null;
  /** True when the plan's price is a starting price ("from"): the total is the least it costs. */
  from: boolean;
  lines: CostLine[];
  addOns: AddOnLine[];
  /** Add-ons asked for that this plan cannot take. */
  unavailable: string[];
  /** Base plus overage plus add-ons; null when anything is priced on request or the usage does not fit. */
  total: Micros | null;
  /** Meters whose usage exceeds a limit that allows no overage. */
  blocked: string[];
}

/** The alert level for usage at `ratio` % of an included amount. */
export function alertLevel(ratio: number | null, alerts: Alerts): AlertLevel {
  if (ratio === null) return 'over';
  if (ratio > 100) return 'over';
  if (ratio >= alerts.hard) return 'hard';
  if (ratio >= alerts.soft) return 'soft';
  return 'ok';
}

/** Usage as a % of an included amount, or null when it is 0 (any use is above it). */
export function usageRatio(used: number, included: number): number | null {
  if (included === 0) return used === 0 ? 0 : null;
  return (used / included) * 100;
}

/** A plan's allowance of a meter; throws when the data left it out (the loader prevents that). */
export function allowanceOf(plan: Plan, meterId: string): Allowance {
  const allowance = plan.usage[meterId];
  if (!allowance)
    throw new Error(`Charter: plan "${plan.id}" states nothing for meter "${meterId}".`);
  return allowance;
}

/** Whether a plan can take an add-on. */
export function takesAddOn(plan: Plan, addOn: AddOn): boolean {
  return addOn.available_for.includes(plan.id);
}

/** The included amount of a meter with what the add-ons taken add. */
export function includedWith(
  plan: Plan,
  meterId: string,
  addOns: AddOnLine[],
): number | 'unlimited' {
  const base = allowanceOf(plan, meterId).included;
  if (base === 'unlimited') return base;
  return addOns.reduce(
    (sum, line) => sum + (line.addOn.adds.included?.[meterId] ?? 0) * line.quantity,
    base,
  );
}

function checkAmount(what: string, n: number, whole: boolean): void {
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`${what} must be 0 or more: ${n}`);
  if (whole && !Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
}

/** The cost of one month on `plan` for `input`. */
export function monthlyCost(plan: Plan, input: CostInput, terms: PricingTerms): MonthlyCost {
  const { currency, alerts } = terms;
  const addOns: AddOnLine[] = [];
  const unavailable: string[] = [];
  for (const [id, quantity] of Object.entries(input.addOns ?? {})) {
    if (quantity === 0) continue;
    const addOn = terms.addOns.find((a) => a.id === id);
    if (!addOn) throw new Error(`Charter: add-on "${id}" is not defined in the data.`);
    checkAmount(`quantity of ${id}`, quantity, true);
    if (!takesAddOn(plan, addOn)) {
      unavailable.push(id);
      continue;
    }
    const price = addOn.price;
    const amount =
      price.model === 'contact-us'
        ? null
        : roundToMinor(
            price.model === 'flat' ? price.monthly : price.per_unit * quantity,
            currency,
          );
    addOns.push({ addOn, quantity: price.model === 'per-unit' ? quantity : 1, amount });
  }

  const blocked: string[] = [];
  const lines = terms.meters.map((meter): CostLine => {
    const used = input.usage[meter.id] ?? 0;
    checkAmount(`usage of ${meter.id}`, used, meter.whole);
    const included = includedWith(plan, meter.id, addOns);
    const charge = allowanceOf(plan, meter.id).overage ?? null;
    if (included === 'unlimited') {
      return {
        meter: meter.id,
        used,
        included,
        over: 0,
        charge,
        amount: 0,
        ratio: null,
        alert: 'ok',
      };
    }
    const over = Math.max(0, used - included);
    if (over > 0 && charge === null) blocked.push(meter.id);
    const amount = charge === null ? 0 : overageAmount(charge, over, currency);
    const ratio = usageRatio(used, included);
    return {
      meter: meter.id,
      used,
      included,
      over,
      charge,
      amount,
      ratio,
      alert: alertLevel(ratio, alerts),
    };
  });

  const base = basePrice(plan.price, input, currency);
  const overage = lines.reduce((sum, line) => sum + line.amount, 0);
  const extras = addOns.some((a) => a.amount === null)
    ? null
    : addOns.reduce((sum, a) => sum + a.amount!, 0);
  const total =
    base === null || extras === null || blocked.length > 0 || unavailable.length > 0
      ? null
      : base + overage + extras;
  return {
    plan,
    base,
    from: plan.price.model === 'from',
    lines,
    addOns,
    unavailable,
    total,
    blocked,
  };
}

export interface CheapestPlan {
  /** The plan with a set price and the lowest total for the input, or null when none can take it. */
  cheapest: MonthlyCost | null;
  /** Plans priced on request or from a starting price that could also take it; never counted as cheapest. */
  onRequest: Plan[];
}

/** The cheapest plan with a set price for `input`; ties go to the plan listed first (the lower tier). */
export function cheapestPlan(plans: Plan[], input: CostInput, terms: PricingTerms): CheapestPlan {
  let cheapest: MonthlyCost | null = null;
  const onRequest: Plan[] = [];
  for (const plan of plans) {
    const cost = monthlyCost(plan, input, terms);
    if (cost.blocked.length > 0 || cost.unavailable.length > 0) continue;
    if (cost.total === null || cost.from) onRequest.push(plan);
    else if (cheapest === null || cost.total < cheapest.total!) cheapest = cost;
  }
  return { cheapest, onRequest };
}

/** Whether a plan's included amounts cover `usage` on every meter it names. */
export function covers(plan: Plan, usage: Usage): boolean {
  return Object.entries(usage).every(([meter, used]) => {
    const included = allowanceOf(plan, meter).included;
    return included === 'unlimited' || included >= used;
  });
}
