import { z } from 'zod';
import { CountSchema, IdSchema, MoneySchema, PercentSchema } from './shared.ts';

/** The metered units every plan includes and bills overage for. */
export const UNITS = ['queries', 'ingest_gb', 'seats'] as const;
export type Unit = (typeof UNITS)[number];

const PriceSchema = z.union(
  [
    z.literal('contact-us'),
    z.strictObject({
      /** Price per month, billed monthly, in the company currency. */
      monthly: MoneySchema,
      /** Effective price per month when billed annually, if offered. */
      annual_monthly: z.optional(MoneySchema),
    }),
  ],
  { error: 'expected { monthly: AMOUNT } or "contact-us"' },
);

/** data/pricing.yaml — read by the pricing table, cost calculator, ROI and plan recommendation. */
export const PlanSchema = z.strictObject({
  id: IdSchema,
  /** The support tier this plan includes. */
  tier: IdSchema,
  price: PriceSchema,
  included: z.strictObject({ queries: CountSchema, ingest_gb: CountSchema, seats: CountSchema }),
  /** Price per unit above the included quota; seats omitted means seats cannot exceed the quota. */
  overage: z.strictObject({
    queries: MoneySchema,
    ingest_gb: MoneySchema,
    seats: z.optional(MoneySchema),
  }),
});

export const PricingFileSchema = z.strictObject({
  plans: z.array(PlanSchema).min(1, { error: 'define at least one plan' }),
  /** Usage alerts as a percentage of each quota. */
  usage_alerts: z
    .strictObject({ soft: PercentSchema, hard: PercentSchema })
    .refine((a) => a.soft < a.hard, { error: 'the soft alert must be below the hard alert' }),
});

export type Plan = z.output<typeof PlanSchema>;
export type PricingFile = z.output<typeof PricingFileSchema>;
