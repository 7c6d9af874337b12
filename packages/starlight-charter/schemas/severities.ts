import { z } from 'zod';
import { parseDuration } from './duration.ts';
import { IdSchema, TextListSchema, TextSchema, type Localized } from './shared.ts';

/** severities.yaml — read by the severity table, SLA tables, calculators and KB triage. */
export const SeveritySchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  label: TextSchema,
  criteria: TextListSchema,
  /** Minutes between customer updates; `as-needed` (null) means no fixed interval. */
  update_interval: z
    .string({ error: 'expected a duration like "4h" or "as-needed"' })
    .transform((value, ctx) => {
      if (value === 'as-needed') return null;
      const minutes = parseDuration(value);
      if (minutes === null) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a duration like "4h" or "as-needed", got "${value}"`,
        });
        return z.NEVER;
      }
      return minutes;
    }),
});

export const SeveritiesFileSchema = z.strictObject({
  /** Most severe first. */
  severities: z.array(SeveritySchema).min(1, { error: 'define at least one severity' }),
});

export type Severity = Localized<z.output<typeof SeveritySchema>>;
export type SeveritiesFile = Localized<z.output<typeof SeveritiesFileSchema>>;
