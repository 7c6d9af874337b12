import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { charterPages } from '../../packages/starlight-charter/site-checks';
import { SAMPLE, copyTerms, makeSite, type SiteSpec } from '../support/sites';

interface BuildResult {
  dir: string;
  status: number | null;
  out: string;
}

/** Builds a site made from `spec` and returns what the build printed and how it ended. */
function build(spec: Partial<SiteSpec>, edit?: (dir: string) => void): Promise<BuildResult> {
  const dir = makeSite({ terms: SAMPLE.terms, kb: SAMPLE.kb, ...spec });
  edit?.(dir);
  return new Promise((resolve) => {
    const child = spawn('npx', ['astro', 'build', '--root', dir, '--outDir', join(dir, 'dist')]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    child.on('close', (status) => resolve({ dir, status, out }));
  });
}

/** The build stopped, printed `lines` each on a line of its own, and no stack trace. */
function expectStopped(result: BuildResult, lines: (string | RegExp)[]) {
  expect(result.status, result.out).not.toBe(0);
  const printed = result.out.split('\n');
  for (const line of lines)
    expect(
      printed.some((p) => (typeof line === 'string' ? p === line : line.test(p))),
      `${line} in:\n${result.out}`,
    ).toBe(true);
  expect(result.out).not.toMatch(/^\s+at /m);
}

// Each build stops at start-up; running them side by side keeps the file quick.
describe.concurrent('bad plugin input stops the build with one line per problem', () => {
  test('unknown and mistyped options name the option and what is expected', async () => {
    expectStopped(
      await build({ options: { colour: 'red', prefix: 'support', sections: { playbok: true } } }),
      [
        'starlight-charter: option "colour": unknown option; expected one of: terms, kb, prefix, replace, sections',
        'starlight-charter: option "sections.playbok": unknown option; expected one of: commercial, kb, calculators, sow, roi, customDevelopment, playbook',
        /^starlight-charter: option "prefix": expected a path .*"\/support\/"/,
      ],
    );
  });

  test('a terms folder that does not exist', async () => {
    const result = await build({ options: { terms: './nowhere' } });
    expectStopped(result, [
      `starlight-charter: option "terms": the folder ./nowhere does not exist (looked in ${join(result.dir, 'nowhere')}).`,
    ]);
  });

  test("a page of the site's own where Charter puts one of its pages", async () => {
    const result = await build({
      docs: {
        'index.mdx': '---\ntitle: Home\n---\n',
        'commercial/sla.md': '---\ntitle: Our SLA\n---\n',
      },
    });
    expectStopped(result, [
      /^starlight-charter: \S+\/src\/content\/docs\/commercial\/sla\.md is at \/commercial\/sla\/, where Charter puts its own page; .*"replace".*"prefix"/,
    ]);
  });

  test("a page to replace that is not one of Charter's, or that the site does not have", async () => {
    const pages = charterPages();
    const missing = pages.find((p) => p.includes('/'))!;
    expectStopped(await build({ options: { replace: ['commercial/nope', missing] } }), [
      `starlight-charter: option "replace": "commercial/nope" is not one of Charter's pages; expected one of: ${pages.join(', ')}`,
      new RegExp(
        `^starlight-charter: option "replace": the site has no page of its own at /${missing}/ `,
      ),
    ]);
  });

  test("a base path in Astro's config that site_url contradicts", async () => {
    const terms = copyTerms(SAMPLE);
    const file = join(terms, 'company.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^site_url: .*$/m, 'site_url: https://example.com/help/'),
    );
    expectStopped(await build({ terms, astro: { base: '/docs' } }), [
      "starlight-charter: the site is served under /docs/ (Astro's base) but company.yaml site_url https://example.com/help/ names /help/: make them the same, or leave base out and let site_url decide.",
    ]);
  });

  test('the plugin listed twice', async () => {
    const result = await build({}, (dir) => {
      writeFileSync(
        join(dir, 'astro.config.mjs'),
        `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';
const terms = ${JSON.stringify(join(process.cwd(), SAMPLE.terms))};
export default defineConfig({
  integrations: [starlight({ title: 'Support', plugins: [charter({ terms }), charter({ terms })] })],
});
`,
      );
    });
    expectStopped(result, [
      "starlight-charter: the plugin is listed 2 times in Starlight's plugins; list it once.",
    ]);
  });

  test('a build that fails after writing pages leaves the last good build as it was', async () => {
    const result = await build(
      { docs: { 'index.mdx': '---\ntitle: Home\n---\n\nSee [the guide](/no-such-guide/).\n' } },
      (dir) => {
        mkdirSync(join(dir, 'dist/kb'), { recursive: true });
        writeFileSync(join(dir, 'dist/kb/index.html'), 'the last good build');
      },
    );
    expect(result.status, result.out).not.toBe(0);
    expect(result.out).toContain('links to /no-such-guide/: no such page');
    expect(result.out).toMatch(/^The build failed: \S*dist is left as the last good build\.$/m);
    expect(readdirSync(join(result.dir, 'dist'), { recursive: true })).toEqual([
      'kb',
      'kb/index.html',
    ]);
    expect(readFileSync(join(result.dir, 'dist/kb/index.html'), 'utf8')).toBe(
      'the last good build',
    );
    expect(readdirSync(result.dir).filter((name) => name.includes('last-good'))).toEqual([]);
  });

  test('bad terms: every problem as file:line:col, the build stops', async () => {
    const terms = copyTerms(SAMPLE);
    const file = join(terms, 'company.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('currency:'));
    lines[at] = 'currency: 42';
    writeFileSync(file, lines.join('\n'));
    const result = await build({ terms });
    expectStopped(result, [
      /^Charter: the terms in \S+ have 1 problem\(s\):$/,
      new RegExp(`company\\.yaml:${at + 1}:11 currency: `),
    ]);
  });
});
