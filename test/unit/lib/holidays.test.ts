import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  clockHolidays,
  excludingHolidaysText,
  formatHolidayDate,
  isHolidayDate,
  scheduleHolidays,
  yearsText,
} from '../../../packages/starlight-charter/lib/holidays';
import type { HolidaySet } from '../../../packages/starlight-charter/schemas/sla';
import { SAMPLE, WEE } from '../../support/sites';

// Sets written for the test, independent of the data.
const national: HolidaySet = {
  id: 'national',
  name: 'National holidays',
  dates: {
    '2026': [
      { date: '2026-12-25', name: 'Christmas' },
      { date: '2026-01-01', name: 'New Year' },
    ],
    '2027': [{ date: '2027-01-01', name: 'New Year' }],
  },
};
const regional: HolidaySet = {
  id: 'regional',
  name: 'Regional holidays',
  dates: {
    '2026': [
      { date: '2026-01-01', name: 'Regional New Year' },
      { date: '2026-06-01', name: 'Founding Day' },
    ],
    '2028': [],
  },
};
const sets = [national, regional];

describe('scheduleHolidays', () => {
  test('lists the dates of the sets named and single dates, sorted, each once', () => {
    const { dates, years } = scheduleHolidays(sets, {
      holidays: ['2026-12-24', 'national', 'regional'],
    });
    expect(dates).toEqual([
      { date: '2026-01-01', name: 'New Year', set: 'national' },
      { date: '2026-06-01', name: 'Founding Day', set: 'regional' },
      { date: '2026-12-24', name: null, set: null },
      { date: '2026-12-25', name: 'Christmas', set: 'national' },
      { date: '2027-01-01', name: 'New Year', set: 'national' },
    ]);
    // Only 2026 is listed by both sets.
    expect(years).toEqual([2026]);
  });
  test('the first set named gives a shared date its name', () => {
    const { dates } = scheduleHolidays(sets, { holidays: ['regional', 'national'] });
    expect(dates[0]).toEqual({ date: '2026-01-01', name: 'Regional New Year', set: 'regional' });
  });
  test('a single date listed twice, or also in a set, is listed once', () => {
    expect(scheduleHolidays(sets, { holidays: ['2026-12-24', '2026-12-24'] }).dates).toEqual([
      { date: '2026-12-24', name: null, set: null },
    ]);
    expect(scheduleHolidays(sets, { holidays: ['2026-12-25', 'national'] }).dates[1]).toEqual({
      date: '2026-12-25',
      name: null,
      set: null,
    });
    // Named by a set first, the set's name stays.
    expect(scheduleHolidays(sets, { holidays: ['national', '2026-12-25'] }).dates[1]).toEqual({
      date: '2026-12-25',
      name: 'Christmas',
      set: 'national',
    });
  });
  test('years are those of the set, ascending, and null without a set', () => {
    const later: HolidaySet = { ...national, dates: { '2028': [], '2026': [] } };
    expect(scheduleHolidays([later], { holidays: ['national'] }).years).toEqual([2026, 2028]);
    expect(scheduleHolidays(sets, { holidays: ['2026-12-24'] }).years).toBeNull();
    expect(scheduleHolidays(sets, { holidays: [] })).toEqual({ dates: [], sets: [], years: null });
  });
  test('names the set it cannot find', () => {
    expect(() => scheduleHolidays(sets, { holidays: ['lunar'] })).toThrow(
      'Charter: holiday set "lunar" is not defined in the data.',
    );
  });
  test('clockHolidays gives the clock the dates and years', () => {
    expect(clockHolidays(sets, { holidays: ['national'] })).toEqual({
      holiday_dates: ['2026-01-01', '2026-12-25', '2027-01-01'],
      holiday_years: [2026, 2027],
    });
  });
});

