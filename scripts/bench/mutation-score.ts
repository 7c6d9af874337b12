// The mutation score of the last `npm run test:mutation`, read from Stryker's JSON report
// (mutation-testing-report-schema). The bench does not run Stryker: it takes minutes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { JSON_REPORT } from '../../stryker.config.mjs';

export interface FileScore {
  file: string;
  /** Killed or timed out: a test failed, or the mutant made the code loop. */
  detected: number;
  /** Survived, or reached by no test. */
  undetected: number;
  /** detected ÷ (detected + undetected), in %; null when the file has no mutants that count. */
  score: number | null;
}

export interface MutationScore {
  /** When the report was written. */
  date: string;
  files: FileScore[];
  total: FileScore;
}

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

// Stryker's own score: static, ignored and non-compiling mutants do not count.
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function score(file: string, statuses: string[]): FileScore {
  const detected = statuses.filter((s) => DETECTED.has(s)).length;
  const undetected = statuses.filter((s) => UNDETECTED.has(s)).length;
  const counted = detected + undetected;
  return { file, detected, undetected, score: counted === 0 ? null : (detected / counted) * 100 };
}

/** The score per file and in all from a report, or null when there is no report. */
export function mutationScore(path = JSON_REPORT): MutationScore | null {
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const files = Object.entries(report.files)
    .map(([file, { mutants }]) =>
      score(
        file,
        mutants.map((m) => m.status),
      ),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
  const all = Object.values(report.files).flatMap(({ mutants }) => mutants.map((m) => m.status));
  return { date: statSync(path).mtime.toISOString(), files, total: score('all', all) };
}

/** "91.2 % (310 of 340)", or "no mutants". */
export function formatScore(s: FileScore): string {
  return s.score === null
    ? 'no mutants'
    : `${s.score.toFixed(1)} % (${s.detected} of ${s.detected + s.undetected})`;
}
