import { describe, expect, test, vi } from 'vitest';

// The virtual modules as the plugin writes them for a site in German and English.
vi.mock('virtual:starlight-charter/catalog', () => {
  const catalogIn = (name: string) => ({ kb: { categories: [{ id: 'start', name }] } });
  return {
    catalog: catalogIn('Anfang (company)'),
    catalogs: { de: catalogIn('Anfang'), en: catalogIn('Start'), 'en-GB': catalogIn('Begin') },
  };
});
vi.mock('virtual:starlight-charter/config', () => ({ config: { prefix: '/', kb: './kb' } }));

const { getCatalog } = await import('../../../packages/starlight-charter/data/site');
const name = (lang?: string) => getCatalog(lang).kb.categories[0]!.name;

describe('getCatalog', () => {
  test("without a language: the company's", () => {
    expect(name()).toBe('Anfang (company)');
  });
  test('a language the site publishes: its own', () => {
    expect(name('de')).toBe('Anfang');
    expect(name('en-GB')).toBe('Begin');
  });
  test('a region the site does not publish: its bare language', () => {
    expect(name('en-US')).toBe('Start');
  });
  test("a language the site does not publish: the company's", () => {
    expect(name('ja')).toBe('Anfang (company)');
  });
});
