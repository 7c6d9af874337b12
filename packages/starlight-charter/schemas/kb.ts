import { z } from 'zod';
import { IdSchema, TextSchema, type Localized } from './shared.ts';

/** kb.yaml — read by the KB home, category pages, sidebar and article frontmatter checks. */
export const KbCategorySchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: TextSchema,
});

export const KbFileSchema = z.strictObject({
  /** Empty (`categories: []`) for a company without a knowledge base yet. */
  categories: z.array(KbCategorySchema),
  /** Search help: words dropped from queries, and the product's own synonyms. */
  search: z
    .strictObject({
      stop_words: z.array(z.string()).default([]),
      synonyms: z.record(z.string(), z.array(z.string())).default({}),
    })
    .optional(),
});

export type KbCategory = Localized<z.output<typeof KbCategorySchema>>;
export type KbFile = Localized<z.output<typeof KbFileSchema>>;
