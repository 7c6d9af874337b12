import { z } from 'zod';
import { PRICING_MODEL_IDS } from './engagement.ts';
import {
  CountSchema,
  IdSchema,
  MoneySchema,
  PercentSchema,
  TextListSchema,
  TextSchema,
  type Localized,
} from './shared.ts';

export const RateCardRoleSchema = z.strictObject({
  id: IdSchema,
  role: TextSchema,
  /** Hourly rate in the company currency. */
  hourly: MoneySchema,
});

/** services.yaml — read by the custom-development pages, the SOW template and generator. */
export const ServicesFileSchema = z.strictObject({
  service_types: z
    .array(z.strictObject({ id: IdSchema, name: TextSchema, items: TextListSchema }))
    .min(1),
  pricing_models: z
    .array(
      z.strictObject({
        id: z.enum(PRICING_MODEL_IDS, {
          error: 'expected fixed-price, time-and-materials or retainer',
        }),
        name: TextSchema,
        points: TextListSchema,
      }),
    )
    .min(1),
  rate_card: z.array(RateCardRoleSchema).min(1),
  retainer: z.strictObject({ discount_percent: PercentSchema, minimum_monthly_hours: CountSchema }),
  default_payment_schedule: z
    .array(z.strictObject({ milestone: TextSchema, percent: PercentSchema }))
    .min(1)
    .refine((rows) => Math.abs(rows.reduce((sum, r) => sum + r.percent, 0) - 100) < 1e-9, {
      error: 'payment schedule percentages must add up to 100',
    }),
  deliverables: TextListSchema,
  ip_terms: TextListSchema,
  acceptance_criteria: TextListSchema,
  change_management: TextListSchema,
  engagement_phases: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: TextSchema,
        duration: TextSchema,
        activities: TextListSchema,
        deliverables: TextListSchema,
        client_role: TextListSchema,
      }),
    )
    .min(1),
});

export type RateCardRole = Localized<z.output<typeof RateCardRoleSchema>>;
export type ServicesFile = Localized<z.output<typeof ServicesFileSchema>>;
