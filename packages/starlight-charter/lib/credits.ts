import type { CreditBand, CreditSchedule } from '../schemas/credits.ts';
import { formatPercent } from './format.ts';
import { percentOf, type Micros } from './money.ts';
import { english, type Translate } from './i18n.ts';

/**
 * Service credits. Bands are half-open — `at_least <= uptime < below` — so an uptime exactly
 * on an edge belongs to the better (lower-credit) band, and uptime at or above the target
 * earns nothing. The SLA page's table and the credit calculator both use these functions.
 */

/** The band an uptime (in %) falls in, or null when it earns no credit. */
export function findBand(schedule: CreditSchedule, uptime: number): CreditBand | null {
  if (!(uptime >= 0 && uptime <= 100)) throw new RangeError(`uptime must be 0–100: ${uptime}`);
  return schedule.bands.find((band) => band.at_least <= uptime && uptime < band.below) ?? null;
}

export interface CreditResult {
  /** The matching band, or null above the target. */
  band: CreditBand | null;
  /** The band's credit in %, before the cap. */
  bandPercent: number;
  /** The credit in % of the monthly fee, after the cap. */
  percent: number;
  /** Whether the cap lowered the credit. */
  capped: boolean;
  /** Credit amount, rounded to the currency's minor unit. */
  amount: Micros;
}

/** The credit for a month with `uptime` % measured uptime and a monthly fee of `fee`. */
export function creditFor(
  schedule: CreditSchedule,
  capPercent: number,
  uptime: number,
  fee: Micros,
  currency: string,
): CreditResult {
  if (!(fee >= 0) || !Number.isSafeInteger(fee))
    throw new RangeError(`fee must be a whole number of micro-units: ${fee}`);
  const band = findBand(schedule, uptime);
  const bandPercent = band?.credit ?? 0;
  const percent = Math.min(bandPercent, capPercent);
  return {
    band,
    bandPercent,
    percent,
    capped: percent < bandPercent,
    amount: percentOf(fee, percent, currency),
  };
}

/** A band in words: "at least 98% and below 99.2%", or "below 90%" for a band from 0. */
export function describeBand(band: CreditBand, locale = 'en-US', t: Translate = english): string {
  const below = formatPercent(band.below, locale);
  return band.at_least === 0
    ? t('charter.credits.bandBelow', { below })
    : t('charter.credits.band', { atLeast: formatPercent(band.at_least, locale), below });
}

/** The uptime at or above which no credit is due: the top of the highest band. */
export function creditThreshold(schedule: CreditSchedule): number {
  return Math.max(...schedule.bands.map((b) => b.below));
}
