import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { copyTerms, makeSite, runBuild } from '../support/sites';
import { catalog } from './support';

const HOSTILE = 'test/fixtures/content/hostile';

/**
 * One build of a company whose articles include the whole hostile corpus: the build stops,
 * prints every fixture's problem at its file, line and column, without a stack trace, and no
 * page reaches the output folder.
 */
test('content that would run code stops the build, with every problem and no page written', () => {
  test.setTimeout(180_000);
  const dir = copyTerms();
  // Valid articles of this company in every other respect, so only the guard can stop them.
  const category = catalog.kb.categories[0]!.id;
  const tier = catalog.tiers.tiers[0]!.id;
  const target = join(dir, 'kb', category);
  mkdirSync(target, { recursive: true });
  const fixtures = globSync(`${HOSTILE}/*.{md,mdx}`).sort();
  expect(fixtures.length).toBeGreaterThanOrEqual(11);
  const expected = fixtures.map((fixture) => {
    const source = readFileSync(fixture, 'utf8');
    const [, place, words] = /^# expect: (\d+:\d+) .+? \| (.+)$/m.exec(source)!;
    const file = join(target, `hostile-${basename(fixture)}`);
    // Same number of lines: the placeholders stand on lines of their own.
    writeFileSync(
      file,
      source
        .replace('category: CATEGORY', `category: ${category}`)
        .replace('tiers: [TIER]', `tiers: [${tier}]`),
    );
    return { file, line: `${file}:${place} ${words}` };
  });

  const site = makeSite({ terms: dir });
  const out = join(site, 'dist');
  const result = runBuild(site, { outDir: out });

  expect(result.status, result.stdout + result.stderr).toBe(1);
  for (const { line } of expected) expect(result.stderr).toContain(line);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  // No page for any hostile article, and nothing else either: the build stopped before writing.
  for (const { file } of expected) {
    const slug = basename(file, extname(file));
    expect(existsSync(join(out, 'kb', category, slug, 'index.html'))).toBe(false);
  }
  expect(existsSync(out)).toBe(false);
});
