export { parseDuration } from '../schemas/duration.ts';

/**
 * Formats minutes as plain words: 30 → "30 minutes", 90 → "1 hour 30 minutes",
 * 2880 → "48 hours". Hours are not folded into days, because business-hours targets
 * are counted in hours and "2 days" would misread as calendar days.
 */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`not a duration: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} ${rest === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}

/** Short form for table cells: 30 → "30m", 120 → "2h", 90 → "1h 30m". */
export function formatDurationShort(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`not a duration: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
