import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kbDir } from '../../../packages/starlight-charter/data/index';

/** A company's articles come with its data: never the sample's for another company. */
describe('kbDir', () => {
  const saved = process.env.CHARTER_DATA;
  const made: string[] = [];
  afterEach(() => {
    if (saved === undefined) delete process.env.CHARTER_DATA;
    else process.env.CHARTER_DATA = saved;
    made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  const company = (withKb: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-kb-dir-'));
    made.push(dir);
    if (withKb) mkdirSync(join(dir, 'kb'));
    process.env.CHARTER_DATA = dir;
    return dir;
  };

  it('is the kb/ folder beside a company\'s data', () => {
    const dir = company(true);
    expect(kbDir()).toBe(join(dir, 'kb'));
  });

  it('is that same, missing folder when the company has no kb/: no articles, not the sample\'s', () => {
    const dir = company(false);
    expect(kbDir()).toBe(join(dir, 'kb'));
  });

  it('is content/kb for the sample in data/', () => {
    delete process.env.CHARTER_DATA;
    expect(kbDir()).toBe('content/kb');
    process.env.CHARTER_DATA = './data';
    expect(kbDir()).toBe('content/kb');
  });
});
