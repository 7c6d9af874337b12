import { describe, expect, test } from 'vitest';
import {
  articlesInLocale,
  assertRelatedExist,
  channelHref,
  channelsForTier,
  countByCategory,
  findDanglingRelated,
  formatUpdated,
  KB_TYPES,
  kbTypeLabel,
} from '../../../packages/starlight-charter/lib/kb';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import de from '../../../packages/starlight-charter/translations/de.json';
import en from '../../../packages/starlight-charter/translations/en.json';
import ja from '../../../packages/starlight-charter/translations/ja.json';

const articles = [
  {
    slug: 'api/rate-limit',
    related: ['api/errors', 'data/missing'],
    file: 'content/kb/api/rate-limit.md',
  },
  { slug: 'api/errors', related: ['api/rate-limit'] },
  { slug: 'data/lag' },
];

describe('findDanglingRelated', () => {
  test('returns each related slug that names no article', () => {
    expect(findDanglingRelated(articles)).toEqual([
      { article: 'api/rate-limit', slug: 'data/missing' },
    ]);
  });

  test('returns nothing when every link resolves', () => {
    expect(findDanglingRelated([...articles, { slug: 'data/missing' }])).toEqual([]);
  });
});

describe('assertRelatedExist', () => {
  test('errors with the article file and the missing slug', () => {
    expect(() => assertRelatedExist(articles)).toThrowErrorMatchingInlineSnapshot(
      `[Error: Charter: content/kb/api/rate-limit.md lists related article "data/missing", which does not exist.]`,
    );
  });

  test('names the article by folder and slug when its file is not given', () => {
    expect(() => assertRelatedExist([{ slug: 'a/b', related: ['a/c'] }], 'kb')).toThrow(
      'Charter: kb/a/b lists related article "a/c", which does not exist.',
    );
  });

  test('passes when every link resolves', () => {
    expect(() => assertRelatedExist([{ slug: 'a/b', related: ['a/b'] }])).not.toThrow();
  });
});

describe('countByCategory', () => {
  test('counts articles per category and keeps empty categories at zero', () => {
    const counts = countByCategory(
      ['api', 'data', 'billing'],
      [{ category: 'api' }, { category: 'api' }, { category: 'data' }, { category: 'unknown' }],
    );
    expect(counts).toEqual({ api: 2, data: 1, billing: 0 });
  });
});

describe('channelsForTier', () => {
  const channels = [
    { id: 'forum', name: 'Forum', kind: 'forum', address: 'https://f.example', tiers: ['free'] },
    {
      id: 'mail',
      name: 'Mail',
      kind: 'email',
      address: 'help@example.com',
      tiers: ['free', 'paid'],
    },
    { id: 'phone', name: 'Phone', kind: 'phone', address: 'In your contract', tiers: ['paid'] },
  ];
  test.each([
    ['free', ['forum', 'mail']],
    ['paid', ['mail', 'phone']],
    ['other', []],
  ])('returns the channels of tier %s', (tier, ids) => {
    expect(channelsForTier(channels, tier).map((c) => c.id)).toEqual(ids);
  });
});

describe('channelHref', () => {
  test.each([
    ['https://community.example', 'https://community.example'],
    ['help@example.com', 'mailto:help@example.com'],
    ['Number issued in your contract', null],
  ])('links %j as %j', (address, href) => {
    expect(channelHref(address)).toBe(href);
  });
});

describe('formatUpdated', () => {
  test('formats the calendar day without shifting it by time zone', () => {
    expect(formatUpdated(new Date('2026-10-14'))).toBe('14 October 2026');
    expect(formatUpdated(new Date('2026-01-01'), 'en-US')).toBe('January 1, 2026');
  });
});

describe('kbTypeLabel', () => {
  const keys = {
    article: 'charter.kb.typeArticle',
    runbook: 'charter.kb.typeRunbook',
    template: 'charter.kb.typeTemplate',
    'decision-tree': 'charter.kb.typeDecisionTree',
  } as const;

  test('reads each type in English by default', () => {
    for (const type of KB_TYPES) expect(kbTypeLabel(type)).toBe(en[keys[type]]);
  });

  test.each([
    ['de', de],
    ['ja', ja],
  ])('reads each type in %s from its locale file, each label distinct', (language, words) => {
    const labels = KB_TYPES.map((type) => kbTypeLabel(type, translator(language)));
    expect(labels).toEqual(KB_TYPES.map((type) => words[keys[type]]));
    expect(new Set(labels).size).toBe(KB_TYPES.length);
  });
});

describe('articlesInLocale', () => {
  const locales = [
    { path: '', lang: 'de' },
    { path: 'en', lang: 'en' },
    { path: 'fr', lang: 'fr' },
  ];
  const ids = ['api/limits', 'api/errors', 'en/api/limits', 'fr/api/errors'];

  test("the root locale shows the articles outside every language's folder", () => {
    expect(articlesInLocale(ids, locales[0]!, locales)).toEqual([
      { id: 'api/limits', slug: 'api/limits', fallback: false },
      { id: 'api/errors', slug: 'api/errors', fallback: false },
    ]);
  });

  test("another locale shows its own, and the default language's where it has none", () => {
    expect(articlesInLocale(ids, locales[1]!, locales)).toEqual([
      { id: 'en/api/limits', slug: 'api/limits', fallback: false },
      { id: 'api/errors', slug: 'api/errors', fallback: true },
    ]);
    expect(articlesInLocale(ids, locales[2]!, locales)).toEqual([
      { id: 'fr/api/errors', slug: 'api/errors', fallback: false },
      { id: 'api/limits', slug: 'api/limits', fallback: true },
    ]);
  });

  test('a category that happens to be named like a language is no language folder on a site without it', () => {
    const one = [{ path: '', lang: 'de' }];
    expect(articlesInLocale(['en/setup'], one[0]!, one)).toEqual([
      { id: 'en/setup', slug: 'en/setup', fallback: false },
    ]);
  });

  test('on a site whose every language has a folder, the default is a folder too', () => {
    const prefixed = [
      { path: 'fr', lang: 'fr' },
      { path: 'en', lang: 'en' },
    ];
    expect(articlesInLocale(['fr/api/a', 'en/api/b'], prefixed[1]!, prefixed)).toEqual([
      { id: 'en/api/b', slug: 'api/b', fallback: false },
      { id: 'fr/api/a', slug: 'api/a', fallback: true },
    ]);
  });
});
