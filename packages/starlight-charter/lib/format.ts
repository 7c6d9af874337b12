/**
 * Formats a percentage as the locale writes one, keeping the digits the value has (up to
 * `maxDigits` after the decimal separator): 99.95 → "99.95%", 10 → "10%", in German "99,95 %".
 */
export function formatPercent(value: number, locale = 'en-US', maxDigits = 4): string {
  // The percent style multiplies by 100; dividing first keeps the digits (checked to 6 places).
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: maxDigits,
  }).format(value / 100);
}

/** Formats a whole count with grouping: 20000 → "20,000". */
export function formatCount(value: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
