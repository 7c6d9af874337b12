import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Flags for headless Chromium as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium, lightest first: the headless shell (the same engine without the browser
 * around it, which Playwright itself runs headless; pages load about twice as fast), then the
 * full browser.
 */
const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * The Chromium to print with (and this repository's tests and benchmarks): `CHROMIUM_PATH`,
 * else Debian's; undefined for Playwright's own browser (`CHROMIUM_PATH=bundled`, after
 * `npx playwright install chromium`) or when there is none.
 */
export function chromiumPath(): string | undefined {
  const path =
    process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUMS.find((file) => existsSync(file)) ?? 'bundled';
  return path === 'bundled' ? undefined : path;
}

interface Browser {
  newPage(): Promise<{
    setContent(html: string, options: { waitUntil: 'load' }): Promise<void>;
    pdf(options: Record<string, unknown>): Promise<unknown>;
  }>;
  close(): Promise<void>;
}

/**
 * Playwright's Chromium, from the site's own dependencies (playwright, playwright-core or
 * @playwright/test): Charter does not ship a browser. Null when none is installed.
 */
async function chromium(
  root: string,
): Promise<{ launch(options: object): Promise<Browser> } | null> {
  const require = createRequire(join(root, 'package.json'));
  for (const name of ['playwright-core', 'playwright', '@playwright/test']) {
    let entry: string;
    try {
      entry = require.resolve(name);
    } catch {
      continue;
    }
    const module = (await import(pathToFileURL(entry).href)) as {
      chromium?: unknown;
      default?: { chromium?: unknown };
    };
    const found = module.chromium ?? module.default?.chromium;
    if (found) return found as { launch(options: object): Promise<Browser> };
  }
  return null;
}

/**
 * Prints `html` to a PDF at `file`. Returns why it could not (no Playwright, no Chromium), or
 * null once written.
 */
export async function printPdf(
  html: string,
  file: string,
  format: string,
  root: string,
): Promise<string | null> {
  const engine = await chromium(root);
  if (!engine) return 'Playwright is not installed here (npm i -D playwright)';
  const executablePath = chromiumPath();
  if (executablePath === undefined && process.env.CHROMIUM_PATH !== 'bundled')
    return 'no Chromium found (set CHROMIUM_PATH, or CHROMIUM_PATH=bundled after npx playwright install chromium)';
  const browser = await engine.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: file, format, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
  return null;
}
