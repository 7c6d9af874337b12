import { english, type Translate } from './i18n.ts';

export { parseDuration } from '../schemas/duration.ts';

/** Whole hours and the minutes left over, after checking the value is a duration. */
function split(minutes: number): { hours: number; rest: number } {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`not a duration: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  return { hours, rest: Math.round(minutes - hours * 60) };
}

/**
 * Formats minutes as plain words in the page's language: 30 → "30 minutes", 90 → "1 hour
 * 30 minutes", 2880 → "48 hours". Hours are not folded into days, because business-hours
 * targets are counted in hours and "2 days" would misread as calendar days.
 */
export function formatDuration(minutes: number, t: Translate = english): string {
  const { hours, rest } = split(minutes);
  const minutesText = t('charter.duration.minutes', { count: rest });
  if (hours === 0) return minutesText;
  const hoursText = t('charter.duration.hours', { count: hours });
  return rest === 0
    ? hoursText
    : t('charter.duration.join', { hours: hoursText, minutes: minutesText });
}

/**
 * Minutes counted only during support hours, as a language says it in one phrase where it can:
 * "4 business hours", "4 Geschäftsstunden", "4営業時間".
 */
export function formatBusinessDuration(minutes: number, t: Translate = english): string {
  const { hours, rest } = split(minutes);
  if (hours === 0) return t('charter.duration.businessMinutes', { count: rest });
  const hoursText = t('charter.duration.businessHours', { count: hours });
  if (rest === 0) return hoursText;
  const minutesText = t('charter.duration.minutes', { count: rest });
  return t('charter.duration.join', { hours: hoursText, minutes: minutesText });
}

/** Short form for table cells: 30 → "30m", 120 → "2h", 90 → "1h 30m". */
export function formatDurationShort(minutes: number): string {
  const { hours, rest } = split(minutes);
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
