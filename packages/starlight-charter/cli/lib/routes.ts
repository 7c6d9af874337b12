import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders never searched for deliverables. */
const SKIP = new Set([
  'node_modules',
  '.git',
  'dist',
  '.astro',
  'test-results',
  'playwright-report',
]);

/** Every file under `dir`, as paths relative to `dir` with forward slashes. */
export function walk(dir: string, skip = SKIP): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  visit(dir);
  return out;
}

/** `api/*.json` → a RegExp; `*` stays within one folder, `**` crosses folders. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** Whether a file reference (optionally with `*`) names something in the repository. */
export function fileExists(root: string, target: string): boolean {
  const clean = target.replace(/^\.\//, '');
  if (!clean.includes('*')) return existsSync(join(root, clean));
  const pattern = globToRegExp(clean);
  return walk(root).some((path) => pattern.test(path));
}

function trimRoute(route: string): string {
  return route.replace(/[#?].*$/, '').replace(/^\/+|\/+$/g, '');
}

/**
 * `/commercial/sla/` in a build: `dist/commercial/sla/index.html`, or a file such as
 * `dist/api/tiers.json`.
 */
export function routeInBuild(dist: string, route: string): boolean {
  const r = trimRoute(route);
  if (r.includes('*')) {
    const pattern = globToRegExp(r);
    return walk(dist).some(
      (p) => pattern.test(p) || pattern.test(p.replace(/\/?index\.html$/, '')),
    );
  }
  const candidates = r === '' ? ['index.html'] : [join(r, 'index.html'), r, `${r}.html`];
  return candidates.some((c) => existsSync(join(dist, c)) && statSync(join(dist, c)).isFile());
}

/** `kb/[category]/[...rest]` → a RegExp: `[...rest]` matches any path, `[param]` one segment. */
export function routeRegExp(route: string): RegExp {
  const body = route
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((piece) => {
      if (piece.startsWith('[...')) return '.*';
      if (piece.startsWith('[')) return '[^/]+';
      return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * The route pattern a source file produces: `commercial/sla.mdx` → `commercial/sla`,
 * `og/[slug].png.ts` → `og/[^/]+\.png`. Files starting with `_` are not routes.
 */
export function routePattern(prefix: string, file: string): RegExp | null {
  if (file.split('/').some((part) => part.startsWith('_'))) return null;
  const noExt = file.replace(/\.(astro|mdx?|ts|js)$/, '');
  if (noExt === file) return null;
  return routeRegExp(`${prefix}${noExt}`.replace(/(^|\/)index$/, ''));
}

/** The routes of the pages and endpoints under `dir`, each under `prefix`. */
export function fileRoutes(dir: string, prefix = ''): RegExp[] {
  return walk(dir).flatMap((file) => routePattern(prefix, file) ?? []);
}

/** Whether one of `routes` is `route`; with `*`, whether a route matches the glob. */
export function routeInSources(routes: readonly RegExp[], route: string): boolean {
  const r = trimRoute(route);
  const wanted = r.includes('*') ? globToRegExp(r) : null;
  return routes.some((pattern) =>
    wanted ? wanted.test(pattern.source.slice(1, -1).replace(/\\/g, '')) : pattern.test(r),
  );
}
