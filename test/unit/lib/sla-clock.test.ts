import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import {
  addBusinessMinutes,
  addClockMinutes,
  describeSchedule,
  formatInstant,
  instantFromLocal,
  isOpen,
  isTimeZone,
  localFields,
  nextOpening,
  scheduleZone,
  yearsWithoutHolidays,
  type Schedule,
} from '../../../packages/starlight-charter/lib/sla-clock';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { clockHolidays } from '../../../packages/starlight-charter/lib/holidays';
import { SAMPLE, WEE } from '../../support/sites';

// Schedules written for the test, independent of data/.
const weekdays: Schedule = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
};
const always: Schedule = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  start: '00:00',
  end: '24:00',
};
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const at = (date: string, time: string, zone: string) => instantFromLocal(date, time, zone)!;
const local = (d: Date, zone: string) => {
  const f = localFields(d, zone);
  return `${f.date} ${f.time}`;
};

describe('addBusinessMinutes', () => {
  // 2026-03-06 is a Friday; US clocks go forward on Sunday 2026-03-08.
  test.each([
    ['Friday 16:59 + 1 minute ends at Friday close', '2026-03-06', '16:59', 1, '2026-03-06 17:00'],
    ['Friday 16:59 + 2 minutes rolls to Monday', '2026-03-06', '16:59', 2, '2026-03-09 09:01'],
    [
      'Friday 16:59 + 8 hours, across a weekend and a DST change',
      '2026-03-06',
      '16:59',
      480,
      '2026-03-09 16:59',
    ],
    ['Friday 16:59 + 4 hours', '2026-03-06', '16:59', 240, '2026-03-09 12:59'],
    ['opened Saturday starts Monday 09:00', '2026-03-07', '11:00', 60, '2026-03-09 10:00'],
    ['opened before hours starts at 09:00', '2026-03-10', '06:30', 30, '2026-03-10 09:30'],
    ['opened after hours starts next morning', '2026-03-10', '18:00', 30, '2026-03-11 09:30'],
    ['48 hours span six working days', '2026-03-09', '09:00', 2880, '2026-03-16 17:00'],
    ['zero minutes inside hours is now', '2026-03-10', '10:15', 0, '2026-03-10 10:15'],
  ])('%s', (_, date, time, minutes, expected) => {
    expect(local(addBusinessMinutes(at(date, time, NY), minutes, weekdays, NY), NY)).toBe(expected);
  });

  test('counts real elapsed minutes on a 23-hour DST day of an around-the-clock schedule', () => {
    // Berlin skips 02:00–03:00 on 2026-03-29, so 24 hours from Sunday midnight ends at 01:00 Monday.
    const end = addBusinessMinutes(at('2026-03-29', '00:00', BERLIN), 1440, always, BERLIN);
    expect(local(end, BERLIN)).toBe('2026-03-30 01:00');
    expect(end.getTime() - at('2026-03-29', '00:00', BERLIN).getTime()).toBe(1440 * 60_000);
  });
  test('keeps 09:00 local across the autumn DST change', () => {
    // Berlin goes back on 2026-10-25; Friday 17:00 + 1 minute is Monday 09:01 local time.
    expect(
      local(addBusinessMinutes(at('2026-10-23', '16:59', BERLIN), 2, weekdays, BERLIN), BERLIN),
    ).toBe('2026-10-26 09:01');
  });
  test('reads the schedule in the given zone', () => {
    const opened = at('2026-03-10', '16:00', 'UTC');
    expect(local(addBusinessMinutes(opened, 60, weekdays, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      '2026-03-11 10:00',
    );
  });
  test.each([-1, Number.NaN, Infinity])('rejects %s minutes', (m) => {
    expect(() => addBusinessMinutes(new Date(0), m, weekdays, NY)).toThrow(RangeError);
  });
  test('rejects a schedule that never opens', () => {
    expect(() =>
      addBusinessMinutes(new Date(0), 1, { days: [], start: '09:00', end: '17:00' }, NY),
    ).toThrow(
      expect.objectContaining({
        name: 'RangeError',
        message: 'the support-hours schedule never opens',
      }),
    );
  });

  test('counts seconds past the minute into the next working day', () => {
    const opened = at('2026-08-26', '16:48', BERLIN);
    const end = addBusinessMinutes(new Date(opened.getTime() + 1000), 12, weekdays, BERLIN);
    expect(end.getTime() - at('2026-08-27', '09:00', BERLIN).getTime()).toBe(1000);
  });

  test('always lands inside hours and never before the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3e9 }),
        fc.integer({ min: 1, max: 10_000 }),
        (offsetSeconds, minutes) => {
          const from = new Date(Date.UTC(2026, 0, 1) + offsetSeconds * 1000);
          const end = addBusinessMinutes(from, minutes, weekdays, BERLIN);
          // The last instant counted lies inside hours. (A whole minute before the end may not:
          // opened at 16:48:01, 12 minutes end at 09:00:01 the next working day.)
          const justBefore = new Date(end.getTime() - 1);
          return end > from && isOpen(justBefore, weekdays, BERLIN);
        },
      ),
    );
  });
  test('adds in steps: a + b equals adding a then b', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3e7 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (o, a, b) => {
          const from = new Date(Date.UTC(2026, 0, 1) + o * 60_000);
          const once = addBusinessMinutes(from, a + b, weekdays, NY);
          const twice = addBusinessMinutes(
            addBusinessMinutes(from, a, weekdays, NY),
            b,
            weekdays,
            NY,
          );
          return once.getTime() === twice.getTime();
        },
      ),
    );
  });
});

