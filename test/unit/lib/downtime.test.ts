import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  allowedDowntime,
  availabilityFromDowntime,
  daysInMonth,
  formatDowntime,
  minutesInMonth,
  PERIODS,
  periodWords,
} from '../../../packages/starlight-charter/lib/downtime';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';

describe('calendar months', () => {
  test.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 1, 31],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
    expect(minutesInMonth(year, month)).toBe(days * 24 * 60);
  });
  test.each([0, 13, 1.5])('rejects month %s', (m) =>
    expect(() => daysInMonth(2026, m)).toThrow(RangeError),
  );
});

describe('periods', () => {
  test('use a 365.25-day year', () => {
    expect(PERIODS.year.minutes).toBe(365.25 * 24 * 60);
    expect(PERIODS.month.minutes * 12).toBeCloseTo(PERIODS.year.minutes, 6);
    expect(PERIODS.quarter.minutes * 4).toBeCloseTo(PERIODS.year.minutes, 6);
  });
});

describe('allowedDowntime', () => {
  test('99.9% of a 30-day month is 43.2 minutes', () =>
    expect(allowedDowntime(99.9, 30 * 1440)).toBe(43.2));
  test('99.5% of a 30-day month is 216 minutes', () =>
    expect(allowedDowntime(99.5, 30 * 1440)).toBe(216));
  test('100% allows nothing', () => expect(allowedDowntime(100, 1440)).toBe(0));
  test('0% allows the whole period', () => expect(allowedDowntime(0, 1440)).toBe(1440));
  test.each([-1, 101, Number.NaN])('rejects availability %s', (a) =>
    expect(() => allowedDowntime(a, 1440)).toThrow(RangeError),
  );
  test('rejects a zero period', () => expect(() => allowedDowntime(99, 0)).toThrow(RangeError));
});

describe('availabilityFromDowntime', () => {
  test('216 minutes in a 30-day month is exactly 99.5%', () =>
    expect(availabilityFromDowntime(216, 30 * 1440)).toBe(99.5));
  test('no downtime is 100%', () => expect(availabilityFromDowntime(0, 1440)).toBe(100));
  test('rejects more downtime than the period', () =>
    expect(() => availabilityFromDowntime(1441, 1440)).toThrow(RangeError));
  test('rejects negative downtime', () =>
    expect(() => availabilityFromDowntime(-1, 1440)).toThrow(RangeError));

  test('round-trips with allowedDowntime', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000),
        fc.constantFrom(...Object.values(PERIODS).map((p) => p.minutes), 28 * 1440, 31 * 1440),
        (availability, period) => {
          const back = availabilityFromDowntime(allowedDowntime(availability, period), period);
          expect(back).toBeCloseTo(availability, 6);
        },
      ),
    );
  });
});

describe('formatDowntime', () => {
  test.each([
    [0, '0 seconds'],
    [43.2, '43 minutes 12 seconds'],
    [1, '1 minute'],
    [263, '4 hours 23 minutes'],
    [1441, '1 day 1 minute'],
  ])('formats %s minutes as %s', (minutes, text) => expect(formatDowntime(minutes)).toBe(text));
  test('rejects negative input', () => expect(() => formatDowntime(-1)).toThrow(RangeError));
});

describe('guards, with the value each refuses', () => {
  test('a month outside 1–12', () =>
    expect(() => daysInMonth(2026, 13)).toThrow('not a calendar month: 2026-13'));
  test('an availability outside 0–100', () =>
    expect(() => allowedDowntime(101, 1440)).toThrow('availability must be 0–100: 101'));
  test('a period that is not a positive, finite length', () => {
    expect(() => allowedDowntime(99, 0)).toThrow('not a period: 0');
    expect(() => availabilityFromDowntime(0, 0)).toThrow('not a period: 0');
    expect(() => availabilityFromDowntime(0, -1440)).toThrow('not a period: -1440');
    expect(() => availabilityFromDowntime(0, Infinity)).toThrow('not a period: Infinity');
  });
  test('downtime longer than the period', () => {
    expect(() => availabilityFromDowntime(1441, 1440)).toThrow(
      'downtime must be between 0 and the period length: 1441',
    );
  });
  test('a negative downtime to format', () =>
    expect(() => formatDowntime(-1)).toThrow('not a duration: -1'));
});

describe('downtime in the site’s language', () => {
  const words = (language: string) => messagesFor(language);
  const fill = (text: string | undefined, count: number) =>
    text!.replace('{{count}}', String(count));
  test.each(['de', 'ja'])('%s: units and their joint come from the locale file', (language) => {
    const m = words(language);
    const plural = (key: string, count: number) =>
      fill(m[`${key}_${new Intl.PluralRules(language).select(count)}`] ?? m[`${key}_other`], count);
    expect(formatDowntime(263 + 1 / 60, translator(language))).toBe(
      [
        plural('charter.downtime.hours', 4),
        plural('charter.downtime.minutes', 23),
        plural('charter.downtime.seconds', 1),
      ].join(m['charter.downtime.partSeparator']),
    );
    expect(formatDowntime(0, translator(language))).toBe(plural('charter.downtime.seconds', 0));
  });
  test('reads naturally', () => {
    expect(formatDowntime(263, translator('de'))).toBe('4 Stunden 23 Minuten');
    expect(formatDowntime(1441, translator('de'))).toBe('1 Tag 1 Minute');
    expect(formatDowntime(263, translator('ja'))).toBe('4時間23分');
  });
  test('names every period in each language', () => {
    for (const language of ['en', 'de', 'ja']) {
      for (const name of Object.keys(PERIODS) as (keyof typeof PERIODS)[]) {
        const period = periodWords(name, translator(language));
        expect(period.per).toBe(words(language)[`charter.downtime.${name}`]);
        expect(period.within).toBe(words(language)[`charter.downtime.${name}Within`]);
        expect(period.basis).toBe(words(language)[`charter.downtime.${name}Basis`]);
      }
    }
    expect(periodWords('month').basis).toBe(words('en')['charter.downtime.monthBasis']);
    // Each language writes the average month's length with its own decimal separator.
    expect(periodWords('month', translator('de')).basis).toContain('30,44 Tagen');
    expect(periodWords('month', translator('ja')).basis).toContain('30.44日');
  });
});
