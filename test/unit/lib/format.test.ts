import { expect, test } from 'vitest';
import { formatCount, formatPercent } from '../../../packages/starlight-charter/lib/format';

test.each([
  [99.95, '99.95%'],
  [10, '10%'],
  [99.999, '99.999%'],
])('formatPercent(%s) is %s', (value, text) => expect(formatPercent(value)).toBe(text));

test('formatCount groups thousands', () => expect(formatCount(20000)).toBe('20,000'));
test('formatCount follows the locale', () => expect(formatCount(20000, 'de-DE')).toBe('20.000'));
