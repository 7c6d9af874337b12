import { formatPath, locate, type DataPath, type SourceFile } from './positions.ts';

/** One problem in the data, placed at a file, line and column. */
export interface DataIssue {
  file: string;
  line: number;
  col: number;
  /** Data path as people read it, e.g. `tiers[2].name`. */
  path: string;
  message: string;
}

/** Thrown by the loader with every problem found, never just the first. */
export class DataError extends Error {
  readonly issues: DataIssue[];

  constructor(issues: DataIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the data:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.issues = issues;
    this.name = 'DataError';
  }
}

/** `tiers.yaml:14:7 tiers[2].name: must not be empty` */
export function formatIssue(issue: DataIssue): string {
  return `${issue.file}:${issue.line}:${issue.col} ${issue.path}: ${issue.message}`;
}

export function issueAt(
  source: SourceFile,
  path: DataPath,
  message: string,
  key?: string,
): DataIssue {
  const { line, col } = locate(source, path, key === undefined ? {} : { key });
  return {
    file: source.file,
    line,
    col,
    path: formatPath(key === undefined ? path : [...path, key]),
    message,
  };
}

export function sortIssues(issues: DataIssue[]): DataIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.path.localeCompare(b.path),
  );
}
