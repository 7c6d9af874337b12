import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, formatIssue } from '~/data/issues';
import { loadData } from '~/data/load';
import { parseSource } from '~/data/positions';
import {
  LINT_CHECKS,
  lintData,
  type LintCheck,
  type LintContext,
} from '../../../scripts/lib/lint-rules';

export const LINT_FIXTURES = 'test/fixtures/data/lint';

/** Each fixture replaces one data file and lists, in `# expect: ` lines, exactly what lint says. */
export function lintCases() {
  return readdirSync(LINT_FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((fixture) => {
      const text = readFileSync(join(LINT_FIXTURES, fixture), 'utf8');
      const lines = text.split('\n');
      return {
        fixture,
        overlay: lines.some((l) => l.startsWith('# overlay:')),
        expected: lines
          .filter((l) => l.startsWith('# expect: '))
          .map((l) => l.slice('# expect: '.length)),
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
  cpSync('data', dir, { recursive: true });
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
