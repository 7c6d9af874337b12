import { describe, expect, test } from 'vitest';
import {
  describeGoal,
  describeRedFlag,
  formatMetricValue,
  netPromoterScore,
  percentChange,
} from '../../../packages/starlight-charter/lib/metrics';

describe('netPromoterScore', () => {
  test.each([
    { answers: { promoters: 104, passives: 58, detractors: 38 }, score: 33, total: 200 },
    { answers: { promoters: 10, passives: 0, detractors: 0 }, score: 100, total: 10 },
    { answers: { promoters: 0, passives: 0, detractors: 3 }, score: -100, total: 3 },
    { answers: { promoters: 0, passives: 5, detractors: 0 }, score: 0, total: 5 },
    { answers: { promoters: 1, passives: 1, detractors: 1 }, score: 0, total: 3 },
  ])('returns $score for $answers', ({ answers, score, total }) => {
    const result = netPromoterScore(answers);
    expect(result.score).toBe(score);
    expect(result.total).toBe(total);
    expect(result.promoterPercent - result.detractorPercent).toBeCloseTo(score, 9);
  });

  test('errors if there are no answers', () => {
    expect(() => netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toThrow(
      'NPS needs at least one answer',
    );
  });
});

describe('targets and red flags in words', () => {
  test.each([
    { value: 70, unit: '%' as const, expected: '70%' },
    { value: 8, unit: 'points' as const, expected: '8' },
    { value: 5.5, unit: 'points' as const, expected: '5.5' },
  ])('formats $value $unit as $expected', ({ value, unit, expected }) => {
    expect(formatMetricValue(value, unit)).toBe(expected);
  });

  test.each([
    { target: { at_least: 95 }, unit: '%' as const, expected: 'At least 95%' },
    { target: { at_most: 10 }, unit: '%' as const, expected: 'At most 10%' },
    { target: { at_least: 40 }, unit: 'points' as const, expected: 'At least 40' },
  ])('describes $target as "$expected"', ({ target, unit, expected }) => {
    expect(describeGoal(target, unit)).toBe(expected);
  });

  test.each([
    {
      flag: { below: 7, sustained: 'two consecutive months' },
      unit: 'points' as const,
      expected: 'Below 7 for two consecutive months',
    },
    { flag: { above: 15 }, unit: '%' as const, expected: 'Above 15%' },
  ])('describes red flag $flag as "$expected"', ({ flag, unit, expected }) => {
    expect(describeRedFlag(flag, unit)).toBe(expected);
  });

  test('errors if a target or red flag has no bound', () => {
    expect(() => describeGoal({}, '%')).toThrow('a target needs at_least or at_most');
    expect(() => describeRedFlag({}, '%')).toThrow('a red flag needs above or below');
  });
});

describe('percentChange', () => {
  test.each([
    { before: 120, after: 45, expected: -62.5 },
    { before: 4, after: 7, expected: 75 },
    { before: 6, after: 6, expected: 0 },
  ])('returns $expected from $before to $after', ({ before, after, expected }) => {
    expect(percentChange(before, after)).toBe(expected);
  });

  test('errors from a value of 0', () => {
    expect(() => percentChange(0, 5)).toThrow('no percentage change from 0');
  });
});
