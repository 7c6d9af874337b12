/** Minutes in one unit of a duration string. A day is 24 hours of whichever clock applies. */
const UNIT_MINUTES = { m: 1, h: 60, d: 1440, w: 10080 } as const;

/** Parses `30m`, `4h`, `1.5h`, `2d`, `1w` into whole minutes; returns null for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(m|h|d|w)\s*$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
  if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isInteger(minutes)) return null;
  return minutes;
}

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
