import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { loadData } from '~/data/load';
import { commercialLintCheck } from '../../../scripts/lib/commercial-lint';
import { LINT_CHECKS, lintData } from '../../../scripts/lib/lint-rules';
import { lintCases, lintWith } from './lint-fixtures';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const cases = lintCases();
const failing = cases.filter((c) => c.expected.length > 0);
const exceptions = cases.filter((c) => c.fixture.includes('.exception.'));

describe('lint-commercial', () => {
  test('passes the sample data', () => {
    const { catalog, sources } = loadData('data');
    expect(lintData({ catalog, sources })).toEqual([]);
  });

  test.each(failing)('reports exactly what $fixture says', ({ fixture, overlay, expected }) => {
    expect(lintWith(fixture, overlay, temps)).toEqual(expected);
  });

  test.each(exceptions)(
    'accepts the explicit exception in $fixture',
    ({ fixture, overlay, expected }) => {
      expect(expected).toEqual([]);
      expect(lintWith(fixture, overlay, temps)).toEqual([]);
    },
  );

  test.each(LINT_CHECKS)('has a failing fixture for rule $id', (check) => {
    const tripped = failing.filter(
      (c) => lintWith(c.fixture, c.overlay, temps, [check]).length > 0,
    );
    expect(tripped.length).toBeGreaterThan(0);
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
