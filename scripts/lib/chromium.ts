import { chromiumPath } from '../../packages/starlight-charter/cli/lib/pdf.ts';

/** Which Chromium the tests and benchmarks use: the one `charter sow` prints with. */
export { CHROMIUM_ARGS, chromiumPath } from '../../packages/starlight-charter/cli/lib/pdf.ts';

/** Whether a browser can be launched at all (a configured path, or Playwright's own). */
export function hasChromium(): boolean {
  return chromiumPath() !== undefined || process.env.CHROMIUM_PATH === 'bundled';
}
