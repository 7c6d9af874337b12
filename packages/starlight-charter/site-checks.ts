import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import semver from 'semver';
import type { CharterOptions } from './options.ts';
import { PAGE_FOLDERS, sectionOfPage } from './pages/index.ts';

const OWN = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  peerDependencies: Record<string, string>;
};

/**
 * The site's Astro and Starlight against the ranges Charter is tested with: one line for each
 * that is missing or outside its range.
 */
export function versionProblems(root: string, installed = installedVersions(root)): string[] {
  return Object.entries(OWN.peerDependencies).flatMap(([name, range]) => {
    const version = installed[name];
    if (!version) return [`starlight-charter: ${name} is not installed; Charter needs ${name} ${range}.`];
    if (!semver.satisfies(version, range))
      return [`starlight-charter: ${name} ${version} is installed; Charter needs ${name} ${range}.`];
    return [];
  });
}

function installedVersions(root: string): Record<string, string | undefined> {
  const require = createRequire(join(root, 'package.json'));
  return Object.fromEntries(
    Object.keys(OWN.peerDependencies).map((name) => {
      // Not require.resolve(`${name}/package.json`): a package's exports may leave it out.
      const file = (require.resolve.paths(name) ?? [])
        .map((dir) => join(dir, name, 'package.json'))
        .find((path) => existsSync(path));
      return [name, file ? (JSON.parse(readFileSync(file, 'utf8')).version as string) : undefined];
    }),
  );
}

/** Every Markdown or MDX page under `dir`, as its route without slashes at the ends. */
function pageRoutes(dir: string): { route: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f) && !f.split('/').some((part) => part.startsWith('_')))
    .map((f) => ({
      file: join(dir, f),
      route: f
        .replace(/\.mdx?$/, '')
        .replace(/(^|\/)index$/, '')
        .toLowerCase(),
    }));
}

/** The routes of Charter's own pages a site with these options publishes (no slashes at the ends). */
export function charterPageRoutes(options: Pick<CharterOptions, 'prefix' | 'sections'>): string[] {
  const prefix = options.prefix.slice(1);
  const pages = PAGE_FOLDERS.flatMap((folder) =>
    readdirSync(new URL(`./pages/${folder}/`, import.meta.url))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => (f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`))
      .filter((slug) => options.sections[sectionOfPage(slug)]),
  );
  if (options.sections.kb) pages.push('kb', 'kb/search');
  return pages.map((p) => `${prefix}${p}`);
}

/**
 * A page of the site's own at an address where Charter puts one of its pages: one line each,
 * naming the file and the way out.
 */
export function routeCollisions(
  docsDir: string,
  options: Pick<CharterOptions, 'prefix' | 'sections'>,
  cwd = process.cwd(),
): string[] {
  const charter = new Set(charterPageRoutes(options));
  return pageRoutes(docsDir)
    .filter((p) => charter.has(p.route))
    .map(
      (p) =>
        `starlight-charter: ${relative(cwd, p.file)} is at /${p.route}/, where Charter puts its own page; ` +
        `move the file, or set the option "prefix" (for instance "/support/") to put Charter's pages elsewhere.`,
    );
}
