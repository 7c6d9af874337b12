import { releases } from 'virtual:starlight-charter/releases';
import { withCurrent } from './releases.ts';
import type { ReleasedTerms } from '../lib/terms-log.ts';
import { getCatalog } from './site.ts';

/**
 * The releases kept in terms/versions/, oldest first, each with the current company (currency,
 * locale) so the pages' formatters read it like the site's own Catalog.
 */
export function getReleases(): ReleasedTerms[] {
  const current = getCatalog();
  return releases.map((r) => ({
    version: r.version,
    effectiveDate: r.effectiveDate,
    catalog: withCurrent(r.terms, current),
  }));
}

/** The change log page's address, its feed's, and a release's, without the base path. */
export const CHANGES_PATH = '/commercial/changes/';
export const FEED_PATH = '/commercial/changes.xml';
export const releasePath = (version: string) => `/commercial/terms/${version}/`;
