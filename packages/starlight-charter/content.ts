import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { catalog } from 'virtual:starlight-charter/catalog';
import { config } from 'virtual:starlight-charter/config';
import type { Catalog } from './data/load.ts';
import { KB_TYPES } from './lib/kb.ts';

const oneOf = (ids: string[], what: string) =>
  z
    .string()
    .refine((id) => ids.includes(id), { error: `expected ${what}: one of ${ids.join(', ')}` });

/**
 * The frontmatter of a knowledge-base article (`<kb>/<category>/<slug>.mdx`). Category and
 * tiers must name ids from the terms; `related` slugs are checked once every article is known
 * (routes/kb/_articles.ts). A build checks the same before this schema runs (lib/kb-check.ts),
 * to report each mistake at its line; keep the two in step.
 */
export function kbSchema(terms: Catalog) {
  return z.strictObject({
    title: z.string().trim().min(1),
    description: z.string().trim().min(1),
    /** One or two sentences shown on cards and weighted in search. */
    summary: z.string().trim().min(1),
    category: oneOf(
      terms.kb.categories.map((c) => c.id),
      'a KB category id from kb.yaml',
    ),
    tiers: z
      .array(
        oneOf(
          terms.tiers.tiers.map((t) => t.id),
          'a tier id from tiers.yaml',
        ),
      )
      .min(1),
    tags: z.array(z.string().trim().min(1)).default([]),
    /** The day the article was last reviewed, YYYY-MM-DD. */
    updated: z.coerce.date(),
    type: z.enum(KB_TYPES),
    /** Slugs of related articles: the path under the KB folder without extension. */
    related: z.array(z.string()).default([]),
  });
}

/**
 * The collections Charter reads, for a site's `src/content.config.ts`:
 *
 *     export const collections = { docs: …, ...charterCollections() };
 */
export function charterCollections(): CharterCollections {
  // A site without the knowledge base (nor the playbook, which links its articles) has none;
  // the type still names it, so the site's generated types describe the articles everywhere.
  if (!config.sections.kb && !config.sections.playbook) return {} as CharterCollections;
  return { kb: kbCollection() };
}

function kbCollection() {
  return defineCollection({
    // A company may publish its terms before it writes any articles, or has a folder for them.
    loader: existsSync(config.kbDir)
      ? glob({ base: config.kbDir, pattern: '**/[^_]*.{md,mdx}' })
      : async () => [],
    schema: kbSchema(catalog),
  });
}

type CharterCollections = { kb: ReturnType<typeof kbCollection> };
