import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  creditFor,
  creditThreshold,
  describeBand,
  findBand,
} from '../../../packages/starlight-charter/lib/credits';
import type { CreditSchedule } from '../../../packages/starlight-charter/schemas/credits';
import { SAMPLE } from '../../support/sites';

// A schedule written for the test from first principles, independent of data/.
const schedule: CreditSchedule = {
  id: 'test',
  name: 'Test',
  bands: [
    { at_least: 99.0, below: 99.5, credit: 10 },
    { at_least: 98.0, below: 99.0, credit: 25 },
    { at_least: 0, below: 98.0, credit: 100 },
  ],
};

describe('findBand', () => {
  test.each([
    [100, null],
    [99.5, null],
    [99.49, 10],
    [99.0, 10],
    [98.99, 25],
    [98.0, 25],
    [97.99, 100],
    [0, 100],
  ])('uptime %s% earns %s', (uptime, credit) => {
    expect(findBand(schedule, uptime)?.credit ?? null).toBe(credit);
  });
  test.each([-0.1, 100.1, Number.NaN])('rejects uptime %s', (u) =>
    expect(() => findBand(schedule, u)).toThrow(RangeError),
  );
});

describe('creditFor', () => {
  test('takes the band percentage of the fee', () => {
    const result = creditFor(schedule, 100, 98.5, 8_999_000_000, 'USD');
    expect(result).toMatchObject({
      bandPercent: 25,
      percent: 25,
      capped: false,
      amount: 2_249_750_000,
    });
  });
  test('applies the cap', () => {
    const result = creditFor(schedule, 50, 10, 1_000_000_000, 'USD');
    expect(result).toMatchObject({
      bandPercent: 100,
      percent: 50,
      capped: true,
      amount: 500_000_000,
    });
  });
  test('rounds to the cent', () => {
    expect(creditFor(schedule, 100, 99.2, 10_010_000, 'USD').amount).toBe(1_000_000);
  });
  test('owes nothing at the target', () =>
    expect(creditFor(schedule, 100, 99.5, 1_000_000, 'USD').amount).toBe(0));
  test('rejects a fractional micro fee', () =>
    expect(() => creditFor(schedule, 100, 99, 0.5, 'USD')).toThrow(RangeError));

  test('never increases as uptime rises (every schedule in the data)', () => {
    const catalog = loadCatalog(SAMPLE.terms);
    for (const s of [schedule, ...catalog.credits.schedules]) {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 100_000 }),
          fc.integer({ min: 0, max: 100_000 }),
          (a, b) => {
            const [low, high] = [Math.min(a, b) / 1000, Math.max(a, b) / 1000];
            expect(creditFor(s, 100, high, 1_000_000_000, 'USD').amount).toBeLessThanOrEqual(
              creditFor(s, 100, low, 1_000_000_000, 'USD').amount,
            );
          },
        ),
      );
    }
  });
});

describe('wording', () => {
  test('describes a band in words', () =>
    expect(describeBand(schedule.bands[0]!)).toBe('at least 99% and below 99.5%'));
  test('describes a band from zero', () =>
    expect(describeBand(schedule.bands[2]!)).toBe('below 98%'));
  test('finds the threshold', () => expect(creditThreshold(schedule)).toBe(99.5));
});

describe('guards a customer would meet in the credit calculator', () => {
  test('a free month owes no credit rather than an error', () => {
    expect(creditFor(schedule, 100, 50, 0, 'USD')).toMatchObject({
      bandPercent: 100,
      percent: 100,
      amount: 0,
    });
  });
  test('names the fee and the uptime it refuses', () => {
    expect(() => creditFor(schedule, 100, 99, -1_000_000, 'USD')).toThrow(
      'fee must be a whole number of micro-units: -1000000',
    );
    expect(() => creditFor(schedule, 100, 99, 0.5, 'USD')).toThrow(
      'fee must be a whole number of micro-units: 0.5',
    );
    expect(() => findBand(schedule, 100.1)).toThrow('uptime must be 0–100: 100.1');
    expect(() => creditFor(schedule, 100, -1, 1_000_000, 'USD')).toThrow(
      'uptime must be 0–100: -1',
    );
  });
});
