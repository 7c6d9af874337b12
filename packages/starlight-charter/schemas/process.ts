import { z } from 'zod';
import { IdSchema, TextListSchema, TextSchema, type Localized } from './shared.ts';

/** process.yaml — read by the support-process diagram. */
export const StageSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  owner: TextSchema,
  actions: TextListSchema,
  /** Which SLA figure bounds this stage, if any. */
  timeline: z.enum(['first_response', 'updates', 'resolution']).optional(),
});

export const ProcessFileSchema = z.strictObject({
  stages: z.array(StageSchema).min(1),
  update_content: TextListSchema,
});

export type Stage = Localized<z.output<typeof StageSchema>>;
export type ProcessFile = Localized<z.output<typeof ProcessFileSchema>>;
