import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { charterConfig, charterHref } from '../../../data/site';
import { BUILDING, componentPosition } from '../../../lib/kb-check';

/**
 * Figures in KB articles fail the build with the article's file named, so a writer knows
 * where the unknown tier or severity is.
 */
export function articleFile(url: URL): string {
  const home = charterHref('/kb/');
  const rest = url.pathname.startsWith(home)
    ? url.pathname.slice(home.length).replace(/\/$/, '')
    : '';
  if (!rest) return url.pathname;
  const base = `${charterConfig.kbDir}/${rest}`;
  return existsSync(`${base}.md`) && !existsSync(`${base}.mdx`) ? `${base}.md` : `${base}.mdx`;
}

/** A path as people type it: relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Set by integrations/kb-check.ts in `astro build`, which renders pages in its own process. */
const building = () => (globalThis as Record<symbol, unknown>)[BUILDING] === true;

/**
 * Runs a lookup for a figure component and rewrites its error to name the article and, found
 * by searching the article's text, the line of the component. A build prints that one line
 * and stops: Astro would print a thrown error several times with its stack. `astro dev`
 * keeps running and shows the error on the page.
 */
export function inArticle<T>(url: URL, component: string, lookup: () => T): T {
  try {
    return lookup();
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Charter: /, '') : String(error);
    const file = articleFile(url);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {}
    const { line, col } = componentPosition(text, component, reason);
    const message = `${shown(file)}:${line}:${col} <${component}>: ${reason}`;
    if (!building()) throw new Error(`Charter: ${message}`);
    process.stderr.write(`Charter: a KB article has a problem:\n${message}\n`);
    process.exit(1);
  }
}
