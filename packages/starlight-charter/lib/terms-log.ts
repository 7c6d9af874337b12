import { Feed } from 'feed';
import type { Catalog } from '../data/load.ts';
import { diffTerms } from './terms-diff.ts';
import { compareVersions } from './terms-version.ts';
import { english, type Translate } from './i18n.ts';

/** A kept release as the change log reads it: its terms formatted with the current company. */
export interface ReleasedTerms {
  version: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  catalog: Catalog;
}

/** One release in the change log: what changed from the release before it. */
export interface ChangeLogEntry {
  version: string;
  effectiveDate: string;
  /** The version this one replaced; null for the first release kept. */
  previous: string | null;
  /** One sentence per changed figure; empty for the first release, or when no figure changed. */
  changes: string[];
}

/** The change log, newest release first. */
export function changeLog(
  releases: readonly ReleasedTerms[],
  t: Translate = english,
): ChangeLogEntry[] {
  const ordered = [...releases].sort((a, b) => compareVersions(a.version, b.version));
  return ordered
    .map((release, i) => {
      const previous = ordered[i - 1];
      return {
        version: release.version,
        effectiveDate: release.effectiveDate,
        previous: previous?.version ?? null,
        changes: previous
          ? diffTerms(previous.catalog, release.catalog, t).map((c) => c.sentence)
          : [],
      };
    })
    .reverse();
}

/** "1 October 2026" in the company's locale: a date written in the terms, not a moment. */
export function formatEffectiveDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The words of an entry without changes. */
export function entrySummary(entry: ChangeLogEntry, t: Translate = english): string {
  if (entry.previous === null) return t('charter.termsLog.first');
  if (entry.changes.length === 0)
    return t('charter.termsLog.noChange', { version: entry.previous });
  return t('charter.termsLog.changes', { version: entry.previous });
}

export interface FeedSite {
  /** The company's name, for the feed's title. */
  company: string;
  /** Absolute URL of the change-log page. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of a release's page. */
  releaseUrl: (version: string) => string;
  locale: string;
  /** When the current terms took effect (YYYY-MM-DD): the feed's date while it has no entry. */
  effectiveDate: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The change log as an Atom feed: one entry per release, newest first. */
export function changeLogFeed(
  entries: readonly ChangeLogEntry[],
  site: FeedSite,
  t: Translate = english,
): string {
  // The feed changes when a release is made: its date is the newest release's, not the build's.
  const newest = entries[0]?.effectiveDate ?? site.effectiveDate;
  const feed = new Feed({
    id: site.pageUrl,
    link: site.pageUrl,
    title: t('charter.termsLog.feedTitle', { company: site.company }),
    description: t('charter.termsLog.description', { company: site.company }),
    language: site.locale,
    updated: new Date(`${newest}T00:00:00Z`),
    feedLinks: { atom: site.feedUrl },
    generator: 'Charter',
  });
  for (const entry of entries) {
    const items = entry.changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('');
    feed.addItem({
      id: site.releaseUrl(entry.version),
      link: site.releaseUrl(entry.version),
      title: t('charter.termsLog.entryTitle', {
        version: entry.version,
        date: formatEffectiveDate(entry.effectiveDate, site.locale),
      }),
      date: new Date(`${entry.effectiveDate}T00:00:00Z`),
      description: entrySummary(entry, t),
      content: `<p>${escapeHtml(entrySummary(entry, t))}</p>${items ? `<ul>${items}</ul>` : ''}`,
    });
  }
  return feed.atom1();
}
