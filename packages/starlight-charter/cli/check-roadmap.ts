// `tsx scripts/check-roadmap.ts [FILE] [--json]`: checks that ROADMAP.md is true for the project.
// Prints `ROADMAP.md:LINE: message` per finding (or, with --json, a JSON array of
// { level, file, line, message }). Exit 0 clean (warnings allowed), 1 errors, 2 unreadable file.
import {
  checkRoadmap,
  formatRoadmapFinding,
  RoadmapReadError,
  type RoadmapFinding,
} from './lib/roadmap-check';

const args = process.argv.slice(2);
const json = args.includes('--json');
const file = args.find((a) => !a.startsWith('-')) ?? 'ROADMAP.md';

let findings: RoadmapFinding[];
try {
  findings = checkRoadmap({ file });
} catch (error) {
  if (!(error instanceof RoadmapReadError)) throw error;
  if (json) process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
  else process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const errors = findings.filter((f) => f.level === 'error').length;
if (json) {
  process.stdout.write(
    `${JSON.stringify(
      findings.map((f) => ({ level: f.level, file, line: f.line, message: f.message })),
      null,
      2,
    )}\n`,
  );
} else {
  for (const f of findings)
    process.stderr.write(
      `${f.level === 'warning' ? 'warning: ' : ''}${formatRoadmapFinding(file, f)}\n`,
    );
  if (errors === 0)
    process.stdout.write(
      `✓ ${file} is true for the project${findings.length ? `, ${findings.length} warning(s)` : ''}\n`,
    );
}
process.exitCode = errors > 0 ? 1 : 0;
