/** Formats a percentage for people without losing precision: 99.95 → "99.95%", 10 → "10%". */
export function formatPercent(value: number, locale = 'en-US'): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value)}%`;
}

/** Formats a whole count with grouping: 20000 → "20,000". */
export function formatCount(value: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
