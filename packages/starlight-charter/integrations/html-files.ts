import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every .html file under `dir`, as paths relative to it with forward slashes. */
export function htmlFiles(dir: string): string[] {
  return allFiles(dir).filter((file) => file.endsWith('.html'));
}

/** The site route a built file serves: `kb/api/index.html` → `/kb/api/`, `404.html` → `/404.html`. */
export function routeOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}