describe('addClockMinutes', () => {
  test('counts plain minutes on the calendar clock, through weekends and DST', () => {
    const from = at('2026-03-06', '16:59', NY);
    expect(addClockMinutes(from, 480, 'calendar', weekdays, NY).getTime() - from.getTime()).toBe(
      480 * 60_000,
    );
  });
  test('counts business minutes on the business clock', () => {
    expect(
      local(addClockMinutes(at('2026-03-06', '16:59', NY), 480, 'business', weekdays, NY), NY),
    ).toBe('2026-03-09 16:59');
  });
});

describe('nextOpening and isOpen', () => {
  test.each([
    ['2026-03-07', '12:00', '2026-03-09 09:00'],
    ['2026-03-09', '09:00', '2026-03-09 09:00'],
    ['2026-03-09', '17:00', '2026-03-10 09:00'],
  ])('opens after %s %s at %s', (date, time, expected) => {
    expect(local(nextOpening(at(date, time, NY), weekdays, NY), NY)).toBe(expected);
  });
  test.each([
    ['2026-03-09', '08:59', false],
    ['2026-03-09', '09:00', true],
    ['2026-03-09', '16:59', true],
    ['2026-03-09', '17:00', false],
    ['2026-03-08', '12:00', false],
  ])('%s %s open: %s', (date, time, open) =>
    expect(isOpen(at(date, time, NY), weekdays, NY)).toBe(open),
  );
});

describe('instantFromLocal', () => {
  test('reads a wall-clock time in its zone', () => {
    expect(at('2026-03-06', '16:59', NY).toISOString()).toBe('2026-03-06T21:59:00.000Z');
    expect(at('2026-07-06', '16:59', NY).toISOString()).toBe('2026-07-06T20:59:00.000Z');
  });
  test.each([
    ['2026-02-30', '10:00', NY],
    ['2026-13-01', '10:00', NY],
    ['2026-03-06', '24:30', NY],
    ['2026-03-06', '10:00', 'Mars/Olympus'],
    ['06/03/2026', '10:00', NY],
  ])('rejects %s %s %s', (date, time, zone) =>
    expect(instantFromLocal(date, time, zone)).toBeNull(),
  );
  test('round-trips through localFields', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e8 }), (minutes) => {
        const d = new Date(Date.UTC(2025, 0, 1) + minutes * 60_000);
        const f = localFields(d, 'UTC');
        return instantFromLocal(f.date, f.time, 'UTC')!.getTime() === d.getTime();
      }),
    );
  });
});

