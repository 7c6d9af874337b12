import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runChecks, type Check } from '../../../packages/starlight-charter/cli/lib/check';
import { contentCheck } from '../../../packages/starlight-charter/cli/lib/content-check';

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

/** A copy of the sample company whose articles are the whole hostile corpus. */
const company = mkdtempSync(join(tmpdir(), 'charter-content-check-'));
cpSync('data', company, { recursive: true });
mkdirSync(join(company, 'kb/topic'), { recursive: true });
for (const file of fixtures) cpSync(file, join(company, 'kb/topic', basename(file)));
afterAll(() => rmSync(company, { recursive: true, force: true }));

/** What each fixture's `# expect:` line says `npm run check` prints for it. */
const expectedLines = fixtures.map((file) => {
  const [, place, words] = /^# expect: (\d+:\d+) .+? \| (.+)$/m.exec(readFileSync(file, 'utf8'))!;
  return `${join(company, 'kb/topic', basename(file))}:${place} ${words}`;
});

describe('the content check of npm run check', () => {
  test("passes on both companies' pages and articles", async () => {
    const { code, err } = await run([contentCheck(['data', 'examples/wee'])]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('lists every problem of the hostile corpus, one line each, and fails', async () => {
    const { code, err } = await run([contentCheck([company])]);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines.slice(0, -1)).toHaveLength(fixtures.length);
    for (const expected of expectedLines)
      expect(lines).toContainEqual(expect.stringContaining(expected));
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ ${fixtures.length} error\\(s\\)`));
  });

  test('is part of `npm run check`, which prints the same lines without a build', () => {
    const result = spawnSync('node_modules/.bin/tsx', ['scripts/check.ts', company], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    for (const expected of expectedLines) expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
