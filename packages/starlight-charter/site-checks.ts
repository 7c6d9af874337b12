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
    if (!version)
      return [`starlight-charter: ${name} is not installed; Charter needs ${name} ${range}.`];
    if (!semver.satisfies(version, range))
      return [
        `starlight-charter: ${name} ${version} is installed; Charter needs ${name} ${range}.`,
      ];
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
    .filter(
      (f) => /\.(?:mdx?|markdown)$/.test(f) && !f.split('/').some((part) => part.startsWith('_')),
    )
    .map((f) => ({
      file: join(dir, f),
      route: f
        .replace(/\.(?:mdx?|markdown)$/, '')
        .replace(/(^|\/)index$/, '')
        .toLowerCase(),
    }));
}

/** Every one of Charter's pages (`commercial/pricing`), whatever the site publishes. */
export function charterPages(): string[] {
  return PAGE_FOLDERS.flatMap((folder) =>
    readdirSync(new URL(`./pages/${folder}/`, import.meta.url))
      // `sla.de.mdx` is the German version of `sla.mdx`, not a page of its own.
      .filter((f) => /^[^.]+\.mdx$/.test(f))
      .map((f) => (f === 'index.mdx' ? folder : `${folder}/${f.replace(/\.mdx$/, '')}`)),
  );
}

type RouteOptions = Pick<CharterOptions, 'prefix' | 'sections' | 'replace'>;

/**
 * The routes of Charter's own pages a site with these options publishes (no slashes at the
 * ends), without the pages the site writes itself.
 */
export function charterPageRoutes(options: RouteOptions): string[] {
  const prefix = options.prefix.slice(1);
  const pages = charterPages().filter(
    (slug) => options.sections[sectionOfPage(slug)] && !options.replace.includes(slug),
  );
  if (options.sections.kb) pages.push('kb', 'kb/search');
  // The terms' change log (routes/terms/; each release's page is under commercial/terms/).
  if (options.sections.commercial) pages.push('commercial/changes');
  return pages.map((p) => `${prefix}${p}`);
}

/**
 * Problems between the site's own pages and Charter's, one line each, naming the file or
 * option and the way out: a page of the site's at an address where Charter puts one of its
 * own, and a page the site says it replaces but does not have.
 */
export function routeCollisions(
  docsDir: string,
  options: RouteOptions,
  cwd = process.cwd(),
  /** More of Charter's routes, such as the KB's category pages (`kb/api`), without the prefix. */
  more: readonly string[] = [],
): string[] {
  const charter = new Set([
    ...charterPageRoutes(options),
    ...more.map((r) => `${options.prefix.slice(1)}${r}`),
  ]);
  const own = pageRoutes(docsDir);
  const collisions = own
    .filter((p) => charter.has(p.route))
    .map(
      (p) =>
        `starlight-charter: ${relative(cwd, p.file)} is at /${p.route}/, where Charter puts its own page; ` +
        `move the file, list the page in the option "replace" to publish yours instead, or set the ` +
        `option "prefix" (for instance "/support/") to put Charter's pages elsewhere.`,
    );
  const known = new Set(charterPages());
  const ownRoutes = new Set(own.map((p) => p.route));
  const replaced = options.replace.flatMap((slug) => {
    if (!known.has(slug))
      return [
        `starlight-charter: option "replace": "${slug}" is not one of Charter's pages; expected one of: ${[...known].join(', ')}`,
      ];
    const route = `${options.prefix.slice(1)}${slug}`;
    if (ownRoutes.has(route)) return [];
    return [
      `starlight-charter: option "replace": the site has no page of its own at /${route}/ ` +
        `(expected ${relative(cwd, join(docsDir, route))}.md or .mdx).`,
    ];
  });
  return [...collisions, ...replaced];
}
