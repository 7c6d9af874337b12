// The content Starlight and Charter read: the site's own pages (src/content/docs) and the
// knowledge-base articles, whose frontmatter Charter checks against the terms.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { charterCollections } from 'starlight-charter/content';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  ...charterCollections(),
};
