import { z } from 'zod';
import { orTextByLanguage } from './text.ts';
import {
  DurationSchema,
  IdSchema,
  TextListSchema,
  TextOrContactUrlSchema,
  TextSchema,
  type Localized,
} from './shared.ts';

export const EscalationLevelSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  role: TextSchema,
  trigger: TextSchema,
  /**
   * Who is brought in, in words ("Support lead", or the words by language), or a web, mailto: or
   * tel: link to reach them.
   */
  contacts: z
    .array(
      orTextByLanguage(
        TextOrContactUrlSchema,
        'expected words, an https:// URL, a site path, a mailto: address or a tel: number, or the words by language: { de: "…", en: "…" }',
      ),
      { error: 'expected a list of items' },
    )
    .min(1, { error: 'must list at least one item' }),
  actions: TextListSchema,
});

/** escalation.yaml — read by the escalation page, response-deadline calculator and lint. */
export const EscalationFileSchema = z.strictObject({
  when_to_escalate: TextListSchema,
  /** Lowest level first. */
  levels: z.array(EscalationLevelSchema).min(1),
  /** Severity id → level id → time after the ticket opens (on the ticket's SLA clock). */
  matrix: z.record(IdSchema, z.record(IdSchema, DurationSchema)),
  customer_initiated: z.array(z.strictObject({ channel: IdSchema, how: TextSchema })).min(1),
  post_escalation: TextListSchema,
});

export type EscalationLevel = Localized<z.output<typeof EscalationLevelSchema>>;
export type EscalationFile = Localized<z.output<typeof EscalationFileSchema>>;