describe('words', () => {
  test.each([
    [[], ''],
    [[2026], '2026'],
    [[2026, 2027], '2026–2027'],
    [[2026, 2027, 2028], '2026–2028'],
    [[2026, 2028], '2026, 2028'],
  ])('yearsText(%j) is %j', (years, text) => expect(yearsText(years)).toBe(text));
  test('isHolidayDate tells a date from a set id', () => {
    expect(isHolidayDate('2026-12-24')).toBe(true);
    expect(isHolidayDate('us-federal')).toBe(false);
    expect(isHolidayDate('2026')).toBe(false);
    expect(isHolidayDate('bank-2026-days')).toBe(false);
  });
  test('formats a holiday with its weekday in the locale, whatever the reader’s zone', () => {
    expect(formatHolidayDate('2026-12-25', 'en-US')).toBe('Friday, December 25, 2026');
    expect(formatHolidayDate('2026-12-25', 'de-DE')).toBe('Freitag, 25. Dezember 2026');
  });
  test.each([
    [['national'], 'excluding public holidays: National holidays (listed for 2026–2027)'],
    [
      ['national', 'regional', '2026-12-24'],
      'excluding public holidays: National holidays and Regional holidays and 1 further closing day (listed for 2026)',
    ],
    [['2026-12-24', '2026-12-31'], 'excluding public holidays: 2 further closing days'],
  ])('describes %j', (holidays, text) =>
    expect(excludingHolidaysText(scheduleHolidays(sets, { holidays }))).toBe(text),
  );
  test('says nothing for a schedule without holidays, and no years for a set without any', () => {
    expect(excludingHolidaysText(scheduleHolidays(sets, { holidays: [] }))).toBeNull();
    const empty: HolidaySet = { id: 'empty', name: 'No holidays yet', dates: {} };
    expect(excludingHolidaysText(scheduleHolidays([empty], { holidays: ['empty'] }))).toBe(
      'excluding public holidays: No holidays yet',
    );
  });
});

describe('the published holiday calendars', () => {
  // Checked from first principles: weekday rules and Easter, not copied from the data.
  const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  /** The `n`th weekday (0 = Sunday) of a month, or the last one when n is -1. */
  const nth = (year: number, month: number, day: number, n: number) => {
    const matches: string[] = [];
    for (let d = 1; d <= new Date(Date.UTC(year, month, 0)).getUTCDate(); d++) {
      const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (weekdayOf(date) === day) matches.push(date);
    }
    return n === -1 ? matches.at(-1)! : matches[n - 1]!;
  };
  /** A fixed-date federal holiday moved off a weekend: Saturday to Friday, Sunday to Monday. */
  const observed = (date: string) => {
    const shift = { 6: -1, 0: 1 }[weekdayOf(date)] ?? 0;
    return new Date(Date.parse(`${date}T00:00:00Z`) + shift * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  const plus = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const datesOf = (terms: string, schedule: string) => {
    const catalog = loadCatalog(terms);
    const hours = catalog.sla.support_hours.find((h) => h.id === schedule)!;
    return scheduleHolidays(catalog.sla.holiday_sets, hours);
  };

  test('the sample closes on the US federal holidays of 2026 and 2027', () => {
    const expected = [2026, 2027].flatMap((y) => [
      observed(`${y}-01-01`),
      nth(y, 1, 1, 3), // Martin Luther King Jr.: third Monday of January
      nth(y, 2, 1, 3), // Washington's Birthday: third Monday of February
      nth(y, 5, 1, -1), // Memorial Day: last Monday of May
      observed(`${y}-06-19`),
      observed(`${y}-07-04`),
      nth(y, 9, 1, 1), // Labor Day: first Monday of September
      nth(y, 10, 1, 2), // Columbus Day: second Monday of October
      observed(`${y}-11-11`),
      nth(y, 11, 4, 4), // Thanksgiving: fourth Thursday of November
      observed(`${y}-12-25`),
    ]);
    // 1 January 2028 is a Saturday, so it is observed on Friday 31 December 2027.
    expected.push(observed('2028-01-01'));
    for (const schedule of ['standard', 'extended']) {
      const { dates, years } = datesOf(SAMPLE.terms, schedule);
      expect(dates.map((d) => d.date)).toEqual(expected.sort());
      expect(years).toEqual([2026, 2027]);
    }
  });
  test('WEE closes on the nationwide German holidays of 2026 and 2027', () => {
    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    const easter = (y: number) => {
      const a = y % 19;
      const b = Math.floor(y / 100);
      const c = y % 100;
      const h =
        (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) %
        30;
      const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
      const m = Math.floor((a + 11 * h + 22 * l) / 451);
      const month = Math.floor((h + l - 7 * m + 114) / 31);
      const day = ((h + l - 7 * m + 114) % 31) + 1;
      return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    expect([easter(2026), easter(2027), easter(2025)]).toEqual([
      '2026-04-05',
      '2027-03-28',
      '2025-04-20',
    ]);
    const expected = [2026, 2027].flatMap((y) => [
      `${y}-01-01`,
      plus(easter(y), -2), // Karfreitag
      plus(easter(y), 1), // Ostermontag
      `${y}-05-01`,
      plus(easter(y), 39), // Christi Himmelfahrt
      plus(easter(y), 50), // Pfingstmontag
      `${y}-10-03`,
      `${y}-12-25`,
      `${y}-12-26`,
    ]);
    const { dates, years } = datesOf(WEE.terms, 'office');
    expect(dates.map((d) => d.date)).toEqual(expected.sort());
    expect(years).toEqual([2026, 2027]);
  });
});
