import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  sidebarHash,
  type HashedEntry,
} from '../../../packages/starlight-charter/lib/sidebar-hash';

/**
 * Starlight's own getSidebarHash, taken from the installed package: its module imports Astro's
 * virtual modules, so the two functions are read out of it and run on their own. An upgrade
 * that changes Starlight's hash fails here.
 */
function starlightHash(): (entries: unknown) => string {
  const source = readFileSync('node_modules/@astrojs/starlight/dist/utils/navigation.js', 'utf8');
  const fn = (name: string) => {
    const start = source.indexOf(`function ${name}(`);
    expect(start, `${name} in Starlight's navigation.js`).toBeGreaterThanOrEqual(0);
    return source.slice(start, source.indexOf('\n}\n', start) + 2);
  };
  const body = `${fn('recursivelyBuildSidebarIdentity')}\n${fn('getSidebarHash')}\nreturn getSidebarHash;`;
  return new Function(body)() as (entries: unknown) => string;
}

const entry: fc.Memo<HashedEntry> = fc.memo((depth) =>
  depth <= 1
    ? fc.record({ type: fc.constant('link' as const), label: fc.string(), href: fc.string() })
    : fc.oneof(
        fc.record({ type: fc.constant('link' as const), label: fc.string(), href: fc.string() }),
        fc.record({
          type: fc.constant('group' as const),
          label: fc.string(),
          entries: fc.array(entry(depth - 1), { maxLength: 5 }),
        }),
      ),
);

describe('sidebarHash', () => {
  it('hashes labels and link targets in order, in base 36 padded to 7 characters', () => {
    // "a/": 97, then 97 * 31 + 47 = 3054 = 2·36² + 12·36 + 30 → "2cu".
    expect(sidebarHash([{ type: 'link', label: 'a', href: '/' }])).toBe('00002cu');
    expect(sidebarHash([])).toBe('0000000');
  });

  it('is Starlight’s hash, for any sidebar', () => {
    const theirs = starlightHash();
    fc.assert(
      fc.property(fc.array(entry(3), { maxLength: 6 }), (entries) => {
        expect(sidebarHash(entries)).toBe(theirs(entries));
      }),
    );
  });

  it('does not depend on which page is current', () => {
    const plain: HashedEntry[] = [
      { type: 'group', label: 'Docs', entries: [{ type: 'link', label: 'A', href: '/a/' }] },
    ];
    const marked = [
      {
        type: 'group',
        label: 'Docs',
        entries: [{ type: 'link', label: 'A', href: '/a/', isCurrent: true }],
      },
    ];
    expect(sidebarHash(marked as HashedEntry[])).toBe(sidebarHash(plain));
    expect(sidebarHash([{ type: 'link', label: 'A', href: '/b/' }])).not.toBe(
      sidebarHash([{ type: 'link', label: 'A', href: '/a/' }]),
    );
  });
});
