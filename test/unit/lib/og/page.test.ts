import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../../packages/starlight-charter/data/load';
import { planForTier, planPriceText } from '../../../../packages/starlight-charter/lib/catalog';
import {
  cardPathFor,
  decodeEntities,
  humanize,
  priceDetail,
  readHead,
  sectionFor,
  type NavEntry,
} from '../../../../packages/starlight-charter/lib/og/page';
import { SAMPLE, WEE } from '../../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);

describe('cardPathFor', () => {
  test.each([
    { path: '/', expected: '/og/index.png' },
    { path: '/index.html', expected: '/og/index.png' },
    { path: '/commercial/tiers/', expected: '/og/commercial/tiers.png' },
    { path: '/kb/api/pagination/', expected: '/og/kb/api/pagination.png' },
    { path: '/kb/api/pagination/index.html', expected: '/og/kb/api/pagination.png' },
    { path: '/404', expected: '/og/404.png' },
    { path: '/404.html', expected: '/og/404.png' },
  ])('returns $expected for $path', ({ path, expected }) => {
    expect(cardPathFor(path)).toBe(expected);
  });
});

describe('sectionFor', () => {
  const link = (href: string, isCurrent = false): NavEntry => ({ type: 'link', href, isCurrent });
  const sidebar: NavEntry[] = [
    link('/'),
    { type: 'group', label: 'Commercial', entries: [link('/commercial/tiers/', true)] },
    {
      type: 'group',
      label: 'Knowledge base',
      entries: [{ type: 'group', label: 'API', entries: [link('/kb/api/')] }],
    },
  ];

  test.each([
    {
      path: '/commercial/tiers/',
      expected: 'Commercial',
      why: 'the group holding the current page',
    },
    {
      path: '/kb/api/pagination/',
      expected: 'Knowledge base',
      why: 'the group sharing its first folder',
    },
    { path: '/sow/template/', expected: 'Sow', why: 'its first folder in words' },
    { path: '/', expected: '', why: 'no section on the home page' },
    { path: '/404', expected: '', why: 'no section on the not-found page' },
  ])('returns "$expected" for $path ($why)', ({ path, expected }) => {
    const current =
      path === '/commercial/tiers/' ? sidebar : sidebar.slice(0, 1).concat(sidebar.slice(2));
    expect(sectionFor(current, path)).toBe(expected);
  });

  test('reads paths and links under a base path without it', () => {
    const under = (entries: NavEntry[]): NavEntry[] =>
      entries.map((e) =>
        e.type === 'link'
          ? { ...e, href: `/support${e.href}` }
          : { ...e, entries: under(e.entries) },
      );
    const others = under(sidebar.slice(0, 1).concat(sidebar.slice(2)));
    expect(sectionFor(under(sidebar), '/support/commercial/tiers/', '/support/')).toBe(
      'Commercial',
    );
    expect(sectionFor(others, '/support/kb/api/pagination/', '/support/')).toBe('Knowledge base');
    expect(sectionFor(others, '/support/', '/support/')).toBe('');
  });

  test.each([
    { segment: 'getting-started', expected: 'Getting started' },
    { segment: 'kb', expected: 'Kb' },
    { segment: '', expected: '' },
  ])('humanizes "$segment" as "$expected"', ({ segment, expected }) => {
    expect(humanize(segment)).toBe(expected);
  });
});

describe('priceDetail', () => {
  const tiers = catalog.tiers.tiers;
  const priceOf = (tier: (typeof tiers)[number]) =>
    `${tier.name}: ${planPriceText(catalog, planForTier(catalog, tier.id))}`;

  test.each(tiers.map((tier) => ({ tier })))(
    'shows the price of $tier.id on its own tier page',
    ({ tier }) => {
      expect(priceDetail(catalog, `/commercial/tiers/${tier.id}/`)).toBe(priceOf(tier));
    },
  );

  test.each(['/commercial/tiers/', '/commercial/pricing/'])(
    'lists every tier and price on %s',
    (path) => {
      const detail = priceDetail(catalog, path);
      for (const tier of tiers) expect(detail).toContain(priceOf(tier));
    },
  );

  test.each(['/', '/kb/api/pagination/', '/commercial/tiers/not-a-tier/', '/calculators/roi/'])(
    'returns nothing for %s',
    (path) => {
      expect(priceDetail(catalog, path)).toBe('');
    },
  );
});

describe.each([
  { name: 'the sample', data: catalog },
  { name: 'WEE', data: loadCatalog(WEE.terms) },
])('priceDetail for $name', ({ data }) => {
  const money = { currency: data.company.currency, locale: data.company.locale };

  test.each(data.pricing.plans.map((plan) => ({ plan })))(
    'says the $plan.price.model price of $plan.id as the pricing page does, and no meter',
    ({ plan }) => {
      const tier = data.tiers.tiers.find((t) => t.id === plan.tier)!;
      const detail = priceDetail(data, `/commercial/tiers/${tier.id}/`);
      expect(detail).toBe(`${tier.name}: ${planPriceText(data, plan)}`);
      if ('monthly' in plan.price && plan.price.monthly > 0) {
        const major = plan.price.monthly / 1_000_000;
        const amount = new Intl.NumberFormat(money.locale, {
          style: 'currency',
          currency: money.currency,
          maximumFractionDigits: Number.isInteger(major) ? 0 : 2,
        }).format(major);
        expect(detail).toContain(amount);
      }
      for (const meter of data.pricing.meters) {
        expect(detail).not.toContain(meter.unit.one);
        expect(detail).not.toContain(meter.unit.other);
      }
    },
  );
});

describe('readHead', () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"/>
    <title>Tiers &amp; prices | Example</title>
    <link rel="canonical" href="https://example.com/tiers/"/>
    <meta property="og:title" content="Tiers &amp; &quot;prices&quot; &#39;here&#x27;"/>
    <meta name="description" content='First'>
    <meta name="description" content="Second">
    </head><body><meta name="in-body" content="ignored"></body></html>`;

  test('reads the title, canonical and decoded meta values', () => {
    const head = readHead(html);
    expect(head.title).toBe('Tiers & prices | Example');
    expect(head.canonical).toBe('https://example.com/tiers/');
    expect(head.meta.get('og:title')).toBe(`Tiers & "prices" 'here'`);
  });

  test('keeps the first of repeated meta and ignores the body', () => {
    const head = readHead(html);
    expect(head.meta.get('description')).toBe('First');
    expect(head.meta.has('in-body')).toBe(false);
  });

  test.each([
    { text: 'a &lt;b&gt; &amp;amp;', expected: 'a <b> &amp;' },
    { text: '&#20013;&#x6587;', expected: '中文' },
    { text: '&unknown; stays', expected: '&unknown; stays' },
  ])('decodes "$text" as "$expected"', ({ text, expected }) => {
    expect(decodeEntities(text)).toBe(expected);
  });
});
