import { spawnSync } from 'node:child_process';
import { cpSync, globSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { siteChecks } from '../../../packages/starlight-charter/cli/check';
import { runChecks } from '../../../packages/starlight-charter/cli/lib/check';
import { loadSite } from '../../../packages/starlight-charter/cli/lib/site';
import { displayPath as shown } from '../../../packages/starlight-charter/integrations/content-guard';
import { SAMPLE, copyTerms, makeSite } from '../../support/sites';

/** Knowledge-base articles with one mistake each, in their category folders. */
const BROKEN = 'test/fixtures/content/broken-kb';
const fixtures = globSync(`${BROKEN}/**/*.{md,mdx}`).sort();

/** The sample company's terms with the broken articles as its knowledge base. */
const terms = copyTerms(SAMPLE);
const kb = join(terms, 'kb');
rmSync(kb, { recursive: true, force: true });
cpSync(BROKEN, kb, { recursive: true });
const site = makeSite({ terms });
afterAll(() => [terms, site].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * What each fixture's `# expect: line:col snippet | words` comment says: the line printed for
 * it starts with `file:line:col ` and contains the words; the snippet is the text found there.
 */
const expected = fixtures.map((fixture) => {
  const text = readFileSync(fixture, 'utf8');
  const [, line, col, snippet, words] = /^# expect: (\d+):(\d+) (.+?) \| (.+)$/m.exec(text)!;
  const file = shown(join(kb, relative(BROKEN, fixture)));
  return { fixture, text, line: Number(line), col: Number(col), snippet, words, file };
});

describe('the broken knowledge-base corpus', () => {
  test('has at least 12 fixtures, each with an expectation that points at its snippet', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const e of expected) {
      const at = e.text.split('\n')[e.line - 1]?.slice(e.col - 1);
      expect(at, `${e.fixture} at ${e.line}:${e.col}`).toMatch(
        new RegExp(`^${escape(e.snippet!)}`),
      );
    }
  });
});

describe("charter check's content check on the broken corpus", () => {
  test('fails with exactly one located line per article, and no stack trace', async () => {
    const content = siteChecks(await loadSite(site)).filter((c) => c.name === 'content');
    expect(content).toHaveLength(1);
    let err = '';
    const sink = (s: string) => ((err += s), true);
    const code = await runChecks(content, { write: sink } as never, { write: sink } as never);
    expect(code, err).toBe(1);
    expect(err).not.toMatch(/^\s+at /m);
    const lines = err.trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ ${fixtures.length} error\\(s\\)`));
    const findings = lines.slice(0, -1);
    expect(findings, err).toHaveLength(fixtures.length);
    for (const e of expected) {
      const mine = findings.filter((l) => l.startsWith(`${e.file}:`));
      expect(mine, `${e.fixture} once in:\n${err}`).toHaveLength(1);
      expect(mine[0]).toMatch(new RegExp(`^${escape(`${e.file}:${e.line}:${e.col} `)}`));
      expect(mine[0]).toContain(e.words);
    }
  });

  test('`charter check` prints the same lines', () => {
    const result = spawnSync('node_modules/.bin/charter', ['check', '--root', site], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    for (const e of expected) {
      const mine = result.stderr.split('\n').filter((l) => l.startsWith(`${e.file}:`));
      expect(mine, `${e.fixture} once in:\n${result.stderr}`).toHaveLength(1);
      expect(mine[0]).toMatch(new RegExp(`^${escape(`${e.file}:${e.line}:${e.col} `)}`));
      expect(mine[0]).toContain(e.words);
    }
  }, 60_000);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
