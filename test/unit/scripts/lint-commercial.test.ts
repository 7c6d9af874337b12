import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../packages/starlight-charter/data/load';
import { localize } from '../../../packages/starlight-charter/data/text-maps';
import { PriceSchema } from '../../../packages/starlight-charter/schemas/pricing';
import { LINT_RULES } from '../../../packages/starlight-charter/schemas/shared';
import { commercialLintCheck } from '../../../packages/starlight-charter/cli/lib/commercial-lint';
import {
  addOnResponse,
  fewerUnits,
  higherOverage,
  LINT_CHECKS,
  lintData,
  pricesRise,
} from '../../../packages/starlight-charter/cli/lib/lint-rules';
import {
  expectedFor,
  lintCases,
  lintPricingCase,
  lintWith,
  loadFixtureCompany,
  PRICING_CASES,
  pricingCases,
} from './lint-fixtures';
import { SAMPLE } from '../../support/sites';

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
    const { catalog, sources } = loadData(SAMPLE.terms);
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

/**
 * The price-ordering rule, which lives only in lint (the loader does not check it): a higher
 * tier's plan costs strictly more than the plan of the tier just below it. Prices of one kind
 * compare by their own amount (a "from" price counts as a set one, a per-seat price per seat,
 * a share of spend by its minimum); prices of different kinds by the least a month can cost. A
 * plan priced on request is not compared.
 */
describe('prices-rise', () => {
  const perSeat = (monthly: number, minimum_seats = 1) => ({
    model: 'per-seat',
    monthly,
    minimum_seats,
  });
  const share = (minimum: number) => ({
    model: 'share-of-spend',
    minimum,
    bands: [{ percent: 5 }],
  });
  test.each<[string, unknown, unknown, boolean]>([
    ['free, then a price', { monthly: 0 }, { monthly: 50 }, false],
    ['a higher price', { monthly: 50 }, { monthly: 50.01 }, false],
    ['the same price', { monthly: 50 }, { monthly: 50 }, true],
    ['a lower price', { monthly: 60 }, { monthly: 50 }, true],
    [
      'a "from" price no higher than a set one',
      { monthly: 50 },
      { model: 'from', monthly: 50 },
      true,
    ],
    ['a "from" price above a set one', { monthly: 50 }, { model: 'from', monthly: 60 }, false],
    ['the higher tier on request', { monthly: 50 }, 'contact-us', false],
    ['the lower tier on request', 'contact-us', { monthly: 1 }, false],
    ['more per seat, less at the minimums', perSeat(20, 3), perSeat(25), false],
    ['less per seat, more at the minimums', perSeat(25), perSeat(20, 3), true],
    ['per seat, at its minimum no more than a set price', { monthly: 60 }, perSeat(20, 3), true],
    ['per seat, at its minimum above a set price', { monthly: 59 }, perSeat(20, 3), false],
    ['a share of spend whose minimum is no higher', share(100), share(100), true],
    ['a share of spend whose minimum is above a set price', { monthly: 99 }, share(100), false],
    ['a set price no higher than a share of spend’s minimum', share(100), { monthly: 100 }, true],
  ])('%s', (_case, low, high, reported) => {
    const ctx = loadFixtureCompany();
    const [lower, higher] = ctx.catalog.pricing.plans;
    const priced = (plan: typeof lower, raw: unknown) => ({
      ...plan!,
      price: localize(PriceSchema.parse(raw), 'en', 'en'),
    });
    const plans = [priced(lower, low), priced(higher, high), ...ctx.catalog.pricing.plans.slice(2)];
    const catalog = { ...ctx.catalog, pricing: { ...ctx.catalog.pricing, plans } };
    const findings = lintData({ ...ctx, catalog }, [pricesRise]).map((f) => f.text);
    if (!reported) expect(findings).toEqual([]);
    else {
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatch(
        new RegExp(
          `^data/pricing\\.yaml:\\d+:\\d+ plans\\[1\\]\\.price: ${higher!.id} costs .*, no more than ${lower!.id}'s .* \\[prices-rise\\]$`,
        ),
      );
    }
  });

  test('the fixture company has a plan on request above the two it prices', () => {
    const { catalog } = loadFixtureCompany();
    expect(catalog.pricing.plans.map((p) => p.price.model)).toEqual(['flat', 'flat', 'contact-us']);
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
