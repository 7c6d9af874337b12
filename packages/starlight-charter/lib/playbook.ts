import { formatDuration } from './duration.ts';
import { formatCount, formatPercent } from './format.ts';
import { english, type Translate } from './i18n.ts';
import { MICROS_PER_UNIT, type Micros } from './money.ts';

/** Playbook figures derived from playbook.yaml: alert conditions, shifts, staffing cost. */

export interface Condition {
  metric: string;
  above?: number;
  below?: number;
  unit: string;
  /** Minutes the condition must hold. */
  for: number;
}

/** An alert condition in words: "API error rate above 3% for 10 minutes". */
export function describeCondition(c: Condition, locale = 'en-US', t: Translate = english): string {
  const value = c.above ?? c.below;
  if (value === undefined) throw new RangeError(`condition on "${c.metric}" needs above or below`);
  const amount =
    c.unit === '%'
      ? formatPercent(value, locale)
      : t('charter.calc.numberWithUnit', { number: formatCount(value, locale), unit: c.unit });
  const key =
    c.above !== undefined ? 'charter.playbook.conditionAbove' : 'charter.playbook.conditionBelow';
  return t(key, { metric: c.metric, amount, duration: formatDuration(c.for, t) });
}

/** An hour of the UTC day as a clock time: 8 → "08:00", 24 → "24:00". */
export function formatUtcHour(hour: number): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 24)
    throw new RangeError(`not an hour of the day: ${hour}`);
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A shift in words: "00:00–08:00 UTC (8 hours)". */
export function describeShift(startHour: number, endHour: number, t: Translate = english): string {
  return t('charter.playbook.shift', {
    start: formatUtcHour(startHour),
    end: formatUtcHour(endHour),
    hours: t('charter.duration.hours', { count: endHour - startHour }),
  });
}

export interface StageCosts {
  staff_cost_per_quarter: Micros;
  tools_per_month: Micros;
  revenue_per_quarter: Micros;
}

export const MONTHS_PER_QUARTER = 3;

/** A stage's cost for one quarter: staff plus three months of tools, in micro-units. */
export function quarterlyCost(stage: StageCosts): Micros {
  return stage.staff_cost_per_quarter + stage.tools_per_month * MONTHS_PER_QUARTER;
}

/** Support cost as a % of the quarter's revenue, to two decimals. */
export function costShareOfRevenue(stage: StageCosts): number {
  if (!(stage.revenue_per_quarter > 0)) throw new RangeError('revenue must be above 0');
  return Math.round((quarterlyCost(stage) / stage.revenue_per_quarter) * 100 * 100) / 100;
}

/** Where a cost share stands against the target and red flag. */
export function costShareStatus(
  share: number,
  targetPercent: number,
  redFlagPercent: number,
): 'within' | 'over' | 'red-flag' {
  if (share > redFlagPercent) return 'red-flag';
  return share < targetPercent ? 'within' : 'over';
}

/** A customer range: { from: 6, to: 15 } → "6–15", { from: 40 } → "40+". */
export function describeCustomerRange(
  range: { from: number; to?: number },
  locale = 'en-US',
): string {
  return range.to === undefined
    ? `${formatCount(range.from, locale)}+`
    : `${formatCount(range.from, locale)}–${formatCount(range.to, locale)}`;
}

/** Micro-units to a plain number of major units, for chart scales. */
export function toUnits(micros: Micros): number {
  return micros / MICROS_PER_UNIT;
}
