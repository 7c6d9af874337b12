import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Runs `astro build` in `cwd` and measures wall time and peak memory. */
export function timeBuild(cwd: string, env: Record<string, string> = {}): BuildRun {
  const rssDir = mkdtempSync(join(tmpdir(), 'charter-rss-'));
  const rssFile = join(rssDir, 'rss');
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