describe('helpers', () => {
  test('formats an instant with its weekday in the zone', () => {
    expect(formatInstant(at('2026-03-09', '16:59', NY), NY)).toBe(
      'Monday, March 9, 2026 at 4:59 PM EDT',
    );
  });
  test.each([
    [weekdays, 'Monday to Friday, 09:00–17:00'],
    [always, 'every day, around the clock'],
    [
      { days: ['sat', 'mon'], start: '10:00', end: '12:00' } as Schedule,
      'Monday, Saturday, 10:00–12:00',
    ],
  ])('describes a schedule as %#', (schedule, text) =>
    expect(describeSchedule(schedule)).toBe(text),
  );
  test.each([
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['<script>', false],
    ['', false],
  ])('isTimeZone(%j) is %s', (zone, ok) => expect(isTimeZone(zone)).toBe(ok));
  test('uses the customer zone when the data says "customer"', () => {
    expect(scheduleZone({ time_zone: 'customer' }, NY)).toBe(NY);
    expect(scheduleZone({ time_zone: BERLIN }, NY)).toBe(BERLIN);
  });
});

// What a customer would see go wrong: a deadline placed outside hours, a wall-clock time read
// leniently, a schedule described wrongly. Written against the business-hours window edges.
describe('business-hours window edges', () => {
  test('a ticket opened exactly at closing time starts counting at the next opening', () => {
    expect(local(addBusinessMinutes(at('2026-03-10', '17:00', NY), 1, weekdays, NY), NY)).toBe(
      '2026-03-11 09:01',
    );
  });
  test('a zero-minute target set at closing time falls due at the next opening', () => {
    expect(local(addBusinessMinutes(at('2026-03-10', '17:00', NY), 0, weekdays, NY), NY)).toBe(
      '2026-03-11 09:00',
    );
  });
  test('a ticket opened exactly at opening time counts from that minute', () => {
    expect(local(addBusinessMinutes(at('2026-03-10', '09:00', NY), 1, weekdays, NY), NY)).toBe(
      '2026-03-10 09:01',
    );
  });
  test('a deadline that uses up the working day exactly ends at closing, not the next morning', () => {
    expect(local(addBusinessMinutes(at('2026-03-10', '09:00', NY), 480, weekdays, NY), NY)).toBe(
      '2026-03-10 17:00',
    );
  });
  test('one minute past a full day rolls over the night', () => {
    expect(local(addBusinessMinutes(at('2026-03-10', '09:00', NY), 481, weekdays, NY), NY)).toBe(
      '2026-03-11 09:01',
    );
  });
  test('a schedule ending at 24:00 counts through midnight into the next open day', () => {
    const late: Schedule = { days: ['mon', 'tue'], start: '20:00', end: '24:00' };
    expect(local(addBusinessMinutes(at('2026-03-09', '23:30', NY), 60, late, NY), NY)).toBe(
      '2026-03-10 20:30',
    );
    expect(isOpen(at('2026-03-09', '23:59', NY), late, NY)).toBe(true);
    expect(isOpen(at('2026-03-10', '00:00', NY), late, NY)).toBe(false);
  });
  test('the next opening of a closed moment is the next window, never a past one', () => {
    expect(local(nextOpening(at('2026-03-10', '17:01', NY), weekdays, NY), NY)).toBe(
      '2026-03-11 09:00',
    );
    expect(local(nextOpening(at('2026-03-10', '12:34', NY), weekdays, NY), NY)).toBe(
      '2026-03-10 12:34',
    );
  });
  test('explains a schedule that never opens', () => {
    const never: Schedule = { days: [], start: '09:00', end: '17:00' };
    expect(() => nextOpening(new Date(0), never, NY)).toThrow(
      'the support-hours schedule never opens',
    );
  });
  test('names the duration it refuses, on either clock', () => {
    expect(() => addBusinessMinutes(new Date(0), -5, weekdays, NY)).toThrow('not a duration: -5');
    expect(() => addClockMinutes(new Date(0), -5, 'calendar', weekdays, NY)).toThrow(
      'not a duration: -5',
    );
    expect(() => addClockMinutes(new Date(0), Infinity, 'calendar', weekdays, NY)).toThrow(
      'not a duration: Infinity',
    );
    expect(addClockMinutes(new Date(0), 0, 'calendar', weekdays, NY).getTime()).toBe(0);
  });
});

