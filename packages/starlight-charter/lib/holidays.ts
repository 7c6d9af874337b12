import type { HolidaySet, SupportHours } from '../schemas/sla.ts';
import { english, type Translate } from './i18n.ts';

/**
 * Public holidays of a support-hours schedule, resolved from the data: the dates of the holiday
 * sets it names plus its own single dates. The clock (lib/sla-clock.ts) skips them; the SLA page,
 * the deadline calculator and the JSON API list them.
 */

/** Whether a `holidays` entry is a single date rather than a holiday-set id (the schema's rule). */
export const isHolidayDate = (entry: string) => /^\d{4}-/.test(entry);

/** One closed day of a schedule. */
export interface ListedHoliday {
  /** Local date in the schedule's zone, "2026-12-25". */
  date: string;
  /** The set's name for it, or null for a single date the schedule lists itself. */
  name: string | null;
  /** The id of the set it comes from, or null for a single date. */
  set: string | null;
}

export interface ScheduleHolidays {
  /** Sorted by date; a date two sets share is listed once, with the first set's name. */
  dates: ListedHoliday[];
  /** The sets named, in the schedule's order. */
  sets: HolidaySet[];
  /** Years every named set lists dates for, ascending; null when the schedule names no set. */
  years: number[] | null;
}

export function scheduleHolidays(
  holidaySets: readonly HolidaySet[],
  hours: Pick<SupportHours, 'holidays'>,
): ScheduleHolidays {
  const byDate = new Map<string, ListedHoliday>();
  const sets: HolidaySet[] = [];
  for (const entry of hours.holidays) {
    if (isHolidayDate(entry)) {
      if (!byDate.has(entry)) byDate.set(entry, { date: entry, name: null, set: null });
      continue;
    }
    const set = holidaySets.find((s) => s.id === entry);
    if (set === undefined)
      throw new Error(`Charter: holiday set "${entry}" is not defined in the data.`);
    sets.push(set);
    for (const holiday of Object.values(set.dates).flat()) {
      if (!byDate.has(holiday.date)) byDate.set(holiday.date, { ...holiday, set: set.id });
    }
  }
  const years =
    sets.length === 0
      ? null
      : sets
          .map((set) => Object.keys(set.dates).map(Number))
          // Integer keys come out of an object in ascending order: the years are sorted.
          .reduce((common, listed) => common.filter((year) => listed.includes(year)));
  return {
    // Each date is listed once, and YYYY-MM-DD sorts as text.
    dates: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    sets,
    years,
  };
}

/** The fields the clock reads: its closed dates and the years they are listed for. */
export function clockHolidays(
  holidaySets: readonly HolidaySet[],
  hours: Pick<SupportHours, 'holidays'>,
): { holiday_dates: string[]; holiday_years: number[] | null } {
  const { dates, years } = scheduleHolidays(holidaySets, hours);
  return { holiday_dates: dates.map((d) => d.date), holiday_years: years };
}

/** "2026–2027", "2026", or "2026, 2028" where the years are not consecutive. */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const consecutive = years.every((year, i) => i === 0 || year === years[i - 1]! + 1);
  if (consecutive) return years.length === 1 ? `${years[0]}` : `${years[0]}–${years.at(-1)}`;
  return years.join(', ');
}

/** "Friday, December 25, 2026": a holiday's local date, with its weekday, in `locale`. */
export function formatHolidayDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * "excluding public holidays: US federal holidays (listed for 2026–2027)": what a schedule's
 * hours leave out, in words from the data; null when it has no holidays.
 */
export function excludingHolidaysText(
  holidays: ScheduleHolidays,
  t: Translate = english,
): string | null {
  if (holidays.dates.length === 0 && holidays.sets.length === 0) return null;
  const single = holidays.dates.filter((d) => d.set === null).length;
  const parts = [
    ...holidays.sets.map((s) => s.name),
    ...(single > 0 ? [t('charter.holidays.closingDays', { count: single })] : []),
  ];
  const listed =
    holidays.years && holidays.years.length > 0
      ? t('charter.holidays.listedFor', { years: yearsText(holidays.years) })
      : '';
  return t('charter.holidays.excluding', {
    list: parts.join(t('charter.holidays.and')),
    listed,
  });
}
