import { describe, expect, test } from 'vitest';
import {
  HolidaySetSchema,
  SupportHoursSchema,
} from '../../../packages/starlight-charter/schemas/sla';

const hours = {
  id: 'office',
  name: 'Office hours',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
  time_zone: 'Europe/Berlin',
};
const set = {
  id: 'national',
  name: 'National holidays',
  dates: { 2026: [{ date: '2026-12-25', name: 'Christmas Day' }], 2027: [] },
};

/** Each problem as `path: message`. */
function problems(schema: typeof HolidaySetSchema | typeof SupportHoursSchema, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('holiday sets', () => {
  test('take dates per year, a year with none included', () => {
    expect(problems(HolidaySetSchema, set)).toEqual([]);
  });
  test.each([
    [{ ...set, id: '2026-holidays' }, 'id: a holiday-set id must not start like a date'],
    [{ ...set, id: 'National' }, 'id: expected a kebab-case id like "enterprise" or "sev1"'],
    [{ ...set, dates: { 26: [] } }, 'dates.26: expected a year like 2026, got "26"'],
    [
      { ...set, dates: { 2026: [{ date: '2026-02-29', name: 'Leap day' }] } },
      'dates.2026.0.date: expected a real date like "2026-12-25"',
    ],
    [
      { ...set, dates: { 2026: [{ date: '2026-12-25', name: ' ' }] } },
      'dates.2026.0.name: must not be empty',
    ],
    [
      { ...set, dates: { 2026: [{ date: '2026-12-25', name: 'Christmas', observed: true }] } },
      'dates.2026.0: Unrecognized key: "observed"',
    ],
  ])('rejects %j', (value, problem) =>
    expect(problems(HolidaySetSchema, value)).toEqual([problem]),
  );
  test('a leap day is a real date in a leap year', () => {
    const leap = { ...set, dates: { 2028: [{ date: '2028-02-29', name: 'Leap day' }] } };
    expect(problems(HolidaySetSchema, leap)).toEqual([]);
  });
});

describe("a schedule's holidays", () => {
  test('are none when omitted', () => {
    expect(SupportHoursSchema.parse(hours).holidays).toEqual([]);
  });
  test('name sets and single dates', () => {
    expect(
      SupportHoursSchema.parse({ ...hours, holidays: ['national', '2026-12-24'] }).holidays,
    ).toEqual(['national', '2026-12-24']);
  });
  test.each([
    [['2026-13-01'], 'holidays.0: expected a real date like "2026-12-24", got "2026-13-01"'],
    [['2026-1-5'], 'holidays.0: expected a real date like "2026-12-24", got "2026-1-5"'],
    [
      ['National'],
      'holidays.0: expected a holiday-set id or a date like "2026-12-24", got "National"',
    ],
    [
      ['2026-12-24', '2026-12-24'],
      'holidays.1: "2026-12-24" is listed twice (first at holidays[0])',
    ],
    [[2026], 'holidays.0: expected a holiday-set id or a date like "2026-12-24"'],
  ])('rejects %j', (holidays, problem) =>
    expect(problems(SupportHoursSchema, { ...hours, holidays })).toEqual([problem]),
  );
});