test('a UTC offset is not an IANA time zone, though Intl would take it', () => {
  expect(isTimeZone('+01:00')).toBe(false);
  expect(isTimeZone('Etc/GMT-14')).toBe(true);
});

describe('instantFromLocal refuses what is not a date and time', () => {
  test.each([
    ['2026-03-06x', '10:00'],
    ['x2026-03-06', '10:00'],
    ['2026-03-06', '10:005'],
    ['2026-03-06', '110:00'],
    ['2026-00-10', '10:00'],
    ['2026-03-00', '10:00'],
    ['2026-03-06', '10:60'],
    ['2026-03-06', '24:00'],
    ['1969-12-31', '23:59'],
  ])('rejects %s %s', (date, time) => expect(instantFromLocal(date, time, 'UTC')).toBeNull());
  test('accepts the first and last minute of a month and of the first year it knows', () => {
    expect(instantFromLocal('1970-01-01', '00:00', 'UTC')!.getTime()).toBe(0);
    expect(instantFromLocal('2026-02-28', '23:59', 'UTC')!.toISOString()).toBe(
      '2026-02-28T23:59:00.000Z',
    );
    expect(instantFromLocal('2026-12-31', '00:00', 'UTC')!.toISOString()).toBe(
      '2026-12-31T00:00:00.000Z',
    );
  });
});

describe('describeSchedule, in words', () => {
  test.each([
    [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '12:00' },
      'every day, 00:00–12:00',
    ],
    [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '08:00', end: '24:00' },
      'every day, 08:00–24:00',
    ],
    [{ days: ['mon', 'tue'], start: '09:00', end: '17:00' }, 'Monday, Tuesday, 09:00–17:00'],
    [
      { days: ['wed', 'tue', 'mon'], start: '09:00', end: '17:00' },
      'Monday to Wednesday, 09:00–17:00',
    ],
    [
      { days: ['mon', 'tue', 'thu'], start: '09:00', end: '17:00' },
      'Monday, Tuesday, Thursday, 09:00–17:00',
    ],
    [
      { days: ['tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
      'Tuesday to Friday, 09:00–17:00',
    ],
    [{ days: ['sat', 'sun'], start: '00:00', end: '24:00' }, 'Saturday, Sunday, around the clock'],
  ] as [Schedule, string][])('describes %j', (schedule, text) =>
    expect(describeSchedule(schedule)).toBe(text),
  );
});

describe('describeSchedule in the site’s language', () => {
  const weekday = (locale: string, day: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 0, 4 + day)),
    );
  test.each([
    ['de', 'de-DE'],
    ['ja', 'ja-JP'],
  ])('%s: day names from Intl, words from the locale file', (language, locale) => {
    const m = messagesFor(language);
    const t = translator(language);
    const fill = (text: string, values: Record<string, string>) =>
      text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
    const weekdays = { days: ['fri', 'mon', 'wed', 'thu', 'tue'], start: '09:00', end: '17:00' };
    expect(describeSchedule(weekdays as Schedule, locale, t)).toBe(
      fill(m['charter.deadline.schedule']!, {
        days: fill(m['charter.deadline.dayRange']!, {
          from: weekday(locale, 1),
          to: weekday(locale, 5),
        }),
        hours: '09:00–17:00',
      }),
    );
    const weekend = { days: ['sat', 'sun'], start: '00:00', end: '24:00' };
    expect(describeSchedule(weekend as Schedule, locale, t)).toBe(
      fill(m['charter.deadline.schedule']!, {
        days: weekday(locale, 6) + m['charter.calc.nameSeparator'] + weekday(locale, 7),
        hours: m['charter.deadline.aroundTheClock']!,
      }),
    );
  });
  test('reads naturally', () => {
    const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
    expect(describeSchedule(weekdays as Schedule, 'de-DE', translator('de'))).toBe(
      'Montag bis Freitag, 09:00–17:00',
    );
    expect(describeSchedule(weekdays as Schedule, 'ja-JP', translator('ja'))).toBe(
      '月曜日〜金曜日 09:00–17:00',
    );
  });
});

