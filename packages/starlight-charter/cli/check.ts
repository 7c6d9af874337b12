// `npm run check`: every consistency check, one line per finding, exit 1 on any error.
import { existsSync } from 'node:fs';
import { dataDir } from '../data/index';
import { runChecks } from './lib/check';
import { commercialLintCheck } from './lib/commercial-lint';
import { contentCheck } from './lib/content-check';
import { dataCheck } from './lib/data-check';
import { publishedCheck } from './lib/published-check';
import { roadmapCheck } from './lib/roadmap-check';
import { schemaCheck } from './lib/schema-check';

// The sample company, plus the second company's data when it is present.
const SECOND_COMPANY = 'examples/wee';
const given = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const dirs = given.length
  ? given
  : [dataDir(), ...(existsSync(SECOND_COMPANY) ? [SECOND_COMPANY] : [])];
const checks = [
  schemaCheck(),
  ...dirs.map((d) => dataCheck(d)),
  ...dirs.map((d) => commercialLintCheck(d, { quietOnDataErrors: true })),
  contentCheck(dirs),
  publishedCheck(dataDir(), 'dist'),
  roadmapCheck(),
];
process.exitCode = await runChecks(checks);
