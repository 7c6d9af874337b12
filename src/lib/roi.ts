import type { Plan } from '../schemas/pricing.ts';
import type { RoiFile, RoiRule } from '../schemas/roi.ts';
import { monthlyCost, type Alerts, type MonthlyCost } from './cost.ts';
import { formatCount } from './format.ts';
import { multiply, roundToMinor, type Micros } from './money.ts';

/**
 * Return on investment and plan recommendation from intake answers. The formulas are listed in
 * ROI_FORMULAS so the methodology section on the page states exactly what this module computes.
 */

export interface RoiInputs {
  team_size: number;
  tasks_per_month: number;
  hours_per_task: number;
  /** Loaded cost of one staff hour, in micro-units. */
  hourly_cost: Micros;
  /** Share of tasks automated, in %. */
  automation_rate: number;
  departments: number;
  queries_per_task: number;
  years: number;
  needs_24x7: boolean;
  mission_critical: boolean;
}

/** Labels and units of the numeric inputs, shared by the form and the methodology section. */
export const ROI_FIELDS = [
  { key: 'team_size', label: 'Team size', unit: 'people' },
  { key: 'tasks_per_month', label: 'Tickets or tasks per month', unit: 'tasks' },
  { key: 'hours_per_task', label: 'Hours per task', unit: 'hours' },
  { key: 'hourly_cost', label: 'Loaded hourly cost', unit: 'money' },
  { key: 'automation_rate', label: 'Expected automation rate', unit: '%' },
  { key: 'departments', label: 'Departments using ABI', unit: 'departments' },
  { key: 'queries_per_task', label: 'Queries per task', unit: 'queries' },
  { key: 'years', label: 'Horizon', unit: 'years' },
] as const;

/** The formulas, in words, in the order the calculator applies them. */
export const ROI_FORMULAS = [
  ['Hours saved per month', 'tickets or tasks per month × hours per task × automation rate ÷ 100'],
  ['Annual savings', 'hours saved per month × 12 × loaded hourly cost'],
  [
    'Expected usage',
    'queries: tasks per month × queries per task; seats: team size; ingest within the quota',
  ],
  [
    'Recommended plan',
    'the lowest plan at or above the tier the rules require whose quotas cover the usage',
  ],
  ['Annual cost', "(the plan's monthly price + overage for the expected usage) × 12"],
  ['ROI', '(annual savings − annual cost) ÷ annual cost × 100'],
  ['Payback', 'annual cost ÷ (annual savings ÷ 12), in months'],
  ['Multi-year value', '(annual savings − annual cost) × horizon in years'],
] as const;

/** The calculator's starting answers: the data's defaults, with no yes/no question answered yes. */
export function roiDefaults(roi: RoiFile): RoiInputs {
  return { ...roi.defaults, needs_24x7: false, mission_critical: false };
}

export interface Recommendation {
  plan: Plan;
  /** Why this plan, as sentences. */
  reasons: string[];
  /** Whether the plan's quotas cover the expected queries and seats. */
  fits: boolean;
}

/** Whether a recommendation rule applies to the answers. */
export function ruleApplies(rule: RoiRule, inputs: RoiInputs): boolean {
  const value = inputs[rule.field];
  if (rule.equals !== undefined) return value === rule.equals;
  return typeof value === 'number' && value >= rule.at_least!;
}

/** Queries and seats the answers imply. */
export function expectedUsage(inputs: RoiInputs) {
  return {
    queries: Math.ceil(inputs.tasks_per_month * inputs.queries_per_task),
    ingest_gb: 0,
    seats: inputs.team_size,
  };
}

/**
 * The plan to recommend. `tierOrder` lists tier ids lowest first and `tierNames` names them.
 * The rules set a minimum tier (the first rule that sets the highest minimum gives the reason);
 * the recommendation is the lowest plan at or above it whose quotas cover the usage.
 */
export function recommendPlan(
  plans: Plan[],
  rules: RoiRule[],
  tierOrder: string[],
  tierNames: Record<string, string>,
  inputs: RoiInputs,
  locale = 'en-US',
): Recommendation {
  const rank = (tier: string) => tierOrder.indexOf(tier);
  let floor = -1;
  let reason: string | null = null;
  for (const rule of rules) {
    if (ruleApplies(rule, inputs) && rank(rule.min_tier) > floor) {
      floor = rank(rule.min_tier);
      reason = rule.reason;
    }
  }
  const usage = expectedUsage(inputs);
  const ordered = [...plans].sort((a, b) => rank(a.tier) - rank(b.tier));
  const covers = (p: Plan) =>
    p.included.queries >= usage.queries && p.included.seats >= usage.seats;
  const found = ordered.find((p) => rank(p.tier) >= floor && covers(p));
  const plan = found ?? ordered.at(-1)!;
  const name = tierNames[plan.tier] ?? plan.tier;
  const n = (x: number) => formatCount(x, locale);
  const reasons = reason ? [reason] : [];
  const need = `${n(usage.queries)} queries a month and ${n(usage.seats)} seats`;
  if (found) {
    reasons.push(
      `${name} includes ${n(plan.included.queries)} queries and ${n(plan.included.seats)} seats, which covers ${need}` +
        (reason ? '.' : `, and it is the lowest plan that does.`),
    );
  } else {
    reasons.push(
      `No plan includes ${need}; ${name} is the largest, and usage above its quotas is billed as overage or needs a quote.`,
    );
  }
  return { plan, reasons, fits: found !== undefined };
}

export interface RoiResult {
  hoursSavedPerMonth: number;
  annualSavings: Micros;
  cost: MonthlyCost;
  /** Null when the plan is priced on request or the usage does not fit it. */
  annualCost: Micros | null;
  /** Annual savings minus annual cost. */
  annualNet: Micros | null;
  /** Null when there is no annual cost to divide by. */
  roiPercent: number | null;
  /** Null when nothing is saved or the cost is unknown. */
  paybackMonths: number | null;
  multiYearValue: Micros | null;
}

/** The ROI figures for the answers on `plan`. */
export function roiFor(plan: Plan, inputs: RoiInputs, alerts: Alerts, currency: string): RoiResult {
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value === 'number' && !(value >= 0 && Number.isFinite(value)))
      throw new RangeError(`${key} must be 0 or more`);
  }
  const hoursSavedPerMonth =
    (inputs.tasks_per_month * inputs.hours_per_task * inputs.automation_rate) / 100;
  const annualSavings = roundToMinor(
    multiply(inputs.hourly_cost, hoursSavedPerMonth * 12),
    currency,
  );
  const cost = monthlyCost(plan, expectedUsage(inputs), alerts, currency);
  const annualCost = cost.total === null ? null : cost.total * 12;
  const annualNet = annualCost === null ? null : annualSavings - annualCost;
  const roiPercent =
    annualCost === null || annualCost === 0 ? null : (annualNet! / annualCost) * 100;
  const paybackMonths =
    annualCost === null || annualSavings === 0 ? null : (annualCost * 12) / annualSavings;
  const multiYearValue = annualNet === null ? null : annualNet * inputs.years;
  return {
    hoursSavedPerMonth,
    annualSavings,
    cost,
    annualCost,
    annualNet,
    roiPercent,
    paybackMonths,
    multiYearValue,
  };
}
