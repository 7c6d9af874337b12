import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatScore, mutationScore } from '../../../scripts/bench/mutation-score';

function report(files: Record<string, string[]>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'charter-mutation-')), 'mutation.json');
  const json = Object.fromEntries(
    Object.entries(files).map(([file, statuses]) => [
      file,
      { mutants: statuses.map((status) => ({ status })) },
    ]),
  );
  writeFileSync(
    path,
    JSON.stringify({ schemaVersion: '2', thresholds: { high: 95, low: 90 }, files: json }),
  );
  return path;
}

test('counts killed and timed-out mutants against survivors and uncovered ones, as Stryker does', () => {
  const path = report({
    'src/lib/b.ts': ['Killed', 'Killed', 'Killed', 'Survived', 'Ignored', 'CompileError'],
    'src/lib/a.ts': ['Killed', 'Timeout', 'NoCoverage', 'RuntimeError'],
    'src/lib/c.ts': ['Ignored'],
  });
  const score = mutationScore(path)!;
  expect(score.files.map((f) => [f.file, f.detected, f.undetected, f.score])).toEqual([
    ['src/lib/a.ts', 2, 1, (2 / 3) * 100],
    ['src/lib/b.ts', 3, 1, 75],
    ['src/lib/c.ts', 0, 0, null],
  ]);
  expect(score.total).toMatchObject({ detected: 5, undetected: 2 });
  expect(formatScore(score.files[1]!)).toBe('75.0 % (3 of 4)');
  expect(formatScore(score.files[2]!)).toBe('no mutants');
});

test('reports nothing when there is no report', () => {
  expect(mutationScore(join(tmpdir(), 'charter-no-such-report.json'))).toBeNull();
});
