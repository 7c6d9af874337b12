import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../packages/starlight-charter/data/load';
import { locate } from '../../../packages/starlight-charter/data/positions';
import { runChecks } from '../../../packages/starlight-charter/cli/lib/check';
import { commercialLintCheck } from '../../../packages/starlight-charter/cli/lib/commercial-lint';
import { httpUrl, NO_EXCEPTION } from '../../../packages/starlight-charter/cli/lib/lint-rules';
import { SAMPLE } from '../../support/sites';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the sample data with `edit` applied to the text of one of its files. */
function sampleWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-http-'));
  temps.push(dir);
  cpSync(SAMPLE.terms, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the edit changes the file').not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

/** Every `https://` written in `text` as `http://`. */
const downgrade = (text: string) => text.replaceAll('https://', 'http://');

function findings(dir: string) {
  const { catalog, sources } = loadData(dir, { displayDir: 'data' });
  return { found: httpUrl.run({ catalog, sources }), sources };
}

describe('http-url', () => {
  test('finds nothing in data with https links only', () => {
    const { catalog, sources } = loadData(SAMPLE.terms);
    expect(httpUrl.run({ catalog, sources })).toEqual([]);
  });

  test('warns, at its file, line and column, for each http link', () => {
    const dir = sampleWith('company.yaml', downgrade);
    const { found, sources } = findings(dir);
    const company = loadData(dir).catalog.company;
    const at = (path: string[]) => {
      const { line, col } = locate(sources.company!, path);
      return `data/company.yaml:${line}:${col}`;
    };
    expect(found).toEqual(
      (['site_url', 'status_page'] as const).map((key) => ({
        level: 'warning',
        text:
          `${at([key])} ${key}: "${company[key]}" is not encrypted; ` +
          'use its https:// address if it has one [http-url]',
        hint: `no exception can be recorded: ${NO_EXCEPTION['http-url']}`,
      })),
    );
  });

  test('reads every file, including links inside lists', () => {
    const { found } = findings(sampleWith('channels.yaml', downgrade));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.level).toBe('warning');
      expect(f.text).toMatch(
        /^data\/channels\.yaml:\d+:\d+ channels\[\d+\]\.address: "http:\/\/\S+" is not encrypted/,
      );
    }
  });

  test('leaves words that mention http alone', () => {
    const dir = sampleWith('escalation.yaml', (text) =>
      text.replace('- Support team lead', '- Support team lead (see http://status.example.com)'),
    );
    expect(findings(dir).found).toEqual([]);
  });

  test('charter check passes with the warning printed', async () => {
    const dir = sampleWith('company.yaml', downgrade);
    let out = '';
    let err = '';
    const code = await runChecks(
      [commercialLintCheck(dir)],
      { write: (s: string) => ((out += s), true) } as never,
      { write: (s: string) => ((err += s), true) } as never,
    );
    expect(code).toBe(0);
    expect(err).toMatch(
      /^warning: \S+company\.yaml:\d+:\d+ site_url: "http:\/\/\S+" is not encrypted/m,
    );
    expect(out).toMatch(/All checks passed .*, 2 warning\(s\)/);
  });
});
