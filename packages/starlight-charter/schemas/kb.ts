import { z } from 'zod';
import { isKnownLocale } from './company.ts';
import { IdSchema, TextSchema, type Localized } from './shared.ts';

/** kb.yaml — read by the KB home, category pages, sidebar and article frontmatter checks. */
export const KbCategorySchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: TextSchema,
});

/** Search help: words dropped from queries, and the product's own synonyms. */
export const SearchHelpSchema = z.strictObject({
  stop_words: z.array(z.string()).default([]),
  synonyms: z.record(z.string(), z.array(z.string())).default({}),
});

/** A language tag as written in a site's locales: `de`, `en-GB` (a language of 2 or 3 letters). */
export const isLanguageTag = (tag: string) =>
  /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) && isKnownLocale(tag);

/**
 * Search help written once (`stop_words`, `synonyms`: the company's language), or per language
 * (`de: {…}`, `en: {…}`), each language with its own stop words and synonyms.
 */
const SearchSchema = z
  .object({
    stop_words: z.array(z.string()).optional(),
    synonyms: z.record(z.string(), z.array(z.string())).optional(),
  })
  .catchall(SearchHelpSchema)
  .superRefine((search, ctx) => {
    const languages = Object.keys(search).filter((k) => k !== 'stop_words' && k !== 'synonyms');
    for (const key of languages)
      if (!isLanguageTag(key))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected stop_words, synonyms or a language tag like "de" or "en-GB"`,
        });
    if (languages.length > 0 && languages.length < Object.keys(search).length)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'write the search help once, or once per language, not both',
      });
  })
  .transform((search) =>
    'stop_words' in search || 'synonyms' in search || Object.keys(search).length === 0
      ? SearchHelpSchema.parse(search)
      : (search as Record<string, z.output<typeof SearchHelpSchema>>),
  );

export const KbFileSchema = z.strictObject({
  /** Empty (`categories: []`) for a company without a knowledge base yet. */
  categories: z.array(KbCategorySchema),
  search: SearchSchema.optional(),
});

export type KbCategory = Localized<z.output<typeof KbCategorySchema>>;
export type KbFile = Localized<z.output<typeof KbFileSchema>>;
