import { describe, expect, test } from 'vitest';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import {
  bandFor,
  describeBandRange,
  formatScore,
  healthScore,
  parseFactorScore,
} from '../../../packages/starlight-charter/lib/health-score';

const factors = [
  { id: 'usage', name: 'Usage', weight: 0.3 },
  { id: 'engagement', name: 'Engagement', weight: 0.25 },
  { id: 'support', name: 'Support', weight: 0.2 },
  { id: 'satisfaction', name: 'Satisfaction', weight: 0.15 },
  { id: 'growth', name: 'Growth', weight: 0.1 },
];
const bands = [
  { id: 'healthy', name: 'Healthy', floor: 75 },
  { id: 'watch', name: 'Watch', floor: 50 },
  { id: 'at-risk', name: 'At risk', floor: 0 },
];
const all = (n: number) => Object.fromEntries(factors.map((f) => [f.id, n]));

describe('healthScore', () => {
  test.each([
    { scores: all(0), expected: 0 },
    { scores: all(100), expected: 100 },
    { scores: all(70), expected: 70 },
    { scores: { usage: 100, engagement: 0, support: 0, satisfaction: 0, growth: 0 }, expected: 30 },
    {
      scores: { usage: 82, engagement: 60, support: 70, satisfaction: 55, growth: 40 },
      expected: 65.85,
    },
  ])('returns $expected for $scores', ({ scores, expected }) => {
    expect(healthScore(factors, scores)).toBe(expected);
  });

  test.each([
    { scores: { ...all(50), growth: undefined as unknown as number }, factor: 'growth' },
    { scores: { ...all(50), usage: 101 }, factor: 'usage' },
    { scores: { ...all(50), support: -1 }, factor: 'support' },
    { scores: { ...all(50), engagement: Number.NaN }, factor: 'engagement' },
  ])('errors if $factor has no valid score', ({ scores, factor }) => {
    expect(() => healthScore(factors, scores)).toThrow(
      `factor "${factor}" needs a score from 0 to 100`,
    );
  });
});

describe('bandFor', () => {
  test.each([
    { score: 100, expected: 'healthy' },
    { score: 75, expected: 'healthy' },
    { score: 74.99, expected: 'watch' },
    { score: 50, expected: 'watch' },
    { score: 49.9, expected: 'at-risk' },
    { score: 0, expected: 'at-risk' },
  ])('places $score in $expected', ({ score, expected }) => {
    expect(bandFor(bands, score).id).toBe(expected);
  });

  test('errors if no band holds the score', () => {
    expect(() => bandFor(bands.slice(0, 2), 10)).toThrow('no band holds the score 10');
  });
});

describe('parseFactorScore', () => {
  test.each([
    { text: '75', value: 75 },
    { text: ' 0 ', value: 0 },
    { text: '100', value: 100 },
    { text: '62.5', value: 62.5 },
    { text: '.5', value: 0.5 },
  ])('accepts "$text" as $value', ({ text, value }) => {
    expect(parseFactorScore(text)).toEqual({ ok: true, value });
  });

  test.each([
    { text: '', error: 'Enter a score from 0 to 100.' },
    { text: '   ', error: 'Enter a score from 0 to 100.' },
    { text: 'abc', error: 'Enter a number from 0 to 100, e.g. 75.' },
    { text: '1e2', error: 'Enter a number from 0 to 100, e.g. 75.' },
    { text: 'Infinity', error: 'Enter a number from 0 to 100, e.g. 75.' },
    { text: '101', error: 'A score must be between 0 and 100.' },
    { text: '-5', error: 'A score must be between 0 and 100.' },
  ])('rejects "$text" with a sentence', ({ text, error }) => {
    expect(parseFactorScore(text)).toEqual({ ok: false, error });
  });

  test.each(['de', 'ja'])(
    'in %s, says what is wrong in the words of its locale file',
    (language) => {
      const words = messagesFor(language);
      const t = translator(language);
      for (const [text, key] of [
        ['', 'charter.playbook.scoreEmpty'],
        ['abc', 'charter.playbook.scoreNotNumber'],
        ['101', 'charter.playbook.scoreOutOfRange'],
      ] as const) {
        const expected = words[key]!.replace('{{min}}', '0').replace('{{max}}', '100');
        expect(parseFactorScore(text, t)).toEqual({ ok: false, error: expected });
        expect(expected).not.toBe(
          messagesFor('en')[key]!.replace('{{min}}', '0').replace('{{max}}', '100'),
        );
      }
    },
  );
});

describe('formatting', () => {
  test.each([
    { score: 66.85, expected: '66.9' },
    { score: 70, expected: '70' },
    { score: 0, expected: '0' },
  ])('formats $score as $expected', ({ score, expected }) => {
    expect(formatScore(score)).toBe(expected);
  });

  test.each([
    { index: 0, expected: '75 to 100' },
    { index: 1, expected: '50 to below 75' },
    { index: 2, expected: '0 to below 50' },
  ])('describes band $index as "$expected"', ({ index, expected }) => {
    expect(describeBandRange(bands, index)).toBe(expected);
  });
});
