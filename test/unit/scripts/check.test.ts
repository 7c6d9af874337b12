import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { runChecks, type Check } from '../../../packages/starlight-charter/cli/lib/check';
import { dataCheck } from '../../../packages/starlight-charter/cli/lib/data-check';
import { optionalFiles } from '../../../packages/starlight-charter/data/absent';
import { siteChecks } from '../../../packages/starlight-charter/cli/check';
import { loadSite } from '../../../packages/starlight-charter/cli/lib/site';
import { SAMPLE, copyTerms, makeSite } from '../../support/sites';

/** Collects what a run of checks prints. */
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

describe('charter check', () => {
  test('prints one success line and exits 0 on the sample data', async () => {
    const { code, out, err } = await run([dataCheck(SAMPLE.terms)]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^✓ All checks passed/);
    expect(err).toBe('');
  });

  test('exits 1 and prints one line per problem for broken data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-check-'));
    cpSync(SAMPLE.terms, dir, { recursive: true });
    copyFileSync(
      'test/fixtures/data/invalid/pricing.dangling-tier.yaml',
      join(dir, 'pricing.yaml'),
    );
    const { code, err } = await run([dataCheck(dir)]);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    const problems = lines.slice(0, -1);
    // The fixture's own problems; files of the sample that refer into it may add theirs.
    expect(problems.filter((l) => /pricing\.yaml:/.test(l))).toHaveLength(2);
    for (const line of problems.filter((l) => /pricing\.yaml:/.test(l)))
      expect(line).toMatch(/pricing\.yaml:\d+:\d+ plans(\[\d\]\.tier)?: /);
    for (const line of problems) expect(line).toMatch(/\.yaml:\d+:\d+ \S+: /);
    expect(lines.at(-1)).toMatch(new RegExp(`^✗ ${problems.length} error\\(s\\)`));
  });

  test('warns of a text translated into some languages but not all, and passes', async () => {
    const dir = copyTerms(SAMPLE);
    const file = join(dir, 'kb.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.setIn(['categories', 0, 'name'], doc.createNode({ en: 'Start', de: 'Anfang' }));
    doc.setIn(['categories', 1, 'name'], doc.createNode({ en: 'API', ja: 'API' }));
    writeFileSync(file, doc.toString());
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const { code, err, out } = await run([dataCheck(dir)]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(err.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning: \\S*kb\\.yaml:${at('Start')}:\\d+ categories\\[0\\]\\.name: has en, de but not ja$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^warning: \\S*kb\\.yaml:${at('en: API')}:\\d+ categories\\[1\\]\\.name: has en, ja but not de$`,
        ),
      ),
    ]);
    expect(out).toMatch(/^✓ All checks passed .*, 2 warning\(s\)/);
  });

  test('prints warnings without failing', async () => {
    const warn: Check = {
      name: 'w',
      run: () => [{ level: 'warning', text: 'ROADMAP.md:3: something' }],
    };
    const { code, out, err } = await run([warn]);
    expect(code).toBe(0);
    expect(err).toBe('warning: ROADMAP.md:3: something\n');
    expect(out).toContain('1 warning(s)');
  });
});

describe('charter check on a site that publishes only some sections', () => {
  // The files only the knowledge base, ROI, playbook, custom development and SOW sections read.
  const LEFT_OUT = ['kb.yaml', 'roi.yaml', 'playbook.yaml', 'services.yaml'];
  const OFF = { kb: false, roi: false, playbook: false, customDevelopment: false, sow: false };

  test('passes without the terms files only the sections it leaves out read, as its build does', async () => {
    const terms = copyTerms(SAMPLE);
    for (const file of LEFT_OUT) rmSync(join(terms, file));
    const site = await loadSite(makeSite({ terms, options: { sections: OFF } }));
    const checks = siteChecks(site).filter((c) => !c.name.startsWith('published'));
    const { code, err } = await run(checks);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('still names a missing file that a section it publishes reads', async () => {
    const terms = copyTerms(SAMPLE);
    for (const file of LEFT_OUT) rmSync(join(terms, file));
    const site = await loadSite(makeSite({ terms, options: { sections: { ...OFF, roi: true } } }));
    const { code, err } = await run([dataCheck(site.terms, optionalFiles(site.options.sections))]);
    expect(code).toBe(1);
    expect(err).toMatch(/roi\.yaml:1:1 \(root\): file is missing/);
    expect(err).not.toMatch(/(kb|playbook|services)\.yaml/);
  });
});
