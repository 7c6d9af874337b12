import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  formatDurationShort,
  parseDuration,
} from '../../../packages/starlight-charter/lib/duration';

describe('parseDuration', () => {
  test.each([
    ['30m', 30],
    ['4h', 240],
    ['1.5h', 90],
    ['2d', 2 * 24 * 60],
    ['1w', 7 * 24 * 60],
    [' 8h ', 480],
  ])('returns minutes for %s', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  test.each(['4 hours', '', 'h', '0h', '-1h', '1.01m', '4x', '1e3h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [2880, '48 hours'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  test('rejects negative and non-finite input', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatDurationShort', () => {
  test.each([
    [30, '30m'],
    [120, '2h'],
    [90, '1h 30m'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatDurationShort(minutes)).toBe(text);
  });
  test('rejects negative input', () => expect(() => formatDurationShort(-5)).toThrow(RangeError));
});

describe('edges', () => {
  test('reads a duration with two decimals: 1.25h is 75 minutes', () =>
    expect(parseDuration('1.25h')).toBe(75));
  test('a zero duration is "0m" in a table cell', () => expect(formatDurationShort(0)).toBe('0m'));
  test('names the value it refuses', () => {
    expect(() => formatDuration(-1)).toThrow('not a duration: -1');
    expect(() => formatDurationShort(-5)).toThrow('not a duration: -5');
    expect(() => formatDurationShort(Infinity)).toThrow('not a duration: Infinity');
  });
});
