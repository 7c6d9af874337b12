import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runChecks, type Check } from '../../../packages/starlight-charter/cli/lib/check';
import { contentCheck } from '../../../packages/starlight-charter/cli/lib/content-check';
import { makeSite, SAMPLE, WEE } from '../../support/sites';

const HOSTILE = 'test/fixtures/content/hostile';
const fixtures = globSync(`${HOSTILE}/*.{md,mdx}`).sort();

async function run(checks: Check[]) {
  let out = '';
  let err = '';
  const code = await runChecks(
    checks,
    { write: (s: string) => ((out += s), true) } as never,
    {
      write: (s: string) => ((err += s), true),
    } as never,
  );
  return { code, out, err };
}

/** A copy of the sample company's terms whose articles are the whole hostile corpus. */
const company = mkdtempSync(join(tmpdir(), 'charter-content-check-'));
cpSync(SAMPLE.terms, company, { recursive: true });
mkdirSync(join(company, 'kb/topic'), { recursive: true });
for (const file of fixtures) cpSync(file, join(company, 'kb/topic', basename(file)));
const sites: string[] = [];
afterAll(() => [company, ...sites].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What each fixture's `# expect:` line says `charter check` prints for it. */
const expectedLines = fixtures.map((file) => {
  const [, place, words] = /^# expect: (\d+:\d+) .+? \| (.+)$/m.exec(readFileSync(file, 'utf8'))!;
  return `${join(company, 'kb/topic', basename(file))}:${place} ${words}`;
});

describe('the content check of charter check', () => {
  test("passes on both companies' pages and articles", async () => {
    const { code, err } = await run([contentCheck([SAMPLE.docs, SAMPLE.kb, WEE.docs, WEE.kb])]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('lists every problem of the hostile corpus, one line each, and fails', async () => {
    const { code, err } = await run([contentCheck([join(company, 'kb')])]);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines.slice(0, -1)).toHaveLength(fixtures.length);
    for (const expected of expectedLines)
      expect(lines).toContainEqual(expect.stringContaining(expected));
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ ${fixtures.length} error\\(s\\)`));
  });

  test('is part of `charter check`, which prints the same lines without a build', () => {
    const site = makeSite({ terms: company });
    sites.push(site);
    const result = spawnSync('node_modules/.bin/charter', ['check', '--root', site], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    for (const expected of expectedLines) expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