describe('public holidays', () => {
  // 2026-11-26 is a Thursday (US Thanksgiving); 2026-12-24/25 a Thursday and Friday.
  const withHolidays = (schedule: Schedule, holiday_dates: string[]): Schedule => ({
    ...schedule,
    holiday_dates,
  });
  const thanksgiving = withHolidays(weekdays, ['2026-11-26']);

  test('a deadline that crosses a holiday resumes on the next working day', () => {
    // 4 hours asked at 15:00 on the day before: 2 hours that day (15–17), none on the holiday,
    // 2 more from 09:00 the day after, so 11:00.
    expect(
      local(addBusinessMinutes(at('2026-11-25', '15:00', NY), 240, thanksgiving, NY), NY),
    ).toBe('2026-11-27 11:00');
    // Without the holiday the same 4 hours end on the Thursday.
    expect(local(addBusinessMinutes(at('2026-11-25', '15:00', NY), 240, weekdays, NY), NY)).toBe(
      '2026-11-26 11:00',
    );
  });
  test('a ticket opened on a holiday starts counting at the next working day', () => {
    const opened = at('2026-11-26', '10:00', NY);
    expect(isOpen(opened, thanksgiving, NY)).toBe(false);
    expect(isOpen(opened, weekdays, NY)).toBe(true);
    expect(local(nextOpening(opened, thanksgiving, NY), NY)).toBe('2026-11-27 09:00');
    expect(local(addBusinessMinutes(opened, 30, thanksgiving, NY), NY)).toBe('2026-11-27 09:30');
  });
  test('the whole local day is closed, from midnight to midnight', () => {
    expect(isOpen(at('2026-11-25', '23:59', NY), withHolidays(always, ['2026-11-26']), NY)).toBe(
      true,
    );
    expect(isOpen(at('2026-11-26', '00:00', NY), withHolidays(always, ['2026-11-26']), NY)).toBe(
      false,
    );
    expect(isOpen(at('2026-11-26', '23:59', NY), withHolidays(always, ['2026-11-26']), NY)).toBe(
      false,
    );
    expect(isOpen(at('2026-11-27', '00:00', NY), withHolidays(always, ['2026-11-26']), NY)).toBe(
      true,
    );
  });
  test('a holiday on a weekend changes nothing for a weekday schedule, and closes a 7-day one', () => {
    // 2026-12-26 is a Saturday. Friday 16:00 + 2 hours:
    const friday = at('2026-12-18', '16:00', BERLIN);
    const saturday = ['2026-12-19'];
    expect(
      local(addBusinessMinutes(friday, 120, withHolidays(weekdays, saturday), BERLIN), BERLIN),
    ).toBe('2026-12-21 10:00');
    const everyDay: Schedule = { ...weekdays, days: [...always.days] };
    expect(local(addBusinessMinutes(friday, 120, everyDay, BERLIN), BERLIN)).toBe(
      '2026-12-19 10:00',
    );
    expect(
      local(addBusinessMinutes(friday, 120, withHolidays(everyDay, saturday), BERLIN), BERLIN),
    ).toBe('2026-12-20 10:00');
  });
  test('consecutive holidays before a weekend are skipped together', () => {
    // Wednesday 2026-12-23 16:00 + 2 hours, Thursday and Friday closed: Monday 10:00.
    const christmas = withHolidays(weekdays, ['2026-12-24', '2026-12-25']);
    expect(local(addBusinessMinutes(at('2026-12-23', '16:00', NY), 120, christmas, NY), NY)).toBe(
      '2026-12-28 10:00',
    );
  });
  test('a holiday next to a DST change counts real minutes', () => {
    // Berlin goes to summer time on Sunday 2026-03-29; Monday 03-30 is a holiday here.
    // Friday 16:00 CET (15:00Z) + 2 hours: 1 hour on Friday, 1 hour from 09:00 CEST (07:00Z) on
    // Tuesday 03-31, so 08:00Z.
    const end = addBusinessMinutes(
      at('2026-03-27', '16:00', BERLIN),
      120,
      withHolidays(weekdays, ['2026-03-30']),
      BERLIN,
    );
    expect(end.toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });
  test('a holiday is the date where the schedule is read: one instant, two zones', () => {
    // 2026-11-27 01:00Z is Friday 10:00 in Tokyo, but still Thursday 15:00 in Honolulu.
    const instant = new Date('2026-11-27T01:00:00Z');
    expect(isOpen(instant, thanksgiving, 'Asia/Tokyo')).toBe(true);
    expect(isOpen(instant, thanksgiving, 'Pacific/Honolulu')).toBe(false);
    expect(isOpen(instant, weekdays, 'Pacific/Honolulu')).toBe(true);
    expect(scheduleZone({ time_zone: 'customer' }, 'Pacific/Honolulu')).toBe('Pacific/Honolulu');
  });
  test('a schedule whose every open day is a holiday never opens', () => {
    const mondays: Schedule = { days: ['mon'], start: '09:00', end: '17:00' };
    const allMondays: string[] = [];
    for (let d = Date.UTC(2026, 0, 5); d < Date.UTC(2056, 0, 1); d += 7 * 86_400_000) {
      allMondays.push(new Date(d).toISOString().slice(0, 10));
    }
    expect(() =>
      addBusinessMinutes(
        at('2026-01-01', '00:00', 'UTC'),
        1,
        withHolidays(mondays, allMondays),
        'UTC',
      ),
    ).toThrow('the support-hours schedule never opens');
  });
  test('formats the local date with two digits for month and day', () => {
    // 2026-01-05 (Monday) closed; a single-digit month or day written without its zero would not match.
    expect(isOpen(at('2026-01-05', '10:00', NY), withHolidays(weekdays, ['2026-01-05']), NY)).toBe(
      false,
    );
    expect(isOpen(at('2026-01-05', '10:00', NY), withHolidays(weekdays, ['2026-1-5']), NY)).toBe(
      true,
    );
  });
});

describe('yearsWithoutHolidays', () => {
  const listed: Schedule = { ...weekdays, holiday_dates: [], holiday_years: [2026, 2027] };
  test.each([
    ['2026-03-02', '2027-12-31', []],
    ['2027-12-30', '2028-01-04', [2028]],
    ['2025-12-30', '2026-01-04', [2025]],
    ['2025-12-30', '2028-01-04', [2025, 2028]],
    ['2028-05-01', '2028-05-01', [2028]],
  ])('from %s to %s: %j', (from, to, years) => {
    expect(yearsWithoutHolidays(at(from, '10:00', NY), at(to, '10:00', NY), listed, NY)).toEqual(
      years,
    );
  });
  test('reads the years in the schedule zone', () => {
    // 2027-12-31 20:00 in New York is already 2028 in UTC.
    const end = at('2027-12-31', '20:00', NY);
    expect(yearsWithoutHolidays(end, end, listed, NY)).toEqual([]);
    expect(yearsWithoutHolidays(end, end, listed, 'UTC')).toEqual([2028]);
  });
  test('a year between listed years is missing too', () => {
    const gap: Schedule = { ...weekdays, holiday_years: [2026, 2028] };
    expect(
      yearsWithoutHolidays(at('2026-06-01', '10:00', NY), at('2028-06-01', '10:00', NY), gap, NY),
    ).toEqual([2027]);
  });
  test('claims nothing for a schedule that names no holiday set', () => {
    const far = at('2040-01-01', '10:00', NY);
    expect(yearsWithoutHolidays(far, far, weekdays, NY)).toEqual([]);
    expect(yearsWithoutHolidays(far, far, { ...weekdays, holiday_years: null }, NY)).toEqual([]);
    expect(yearsWithoutHolidays(far, far, { ...weekdays, holiday_years: [] }, NY)).toEqual([2040]);
  });
});

/**
 * A deadline across each DST change of 2026 in every time zone the sample and WEE data publish,
 * on each of their schedules, holidays included. Expectations from first principles: the local
 * wall-clock times the schedule gives, less the change in the zone's UTC offset (read from Intl).
 */
describe('deadlines across DST changes in the published zones', () => {
  // A `customer` schedule runs in the customer's zone: these stand for customers on both sides
  // of the Atlantic and in the southern hemisphere.
  const CUSTOMER_ZONES = [
    'America/New_York',
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Sydney',
  ];
  const DAY_MS = 86_400_000;
  const WEEK: Schedule['days'] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

  const formats = new Map<string, Intl.DateTimeFormat>();
  /** The zone's UTC offset at `instant`, in minutes. */
  const offset = (instant: number, zone: string): number => {
    if (!formats.has(zone))
      formats.set(
        zone,
        new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }),
      );
    const name = formats
      .get(zone)!
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const found = new Map<string, number[]>();
  /** The first hour of 2026 at which the zone's offset has changed, for each change. */
  const changes = (zone: string): number[] => {
    if (found.has(zone)) return found.get(zone)!;
    const hours: number[] = [];
    // Day by day, then hour by hour through a day in which the offset changed.
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += DAY_MS) {
      if (offset(d + DAY_MS, zone) === offset(d, zone)) continue;
      for (let t = d + 3_600_000; t <= d + DAY_MS; t += 3_600_000) {
        if (offset(t, zone) !== offset(t - 3_600_000, zone)) hours.push(t);
      }
    }
    found.set(zone, hours);
    return hours;
  };
  /** Wall-clock date ("2026-03-08") at `instant` in `zone`. */
  const dateIn = (instant: number, zone: string) =>
    new Date(instant + offset(instant, zone) * 60_000).toISOString().slice(0, 10);
  /** Wall-clock minutes of a local date and "HH:MM", as if there were no zones. */
  const wall = (date: string, time: string) => {
    const [h, m] = time.split(':').map(Number);
    return Date.parse(`${date}T00:00:00Z`) / 60_000 + h! * 60 + m!;
  };
  const shift = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  const weekday = (date: string) => WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  const addTime = (time: string, minutes: number) => {
    const total = wall('1970-01-01', time) + minutes;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };

  const cases = [SAMPLE.terms, WEE.terms].flatMap((terms) => {
    const catalog = loadCatalog(terms);
    return catalog.sla.support_hours.flatMap((hours) => {
      const schedule: Schedule = { ...hours, ...clockHolidays(catalog.sla.holiday_sets, hours) };
      const zones = hours.time_zone === 'customer' ? CUSTOMER_ZONES : [hours.time_zone];
      return zones.map((zone) => ({ name: `${terms} ${hours.id} in ${zone}`, schedule, zone }));
    });
  });

  test('covers every schedule of both companies, each zone with two changes in 2026', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) expect(changes(c.zone), c.name).toHaveLength(2);
  });

  test.each(cases)('$name', ({ schedule, zone }) => {
    const open = (date: string) =>
      schedule.days.includes(weekday(date)) && !schedule.holiday_dates!.includes(date);
    for (const change of changes(zone)) {
      const day = dateIn(change, zone);
      const shiftMinutes = offset(change, zone) - offset(change - 3_600_000, zone);
      if (schedule.start === '00:00' && schedule.end === '24:00' && open(day)) {
        // Open around the clock: 2 hours from an hour before the change are 120 real minutes.
        const from = new Date(change - 3_600_000);
        expect(addBusinessMinutes(from, 120, schedule, zone).getTime() - from.getTime()).toBe(
          120 * 60_000,
        );
        continue;
      }
      // Closed on the day of the change: open an hour before the last close before it and ask
      // for 2 hours; the second hour is the first hour of the next open day after it.
      expect(open(day), `${day} should be closed`).toBe(false);
      let before = shift(day, -1);
      while (!open(before)) before = shift(before, -1);
      let after = shift(day, 1);
      while (!open(after)) after = shift(after, 1);
      const fromTime = addTime(schedule.end, -60);
      const toTime = addTime(schedule.start, 60);
      const from = at(before, fromTime, zone);
      const end = addBusinessMinutes(from, 120, schedule, zone);
      expect(local(end, zone)).toBe(`${after} ${toTime}`);
      // Elapsed real time: the wall-clock gap less the hour the clocks moved.
      const wallGap = wall(after, toTime) - wall(before, fromTime);
      expect((end.getTime() - from.getTime()) / 60_000).toBe(wallGap - shiftMinutes);
    }
  });
});
