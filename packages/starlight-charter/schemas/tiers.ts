import { z } from 'zod';
import { IdSchema, TextListSchema, TextSchema } from './shared.ts';

/** tiers.yaml — read by the tier table, feature matrix, "choosing a tier" and every tier select. */
export const TierSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  summary: TextSchema,
  /** One line on how customers reach support at this tier. */
  coverage: TextSchema,
  best_for: TextListSchema,
});

export const TiersFileSchema = z.strictObject({
  /** Lowest tier first; checks rely on this order. */
  tiers: z.array(TierSchema).min(1, { error: 'define at least one tier' }),
  choosing: z.strictObject({
    questions: TextListSchema,
    scenarios: z
      .array(z.strictObject({ scenario: TextSchema, tier: IdSchema }))
      .min(1, { error: 'list at least one scenario' }),
  }),
  upgrade_steps: TextListSchema,
});

export type Tier = z.output<typeof TierSchema>;
export type TiersFile = z.output<typeof TiersFileSchema>;
