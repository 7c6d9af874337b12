/** One finding of a check, printed as one line. */
export interface Finding {
  level: 'error' | 'warning';
  /** `file:line:col path: message` or `file:line: message`, ready to print. */
  text: string;
  /** What to do about it, printed indented on the line below. */
  hint?: string;
}

/** A pluggable check run by `charter check`. */
export interface Check {
  name: string;
  run(): Promise<Finding[]> | Finding[];
}

/** Runs checks in order, prints one line per finding and a one-line summary; returns the exit code. */
export async function runChecks(
  checks: Check[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  let errors = 0;
  let warnings = 0;
  for (const check of checks) {
    const findings = await check.run();
    for (const f of findings) {
      if (f.level === 'error') errors++;
      else warnings++;
      err.write(`${f.level === 'warning' ? 'warning: ' : ''}${f.text}\n`);
      if (f.hint) err.write(`  ${f.hint}\n`);
    }
  }
  const names = checks.map((c) => c.name).join(', ');
  if (errors > 0) {
    err.write(`✗ ${errors} error(s), ${warnings} warning(s) (${names})\n`);
    return 1;
  }
  out.write(`✓ All checks passed (${names})${warnings ? `, ${warnings} warning(s)` : ''}\n`);
  return 0;
}
