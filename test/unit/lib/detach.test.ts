import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detach } from '~/lib/detach';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, in MB. */
function liveMb(): number {
  // RegExp keeps the last string it searched (RegExp.input): point it at a small one.
  /x/.exec('x');
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** Links cut out of a large page by a regular expression, as the link check does. */
function linksOfLargePage(keep: (link: string) => string): string[] {
  const page = `${'<p>filler</p>'.repeat(2_000_000)}${'<a href="/kb/account-access/reset-password/">x</a>'.repeat(10)}`;
  return [...page.matchAll(/href="([^"]*)"/g)].map((m) => keep(m[1]!));
}

describe('detach', () => {
  test('returns the same text, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(detach(text)).toBe(text);
      }),
    );
    expect(detach('\ud800 lone surrogate')).toBe('\ud800 lone surrogate');
  });

  test('lets the page a piece was cut from be collected', () => {
    // The page is about 26 MB; a match keeps all of it alive unless copied out.
    let before = liveMb();
    const copied = linksOfLargePage(detach);
    expect(liveMb() - before).toBeLessThan(2);
    // The same links kept as cut, to show the measure would catch a copy that is not one.
    before = liveMb();
    const sliced = linksOfLargePage((link) => link);
    expect(liveMb() - before).toBeGreaterThan(20);
    expect(copied).toEqual(sliced);
  });
});
