import type { APIRoute } from 'astro';
import { charterHref, getCatalog } from '../../data/site';
import { CHANGES_PATH, FEED_PATH, getReleases, releasePath } from '../../data/site-releases';
import { translator } from '../../lib/i18n';
import { changeLog, changeLogFeed } from '../../lib/terms-log';
import { config } from 'virtual:starlight-charter/config';

/** GET /commercial/changes.xml — the change log as an Atom feed, one entry per release. */
export const GET: APIRoute = ({ site }) => {
  const { company } = getCatalog();
  const url = (path: string) => new URL(charterHref(path), site ?? company.site_url).href;
  const xml = changeLogFeed(
    changeLog(getReleases(), translator(config.language)),
    {
      company: company.name,
      pageUrl: url(CHANGES_PATH),
      feedUrl: url(FEED_PATH),
      releaseUrl: (version) => url(releasePath(version)),
      locale: company.locale,
      effectiveDate: company.effective_date,
    },
    translator(config.language),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
