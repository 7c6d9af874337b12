import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A build that stops half-way (a broken link, a page that fails to render) leaves pages without
 * their security policy, search index or cards, and a deploy script would publish them. So the
 * last good build is set aside, beside the output folder, when a build starts: a failed build
 * puts it back as it was, a finished one removes it.
 */

/** Where the last good build of `outDir` waits while a build runs: `.dist.last-good` beside `dist`. */
export function lastGoodPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.last-good`);
}

/**
 * Sets the last good build aside before a build writes anything. A build killed before it could
 * clean up left one there already, and a half-written output folder: that output goes first.
 */
export function setAsideLastGood(outDir: string): void {
  const kept = lastGoodPath(outDir);
  if (existsSync(kept)) {
    rmSync(outDir, { recursive: true, force: true });
    renameSync(kept, outDir);
  }
  if (existsSync(outDir)) renameSync(outDir, kept);
}

/**
 * After a failed build: removes what it wrote and puts the last good build back. Returns whether
 * there was one, for the message.
 */
export function restoreLastGood(outDir: string): boolean {
  rmSync(outDir, { recursive: true, force: true });
  const kept = lastGoodPath(outDir);
  if (!existsSync(kept)) return false;
  renameSync(kept, outDir);
  return true;
}

/** After a finished build: the last good build is this one. */
export function dropLastGood(outDir: string): void {
  rmSync(lastGoodPath(outDir), { recursive: true, force: true });
}
