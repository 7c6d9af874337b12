import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detach } from '../../../packages/starlight-charter/lib/detach';

/**
 * Cuts the links out of a page, keeps them through `keep` (`detach`, or nothing), drops the
 * page and says whether the page is still reachable, in a Node process of its own: a heap
 * snapshot (taken after a full collection) lists every live string with its text, and a small
 * process's snapshot is quick to read. Nothing is measured, only whether the page is there.
 */
function pageKept(keep: 'detach' | 'slice'): { alive: boolean; links: string[] } {
  const script = `
    import { getHeapSnapshot } from 'node:v8';
    const { detach } = await import('./packages/starlight-charter/lib/detach.ts');
    const keep = ${JSON.stringify(keep)} === 'detach' ? detach : (link) => link;
    const id = String(Math.floor(Math.random() * 1e9));
    const cut = () => {
      const page = '<html data-page="' + id + '">' + '<p>filler</p>'.repeat(100000) +
        '<a href="/kb/account-access/reset-password/">x</a>'.repeat(10);
      return [...page.matchAll(/href="([^"]*)"/g)].map((m) => keep(m[1]));
    };
    const links = cut();
    // RegExp keeps the last string it searched (RegExp.input): point it at a small one.
    /x/.exec('x');
    const snapshot = getHeapSnapshot();
    // The page's first characters as the snapshot's JSON writes them, made once it is taken.
    const needle = ['"<html data-page=', id].join('\\\\"');
    let tail = '';
    let alive = false;
    for await (const chunk of snapshot) {
      const text = tail + String(chunk);
      alive ||= text.includes(needle);
      tail = text.slice(-needle.length);
    }
    console.log(JSON.stringify({ alive, links }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1)!);
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
    const copied = pageKept('detach');
    expect(copied.alive).toBe(false);
    // The same links kept as cut hold the page: the check sees a copy that is not one.
    const sliced = pageKept('slice');
    expect(sliced.alive).toBe(true);
    expect(copied.links).toEqual(Array(10).fill('/kb/account-access/reset-password/'));
    expect(sliced.links).toEqual(copied.links);
  });
});
