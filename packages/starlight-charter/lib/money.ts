/**
 * Money in Charter is an integer count of micro-units (millionths of the currency's major
 * unit). Sub-cent unit rates such as 0.012 per unit stay exact, and totals are rounded to
 * the currency's minor unit once, at the end.
 */
export type Micros = number;

export const MICROS_PER_UNIT = 1_000_000;

/** A decimal amount (as typed by a person or in YAML) to micro-units; null if not a finite amount. */
export function toMicros(amount: number): Micros | null {
  if (!Number.isFinite(amount)) return null;
  const micros = Math.round(amount * MICROS_PER_UNIT);
  return Number.isSafeInteger(micros) ? micros : null;
}

/** Digits after the decimal point in the currency's minor unit (USD 2, JPY 0). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Rounds micro-units half away from zero to the currency's minor unit, returned as minor units. */
export function toMinorUnits(micros: Micros, currency: string): number {
  const step = MICROS_PER_UNIT / 10 ** minorDigits(currency);
  const sign = micros < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(micros) / step)) as number;
}

/** Rounds micro-units to a whole minor unit, staying in micro-units. */
export function roundToMinor(micros: Micros, currency: string): Micros {
  const step = MICROS_PER_UNIT / 10 ** minorDigits(currency);
  return toMinorUnits(micros, currency) * step;
}

/** Multiplies a unit price by a quantity (which may be fractional, e.g. terabytes), in micro-units. */
export function multiply(unitPrice: Micros, quantity: number): Micros {
  return Math.round(unitPrice * quantity);
}

/** Percentage of an amount, rounded to the currency's minor unit. */
export function percentOf(amount: Micros, percent: number, currency: string): Micros {
  return roundToMinor(Math.round((amount * percent) / 100), currency);
}

export interface MoneyFormat {
  currency: string;
  locale: string;
}

/** Formats an amount for people, rounded to the minor unit: 1200000000 → "$1,200.00". */
export function formatMoney(micros: Micros, { currency, locale }: MoneyFormat): string {
  const digits = minorDigits(currency);
  const minor = toMinorUnits(micros, currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** Formats a whole price without cents when it has none: 1200000000 → "$1,200". */
export function formatPrice(micros: Micros, { currency, locale }: MoneyFormat): string {
  const whole = micros % MICROS_PER_UNIT === 0;
  const digits = whole ? 0 : minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, minorDigits(currency)),
  }).format(micros / MICROS_PER_UNIT);
}

/** Formats a unit rate with as many decimals as it needs (up to 6): 12000 → "$0.012". */
export function formatRate(micros: Micros, { currency, locale }: MoneyFormat): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: 6,
  }).format(micros / MICROS_PER_UNIT);
}
