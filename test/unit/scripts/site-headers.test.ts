import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  headersFor,
  readHeaderRules,
} from '../../../packages/starlight-charter/cli/lib/site-headers.mjs';
import { headersFile } from '../../../packages/starlight-charter/integrations/security-headers';

const work = mkdtempSync(join(tmpdir(), 'charter-headers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
};

describe('the preview server’s headers', () => {
  test('are the ones the built site’s _headers gives every path, read as Netlify reads it', async () => {
    const rules = await readHeaderRules(write('site', headersFile("default-src 'self'")));
    const expected = {
      'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    };
    for (const path of ['/', '/kb/', '/kb/api/rate-limit-429/', '/404.html', '/api/plans.json'])
      expect(headersFor(rules, path), path).toEqual(expected);
  });

  test('join a header that several matching rules set, and leave other paths alone', async () => {
    const file = write('rules', '/*\n  X-A: one\n/kb/*\n  X-A: two\n  X-B: three\n');
    const rules = await readHeaderRules(file);
    expect(headersFor(rules, '/kb/api/')).toEqual({ 'X-A': 'one, two', 'X-B': 'three' });
    expect(headersFor(rules, '/pricing/')).toEqual({ 'X-A': 'one' });
  });

  test('are none for a site without _headers', async () => {
    expect(await readHeaderRules(join(work, 'missing'))).toEqual([]);
  });

  test('stop the server on a _headers file a host could not read', async () => {
    await expect(readHeaderRules(write('bad', '  X-A: before any path\n'))).rejects.toThrow(
      /bad: /,
    );
  });
});
