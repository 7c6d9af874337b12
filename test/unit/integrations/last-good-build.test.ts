import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  dropLastGood,
  lastGoodPath,
  restoreLastGood,
  setAsideLastGood,
} from '../../../packages/starlight-charter/integrations/last-good-build';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder holding `dist/` with one page that says `text`, or no dist/ when text is null. */
function project(text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-last-good-'));
  temps.push(dir);
  if (text !== null) {
    mkdirSync(join(dir, 'dist/kb'), { recursive: true });
    writeFileSync(join(dir, 'dist/kb/index.html'), text);
  }
  return join(dir, 'dist');
}

/** What a build writes before it fails: a half-done page. */
function writeHalf(dist: string) {
  mkdirSync(join(dist, 'kb'), { recursive: true });
  writeFileSync(join(dist, 'kb/index.html'), 'half');
}

describe('the last good build', () => {
  test('is kept beside the output folder, hidden', () => {
    expect(lastGoodPath('/site/dist')).toBe('/site/.dist.last-good');
  });

  test('comes back as it was when a build fails', () => {
    const dist = project('good');
    setAsideLastGood(dist);
    expect(existsSync(dist)).toBe(false);
    writeHalf(dist);
    expect(restoreLastGood(dist)).toBe(true);
    expect(readFileSync(join(dist, 'kb/index.html'), 'utf8')).toBe('good');
    expect(existsSync(lastGoodPath(dist))).toBe(false);
  });

  test('leaves no output folder when a first build fails', () => {
    const dist = project(null);
    setAsideLastGood(dist);
    writeHalf(dist);
    expect(restoreLastGood(dist)).toBe(false);
    expect(existsSync(dist)).toBe(false);
  });

  test('goes once a build finishes', () => {
    const dist = project('good');
    setAsideLastGood(dist);
    writeHalf(dist);
    dropLastGood(dist);
    expect(readFileSync(join(dist, 'kb/index.html'), 'utf8')).toBe('half');
    expect(existsSync(lastGoodPath(dist))).toBe(false);
  });

  test('left behind by a build that was killed, replaces its half-written output', () => {
    const dist = project('good');
    setAsideLastGood(dist);
    writeHalf(dist);
    // The killed build never restored it; the next build starts.
    setAsideLastGood(dist);
    expect(existsSync(dist)).toBe(false);
    expect(readFileSync(join(lastGoodPath(dist), 'kb/index.html'), 'utf8')).toBe('good');
  });
});
