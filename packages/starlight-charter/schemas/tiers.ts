import { z } from 'zod';
import { IdSchema, TextListSchema, TextSchema, type Localized } from './shared.ts';

/** tiers.yaml — read by the tier table, feature matrix, "choosing a tier" and every tier select. */
export const TierSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  summary: TextSchema,
  /** One line on how customers reach support at this tier. */
  coverage: TextSchema,
  best_for: TextListSchema,
  /**
   * Feature ids (features.yaml) the tier's plan card names, most telling first, up to four;
   * each must be one the tier has. Without it, the card names the first four it has.
   */
  highlights: z.optional(
    z
      .array(IdSchema, { error: 'expected a list of feature ids' })
      .min(1, { error: 'name at least one feature, or leave highlights out' })
      .max(4, { error: 'name at most four features: a card shows the few that sell the tier' }),
  ),
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

export type Tier = Localized<z.output<typeof TierSchema>>;
export type TiersFile = Localized<z.output<typeof TiersFileSchema>>;
