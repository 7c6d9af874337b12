import { expect, test } from 'vitest';
import { formatCount, formatPercent } from '../../../packages/starlight-charter/lib/format';

test.each([
  [99.95, '99.95%'],
  [99.9, '99.9%'],
  [100, '100%'],
  [10, '10%'],
  [99.999, '99.999%'],
  [0.5, '0.5%'],
])('formatPercent(%s) is %s', (value, text) => expect(formatPercent(value)).toBe(text));

// German writes a decimal comma and a no-break space before the sign; Japanese as English.
test.each([
  ['de-DE', 99.9, /^99,9\u00a0%$/],
  ['de-DE', 99.95, /^99,95\u00a0%$/],
  ['de-DE', 100, /^100\u00a0%$/],
  ['ja-JP', 99.9, /^99\.9%$/],
  ['ja-JP', 99.95, /^99\.95%$/],
  ['en-US', 99.9, /^99\.9%$/],
])('formatPercent in %s: %s reads as the language writes it', (locale, value, shape) =>
  expect(formatPercent(value, locale)).toMatch(shape),
);

test('formatPercent keeps the digits the value has, up to four by default', () => {
  expect(formatPercent(99.12345)).toBe('99.1235%');
  expect(formatPercent(99.12345, 'en-US', 6)).toBe('99.12345%');
  expect(formatPercent(12.3456, 'en-US', 2)).toBe('12.35%');
});

test('formatPercent groups thousands as the locale does', () => {
  expect(formatPercent(1250)).toBe('1,250%');
  expect(formatPercent(1250, 'de-DE')).toMatch(/^1\.250\u00a0%$/);
});

test('formatCount groups thousands', () => expect(formatCount(20000)).toBe('20,000'));
test('formatCount follows the locale', () => expect(formatCount(20000, 'de-DE')).toBe('20.000'));
