import { z } from 'zod';
import {
  ClockSchema,
  DurationSchema,
  IdSchema,
  LintExceptionsSchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
} from './shared.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TimeOfDaySchema = z
  .string({ error: 'expected a time like "09:00"' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'expected a time like "09:00" (24-hour clock)' });

/** A named weekly schedule; business-hours clocks count only the minutes inside it. */
export const SupportHoursSchema = z
  .strictObject({
    id: IdSchema,
    name: TextSchema,
    days: z.array(z.enum(WEEKDAYS, { error: 'expected a weekday: mon, tue, … sun' })).min(1),
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    /** `customer` means the customer's own time zone; otherwise an IANA zone like "Europe/Berlin". */
    time_zone: z.string().refine((tz) => tz === 'customer' || isTimeZone(tz), {
      error: 'expected "customer" or an IANA time zone like "Europe/Berlin"',
    }),
  })
  .refine((h) => h.start < h.end, { error: 'support hours must end after they start', path: ['end'] });

const TargetSchema = z
  .strictObject({
    first_response: DurationSchema,
    /** Omitted: no resolution commitment (best effort). */
    resolution: z.optional(DurationSchema),
    /** Overrides the tier's clock for this severity. */
    clock: z.optional(ClockSchema),
  });

/** data/sla.yaml — read by SLA tables, the response-deadline and credit calculators, and lint. */
export const TierSlaSchema = z.strictObject({
  tier: IdSchema,
  support_hours: IdSchema,
  clock: ClockSchema,
  /** Monthly availability target, e.g. 99.9. */
  availability: PercentSchema,
  /** Omitted: no service credits at this tier. */
  credit_schedule: z.optional(IdSchema),
  /** Keyed by severity id. */
  targets: z.record(IdSchema, TargetSchema),
  /** Intended exceptions to the tier-order lint rules, against the tier below. */
  lint_exceptions: LintExceptionsSchema,
});

export const SlaFileSchema = z.strictObject({
  support_hours: z.array(SupportHoursSchema).min(1),
  tiers: z.array(TierSlaSchema).min(1),
  exclusions: TextListSchema,
  reporting: TextListSchema,
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type SupportHours = z.output<typeof SupportHoursSchema>;
export type TierSla = z.output<typeof TierSlaSchema>;
export type SlaTarget = z.output<typeof TargetSchema>;
export type SlaFile = z.output<typeof SlaFileSchema>;
