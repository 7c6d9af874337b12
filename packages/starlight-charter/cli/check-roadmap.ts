// `charter roadmap [FILE] [--json] [--dist DIR]`: checks that a roadmap (ROADMAP.md) is true
// for the project: the files it names exist, the routes it names are the site's or Charter's,
// its dates and names hold. Prints `ROADMAP.md:LINE: message` per finding (with --json, a JSON
// array of { level, file, line, message }). Exit 0 clean (warnings allowed), 1 errors, 2
// unreadable file.
import {
  checkRoadmap,
  formatRoadmapFinding,
  RoadmapReadError,
  type RoadmapFinding,
} from './lib/roadmap-check';
import type { Site } from './lib/site';

export function roadmap(
  site: Site,
  file: string,
  options: { json?: boolean; dist?: string } = {},
): number {
  let findings: RoadmapFinding[];
  try {
    findings = checkRoadmap({ file, site, dist: options.dist ?? null });
  } catch (error) {
    if (!(error instanceof RoadmapReadError)) throw error;
    if (options.json) process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
    else process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const errors = findings.filter((f) => f.level === 'error').length;
  if (options.json) {
    const rows = findings.map((f) => ({ level: f.level, file, line: f.line, message: f.message }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
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
  return errors > 0 ? 1 : 0;
}
