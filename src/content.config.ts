import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { getCatalog, kbDir } from './data/index.ts';
import { KB_TYPES } from './lib/kb.ts';

const catalog = getCatalog();
const categoryIds = catalog.kb.categories.map((c) => c.id);
const tierIds = catalog.tiers.tiers.map((t) => t.id);
const oneOf = (ids: string[], what: string) =>
  z.string().refine((id) => ids.includes(id), { error: `expected ${what}: one of ${ids.join(', ')}` });

/**
 * Knowledge-base articles (content/kb/<category>/<slug>.mdx, or kb/ beside a company's data),
 * read by the /kb/ routes.
 * Category and tiers must name ids from data/; `related` slugs are checked once every
 * article is known (src/pages/kb/_articles.ts).
 */
const kbSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** One or two sentences shown on cards and weighted in search. */
  summary: z.string().trim().min(1),
  category: oneOf(categoryIds, 'a KB category id from data/kb.yaml'),
  tiers: z.array(oneOf(tierIds, 'a tier id from data/tiers.yaml')).min(1),
  tags: z.array(z.string().trim().min(1)).default([]),
  /** The day the article was last reviewed, YYYY-MM-DD. */
  updated: z.coerce.date(),
  type: z.enum(KB_TYPES),
  /** Slugs of related articles: the path under content/kb without extension. */
  related: z.array(z.string()).default([]),
});

// Pages live in the top-level content/docs, not Starlight's default src/content/docs.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    // `updated` reaches Starlight's head (article:modified_time) for KB articles, which render
    // through <StarlightPage> and so pass their frontmatter through this schema.
    schema: docsSchema({ extend: z.object({ updated: z.coerce.date().optional() }) }),
  }),
  kb: defineCollection({
    // Relative to the project root, or an absolute path when the company's folder is elsewhere.
    loader: glob({ base: kbDir(), pattern: '**/[^_]*.{md,mdx}' }),
    schema: kbSchema,
  }),
};
