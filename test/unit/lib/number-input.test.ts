import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  parseMonthInput,
  parseNumberInput,
} from '../../../packages/starlight-charter/lib/number-input';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';

const percent = { min: 0, max: 100, unit: '%' };

describe('parseNumberInput', () => {
  test.each([
    ['99.5', 99.5],
    [' 42 ', 42],
    ['0', 0],
    ['100', 100],
    ['.5', 0.5],
    ['1e2', 100],
  ])('accepts %j as %s', (text, value) => {
    expect(parseNumberInput(text, percent)).toEqual({ ok: true, value });
  });

  test.each([
    ['', 'Enter a number.'],
    ['   ', 'Enter a number.'],
    ['-1', 'Enter a number that is not negative.'],
    ['100.01', 'Enter at most 100%.'],
    ['abc', 'Enter a number using digits, for example 42 or 99.5.'],
    ['12abc', 'Enter a number using digits, for example 42 or 99.5.'],
    ['1e309', 'That number is too large.'],
    ['99,5', 'Use a point for decimals: write 99.5.'],
    ['NaN', 'Enter a number using digits, for example 42 or 99.5.'],
    ['Infinity', 'Enter a number using digits, for example 42 or 99.5.'],
    ['<script>', 'Enter a number using digits, for example 42 or 99.5.'],
  ])('rejects %j with a message', (text, message) => {
    expect(parseNumberInput(text, percent)).toEqual({ ok: false, message });
  });

  test('rejects thousands separators with the plain number to type', () => {
    expect(parseNumberInput('8,999', { min: 0 })).toEqual({
      ok: false,
      message: 'Leave out the thousands separators: write 8999.',
    });
  });
  test('rejects a fraction where whole numbers are required', () => {
    expect(parseNumberInput('2.5', { min: 0, integer: true })).toEqual({
      ok: false,
      message: 'Enter a whole number.',
    });
  });
  test('rejects more decimals than the rule allows', () => {
    expect(parseNumberInput('1.005', { decimals: 2 })).toMatchObject({ ok: false });
    expect(parseNumberInput('1.05', { decimals: 2 })).toEqual({ ok: true, value: 1.05 });
  });
  test('states the minimum with its unit', () => {
    expect(parseNumberInput('0', { min: 1, unit: 'people' })).toEqual({
      ok: false,
      message: 'Enter at least 1 people.',
    });
  });

  test('never returns NaN or Infinity for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseNumberInput(text);
        return !result.ok || Number.isFinite(result.value);
      }),
    );
  });
  test('round-trips every finite number it prints', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (n) => {
        const result = parseNumberInput(String(n), { min: 0 });
        return result.ok && result.value === n;
      }),
    );
  });
});

describe('parseMonthInput', () => {
  test.each([
    ['2026-02', { ok: true, year: 2026, month: 2 }],
    ['2024-12', { ok: true, year: 2024, month: 12 }],
  ])('accepts %s', (text, expected) => expect(parseMonthInput(text)).toEqual(expected));
  test.each([
    ['', 'Choose a month.'],
    ['2026-13', 'Enter a month from 01 to 12.'],
    ['2026-00', 'Enter a month from 01 to 12.'],
    ['Feb 2026', 'Enter a month as YYYY-MM, for example 2026-02.'],
  ])('rejects %j', (text, message) =>
    expect(parseMonthInput(text)).toEqual({ ok: false, message }),
  );
});

describe('messages in the site’s language', () => {
  test.each(['de', 'ja'])('%s: each message is the locale file’s', (language) => {
    const m = messagesFor(language);
    const t = translator(language);
    const message = (raw: string, rule = {}) => {
      const parsed = parseNumberInput(raw, rule, t);
      return parsed.ok ? null : parsed.message;
    };
    expect(message('')).toBe(m['charter.calc.enterNumber']);
    expect(message('abc')).toBe(m['charter.calc.digitsOnly']);
    expect(message('99,5')).toBe(m['charter.calc.decimalPoint']!.replace('{{number}}', '99.5'));
    expect(message('1,000')).toBe(
      m['charter.calc.noThousandsSeparators']!.replace('{{number}}', '1000'),
    );
    expect(message('101', percent)).toBe(
      m['charter.calc.atMost']!.replace(
        '{{value}}',
        m['charter.calc.numberPercent']!.replace('{{number}}', '100'),
      ),
    );
    const minutes = m['charter.calc.minutesUnit']!;
    const tooFew = m['charter.calc.numberWithUnit']!.replace('{{number}}', '5').replace(
      '{{unit}}',
      minutes,
    );
    expect(message('4', { min: 5, unit: minutes })).toBe(
      m['charter.calc.atLeast']!.replace('{{value}}', tooFew),
    );
    const month = parseMonthInput('2026-13', t);
    expect(month.ok ? null : month.message).toBe(m['charter.calc.monthRange']);
  });
  test('reads naturally', () => {
    const parsed = parseNumberInput('4', { min: 5, unit: 'Minuten' }, translator('de'));
    expect(parsed).toEqual({ ok: false, message: 'Geben Sie mindestens 5 Minuten ein.' });
    const ja = parseNumberInput('4', { min: 5, unit: '分' }, translator('ja'));
    expect(ja).toEqual({ ok: false, message: '5分以上を入力してください。' });
    // German puts a no-break space before the percent sign; Japanese and English none.
    expect(parseNumberInput('101', percent, translator('de'))).toEqual({
      ok: false,
      message: 'Geben Sie höchstens 100\u00a0% ein.',
    });
    expect(parseNumberInput('101', percent, translator('ja'))).toEqual({
      ok: false,
      message: '100%以下を入力してください。',
    });
    expect(parseNumberInput('101', percent)).toEqual({ ok: false, message: 'Enter at most 100%.' });
  });
});
