import { z } from 'zod';
import {
  CountSchema,
  IdSchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
  type Localized,
} from './shared.ts';

/** One half-open band: `at_least <= uptime < below` earns `credit` % of the monthly fee. */
export const CreditBandSchema = z
  .strictObject({ at_least: PercentSchema, below: PercentSchema, credit: PercentSchema })
  .refine((b) => b.at_least < b.below, {
    error: 'a band\'s "at_least" must be less than its "below"',
    path: ['below'],
  });

export const CreditScheduleSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** Highest uptime first. */
  bands: z.array(CreditBandSchema).min(1, { error: 'list at least one band' }),
});

/** credits.yaml — read by the SLA credit tables, the credit calculator and lint. */
export const CreditsFileSchema = z.strictObject({
  /** Largest credit for one month, as % of that month's fee. */
  cap_percent: PercentSchema,
  claim: z.strictObject({
    /** Days after the end of the affected month to file a claim. */
    window_days: CountSchema,
    steps: TextListSchema,
  }),
  schedules: z.array(CreditScheduleSchema).min(1),
});

export type CreditBand = Localized<z.output<typeof CreditBandSchema>>;
export type CreditSchedule = Localized<z.output<typeof CreditScheduleSchema>>;
export type CreditsFile = Localized<z.output<typeof CreditsFileSchema>>;
