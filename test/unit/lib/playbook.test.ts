import { describe, expect, test } from 'vitest';
import {
  costShareOfRevenue,
  costShareStatus,
  describeCondition,
  describeCustomerRange,
  describeShift,
  formatUtcHour,
  quarterlyCost,
} from '../../../packages/starlight-charter/lib/playbook';
import { translator } from '../../../packages/starlight-charter/lib/i18n';

const M = 1_000_000;

describe('describeCondition', () => {
  test.each([
    {
      c: { metric: 'API error rate', above: 5, unit: '%', for: 5 },
      expected: 'API error rate above 5% for 5 minutes',
    },
    {
      c: { metric: 'Latency p99', above: 2000, unit: 'ms', for: 10 },
      expected: 'Latency p99 above 2,000 ms for 10 minutes',
    },
    {
      c: { metric: 'Availability', below: 99, unit: '%', for: 60 },
      expected: 'Availability below 99% for 1 hour',
    },
  ])('describes $c.metric as "$expected"', ({ c, expected }) => {
    expect(describeCondition(c)).toBe(expected);
  });

  test('reads naturally in German and Japanese', () => {
    const errors = { metric: 'API-Fehlerrate', above: 3.5, unit: '%', for: 10 };
    expect(describeCondition(errors, 'de-DE', translator('de'))).toBe(
      'API-Fehlerrate 10 Minuten lang über 3,5\u00a0%',
    );
    const latency = { metric: 'Latenz p99', below: 2000, unit: 'ms', for: 90 };
    expect(describeCondition(latency, 'de-DE', translator('de'))).toBe(
      'Latenz p99 1 Stunde 30 Minuten lang unter 2.000 ms',
    );
    const ja = { metric: 'APIエラー率', above: 5, unit: '%', for: 60 };
    expect(describeCondition(ja, 'ja-JP', translator('ja'))).toBe(
      'APIエラー率が1時間にわたって5%を上回る',
    );
  });

  test('errors if a condition has no threshold', () => {
    expect(() => describeCondition({ metric: 'x', unit: '%', for: 5 })).toThrow(
      'needs above or below',
    );
  });
});

describe('shifts', () => {
  test.each([
    { hour: 0, expected: '00:00' },
    { hour: 8, expected: '08:00' },
    { hour: 24, expected: '24:00' },
  ])('formats hour $hour as $expected', ({ hour, expected }) => {
    expect(formatUtcHour(hour)).toBe(expected);
  });

  test.each([-1, 25, 1.5])('rejects hour %s', (hour) => {
    expect(() => formatUtcHour(hour)).toThrow('not an hour of the day');
  });

  test('describes a shift with its length', () => {
    expect(describeShift(16, 24)).toBe('16:00–24:00 UTC (8 hours)');
    expect(describeShift(3, 4)).toBe('03:00–04:00 UTC (1 hour)');
  });

  test('describes a shift in German and Japanese', () => {
    expect(describeShift(16, 24, translator('de'))).toBe('16:00–24:00 Uhr UTC (8 Stunden)');
    expect(describeShift(3, 4, translator('de'))).toBe('03:00–04:00 Uhr UTC (1 Stunde)');
    expect(describeShift(0, 8, translator('ja'))).toBe('UTC 00:00〜08:00（8時間）');
  });
});

describe('staffing cost', () => {
  test.each([
    { staff: 0, tools: 180, revenue: 40000, cost: 540, share: 1.35 },
    { staff: 15000, tools: 200, revenue: 180000, cost: 15600, share: 8.67 },
    { staff: 137500, tools: 300, revenue: 1800000, cost: 138400, share: 7.69 },
  ])('costs $cost a quarter, $share% of revenue', ({ staff, tools, revenue, cost, share }) => {
    const stage = {
      staff_cost_per_quarter: staff * M,
      tools_per_month: tools * M,
      revenue_per_quarter: revenue * M,
    };
    expect(quarterlyCost(stage)).toBe(cost * M);
    expect(costShareOfRevenue(stage)).toBe(share);
  });

  test('errors if revenue is 0', () => {
    expect(() =>
      costShareOfRevenue({ staff_cost_per_quarter: 1, tools_per_month: 1, revenue_per_quarter: 0 }),
    ).toThrow('revenue must be above 0');
  });

  test.each([
    { share: 9.99, expected: 'within' },
    { share: 10, expected: 'over' },
    { share: 15, expected: 'over' },
    { share: 15.01, expected: 'red-flag' },
  ])('rates a share of $share% as $expected', ({ share, expected }) => {
    expect(costShareStatus(share, 10, 15)).toBe(expected);
  });

  test('describes open and closed customer ranges', () => {
    expect(describeCustomerRange({ from: 6, to: 15 })).toBe('6–15');
    expect(describeCustomerRange({ from: 40 })).toBe('40+');
  });
});
