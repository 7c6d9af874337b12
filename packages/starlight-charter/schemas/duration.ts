/**
 * Duration strings as the terms write them (`30m`, `4h`, `2d`): parsed where the schemas
 * validate them, and by the logic that formats them (lib/duration.ts).
 */

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
