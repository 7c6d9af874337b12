import { formatCount, formatPercent } from './format.ts';

/** Support and success metrics: NPS, targets and red flags in words, change between two values. */

export interface NpsAnswers {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult {
  total: number;
  promoterPercent: number;
  detractorPercent: number;
  /** Promoter % minus detractor %, from -100 to 100. */
  score: number;
}

/** Net Promoter Score from counts of promoters (9-10), passives (7-8) and detractors (0-6). */
export function netPromoterScore({ promoters, passives, detractors }: NpsAnswers): NpsResult {
  const total = promoters + passives + detractors;
  if (!(total > 0)) throw new RangeError('NPS needs at least one answer');
  const promoterPercent = (promoters / total) * 100;
  const detractorPercent = (detractors / total) * 100;
  return {
    total,
    promoterPercent,
    detractorPercent,
    score: round(promoterPercent - detractorPercent),
  };
}

export type MetricUnit = '%' | 'points';

/** A metric value with its unit: 70 % → "70%", 8 points → "8". */
export function formatMetricValue(value: number, unit: MetricUnit, locale = 'en-US'): string {
  return unit === '%' ? formatPercent(value, locale) : formatCount(value, locale);
}

/** A target in words: { at_least: 70 } → "At least 70%". */
export function describeGoal(
  target: { at_least?: number; at_most?: number },
  unit: MetricUnit,
  locale = 'en-US',
): string {
  if (target.at_least !== undefined)
    return `At least ${formatMetricValue(target.at_least, unit, locale)}`;
  if (target.at_most !== undefined)
    return `At most ${formatMetricValue(target.at_most, unit, locale)}`;
  throw new RangeError('a target needs at_least or at_most');
}

/** A red flag in words: { below: 7, sustained: 'two consecutive months' } → "Below 7 for two consecutive months". */
export function describeRedFlag(
  flag: { above?: number; below?: number; sustained?: string },
  unit: MetricUnit,
  locale = 'en-US',
): string {
  let text: string;
  if (flag.below !== undefined) text = `Below ${formatMetricValue(flag.below, unit, locale)}`;
  else if (flag.above !== undefined) text = `Above ${formatMetricValue(flag.above, unit, locale)}`;
  else throw new RangeError('a red flag needs above or below');
  return flag.sustained ? `${text} for ${flag.sustained}` : text;
}

/** Change from one value to another in %, e.g. 120 → 45 is -62.5. Throws when `before` is 0. */
export function percentChange(before: number, after: number): number {
  if (before === 0) throw new RangeError('no percentage change from 0');
  return round(((after - before) / before) * 100);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
