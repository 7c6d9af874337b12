import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiteAsync, SAMPLE, SITES_DIR, WEE } from '../support/sites';

/**
 * Builds what several specs share, once per run: the WEE site and the sample's internal site
 * (the sample's public site is examples/sample/dist, from npm run build). The two build side
 * by side. Every site and build of this run goes into a folder of its own, so runs side by side
 * keep theirs, and the folder is removed when the run ends.
 */
export default async function globalSetup(): Promise<() => void> {
  mkdirSync(SITES_DIR, { recursive: true });
  const run = mkdtempSync(join(SITES_DIR, 'run-'));
  process.env.CHARTER_SITES_RUN = run;
  const removeRun = () => rmSync(run, { recursive: true, force: true });
  const [wee, internal] = await Promise.all([
    buildSiteAsync(WEE.root, { outDir: join(run, 'wee') }),
    buildSiteAsync(SAMPLE.root, {
      config: SAMPLE.internalConfig,
      outDir: join(run, 'sample-internal'),
    }),
  ]).catch((error: unknown) => {
    removeRun();
    throw error;
  });
  process.env.CHARTER_WEE_OUT = wee;
  process.env.CHARTER_INTERNAL_OUT = internal;
  return removeRun;
}
