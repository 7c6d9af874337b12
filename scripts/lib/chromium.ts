import { existsSync } from 'node:fs';

/**
 * Which Chromium Charter's tests, benchmarks and SOW PDFs use: `CHROMIUM_PATH`, else Debian's
 * /usr/bin/chromium. Returns undefined for Playwright's own browser (`CHROMIUM_PATH=bundled`,
 * after `npx playwright install chromium`) or when none is found.
 */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'bundled');
  return path === 'bundled' ? undefined : path;
}

/** Whether a browser can be launched at all (a configured path, or Playwright's own). */
export function hasChromium(): boolean {
  return chromiumPath() !== undefined || process.env.CHROMIUM_PATH === 'bundled';
}

/** Flags for headless Chromium as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
