import { catalog } from 'virtual:starlight-charter/catalog';
import { config } from 'virtual:starlight-charter/config';
import { normalizeBase, withBase } from '../lib/base-path.ts';
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

/** The path the site is served under (`/support/`), `/` at the root: Astro's `base`. */
export const BASE = normalizeBase(import.meta.env.BASE_URL);

/**
 * The address of one of Charter's pages (`/kb/search/`) under the site's route prefix and base
 * path; any other site path (`/favicon.svg`, `/search-help.json`) under the base path.
 */
export function charterHref(path: string): string {
  return withBase(withPrefix(path, config.prefix), BASE);
}
