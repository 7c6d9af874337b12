import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
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
  type Schedule,
} from '../../../packages/starlight-charter/lib/sla-clock';

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
