import { z } from 'zod';
import { IdSchema, LintExceptionsSchema, TextSchema, type Localized } from './shared.ts';

/** A matrix cell: a plain availability word, or free text for anything else. */
export const FeatureValueSchema = z.union(
  [z.enum(['yes', 'no', 'add-on', 'included']), z.strictObject({ text: TextSchema })],
  { error: 'expected yes, no, add-on, included or { text: "…" }' },
);

/** features.yaml — read by the feature matrix and lint. */
export const FeatureSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** Tier id → value; every tier must have a value. */
  values: z.record(IdSchema, FeatureValueSchema),
  /** An intended exception to `fewer-features`, with its reason. */
  lint_exceptions: LintExceptionsSchema,
});

export const FeaturesFileSchema = z.strictObject({ features: z.array(FeatureSchema).min(1) });

export type FeatureValue = Localized<z.output<typeof FeatureValueSchema>>;
export type Feature = Localized<z.output<typeof FeatureSchema>>;
export type FeaturesFile = Localized<z.output<typeof FeaturesFileSchema>>;
