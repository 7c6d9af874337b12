import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossCheck } from '../../../packages/starlight-charter/data/cross-checks';
import { DataError, formatIssue, issueAt } from '../../../packages/starlight-charter/data/issues';
import {
  loadData,
  type Catalog,
  type PartialCatalog,
  type Sources,
} from '../../../packages/starlight-charter/data/load';
import {
  locate,
  parseSource,
  type SourceFile,
} from '../../../packages/starlight-charter/data/positions';
import { describeTarget } from '../../../packages/starlight-charter/lib/catalog';
import { formatPercent } from '../../../packages/starlight-charter/lib/format';
import { DATA_FILES, type DataFileName } from '../../../packages/starlight-charter/schemas/index';
import {
  LINT_CHECKS,
  lintData,
  type LintCheck,
  type LintContext,
} from '../../../packages/starlight-charter/cli/lib/lint-rules';
import { SAMPLE } from '../../support/sites';

export const LINT_FIXTURES = 'test/fixtures/data/lint';
/** A small company of its own (only the files the pricing rules read), for the pricing cases. */
export const FIXTURE_COMPANY = join(LINT_FIXTURES, 'company');
/** Pricing cases: each replaces the fixture company's pricing.yaml. */
export const PRICING_CASES = join(LINT_FIXTURES, 'pricing');

/** The `# expect: ` lines of a fixture: exactly what lint says about it. */
function expectations(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length));
}

/** The value at `path` in the loaded data. */
function valueAt(catalog: Catalog, file: string, segments: (string | number)[]): unknown {
  let value: unknown = (catalog as Record<string, unknown>)[file];
  for (const s of segments) value = (value as Record<string | number, unknown> | undefined)?.[s];
  if (value === undefined) throw new Error(`no value at ${file}:${segments.join('.')}`);
  return value;
}

/**
 * Names another data file's position or figure without typing it, so a fixture does not copy
 * the sample's terms into its expectations: `{sla:tiers.2.availability}` becomes
 * `data/sla.yaml:LINE:COL` for that path in the loaded file, and a format after `|` gives the
 * value there as lint writes it: `|percent` ("99.9%"), `|target` for a response or resolution
 * target with its clock ("8 hours (24x7)"), `|text` as it is (a name).
 */
function placed(
  line: string,
  sources: Partial<Record<string, SourceFile>>,
  catalog: Catalog,
): string {
  return line.replace(
    /\{(\w+):([^}|]+)(?:\|(\w+))?\}/g,
    (_whole, file: string, path: string, format: string | undefined) => {
      const source = sources[file];
      if (!source) throw new Error(`no data file "${file}" for the position in: ${line}`);
      const segments = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      if (format === undefined) {
        const { line: at, col } = locate(source, segments);
        return `${source.file}:${at}:${col}`;
      }
      const value = valueAt(catalog, file, segments);
      if (format === 'text') return String(value);
      if (format === 'percent') return formatPercent(value as number, catalog.company.locale);
      if (
        format === 'target' &&
        file === 'sla' &&
        segments[0] === 'tiers' &&
        segments[2] === 'targets'
      ) {
        const tier = catalog.sla.tiers[segments[1] as number]!;
        const clock = tier.targets[segments[3] as string]!.clock ?? tier.clock;
        return describeTarget(value as number, clock);
      }
      throw new Error(`no format "${format}" for ${file}:${path} in: ${line}`);
    },
  );
}

/**
 * Each fixture replaces one data file of the sample and lists, in `# expect: ` lines, exactly
 * what lint says; a position or figure in another file is written as
 * `{sla:tiers.2.availability}` or `{sla:tiers.2.availability|percent}`.
 */
export function lintCases() {
  return readdirSync(LINT_FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((fixture) => {
      const text = readFileSync(join(LINT_FIXTURES, fixture), 'utf8');
      return {
        fixture,
        overlay: text.split('\n').some((l) => l.startsWith('# overlay:')),
        expected: expectations(text),
      };
    });
}

/**
 * Lint findings for the sample data with one fixture swapped in. An overlay fixture is added to
 * the loaded data as is, for files whose schema another part of Charter owns.
 */
export function lintWith(
  fixture: string,
  overlay: boolean,
  temps: string[],
  checks: LintCheck[] = LINT_CHECKS,
): string[] {
  const name = fixture.split('.')[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'charter-lint-'));
  temps.push(dir);
  cpSync(SAMPLE.terms, dir, { recursive: true });
  if (!overlay) copyFileSync(join(LINT_FIXTURES, fixture), join(dir, `${name}.yaml`));
  let ctx: LintContext;
  try {
    const { catalog, sources } = loadData(dir, { displayDir: 'data' });
    ctx = { catalog, sources };
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatIssue);
    throw error;
  }
  if (overlay) {
    const source = parseSource(
      `data/${name}.yaml`,
      readFileSync(join(LINT_FIXTURES, fixture), 'utf8'),
    );
    ctx = {
      catalog: { ...ctx.catalog, [name]: source.doc.toJS() },
      sources: { ...ctx.sources, [name]: source },
    };
  }
  return lintData(ctx, checks).map((f) => `${f.level === 'warning' ? 'warning: ' : ''}${f.text}`);
}

/**
 * What a fixture expects, with positions and figures of the sample's other files filled in from
 * its terms (shown as `data/`, as the fixtures write them).
 */
export function expectedFor(expected: string[]): string[] {
  const { catalog, sources } = loadData(SAMPLE.terms, { displayDir: 'data' });
  return expected.map((line) => placed(line, sources, catalog));
}

/** The pricing cases, each with what lint must say about it (nothing, for a case that passes). */
export function pricingCases() {
  return readdirSync(PRICING_CASES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({
      file,
      expected: expectations(readFileSync(join(PRICING_CASES, file), 'utf8')),
    }));
}

/**
 * Loads the fixture company, with `pricingFile` in place of its pricing.yaml, the way the
 * loader would: each file through its schema, then the cross-file checks. It holds only some
 * of the data files, so only rules that read those can run on it.
 */
export function loadFixtureCompany(pricingFile?: string): LintContext {
  const sources: Sources = {};
  const partial: PartialCatalog = {};
  const problems: string[] = [];
  for (const entry of readdirSync(FIXTURE_COMPANY).filter((f) => f.endsWith('.yaml'))) {
    const name = entry.replace(/\.yaml$/, '') as DataFileName;
    const path = name === 'pricing' && pricingFile ? pricingFile : join(FIXTURE_COMPANY, entry);
    const source = parseSource(`data/${entry}`, readFileSync(path, 'utf8'));
    sources[name] = source;
    const result = DATA_FILES[name].safeParse(source.doc.toJS());
    if (result.success) (partial as Record<string, unknown>)[name] = result.data;
    else
      for (const issue of result.error.issues)
        problems.push(
          formatIssue(issueAt(source, issue.path as (string | number)[], issue.message)),
        );
  }
  problems.push(...crossCheck(partial, sources).map(formatIssue));
  if (problems.length > 0)
    throw new Error(`the fixture company does not load:\n${problems.join('\n')}`);
  return { catalog: partial as Catalog, sources };
}

/** Lint findings for the fixture company with a pricing case in place, as printed. */
export function lintPricingCase(file: string, checks: LintCheck[]): string[] {
  const ctx = loadFixtureCompany(join(PRICING_CASES, file));
  return lintData(ctx, checks).map((f) => `${f.level === 'warning' ? 'warning: ' : ''}${f.text}`);
}
