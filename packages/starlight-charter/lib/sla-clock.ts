import { TZDate } from '@date-fns/tz';
import { english, type Translate } from './i18n.ts';
import { addDays, startOfDay } from 'date-fns';
import type { Clock } from '../schemas/shared.ts';
import type { SupportHours, Weekday } from '../schemas/sla.ts';

/**
 * SLA deadlines. A calendar (24x7) clock counts every minute; a business-hours clock counts
 * only the minutes inside the support-hours schedule, read in the schedule's time zone (the
 * customer's own when the data says `customer`). Time-zone and DST arithmetic is done by
 * @date-fns/tz, so a day that is 23 or 25 hours long is handled by the library, not by us.
 */

export type Schedule = Pick<SupportHours, 'days' | 'start' | 'end'> & {
  /**
   * Local dates ("2026-12-25") in the schedule's zone on which it stays closed all day: its
   * public holidays, resolved from the data by lib/holidays.ts.
   */
  holiday_dates?: readonly string[];
  /** The years its holiday sets list dates for; null or absent when it names no set. */
  holiday_years?: readonly number[] | null;
};

const DAY_IDS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE_MS = 60_000;
/** Stops a schedule that never opens from looping for ever; about 27 years of days. */
const MAX_DAYS = 10_000;

function hoursAndMinutes(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number);
  return [h!, m!];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local date of `day` in its own zone, "2026-12-25". */
const dateOf = (day: TZDate) =>
  `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

/** The opening and closing instants of the schedule on the local day that contains `day`. */
function windowOn(day: TZDate, schedule: Schedule): { open: Date; close: Date } | null {
  if (!schedule.days.includes(DAY_IDS[day.getDay()]!)) return null;
  if (schedule.holiday_dates?.includes(dateOf(day))) return null;
  const midnight = startOfDay(day);
  const at = ([h, m]: [number, number]): Date =>
    h === 24
      ? startOfDay(addDays(midnight, 1))
      : new TZDate(
          midnight.getFullYear(),
          midnight.getMonth(),
          midnight.getDate(),
          h,
          m,
          day.timeZone!,
        );
  return { open: at(hoursAndMinutes(schedule.start)), close: at(hoursAndMinutes(schedule.end)) };
}

/** The first instant at or after `from` when the schedule is open (the moment a business clock starts). */
export function nextOpening(from: Date, schedule: Schedule, timeZone: string): Date {
  let day = new TZDate(from.getTime(), timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOn(day, schedule);
    if (window && from.getTime() < window.close.getTime()) {
      return new Date(Math.max(from.getTime(), window.open.getTime()));
    }
    day = startOfDay(addDays(day, 1));
  }
  throw new RangeError('the support-hours schedule never opens');
}

/** Whether the schedule is open at `at`. */
export function isOpen(at: Date, schedule: Schedule, timeZone: string): boolean {
  return nextOpening(at, schedule, timeZone).getTime() === at.getTime();
}

/**
 * The instant `minutes` business minutes after `from`. Minutes are counted only while the
 * schedule is open; a ticket opened outside hours starts counting at the next opening.
 */
export function addBusinessMinutes(
  from: Date,
  minutes: number,
  schedule: Schedule,
  timeZone: string,
): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes))
    throw new RangeError(`not a duration: ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  let at = from.getTime();
  let day = new TZDate(at, timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOn(day, schedule);
    if (window && at < window.close.getTime()) {
      at = Math.max(at, window.open.getTime());
      const available = window.close.getTime() - at;
      if (remaining <= available) return new Date(at + remaining);
      remaining -= available;
    }
    day = startOfDay(addDays(day, 1));
    at = Math.max(at, day.getTime());
  }
  throw new RangeError('the support-hours schedule never opens');
}

/** The instant `minutes` after `from` on the given clock. */
export function addClockMinutes(
  from: Date,
  minutes: number,
  clock: Clock,
  schedule: Schedule,
  timeZone: string,
): Date {
  if (clock === 'calendar') {
    if (!(minutes >= 0) || !Number.isFinite(minutes))
      throw new RangeError(`not a duration: ${minutes}`);
    return new Date(from.getTime() + minutes * MINUTE_MS);
  }
  return addBusinessMinutes(from, minutes, schedule, timeZone);
}

/** The time zone business hours are read in: the customer's, or the one the data names. */
export function scheduleZone(hours: Pick<SupportHours, 'time_zone'>, customerZone: string): string {
  return hours.time_zone === 'customer' ? customerZone : hours.time_zone;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) name in `timeZone`, or null when
 * they are not a real date and time. A time skipped by a DST change moves forward with the clocks.
 */
export function instantFromLocal(date: string, time: string, timeZone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || year! < 1970) return null;
  if (day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return null;
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, timeZone).getTime());
}

/** The local date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in `timeZone`, for form fields. */
export function localFields(at: Date, timeZone: string): { date: string; time: string } {
  const z = new TZDate(at.getTime(), timeZone);
  return { date: dateOf(z), time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

/**
 * The local years from `from` to `to` (in `timeZone`) for which the schedule's holiday sets list
 * no dates: a business-hours deadline there skips none of that year's holidays, so it may in fact
 * fall later. Empty when the schedule names no holiday set.
 */
export function yearsWithoutHolidays(
  from: Date,
  to: Date,
  schedule: Schedule,
  timeZone: string,
): number[] {
  const listed = schedule.holiday_years;
  if (!listed) return [];
  const missing: number[] = [];
  const last = new TZDate(to.getTime(), timeZone).getFullYear();
  for (let year = new TZDate(from.getTime(), timeZone).getFullYear(); year <= last; year++) {
    if (!listed.includes(year)) missing.push(year);
  }
  return missing;
}

/** "Monday, March 9, 2026 at 4:59 PM EDT": an instant with its weekday, in `timeZone`. */
export function formatInstant(at: Date, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

const WEEK_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A weekday's name in `locale`: 5 January 2026 was a Monday. */
function dayName(day: Weekday, locale: string): string {
  const date = new Date(Date.UTC(2026, 0, 5 + WEEK_ORDER.indexOf(day)));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** "Monday to Friday, 09:00–17:00" or "every day, around the clock". */
export function describeSchedule(
  schedule: Schedule,
  locale = 'en-US',
  t: Translate = english,
): string {
  const days = WEEK_ORDER.filter((d) => schedule.days.includes(d));
  const contiguous = days.every(
    (d, i) => i === 0 || WEEK_ORDER.indexOf(d) === WEEK_ORDER.indexOf(days[i - 1]!) + 1,
  );
  const dayText =
    days.length === 7
      ? t('charter.deadline.everyDay')
      : contiguous && days.length > 2
        ? t('charter.deadline.dayRange', {
            from: dayName(days[0]!, locale),
            to: dayName(days.at(-1)!, locale),
          })
        : days.map((d) => dayName(d, locale)).join(t('charter.calc.nameSeparator'));
  const hours =
    schedule.start === '00:00' && schedule.end === '24:00'
      ? t('charter.deadline.aroundTheClock')
      : `${schedule.start}–${schedule.end}`;
  return t('charter.deadline.schedule', { days: dayText, hours });
}
