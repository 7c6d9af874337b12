import { describe, expect, test } from 'vitest';
import {
  inLocale,
  localeOfLang,
  localeOfPath,
  localizeLinks,
  localizeSidebar,
  pageFormatLocale,
  siteLocales,
  type SiteLocale,
} from '../../../packages/starlight-charter/lib/site-locales';

const DE_EN: SiteLocale[] = [
  { path: '', lang: 'de' },
  { path: 'en', lang: 'en' },
];
const EN = DE_EN[1]!;

describe('siteLocales', () => {
  test("a site without locales publishes at the root in the company's language", () => {
    expect(siteLocales({}, 'ja')).toEqual([{ path: '', lang: 'ja' }]);
  });

  test('the default locale comes first, then the others as declared', () => {
    expect(
      siteLocales(
        {
          defaultLocale: 'en',
          locales: { fr: { lang: 'fr-CA' }, en: { lang: 'en' }, de: { lang: 'de' } },
        },
        'ja',
      ),
    ).toEqual([
      { path: 'en', lang: 'en' },
      { path: 'fr', lang: 'fr-CA' },
      { path: 'de', lang: 'de' },
    ]);
  });

  test('the root locale is the default unless another is named; a locale without lang is named by its key', () => {
    expect(siteLocales({ locales: { en: {}, root: { lang: 'de' } } }, 'ja')).toEqual([
      { path: '', lang: 'de' },
      { path: 'en', lang: 'en' },
    ]);
  });
});

describe('localeOfPath / localeOfLang / inLocale', () => {
  test.each([
    ['/en/kb/', 'en'],
    ['en/commercial/sla/', 'en'],
    ['/en', 'en'],
    ['/kb/en/', ''],
    ['/english/', ''],
    ['/', ''],
  ])('%s is in the locale at "%s"', (path, expected) => {
    expect(localeOfPath(path, DE_EN).path).toBe(expected);
  });

  test('a route pattern names its locale as a path does', () => {
    expect(localeOfPath('/en/support/kb/[category]/[article]', DE_EN)).toEqual(EN);
    expect(localeOfPath('/support/kb/[category]', DE_EN)).toEqual(DE_EN[0]);
  });

  test('without a root locale, a path in no locale is the default one', () => {
    const prefixed = [
      { path: 'fr', lang: 'fr' },
      { path: 'en', lang: 'en' },
    ];
    expect(localeOfPath('/api/sla.json', prefixed).path).toBe('fr');
  });

  test('a language tag finds its locale; an unknown or missing one is the default', () => {
    expect(localeOfLang('en', DE_EN)).toEqual(EN);
    expect(localeOfLang('fr', DE_EN)).toEqual(DE_EN[0]);
    expect(localeOfLang(undefined, DE_EN)).toEqual(DE_EN[0]);
  });

  test('a path in a locale', () => {
    expect(inLocale('/search-help.json', EN)).toBe('/en/search-help.json');
    expect(inLocale('/search-help.json', DE_EN[0]!)).toBe('/search-help.json');
  });
});

describe('localizeLinks', () => {
  const page = (...links: string[]) => links.map((l) => `<a href="${l}">x</a>`).join('');

  test("links to pages go to the page's language; files, other sites and anchors stay", () => {
    expect(
      localizeLinks(
        page(
          '/support/commercial/sla/',
          '/support/kb/api/?q=429#top',
          '/support/',
          '/support/api/sla.json',
          '/support/favicon.svg',
          'https://example.com/x/',
          '#fees',
          '/elsewhere/',
        ),
        '/support/',
        EN,
        DE_EN,
      ),
    ).toBe(
      page(
        '/support/en/commercial/sla/',
        '/support/en/kb/api/?q=429#top',
        '/support/en/',
        '/support/api/sla.json',
        '/support/favicon.svg',
        'https://example.com/x/',
        '#fees',
        '/elsewhere/',
      ),
    );
  });

  test('links already in a locale stay, so a page can link to another language on purpose', () => {
    const html = page('/en/kb/', '/fr/kb/');
    const three = [...DE_EN, { path: 'fr', lang: 'fr' }];
    expect(localizeLinks(html, '/', EN, three)).toBe(html);
  });

  test("a form's action and single quotes count; a data attribute does not", () => {
    expect(
      localizeLinks(
        `<form action='/kb/search/'></form><div data-href="/kb/"></div>`,
        '/',
        EN,
        DE_EN,
      ),
    ).toBe(`<form action='/en/kb/search/'></form><div data-href="/kb/"></div>`);
  });

  test("the root locale's pages are left as they are", () => {
    const html = page('/commercial/sla/');
    expect(localizeLinks(html, '/', DE_EN[0]!, DE_EN)).toBe(html);
  });
});

describe('localizeSidebar', () => {
  const sidebar = [
    { type: 'link' as const, href: '/', isCurrent: false, label: 'Home' },
    {
      type: 'group' as const,
      label: 'Commercial',
      entries: [
        { type: 'link' as const, href: '/commercial/sla/', isCurrent: true, label: 'SLA' },
        { type: 'link' as const, href: '/kb/', isCurrent: false, label: 'KB' },
      ],
    },
  ];

  test("links go to the page's language, and the page's own link is the current one", () => {
    const [home, group] = localizeSidebar(sidebar, '/', EN, DE_EN, '/en/kb/') as typeof sidebar;
    expect(home).toMatchObject({ href: '/en/', isCurrent: false });
    expect(group!.entries).toEqual([
      { type: 'link', href: '/en/commercial/sla/', isCurrent: false, label: 'SLA' },
      { type: 'link', href: '/en/kb/', isCurrent: true, label: 'KB' },
    ]);
  });

  test('the current page matches with or without its closing slash', () => {
    const group = localizeSidebar(sidebar, '/', EN, DE_EN, '/en/kb')[1] as {
      entries: { isCurrent: boolean }[];
    };
    expect(group.entries.map((e) => e.isCurrent)).toEqual([false, true]);
  });

  test("the root locale's sidebar is Starlight's own", () => {
    expect(localizeSidebar(sidebar, '/', DE_EN[0]!, DE_EN, '/kb/')).toEqual(sidebar);
  });
});

describe('pageFormatLocale', () => {
  test("a language without a region takes the company's region for what a region decides", () => {
    const tag = pageFormatLocale('de-DE', 'en');
    expect(tag).toBe('en-u-rg-dezzzz');
    // English numbers and dates, a German week (Monday first).
    expect(
      new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }).format(0.9995),
    ).toBe('99.95%');
    expect(
      new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2026, 11, 1),
      ),
    ).toBe('December 1, 2026');
  });

  test('a language with a region of its own, or a company without one, stays as it is', () => {
    expect(pageFormatLocale('de-DE', 'en-GB')).toBe('en-GB');
    expect(pageFormatLocale('de', 'en')).toBe('en');
  });
});
