import { rmSync } from 'node:fs';
import { BUILDS_DIR, buildSite, WEE_DIR } from './support';

/** Builds the second company once for all specs; the sample's build is dist/ (npm run build). */
export default function globalSetup(): () => void {
  rmSync(BUILDS_DIR, { recursive: true, force: true });
  process.env.CHARTER_WEE_OUT = buildSite(WEE_DIR);
  return () => rmSync(BUILDS_DIR, { recursive: true, force: true });
}
