import { spawn } from 'node:child_process';
import {
  cpSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { displayPath as shown } from '../../packages/starlight-charter/integrations/content-guard';
import { SAMPLE, copyTerms, makeSite } from '../support/sites';

interface BuildResult {
  status: number | null;
  out: string;
}

/** Builds a site on the terms and KB folder `terms` (its kb/) and returns what it printed. */
function build(terms: string, kb = join(terms, 'kb')): Promise<BuildResult> {
  const dir = makeSite({ terms, kb });
  return new Promise((resolve) => {
    const child = spawn('npx', ['astro', 'build', '--root', dir, '--outDir', join(dir, 'dist')]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** The build stopped and printed `line` exactly once, with no stack trace. */
function expectStopped(result: BuildResult, line: string | RegExp) {
  expect(result.status, result.out).not.toBe(0);
  const hits = result.out
    .split('\n')
    .filter((p) => (typeof line === 'string' ? p === line : line.test(p)));
  expect(hits, `${line} once in:\n${result.out}`).toHaveLength(1);
  expect(result.out).not.toMatch(/^\s+at /m);
  expect(result.out).not.toMatch(/:0:0\b/);
}

/** 1-based line and column of the first `needle` in `text`. */
function position(text: string, needle: string): string {
  const index = text.indexOf(needle);
  const before = text.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

const catalog = loadCatalog(SAMPLE.terms);
const categories = catalog.kb.categories.map((c) => c.id);
const ARTICLE = 'api/rate-limit-429.mdx';

describe.concurrent('mistakes in KB articles stop the build with one located line', () => {
  test('a category that kb.yaml does not define', async () => {
    const terms = copyTerms();
    const file = join(terms, 'kb', ARTICLE);
    const text = readFileSync(file, 'utf8').replace(/^category: .*$/m, 'category: nope');
    writeFileSync(file, text);
    expectStopped(
      await build(terms),
      `${shown(file)}:${position(text, 'nope')} category: "nope" is not a KB category of kb.yaml; expected one of: ${categories.join(', ')}`,
    );
  });

  test('a related slug that names no article', async () => {
    const terms = copyTerms();
    const file = join(terms, 'kb', ARTICLE);
    const text = readFileSync(file, 'utf8').replace(/^related: \[/m, 'related: [api/nope, ');
    writeFileSync(file, text);
    expectStopped(
      await build(terms),
      `${shown(file)}:${position(text, 'api/nope')} related[0]: no article "api/nope" (a slug is the path under ${shown(join(terms, 'kb'))}/ without extension)`,
    );
  });

  test('an article in a folder inside a category folder', async () => {
    const terms = copyTerms();
    const kb = join(terms, 'kb');
    mkdirSync(join(kb, 'api/deep'));
    renameSync(join(kb, 'api/idempotency.md'), join(kb, 'api/deep/idempotency.md'));
    expectStopped(
      await build(terms),
      `${shown(join(kb, 'api/deep/idempotency.md'))}:1:1 (file): articles go in ${shown(kb)}/<category>/<slug>.md or .mdx, one folder deep; nested folders are not supported`,
    );
  });

  test('a figure component with an unknown tier names the article and the line', async () => {
    // One article only, so the build reaches its page quickly.
    const kb = mkdtempSync(join(tmpdir(), 'charter-kb-'));
    mkdirSync(join(kb, 'api'));
    const file = join(kb, ARTICLE);
    const original = readFileSync(join(SAMPLE.kb, ARTICLE), 'utf8').replace(/^related: .*\n/m, '');
    // The second figure gets the unknown tier, so the line found is not just the first one.
    const second = original.indexOf('<SlaTarget tier="', original.indexOf('<SlaTarget tier="') + 1);
    expect(second).toBeGreaterThan(0);
    const text =
      original.slice(0, second) +
      original.slice(second).replace(/<SlaTarget tier="[^"]*"/, '<SlaTarget tier="nope"');
    writeFileSync(file, text);
    expectStopped(
      await build(SAMPLE.terms, kb),
      new RegExp(
        `^${escape(shown(file))}:${position(text, '<SlaTarget tier="nope"')} <SlaTarget>: .*"nope"`,
      ),
    );
  });
});

describe('the broken knowledge-base corpus', () => {
  test("stops one build with each article's line, once, as `charter check` prints it", async () => {
    const BROKEN = 'test/fixtures/content/broken-kb';
    const terms = copyTerms();
    const kb = join(terms, 'kb');
    rmSync(kb, { recursive: true, force: true });
    cpSync(BROKEN, kb, { recursive: true });
    const fixtures = globSync(`${BROKEN}/**/*.{md,mdx}`).sort();
    const result = await build(terms);
    expect(result.out).toContain(`the KB articles have ${fixtures.length} problem(s)`);
    for (const fixture of fixtures) {
      // `# expect: line:col snippet | words`: the line starts there and says the words.
      const [, place, words] = /^# expect: (\d+:\d+) .+? \| (.+)$/m.exec(
        readFileSync(fixture, 'utf8'),
      )!;
      const file = shown(join(kb, relative(BROKEN, fixture)));
      expectStopped(result, new RegExp(`^${escape(`${file}:${place} `)}.*${escape(words!)}`));
      expect(result.out.split('\n').filter((l) => l.startsWith(`${file}:`))).toHaveLength(1);
    }
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
