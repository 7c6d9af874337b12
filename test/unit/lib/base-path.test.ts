import { describe, expect, test } from 'vitest';
import {
  normalizeBase,
  siteBase,
  withBase,
  withoutBase,
} from '../../../packages/starlight-charter/lib/base-path';

describe('normalizeBase', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/support', '/support/'],
    ['support/', '/support/'],
    ['//docs/support//', '/docs/support/'],
  ])('reads %j as %j', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });
});

describe('withBase', () => {
  test.each([
    ['/kb/', '/support/', '/support/kb/'],
    ['/', '/support/', '/support/'],
    ['/kb/#top', '/', '/kb/#top'],
    ['#top', '/support/', '#top'],
    ['api/', '/support/', 'api/'],
    ['//cdn.example.org/x.js', '/support/', '//cdn.example.org/x.js'],
    ['https://example.org/', '/support/', 'https://example.org/'],
  ])('puts %s under %s as %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });
});

describe('withoutBase', () => {
  test.each([
    ['/support/kb/', '/support/', '/kb/'],
    ['/support/', '/support/', '/'],
    ['/support', '/support/', '/'],
    ['/kb/', '/', '/kb/'],
    ['/kb/', '/support/', undefined],
    ['/supportive/', '/support/', undefined],
  ])('reads %s under %s as %j', (path, base, expected) => {
    expect(withoutBase(path, base)).toBe(expected);
  });
});

describe('siteBase', () => {
  test('takes the path of site_url when the site sets no base', () => {
    expect(siteBase(undefined, 'https://example.com/support/')).toBe('/support/');
    expect(siteBase('/', 'https://example.com/support')).toBe('/support/');
    expect(siteBase('/', 'https://support.example.com')).toBe('/');
  });

  test("takes Astro's base when site_url has no path or the same one", () => {
    expect(siteBase('/docs', 'https://example.com')).toBe('/docs/');
    expect(siteBase('/docs/', 'https://example.com/docs/')).toBe('/docs/');
  });

  test('refuses two different paths, naming both', () => {
    expect(() => siteBase('/docs', 'https://example.com/support/')).toThrow(
      /served under \/docs\/ .* site_url https:\/\/example\.com\/support\/ names \/support\//,
    );
  });
});
