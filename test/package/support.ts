import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { textOf } from '../../packages/starlight-charter/cli/lib/html-rows';

/**
 * The environment for commands run as a company runs them: this Node first on PATH (Astro
 * needs a newer one than a system may have) and nothing else of the repository's on it;
 * without the variables `npm run` sets for this repository (its prefix, package and
 * lifecycle), which would point npm back here, nor those Vitest sets for its workers
 * (Astro's dev server answers 404 to every page when it sees VITEST).
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !key.startsWith('npm_') &&
        !key.startsWith('VITEST') &&
        key !== 'TEST' &&
        key !== 'NODE_ENV',
    ),
  );
  // The repository's node_modules/.bin (which `npm run` puts on PATH) would lend a site
  // commands it has not installed.
  const repository = resolve('.') + sep;
  const path = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !resolve(dir).startsWith(repository));
  return { ...env, PATH: [dirname(process.execPath), ...path].join(delimiter) };
}

/** Runs a command in `cwd` and returns its output; throws with that output when it fails. */
export function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env: childEnv(), stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed:\n${stdout ?? ''}\n${stderr ?? String(error)}`,
    );
  }
}

/** Writes files under `root`, by path relative to it. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Every HTML file of a built site, as paths relative to `dist`. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  );
}

/** The built page at a route such as "/commercial/pricing/". */
export function page(dist: string, route: string): string {
  return readFileSync(join(dist, route, 'index.html'), 'utf8');
}

/** The visible text of a page's <main>. */
export function mainText(html: string): string {
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  return textOf(main.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ''));
}

/**
 * The links of the sidebar group labelled `label` on a page, as [href, text] pairs; null when
 * the page's sidebar has no such group. Starlight renders a group as <details> whose <summary>
 * holds the label; the groups a site lists are flat, so the group ends at the first </details>.
 */
export function sidebarGroup(html: string, label: string): [string, string][] | null {
  const start = html.indexOf('id="starlight__sidebar"');
  if (start < 0) return null;
  for (const m of html
    .slice(start)
    .matchAll(/<summary\b[^>]*>([\s\S]*?)<\/summary>([\s\S]*?)<\/details>/g)) {
    if (textOf(m[1]!) !== label) continue;
    return [...m[2]!.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((a) => [
      a[1]!,
      textOf(a[2]!),
    ]);
  }
  return null;
}
