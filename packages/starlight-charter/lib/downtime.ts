import { english, type Translate } from './i18n.ts';

/**
 * Downtime budgets. An "average" month is 365.25 / 12 days (30.4375), a year 365.25 days;
 * a calendar month has its real length (28–31 days).
 */
export const MINUTES_PER_DAY = 1440;
export const AVERAGE_YEAR_DAYS = 365.25;
export const AVERAGE_MONTH_DAYS = AVERAGE_YEAR_DAYS / 12;

/** Period lengths in minutes; their words, by language, come from periodWords. */
export const PERIODS = {
  day: { minutes: MINUTES_PER_DAY },
  week: { minutes: 7 * MINUTES_PER_DAY },
  month: { minutes: AVERAGE_MONTH_DAYS * MINUTES_PER_DAY },
  quarter: { minutes: (AVERAGE_YEAR_DAYS / 4) * MINUTES_PER_DAY },
  year: { minutes: AVERAGE_YEAR_DAYS * MINUTES_PER_DAY },
} as const;

export type PeriodName = keyof typeof PERIODS;

/** A period's words in a language: its name ("month") and the length it stands for. */
export function periodWords(name: PeriodName, t: Translate = english): PeriodWords {
  // Languages inflect the period by its place in a sentence, so each form is its own text.
  const words = {
    day: () => ({
      per: t('charter.downtime.day'),
      basis: t('charter.downtime.dayBasis'),
      one: t('charter.downtime.dayOne'),
      within: t('charter.downtime.dayWithin'),
    }),
    week: () => ({
      per: t('charter.downtime.week'),
      basis: t('charter.downtime.weekBasis'),
      one: t('charter.downtime.weekOne'),
      within: t('charter.downtime.weekWithin'),
    }),
    month: () => ({
      per: t('charter.downtime.month'),
      basis: t('charter.downtime.monthBasis'),
      one: t('charter.downtime.monthOne'),
      within: t('charter.downtime.monthWithin'),
    }),
    quarter: () => ({
      per: t('charter.downtime.quarter'),
      basis: t('charter.downtime.quarterBasis'),
      one: t('charter.downtime.quarterOne'),
      within: t('charter.downtime.quarterWithin'),
    }),
    year: () => ({
      per: t('charter.downtime.year'),
      basis: t('charter.downtime.yearBasis'),
      one: t('charter.downtime.yearOne'),
      within: t('charter.downtime.yearWithin'),
    }),
  };
  return words[name]();
}

// A type, not an interface, so it passes as a translation's values.
export type PeriodWords = {
  /** "Per month", a table row. */
  per: string;
  /** "an average month of 30.44 days (365.25 ÷ 12)". */
  basis: string;
  /** "a month", standing alone. */
  one: string;
  /** "in a month", what a downtime happens in. */
  within: string;
};

/** Days in a calendar month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a calendar month: ${year}-${month}`);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes in a calendar month; `month` is 1–12. */
export function minutesInMonth(year: number, month: number): number {
  return daysInMonth(year, month) * MINUTES_PER_DAY;
}

/** Rounds away floating-point noise so exact edges such as 99.5 stay exact. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Minutes of downtime an availability target (in %) allows in a period of `periodMinutes`. */
export function allowedDowntime(availability: number, periodMinutes: number): number {
  if (!(availability >= 0 && availability <= 100))
    throw new RangeError(`availability must be 0–100: ${availability}`);
  if (!(periodMinutes > 0) || !Number.isFinite(periodMinutes))
    throw new RangeError(`not a period: ${periodMinutes}`);
  return clean((periodMinutes * (100 - availability)) / 100);
}

/** Availability (in %) of a period with `downtimeMinutes` of downtime. */
export function availabilityFromDowntime(downtimeMinutes: number, periodMinutes: number): number {
  if (!(periodMinutes > 0) || !Number.isFinite(periodMinutes))
    throw new RangeError(`not a period: ${periodMinutes}`);
  if (!(downtimeMinutes >= 0 && downtimeMinutes <= periodMinutes)) {
    throw new RangeError(`downtime must be between 0 and the period length: ${downtimeMinutes}`);
  }
  return clean(((periodMinutes - downtimeMinutes) / periodMinutes) * 100);
}

/**
 * Formats minutes of downtime to the second: 43.8 → "43 minutes 48 seconds",
 * 263.0 → "4 hours 23 minutes", 0 → "0 seconds".
 */
export function formatDowntime(minutes: number, t: Translate = english): string {
  if (!(minutes >= 0) || !Number.isFinite(minutes))
    throw new RangeError(`not a duration: ${minutes}`);
  let seconds = Math.round(minutes * 60);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const mins = Math.floor(seconds / 60);
  seconds -= mins * 60;
  const parts = [
    days > 0 && t('charter.downtime.days', { count: days }),
    hours > 0 && t('charter.downtime.hours', { count: hours }),
    mins > 0 && t('charter.downtime.minutes', { count: mins }),
    seconds > 0 && t('charter.downtime.seconds', { count: seconds }),
  ].filter((part) => part !== false);
  return parts.length
    ? parts.join(t('charter.downtime.partSeparator'))
    : t('charter.downtime.seconds', { count: 0 });
}
