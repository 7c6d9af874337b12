import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData } from '~/data/load';
import { LINT_RULES } from '~/schemas/shared';
import { commercialLintCheck } from '../../../scripts/lib/commercial-lint';
import {
  addOnResponse,
  fewerUnits,
  higherOverage,
  LINT_CHECKS,
  lintData,
  pricesRise,
} from '../../../scripts/lib/lint-rules';
import {
  expectedFor,
  lintCases,
  lintPricingCase,
  lintWith,
  loadFixtureCompany,
  PRICING_CASES,
  pricingCases,
} from './lint-fixtures';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const cases = lintCases();
const failing = cases.filter((c) => c.expected.length > 0);
const exceptions = cases.filter((c) => c.fixture.includes('.exception.'));
/** Failing fixtures that load, so what they get is lint's findings rather than the loader's errors. */
const linted = failing.filter((c) => c.expected.every((line) => / \[[a-z-]+\]$/.test(line)));

/** The rules that read only pricing, tiers, severities and the SLA: what the fixture company holds. */
const PRICING_CHECKS = [fewerUnits, pricesRise, higherOverage, addOnResponse];
const pricing = pricingCases();

describe('lint-commercial', () => {
  test('passes the sample data', () => {
    const { catalog, sources } = loadData('data');
    expect(lintData({ catalog, sources })).toEqual([]);
  });

  test.each(failing)('reports exactly what $fixture says', ({ fixture, overlay, expected }) => {
    expect(lintWith(fixture, overlay, temps)).toEqual(expectedFor(expected));
  });

  test.each(exceptions)(
    'accepts the explicit exception in $fixture',
    ({ fixture, overlay, expected }) => {
      expect(expected).toEqual([]);
      expect(lintWith(fixture, overlay, temps)).toEqual([]);
    },
  );

  test.each(LINT_CHECKS)('has a failing fixture for rule $id, and names the rule', (check) => {
    const findings = PRICING_CHECKS.includes(check)
      ? pricing.flatMap((c) => lintPricingCase(c.file, [check]))
      : linted.flatMap((c) => lintWith(c.fixture, c.overlay, temps, [check]));
    expect(findings.length).toBeGreaterThan(0);
    for (const line of findings) expect(line.endsWith(` [${check.id}]`), line).toBe(true);
  });

  test('every rule the data may opt out of is a rule that runs', () => {
    const ids = LINT_CHECKS.map((c) => c.id);
    for (const id of LINT_RULES) expect(ids).toContain(id);
  });

  test('lists data errors instead of linting data that does not load', async () => {
    const findings = await commercialLintCheck('test/fixtures/no-such-dir').run();
    expect(findings.map((f) => f.text)).toEqual([
      'test/fixtures/no-such-dir:1:1 (root): data directory not found',
    ]);
    expect(
      await commercialLintCheck('test/fixtures/no-such-dir', { quietOnDataErrors: true }).run(),
    ).toEqual([]);
  });
});

describe('pricing rules on a company of their own', () => {
  test('the fixture company passes as it is', () => {
    expect(lintData(loadFixtureCompany(), PRICING_CHECKS)).toEqual([]);
  });

  test.each(pricing)('$file: reports exactly what it says', ({ file, expected }) => {
    expect(lintPricingCase(file, PRICING_CHECKS)).toEqual(expected);
  });

  test.each([
    ['fewer-units.yaml', 'a higher tier including less of a meter'],
    ['unlimited-below.yaml', 'an unlimited allowance on the lower tier'],
    ['per-unit.yaml', 'a higher per-unit rate'],
    ['package.yaml', 'a package dearer per unit'],
    ['graduated.yaml', 'graduated bands compared at the same quantity'],
    ['add-on-response.yaml', 'an add-on slower than a tier it is sold with'],
    ['prices-rise.yaml', 'a per-seat price at its minimum'],
  ])('%s is a case that fails (%s)', (file) => {
    expect(pricing.find((c) => c.file === file)?.expected.length).toBeGreaterThan(0);
  });

  test.each([
    ['hard-limit.yaml', 'a hard limit is not a rate'],
    ['package-cheaper.yaml', 'a package cheaper per unit'],
    ['exception.yaml', 'an exception recorded with lint_exceptions'],
  ])('%s is a case that passes (%s)', (file) => {
    expect(pricing.find((c) => c.file === file)?.expected).toEqual([]);
  });

  test('the exception case breaks the rules it opts out of, once the exceptions are taken away', () => {
    const text = readFileSync(join(PRICING_CASES, 'exception.yaml'), 'utf8');
    const doc = parse(text) as { plans: { lint_exceptions?: { rule: string }[] }[] };
    const opted = doc.plans.flatMap((p) => p.lint_exceptions ?? []).map((e) => e.rule);
    expect(opted.sort()).toEqual(['fewer-units', 'higher-overage']);
    const without = text.replace(/ {4}lint_exceptions:\n(?: {6}.*\n)+/, '');
    expect(without).not.toContain('lint_exceptions');
    const found = lintData(loadFixtureCompany(writeTemp(without)), PRICING_CHECKS).map((f) =>
      f.text.replace(/.* \[([a-z-]+)\]$/, '$1'),
    );
    expect([...new Set(found)].sort()).toEqual(opted);
  });
});

/** Writes a pricing file to a temporary folder and returns its path. */
function writeTemp(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-lint-'));
  temps.push(dir);
  const file = join(dir, 'pricing.yaml');
  writeFileSync(file, text);
  return file;
}
