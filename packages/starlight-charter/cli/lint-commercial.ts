// `tsx scripts/lint-commercial.ts [DATA_DIR ...] [--dist DIR]`: checks what the commercial terms
// mean, beyond their schema, and that the built pricing and SLA tables show the data's figures.
// One line per finding; exit 1 on any error.
import { dataDir } from '../data/index';
import { runChecks } from './lib/check';
import { commercialLintCheck } from './lib/commercial-lint';
import { publishedCheck } from './lib/published-check';

const dirs: string[] = [];
let dist: string | undefined;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = args[++i];
  else dirs.push(args[i]!);
}
const targets = dirs.length ? dirs : [dataDir()];

// A build is compared with the data it was built from: dist/ holds the build of CHARTER_DATA
// (or data/); `--dist DIR` names the build of the first directory given.
const checks = targets.map((dir) => commercialLintCheck(dir));
if (dist !== undefined) checks.push(publishedCheck(targets[0]!, dist));
else if (targets.includes(dataDir())) checks.push(publishedCheck(dataDir(), 'dist'));
process.exitCode = await runChecks(checks);
