import { describe, expect, test } from 'vitest';
import {
  openPeriods,
  wallClockMinutes,
  worstCaseWallClock,
  type WeeklyHours,
} from '../../../packages/starlight-charter/lib/worst-case';

const H = 60;
const D = 24 * H;
const weekdays: WeeklyHours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const office: WeeklyHours = { days: weekdays, start: '09:00', end: '17:00' };
const extended: WeeklyHours = { days: weekdays, start: '08:00', end: '20:00' };
const always: WeeklyHours = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  start: '00:00',
  end: '24:00',
};
const daily: WeeklyHours = { ...always, start: '09:00', end: '17:00' };
const weekend: WeeklyHours = { days: ['sat', 'sun'], start: '00:00', end: '24:00' };
const sundayMonday: WeeklyHours = { days: ['sun', 'mon'], start: '00:00', end: '24:00' };

describe('worstCaseWallClock', () => {
  test.each([
    // Friday 17:00 is the worst start: wait the weekend, then count office hours.
    { name: 'office hours, 30 minutes', hours: office, minutes: 30, expected: 2 * D + 16 * H + 30 },
    { name: 'office hours, 8 hours', hours: office, minutes: 8 * H, expected: 3 * D },
    { name: 'office hours, 12 hours', hours: office, minutes: 12 * H, expected: 3 * D + 20 * H },
    { name: 'office hours, 24 hours', hours: office, minutes: 24 * H, expected: 5 * D },
    {
      name: 'office hours, 48 hours (crosses a second weekend)',
      hours: office,
      minutes: 48 * H,
      expected: 10 * D,
    },
    { name: 'extended hours, 4 hours', hours: extended, minutes: 4 * H, expected: 2 * D + 16 * H },
    { name: 'every day 09:00-17:00, 1 hour', hours: daily, minutes: H, expected: 17 * H },
    { name: 'weekends only, 1 hour', hours: weekend, minutes: H, expected: 5 * D + H },
    { name: 'Sunday and Monday, 1 hour', hours: sundayMonday, minutes: H, expected: 5 * D + H },
    { name: 'around the clock, 2 hours', hours: always, minutes: 2 * H, expected: 2 * H },
    { name: 'office hours, no time at all', hours: office, minutes: 0, expected: 0 },
  ])('returns the worst wall-clock time for $name', ({ hours, minutes, expected }) => {
    expect(worstCaseWallClock(minutes, hours)).toBe(expected);
  });

  test('never returns less than the business minutes themselves', () => {
    for (const minutes of [1, 59, 480, 481, 2400, 10_000]) {
      for (const hours of [office, extended, daily, weekend, always]) {
        expect(worstCaseWallClock(minutes, hours)).toBeGreaterThanOrEqual(minutes);
      }
    }
  });

  test.each([-1, Number.NaN, Infinity])('rejects %s minutes', (minutes) => {
    expect(() => worstCaseWallClock(minutes, office)).toThrow(RangeError);
  });
});

describe('openPeriods', () => {
  test('merges days that run into each other across midnight', () => {
    expect(openPeriods(weekend)).toEqual([[5 * D, 7 * D]]);
    expect(openPeriods(sundayMonday)).toEqual([[6 * D, 8 * D]]);
  });
});

describe('wallClockMinutes', () => {
  test.each([
    { clock: 'calendar' as const, expected: 8 * H },
    { clock: 'business' as const, expected: 3 * D },
  ])('counts an 8-hour target on the $clock clock as $expected minutes', ({ clock, expected }) => {
    expect(wallClockMinutes(8 * H, clock, office)).toBe(expected);
  });
});
