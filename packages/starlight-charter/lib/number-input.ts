import { english, type Translate } from './i18n.ts';

/**
 * Strict parsing of numbers people type into calculators. Anything that is not plainly a
 * number gets a message saying what is wrong, so a calculator never computes with NaN or
 * Infinity and never guesses what `99,5` meant.
 */

export interface NumberRule {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Only whole numbers. */
  integer?: boolean;
  /** Most digits allowed after the decimal point. */
  decimals?: number;
  /** Unit shown in messages: "%" as the language writes a percentage, anything else after a space. */
  unit?: string;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d*,\d+$/;

// Written as the field takes it (a point for decimals, no grouping), whatever the language.
function withUnit(value: number, t: Translate, unit?: string): string {
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 6,
    useGrouping: false,
  }).format(value);
  if (!unit) return text;
  return unit === '%'
    ? t('charter.calc.numberPercent', { number: text })
    : t('charter.calc.numberWithUnit', { number: text, unit });
}

function fail(message: string): ParsedNumber {
  return { ok: false, message };
}

/** Parses what a person typed into a number field, or says in one sentence why it cannot. */
export function parseNumberInput(
  raw: string,
  rule: NumberRule = {},
  t: Translate = english,
): ParsedNumber {
  const text = raw.trim();
  if (text === '') return fail(t('charter.calc.enterNumber'));
  if (GROUPED.test(text))
    return fail(t('charter.calc.noThousandsSeparators', { number: text.replaceAll(',', '') }));
  if (COMMA_DECIMAL.test(text))
    return fail(t('charter.calc.decimalPoint', { number: text.replace(',', '.') }));
  if (!PLAIN_NUMBER.test(text)) return fail(t('charter.calc.digitsOnly'));
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return fail(t('charter.calc.tooLarge'));
  if (rule.min !== undefined && rule.min >= 0 && value < 0)
    return fail(t('charter.calc.notNegative'));
  if (rule.integer && !Number.isInteger(value)) return fail(t('charter.calc.wholeNumber'));
  if (rule.min !== undefined && value < rule.min)
    return fail(t('charter.calc.atLeast', { value: withUnit(rule.min, t, rule.unit) }));
  if (rule.max !== undefined && value > rule.max)
    return fail(t('charter.calc.atMost', { value: withUnit(rule.max, t, rule.unit) }));
  if (rule.decimals !== undefined) {
    const fraction = /\.(\d*)$/.exec(text.replace(/[eE].*$/, ''))?.[1] ?? '';
    if (
      /[eE]/.test(text)
        ? !Number.isInteger(value * 10 ** rule.decimals)
        : fraction.length > rule.decimals
    ) {
      return fail(
        rule.decimals === 0
          ? t('charter.calc.wholeNumber')
          : t('charter.calc.decimals', { count: rule.decimals }),
      );
    }
  }
  return { ok: true, value };
}

/** Parses a calendar month written `YYYY-MM` (as `<input type="month">` gives it). */
export function parseMonthInput(
  raw: string,
  t: Translate = english,
): { ok: true; year: number; month: number } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(raw.trim());
  if (raw.trim() === '') return { ok: false, message: t('charter.calc.chooseMonth') };
  if (!match) return { ok: false, message: t('charter.calc.monthFormat') };
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, message: t('charter.calc.monthRange') };
  if (year < 1970 || year > 9999) return { ok: false, message: t('charter.calc.yearRange') };
  return { ok: true, year, month };
}
