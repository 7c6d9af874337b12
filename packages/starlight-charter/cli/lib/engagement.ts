import { english, type Translate } from '../../lib/i18n.ts';
import { draftFromInput, validateEngagement, type SowCatalog } from '../../lib/sow.ts';
import type { SowDraft } from '../../schemas/engagement.ts';
import { issueAt, sortIssues, type DataIssue } from '../../data/issues.ts';
import { parseSource } from '../../data/positions.ts';

/**
 * Reads an engagement file (YAML or JSON) for `charter sow`: every problem placed at
 * `file:line:col path`, the same way the data loader reports data/ files.
 */
export function readEngagement(
  file: string,
  text: string,
  cat: SowCatalog,
  t: Translate = english,
): { draft: SowDraft; issues: DataIssue[] } {
  const source = parseSource(file, text);
  const issues: DataIssue[] = source.doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      file,
      line: pos.line,
      col: pos.col,
      path: '(yaml)',
      message: firstLine(error.message),
    };
  });
  if (issues.length > 0) return { draft: draftFromInput(undefined), issues };
  const value: unknown = source.doc.toJS({ maxAliasCount: 100 });
  for (const issue of validateEngagement(value, cat, t).issues)
    issues.push(issueAt(source, issue.path, issue.message));
  return { draft: draftFromInput(value), issues: sortIssues(issues) };
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
