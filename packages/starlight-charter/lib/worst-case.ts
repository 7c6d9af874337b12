import type { Clock } from '../schemas/shared.ts';
import { WEEKDAYS, type Weekday } from '../schemas/sla.ts';

/** The part of a support-hours schedule that decides when a business-hours clock runs. */
export interface WeeklyHours {
  days: readonly Weekday[];
  /** "09:00" */
  start: string;
  /** "17:00" or "24:00" */
  end: string;
}

const DAY = 1440;
const WEEK = 7 * DAY;

function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Open periods of one week as [start, end) minutes from Monday 00:00, touching periods merged. */
export function openPeriods(hours: WeeklyHours): [number, number][] {
  const start = minutesOfDay(hours.start);
  const end = minutesOfDay(hours.end);
  const periods = WEEKDAYS.flatMap((day, i): [number, number][] =>
    hours.days.includes(day) && end > start ? [[i * DAY + start, i * DAY + end]] : [],
  );
  const merged: [number, number][] = [];
  for (const p of periods) {
    const last = merged[merged.length - 1];
    if (last && last[1] === p[0]) last[1] = p[1];
    else merged.push([p[0], p[1]]);
  }
  // Sunday night running into Monday morning is one period too.
  if (merged.length > 1 && merged[0]![0] === 0 && merged[merged.length - 1]![1] === WEEK) {
    const first = merged.shift()!;
    merged[merged.length - 1]![1] = WEEK + first[1];
  }
  return merged;
}

/**
 * The longest wall-clock time, in minutes, that `minutes` of business time can take on a weekly
 * schedule. The worst start is the moment a period closes (e.g. Friday 17:00): the clock then
 * waits for the next opening. A schedule open around the clock gives `minutes` back.
 */
export function worstCaseWallClock(minutes: number, hours: WeeklyHours): number {
  if (!(minutes >= 0) || !Number.isFinite(minutes))
    throw new RangeError(`not a duration: ${minutes}`);
  const periods = openPeriods(hours);
  if (periods.length === 0) throw new RangeError('the schedule has no open hours');
  const first = periods[0]!;
  if (periods.length === 1 && first[1] - first[0] >= WEEK) return minutes;
  if (minutes === 0) return 0;
  let worst = 0;
  for (let k = 0; k < periods.length; k++) {
    const closes = periods[k]![1];
    let left = minutes;
    // Walk the following periods, week after week, until the business minutes are used up.
    for (let j = 1; ; j++) {
      const index = (k + j) % periods.length;
      const weeks = Math.floor((k + j) / periods.length);
      const [open, close] = periods[index]!;
      const from = open + weeks * WEEK;
      const length = close - open;
      if (left <= length) {
        worst = Math.max(worst, from + left - closes);
        break;
      }
      left -= length;
    }
  }
  return worst;
}

/** Wall-clock worst case of a target on its clock: calendar targets are already wall-clock. */
export function wallClockMinutes(minutes: number, clock: Clock, hours: WeeklyHours): number {
  return clock === 'calendar' ? minutes : worstCaseWallClock(minutes, hours);
}
