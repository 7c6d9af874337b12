// `npm run check`: every consistency check, one line per finding, exit 1 on any error.
import { dataDir } from '../src/data/index';
import { runChecks } from './lib/check';
import { dataCheck } from './lib/data-check';
import { schemaCheck } from './lib/schema-check';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const checks = [schemaCheck(), ...(dirs.length ? dirs : [dataDir()]).map((d) => dataCheck(d))];
process.exitCode = await runChecks(checks);
