import { describe, expect, test } from 'vitest';
import { pageKey, stableJson } from '../../../packages/starlight-charter/lib/page-key';

describe('stableJson', () => {
  test('reads object keys in order, at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 3, e: 4 }], c: 5 } })).toBe(
      '{"a":{"c":5,"d":[2,{"e":4,"f":3}]},"b":1}',
    );
  });

  test('keeps the order of arrays', () => {
    expect(stableJson([2, 1])).not.toBe(stableJson([1, 2]));
  });

  test('writes dates as their instant, and Maps and Sets by their entries', () => {
    expect(stableJson({ d: new Date(Date.UTC(2026, 10, 1)) })).toBe(
      '{"d":"2026-11-01T00:00:00.000Z"}',
    );
    expect(stableJson(new Map([['a', 1]]))).toBe('{"map":[["a",1]]}');
    expect(stableJson(new Set(['a']))).toBe('{"set":["a"]}');
  });

  test('tells an absent value from a missing one', () => {
    expect(stableJson([undefined, 1])).toBe('[null,1]');
    expect(stableJson({ a: undefined })).toBe('{"a":null}');
    expect(stableJson({ a: undefined })).not.toBe(stableJson({}));
  });
});

describe('pageKey', () => {
  const catalog = {
    company: { name: 'Acme', locale: 'en-GB' },
    tiers: [{ id: 'pro', name: 'Pro' }],
  };

  test('is the same for the same data, whatever the order of its keys', () => {
    const reordered = {
      tiers: [{ name: 'Pro', id: 'pro' }],
      company: { locale: 'en-GB', name: 'Acme' },
    };
    expect(pageKey(catalog, 'a')).toBe(pageKey(reordered, 'a'));
  });

  test('changes when any value changes, however deep', () => {
    const renamed = { ...catalog, tiers: [{ id: 'pro', name: 'Professional' }] };
    expect(pageKey(renamed, 'a')).not.toBe(pageKey(catalog, 'a'));
    expect(pageKey(catalog, 'b')).not.toBe(pageKey(catalog, 'a'));
  });

  test('depends on which part a value is in', () => {
    expect(pageKey('ab', 'c')).not.toBe(pageKey('a', 'bc'));
    expect(pageKey(['a'], 'b')).not.toBe(pageKey('a', ['b']));
  });

  test('is URL- and file-safe text', () => {
    expect(pageKey(catalog)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
