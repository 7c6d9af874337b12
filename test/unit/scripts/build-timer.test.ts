import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { median, readAllFiles } from '../../../scripts/bench/build-timer';

describe('readAllFiles', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every regular file under the folder once, nested ones included', () => {
    dir = mkdtempSync(join(tmpdir(), 'charter-read-'));
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'one.txt'), 'x'.repeat(10));
    writeFileSync(join(dir, 'a/two.bin'), Buffer.alloc(3 * 1024 * 1024 + 5));
    writeFileSync(join(dir, 'a/b/empty'), '');
    expect(readAllFiles(dir)).toEqual({ files: 3, bytes: 10 + 3 * 1024 * 1024 + 5 });
  });

  it('does not follow symbolic links, so a link to a folder is not read twice', () => {
    dir = mkdtempSync(join(tmpdir(), 'charter-read-'));
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/file'), 'abc');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    symlinkSync(join(dir, 'real/file'), join(dir, 'file-link'));
    expect(readAllFiles(dir)).toEqual({ files: 1, bytes: 3 });
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
