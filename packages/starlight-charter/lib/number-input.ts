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
  /** Unit shown in messages: "%" is written after the number, anything else with a space. */
  unit?: string;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d*,\d+$/;

function withUnit(value: number, unit?: string): string {
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: 6,
    useGrouping: false,
  }).format(value);
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function fail(message: string): ParsedNumber {
  return { ok: false, message };
}

/** Parses what a person typed into a number field, or says in one sentence why it cannot. */
export function parseNumberInput(raw: string, rule: NumberRule = {}): ParsedNumber {
  const text = raw.trim();
  if (text === '') return fail('Enter a number.');
  if (GROUPED.test(text))
    return fail(`Leave out the thousands separators: write ${text.replaceAll(',', '')}.`);
  if (COMMA_DECIMAL.test(text))
    return fail(`Use a point for decimals: write ${text.replace(',', '.')}.`);
  if (!PLAIN_NUMBER.test(text)) return fail('Enter a number using digits, for example 42 or 99.5.');
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
    return fail('That number is too large.');
  if (rule.min !== undefined && rule.min >= 0 && value < 0)
    return fail('Enter a number that is not negative.');
  if (rule.integer && !Number.isInteger(value)) return fail('Enter a whole number.');
  if (rule.min !== undefined && value < rule.min)
    return fail(`Enter at least ${withUnit(rule.min, rule.unit)}.`);
  if (rule.max !== undefined && value > rule.max)
    return fail(`Enter at most ${withUnit(rule.max, rule.unit)}.`);
  if (rule.decimals !== undefined) {
    const fraction = /\.(\d*)$/.exec(text.replace(/[eE].*$/, ''))?.[1] ?? '';
    if (
      /[eE]/.test(text)
        ? !Number.isInteger(value * 10 ** rule.decimals)
        : fraction.length > rule.decimals
    ) {
      return fail(
        rule.decimals === 0
          ? 'Enter a whole number.'
          : `Use at most ${rule.decimals} digits after the decimal point.`,
      );
    }
  }
  return { ok: true, value };
}

/** Parses a calendar month written `YYYY-MM` (as `<input type="month">` gives it). */
export function parseMonthInput(
  raw: string,
): { ok: true; year: number; month: number } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(raw.trim());
  if (raw.trim() === '') return { ok: false, message: 'Choose a month.' };
  if (!match) return { ok: false, message: 'Enter a month as YYYY-MM, for example 2026-02.' };
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, message: 'Enter a month from 01 to 12.' };
  if (year < 1970 || year > 9999) return { ok: false, message: 'Enter a year from 1970 on.' };
  return { ok: true, year, month };
}
