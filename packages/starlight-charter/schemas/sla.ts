import { z } from 'zod';
import { BEST_EFFORT } from './best-effort.ts';
import { parseDuration } from './duration.ts';
import { isCalendarDate } from './engagement.ts';
import {
  ClockSchema,
  IdSchema,
  LintExceptionsSchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
  type Localized,
} from './shared.ts';

export { BEST_EFFORT } from './best-effort.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TimeOfDaySchema = z
  .string({ error: 'expected a time like "09:00"' })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
    error: 'expected a time like "09:00" (24-hour clock)',
  });

/** Anything that starts like a date is read as one: `2026-12-24`, never a holiday-set id. */
const looksLikeDate = (value: string) => /^\d{4}-/.test(value);

const HolidayDateSchema = z
  .string({ error: 'expected a date like "2026-12-25"' })
  .refine(isCalendarDate, { error: 'expected a real date like "2026-12-25"' })
  .meta({ description: 'A local date, "2026-12-25": the whole day in the schedule\'s time zone' });

/**
 * A named list of public holidays with explicit dates, listed per year, e.g.
 * `{ id: us-federal, name: US federal holidays, dates: { 2026: [{ date: "2026-01-01", name: New
 * Year's Day }] } }`. Dates are written out rather than computed from rules (Easter, "third
 * Monday"), so the data says exactly which days are closed. A year listed is complete: a year
 * not listed has no known holidays, and the pages say through which year holidays are listed.
 */
export const HolidaySetSchema = z
  .strictObject({
    id: IdSchema.check(
      z.refine((id: string) => !looksLikeDate(id), {
        error: 'a holiday-set id must not start like a date',
      }),
    ),
    name: TextSchema,
    /** Keyed by year; each year lists its holidays, `[]` for a year with none. */
    dates: z
      .record(z.string(), z.array(z.strictObject({ date: HolidayDateSchema, name: TextSchema })))
      .meta({
        description:
          'Holidays per year, keyed by the year (2026: [{ date: "2026-01-01", name: New Year\'s Day }]). ' +
          'A year listed is complete; for a year not listed no holidays are known, and the pages say through which year they are listed.',
      }),
  })
  .superRefine((set, ctx) => {
    for (const [year, holidays] of Object.entries(set.dates)) {
      if (!/^\d{4}$/.test(year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dates', year],
          message: `expected a year like 2026, got "${year}"`,
        });
        continue;
      }
      const seen = new Map<string, number>();
      holidays.forEach((holiday, i) => {
        const path = ['dates', year, i, 'date'];
        if (!holiday.date.startsWith(`${year}-`)) {
          ctx.addIssue({ code: 'custom', path, message: `${holiday.date} is not in ${year}` });
        }
        const earlier = seen.get(holiday.date);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `duplicate holiday ${holiday.date} (first listed at dates.${year}[${earlier}])`,
          });
        } else seen.set(holiday.date, i);
      });
    }
  });

/**
 * One entry of a schedule's `holidays`: the id of a holiday set, or a single date
 * ("2026-12-24") on which support is closed too.
 */
const HolidayEntrySchema = z
  .string({ error: 'expected a holiday-set id or a date like "2026-12-24"' })
  .superRefine((value, ctx) => {
    if (looksLikeDate(value)) {
      if (!isCalendarDate(value))
        ctx.addIssue({
          code: 'custom',
          message: `expected a real date like "2026-12-24", got "${value}"`,
        });
    } else if (!IdSchema.safeParse(value).success) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a holiday-set id or a date like "2026-12-24", got "${value}"`,
      });
    }
  });

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
    /**
     * Public holidays on which the schedule stays closed all day, as local days in its time zone
     * (the customer's date for `customer`): ids of `holiday_sets` and single dates, e.g.
     * `[us-federal, "2026-12-24"]`. Omitted: no holidays.
     */
    holidays: z
      .array(HolidayEntrySchema)
      .default([])
      .meta({
        description:
          'Public holidays on which the schedule is closed all day: ids of holiday_sets and single dates, e.g. [us-federal, "2026-12-24"]',
      })
      .superRefine((entries, ctx) => {
        entries.forEach((entry, i) => {
          const earlier = entries.indexOf(entry);
          if (earlier < i)
            ctx.addIssue({
              code: 'custom',
              path: [i],
              message: `"${entry}" is listed twice (first at holidays[${earlier}])`,
            });
        });
      }),
  })
  .refine((h) => h.start < h.end, {
    error: 'support hours must end after they start',
    path: ['end'],
  });

/**
 * A duration like "4h", or `best_effort` where the tier promises none; read as minutes, or
 * null for best effort. One string schema rather than a union, so a mistyped duration is
 * reported as such.
 */
const TargetDurationSchema = z
  .string({ error: `expected a duration like "4h" or ${BEST_EFFORT}` })
  .transform((value, ctx) => {
    if (value === BEST_EFFORT) return null;
    const minutes = parseDuration(value);
    if (minutes === null) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like "4h", got "${value}"` });
      return z.NEVER;
    }
    return minutes;
  })
  .meta({
    description: `A duration like "30m", "4h" or "2d", or ${BEST_EFFORT} for no commitment`,
  });

const TargetSchema = z.strictObject({
  /** `best_effort` (null): no first-response commitment. */
  first_response: TargetDurationSchema,
  /**
   * Omitted or `best_effort`: no resolution commitment. Both read as omitted, so code that
   * checks for a resolution target has one case to handle.
   */
  resolution: z.optional(TargetDurationSchema.transform((minutes) => minutes ?? undefined)),
  /** Overrides the tier's clock for this severity. */
  clock: z.optional(ClockSchema),
});

/** A monthly availability target in %, or `best_effort` (null) for none. */
const AvailabilitySchema = z.union([PercentSchema, z.literal(BEST_EFFORT).transform(() => null)], {
  error: `expected a percentage like 99.9, or ${BEST_EFFORT}`,
});

/** sla.yaml — read by SLA tables, the response-deadline and credit calculators, and lint. */
export const TierSlaSchema = z.strictObject({
  tier: IdSchema,
  support_hours: IdSchema,
  clock: ClockSchema,
  /** Monthly availability target, e.g. 99.9; `best_effort` (null) when the tier promises none. */
  availability: AvailabilitySchema,
  /** Omitted: no service credits at this tier. A best-effort tier has none (a cross-check). */
  credit_schedule: z.optional(IdSchema),
  /** Keyed by severity id; every severity has an entry, `{ first_response: best_effort }` at least. */
  targets: z.record(IdSchema, TargetSchema),
  /** Intended exceptions to the tier-order lint rules, against the tier below. */
  lint_exceptions: LintExceptionsSchema,
});

export const SlaFileSchema = z.strictObject({
  /** Named holiday calendars that support-hour schedules refer to by id. Omitted: none. */
  holiday_sets: z.array(HolidaySetSchema).default([]).meta({
    description:
      'Named public-holiday calendars with their dates per year; support_hours name them by id',
  }),
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

export type SupportHours = Localized<z.output<typeof SupportHoursSchema>>;
export type HolidaySet = Localized<z.output<typeof HolidaySetSchema>>;
export type TierSla = Localized<z.output<typeof TierSlaSchema>>;
export type SlaTarget = Localized<z.output<typeof TargetSchema>>;
export type SlaFile = Localized<z.output<typeof SlaFileSchema>>;
