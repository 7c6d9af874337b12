import { catalog } from 'virtual:starlight-charter/catalog';
import { config } from 'virtual:starlight-charter/config';
import { withPrefix } from '../lib/route-prefix.ts';
import type { Catalog } from './load.ts';

/** The Catalog of the site being built or served (see integrations/virtual-modules.ts). */
export function getCatalog(): Catalog {
  return catalog;
}

/** The knowledge-base folder as the site's config names it, for messages. */
export function kbDir(): string {
  return config.kb.replace(/^\.\//, '').replace(/\/$/, '');
}

/** The site's Charter options: the route prefix and the sections it publishes. */
export const charterConfig = config;

/** The address of one of Charter's pages (`/kb/search/`) under the site's route prefix. */
export function charterHref(path: string): string {
  return withPrefix(path, config.prefix);
}
