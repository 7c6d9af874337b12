import { xml2js, type Element } from 'xml-js';
import { describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import { moneyFormat } from '../../../packages/starlight-charter/lib/catalog';
import { MICROS_PER_UNIT } from '../../../packages/starlight-charter/lib/money';
import { priceText } from '../../../packages/starlight-charter/lib/pricing-text';
import {
  changeLog,
  changeLogFeed,
  formatEffectiveDate,
  type ReleasedTerms,
} from '../../../packages/starlight-charter/lib/terms-log';
import { SAMPLE } from '../../support/sites';

const sample = loadCatalog(SAMPLE.terms);
const paidIndex = sample.pricing.plans.findIndex(
  (p) => p.price.model === 'flat' && p.price.monthly > 0,
);
const paid = sample.pricing.plans[paidIndex]!;
const paidTier = sample.tiers.tiers.find((t) => t.id === paid.tier)!;

function withPrice(catalog: Catalog, units: number): Catalog {
  const copy = structuredClone(catalog);
  copy.pricing.plans[paidIndex]!.price = { model: 'flat', monthly: units * MICROS_PER_UNIT };
  return copy;
}

/** Three releases: 1.0, then 1.1 with a price changed, then 2.0 with the name of a tier changed too. */
const first = withPrice(sample, 100);
const second = withPrice(sample, 200);
const third = structuredClone(second);
third.tiers.tiers[0]!.name = 'Renamed & <b>bold</b>';
const RELEASES: ReleasedTerms[] = [
  // Listed out of order: the log orders them by version.
  { version: '1.1', effectiveDate: '2026-02-01', catalog: second },
  { version: '2.0', effectiveDate: '2026-03-01', catalog: third },
  { version: '1.0', effectiveDate: '2026-01-01', catalog: first },
];
const priceSentence = `${paidTier.name} plan price: ${priceText(first.pricing.plans[paidIndex]!.price, moneyFormat(sample))} → ${priceText(second.pricing.plans[paidIndex]!.price, moneyFormat(sample))}`;

describe('changeLog', () => {
  test('newest release first, each with what changed from the one before', () => {
    expect(changeLog(RELEASES)).toEqual([
      {
        version: '2.0',
        effectiveDate: '2026-03-01',
        previous: '1.1',
        changes: [`Tier renamed: ${sample.tiers.tiers[0]!.name} → Renamed & <b>bold</b>`],
      },
      { version: '1.1', effectiveDate: '2026-02-01', previous: '1.0', changes: [priceSentence] },
      { version: '1.0', effectiveDate: '2026-01-01', previous: null, changes: [] },
    ]);
  });

  test('no releases: an empty log', () => {
    expect(changeLog([])).toEqual([]);
  });
});

describe('formatEffectiveDate', () => {
  test("the day as written, in the locale, whatever the machine's time zone", () => {
    expect(formatEffectiveDate('2026-10-01', 'en-US')).toBe('October 1, 2026');
    expect(formatEffectiveDate('2026-10-01', 'de-DE')).toBe('1. Oktober 2026');
  });
});

/** The feed parsed by a strict XML parser: it throws on anything that is not well-formed XML. */
function parseFeed(xml: string): Element {
  const doc = xml2js(xml, { compact: false }) as Element;
  const root = doc.elements!.find((e) => e.type === 'element')!;
  return root;
}
const children = (e: Element, name: string) => (e.elements ?? []).filter((c) => c.name === name);
const text = (e: Element | undefined) =>
  (e?.elements ?? []).map((c) => c.text ?? c.cdata ?? '').join('');

const SITE = {
  company: sample.company.name,
  pageUrl: 'https://example.com/commercial/changes/',
  feedUrl: 'https://example.com/commercial/changes.xml',
  releaseUrl: (v: string) => `https://example.com/commercial/terms/${v}/`,
  locale: 'en-US',
  effectiveDate: '2026-04-01',
};

describe('changeLogFeed', () => {
  test('valid Atom: a feed element in the Atom namespace with id, title, updated and a self link', () => {
    const feed = parseFeed(changeLogFeed(changeLog(RELEASES), SITE));
    expect(feed.name).toBe('feed');
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(children(feed, 'id')[0])).toBe(SITE.pageUrl);
    expect(text(children(feed, 'title')[0])).toContain(sample.company.name);
    // The newest release's date, so the feed changes only with a release.
    expect(text(children(feed, 'updated')[0])).toBe('2026-03-01T00:00:00.000Z');
    const self = children(feed, 'link').find((l) => l.attributes?.rel === 'self');
    expect(self?.attributes?.href).toBe(SITE.feedUrl);
  });

  test('one entry per release, newest first, linking to its page, with its sentences', () => {
    const feed = parseFeed(changeLogFeed(changeLog(RELEASES), SITE));
    const entries = children(feed, 'entry');
    expect(entries.map((e) => text(children(e, 'id')[0]))).toEqual(
      ['2.0', '1.1', '1.0'].map((v) => SITE.releaseUrl(v)),
    );
    for (const entry of entries) {
      expect(text(children(entry, 'title')[0])).toMatch(/^Version \d\.\d, effective /);
      expect(text(children(entry, 'updated')[0])).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(children(entry, 'link')[0]?.attributes?.href).toBe(text(children(entry, 'id')[0]));
    }
    const content = text(children(entries[1]!, 'content')[0]);
    expect(content).toContain(`<li>${priceSentence}</li>`);
    // Names are text, escaped inside the entry's HTML.
    expect(text(children(entries[0]!, 'content')[0])).toContain(
      'Renamed &amp; &lt;b&gt;bold&lt;/b&gt;',
    );
  });

  test('no releases: still a valid feed, dated when the current terms took effect, with no entries', () => {
    const feed = parseFeed(changeLogFeed([], SITE));
    expect(feed.name).toBe('feed');
    expect(text(children(feed, 'updated')[0])).toBe('2026-04-01T00:00:00.000Z');
    expect(children(feed, 'entry')).toEqual([]);
  });
});
