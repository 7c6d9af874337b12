import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { DataError } from '../../../packages/starlight-charter/data/issues';
import { loadData } from '../../../packages/starlight-charter/data/load';
import { locate } from '../../../packages/starlight-charter/data/positions';
import { LINT_RULES } from '../../../packages/starlight-charter/schemas/shared';
import { runChecks } from '../../../packages/starlight-charter/cli/lib/check';
import { commercialLintCheck } from '../../../packages/starlight-charter/cli/lib/commercial-lint';
import {
  addOnResponse,
  fewerUnits,
  higherOverage,
  LINT_CHECKS,
  lintData,
  NO_EXCEPTION,
  pricesRise,
  type LintContext,
} from '../../../packages/starlight-charter/cli/lib/lint-rules';
import { copyTerms, SAMPLE } from '../../support/sites';
import {
  lintCases,
  loadFixtureCompany,
  LINT_FIXTURES,
  PRICING_CASES,
  pricingCases,
} from './lint-fixtures';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The file whose entries take each rule's `lint_exceptions`, and how a hint names the entry. */
const EXCEPTION_PLACES: Record<string, { file: string; entry: string }> = {
  'slower-response': { file: 'sla.yaml', entry: 'the SLA of tier' },
  'lower-availability': { file: 'sla.yaml', entry: 'the SLA of tier' },
  'fewer-channels': { file: 'sla.yaml', entry: 'the SLA of tier' },
  'fewer-units': { file: 'pricing.yaml', entry: 'plan' },
  'higher-overage': { file: 'pricing.yaml', entry: 'plan' },
  'fewer-features': { file: 'features.yaml', entry: 'feature' },
};

/** The sample's terms with one lint fixture in place, linted; null when it does not load. */
function lintFixture(fixture: string): LintContext | null {
  const dir = copyTerms(SAMPLE);
  temps.push(dir);
  writeFileSync(
    join(dir, `${fixture.split('.')[0]}.yaml`),
    readFileSync(join(LINT_FIXTURES, fixture), 'utf8'),
  );
  try {
    const { catalog, sources } = loadData(dir, { displayDir: 'data' });
    return { catalog, sources };
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/** Every finding of every failing fixture, lint's and the pricing cases'. */
const findings = [
  ...lintCases()
    .filter((c) => !c.overlay && c.expected.length > 0)
    .flatMap((c) => {
      const ctx = lintFixture(c.fixture);
      return ctx ? lintData(ctx) : [];
    }),
  // The fixture company holds only what the pricing rules read.
  ...pricingCases().flatMap((c) =>
    lintData(loadFixtureCompany(join(PRICING_CASES, c.file)), [
      fewerUnits,
      pricesRise,
      higherOverage,
      addOnResponse,
    ]),
  ),
];
const ruleOf = (text: string) => /\[([a-z-]+)\]$/.exec(text)![1]!;

describe('how lint says to keep a finding', () => {
  test('every rule either takes lint_exceptions or says why it cannot', () => {
    for (const { id } of LINT_CHECKS) {
      const exceptable = (LINT_RULES as readonly string[]).includes(id);
      expect(exceptable !== id in NO_EXCEPTION, id).toBe(true);
      if (exceptable) expect(EXCEPTION_PLACES[id], id).toBeDefined();
    }
  });

  test('the fixtures find something for every rule that takes an exception', () => {
    const found = new Set(findings.map((f) => ruleOf(f.text)));
    for (const id of LINT_RULES) expect(found, id).toContain(id);
  });

  test('each finding of a rule with exceptions names the entry, in the file that takes it', () => {
    const withExceptions = findings.filter((f) => ruleOf(f.text) in EXCEPTION_PLACES);
    expect(withExceptions.length).toBeGreaterThan(0);
    for (const f of withExceptions) {
      const id = ruleOf(f.text);
      const { file, entry } = EXCEPTION_PLACES[id]!;
      expect(f.hint, f.text).toMatch(
        new RegExp(
          `^if intended: add lint_exceptions: \\[\\{ rule: ${id}, reason: "…" \\}\\] to ${entry} "[a-z0-9-]+" ` +
            `at data/${file.replace('.', '\\.')}:\\d+:\\d+$`,
        ),
      );
    }
  });

  test('each finding of a rule without them says why, and what to change', () => {
    const others = findings.filter((f) => !(ruleOf(f.text) in EXCEPTION_PLACES));
    expect(others.length).toBeGreaterThan(0);
    for (const f of others)
      expect(f.hint).toBe(`no exception can be recorded: ${NO_EXCEPTION[ruleOf(f.text)]}`);
  });

  test('the exception the hint describes, added where it says, keeps the finding away', () => {
    const file = join(PRICING_CASES, 'fewer-units.yaml');
    const [finding] = lintData(loadFixtureCompany(file), [fewerUnits]);
    expect(finding).toBeDefined();
    const [, plan, line, col] = /to plan "([a-z0-9-]+)" at data\/pricing\.yaml:(\d+):(\d+)$/.exec(
      finding!.hint!,
    )!;
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const plans = (doc.toJS() as { plans: { id: string }[] }).plans;
    const index = plans.findIndex((p) => p.id === plan);
    // The place is that plan's entry in the file.
    const ctx = loadFixtureCompany(file);
    expect(locate(ctx.sources.pricing!, ['plans', index])).toEqual({
      line: Number(line),
      col: Number(col),
    });
    doc.setIn(
      ['plans', index, 'lint_exceptions'],
      [{ rule: 'fewer-units', reason: 'Intended for this test.' }],
    );
    const dir = mkdtempSync(join(tmpdir(), 'charter-lint-hint-'));
    temps.push(dir);
    writeFileSync(join(dir, 'pricing.yaml'), doc.toString());
    expect(lintData(loadFixtureCompany(join(dir, 'pricing.yaml')), [fewerUnits])).toEqual([]);
  });

  test('charter lint and charter check print the hint on the line below its finding', async () => {
    const dir = copyTerms(SAMPLE);
    temps.push(dir);
    writeFileSync(
      join(dir, 'sla.yaml'),
      readFileSync(join(LINT_FIXTURES, 'sla.lower-availability.yaml'), 'utf8'),
    );
    let err = '';
    const code = await runChecks(
      [commercialLintCheck(dir)],
      { write: () => true } as never,
      {
        write: (s: string) => ((err += s), true),
      } as never,
    );
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    const at = lines.findIndex((l) => l.endsWith('[lower-availability]'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(
      /^ {2}if intended: add lint_exceptions: \[\{ rule: lower-availability, /,
    );
  });
});
