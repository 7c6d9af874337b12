import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS_DIR, buildSite, WEE_DIR } from './support';

/**
 * Builds the second company once for all specs (the sample's build is dist/, from npm run
 * build). Every build of this run goes into a folder of its own, so runs side by side keep
 * theirs, and the folder is removed when the run ends.
 */
export default function globalSetup(): () => void {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const run = mkdtempSync(join(BUILDS_DIR, 'run-'));
  process.env.CHARTER_BUILDS_RUN = run;
  process.env.CHARTER_WEE_OUT = buildSite(WEE_DIR);
  return () => rmSync(run, { recursive: true, force: true });
}
