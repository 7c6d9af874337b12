import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildRun {
  seconds: number;
  /** Peak resident memory of the largest process in the build, in MB. */
  peakMb: number;
  /** Build output, for figures the build logs (e.g. social cards rendered / reused). */
  log: string;
}

const MAXRSS = resolve('scripts/bench/maxrss.cjs');

/**
 * Reads every regular file under `dir` once (symbolic links are not followed), so a build
 * timed next finds them in the operating system's file cache. The reference machine's kernel
 * drops cached file pages that nobody has mapped or read for about a minute (DAMON's pageout),
 * so a build that follows a pause would read its modules from disk again, and the site that
 * loads more modules would pay more for it.
 */
export function readAllFiles(dir: string): { files: number; bytes: number } {
  const buffer = Buffer.allocUnsafe(1 << 20);
  let files = 0;
  let bytes = 0;
  // Node's recursive readdir descends into linked folders, so the walk is done here.
  const folders = [dir];
  for (let folder; (folder = folders.pop()) !== undefined;) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) folders.push(path);
      if (!entry.isFile()) continue;
      const fd = openSync(path, 'r');
      try {
        for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) bytes += read;
      } finally {
        closeSync(fd);
      }
      files++;
    }
  }
  return { files, bytes };
}

/** Runs `astro build` in `cwd` and measures wall time and peak memory. */
export function timeBuild(cwd: string, env: Record<string, string> = {}): BuildRun {
  const rssDir = mkdtempSync(join(tmpdir(), 'charter-rss-'));
  const rssFile = join(rssDir, 'rss');
  // Both sites start with their modules and project files in the file cache, as on a machine
  // that keeps them there between builds.
  readAllFiles(resolve('node_modules'));
  readAllFiles(cwd);
  // Files the last build wrote go to disk now, not while this one is timed.
  execFileSync('sync');
  const started = performance.now();
  const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], {
    cwd,
    env: {
      ...process.env,
      ...env,
      CHARTER_MAXRSS_FILE: rssFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${MAXRSS}`.trim(),
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`astro build failed in ${cwd}:\n${log.slice(-4000)}`);
  let peakKb = 0;
  try {
    peakKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
  } catch {}
  rmSync(rssDir, { recursive: true, force: true });
  return { seconds, peakMb: Math.round(peakKb / 1024), log };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
