import { z } from 'zod';
import { parseDuration } from '../lib/duration.ts';

export { IdSchema, MoneySchema, PercentSchema, type Id } from './scalars.ts';

/** Non-empty human text. */
export const TextSchema = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' });

/**
 * A duration written as `30m`, `4h` or `2d` (a day is 24 hours of its clock).
 * Parsed to whole minutes.
 */
export const DurationSchema = z
  .string({ error: 'expected a duration like "4h"' })
  .transform((value, ctx) => {
    const minutes = parseDuration(value);
    if (minutes === null) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like "4h", got "${value}"` });
      return z.NEVER;
    }
    return minutes;
  });

/** Which clock a duration runs on: business hours only, or around the clock. */
export const ClockSchema = z.enum(['business', 'calendar'], {
  error: 'expected "business" or "calendar" (24x7)',
});

/** A whole count of something (queries, seats), zero or more. */
export const CountSchema = z
  .number({ error: 'expected a whole number' })
  .int({ error: 'expected a whole number' })
  .min(0, { error: 'must not be negative' });

/** An ISO calendar date written as YYYY-MM-DD. */
export const DateSchema = z
  .string({ error: 'expected a date like 2026-01-31' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date like 2026-01-31' });

/** A list of human-readable items. */
export const TextListSchema = z
  .array(TextSchema, { error: 'expected a list of items' })
  .min(1, { error: 'must list at least one item' });

export type Clock = z.output<typeof ClockSchema>;

/**
 * Lint rules a data entry may opt out of, each with a reason people can read:
 * `slower-response`, `lower-availability`, `fewer-units`, `fewer-channels` (a tier's SLA entry,
 * against the tier below it) and `fewer-features` (a feature, for any pair of tiers).
 */
export const LINT_RULES = [
  'slower-response',
  'lower-availability',
  'fewer-units',
  'fewer-channels',
  'fewer-features',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** `lint_exceptions: [{ rule: slower-response, reason: "…" }]` — an intended exception to a lint rule. */
export const LintExceptionsSchema = z
  .array(
    z.strictObject({
      rule: z.enum(LINT_RULES, { error: `expected one of: ${LINT_RULES.join(', ')}` }),
      reason: TextSchema,
    }),
  )
  .optional();
