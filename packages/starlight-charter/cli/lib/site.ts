import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { normalizeBase, siteBase } from '../../lib/base-path.ts';
import {
  CharterOptionsError,
  parseOptions,
  type CharterOptions,
  type CharterUserOptions,
} from '../../options.ts';

/** The Astro config file names Astro looks for, in its order. */
export const CONFIG_NAMES = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
  'astro.config.cts',
] as const;

/** A company's site as the CLI sees it: where everything is, absolute. */
export interface Site {
  root: string;
  /** The astro.config file read for the options, or null when there is none. */
  config: string | null;
  options: CharterOptions;
  /** The terms folder (the YAML files). */
  terms: string;
  /** The knowledge-base articles. */
  kb: string;
  /** The site's own pages: `<srcDir>/content/docs`. */
  docs: string;
  /** The site's own Astro pages: `<srcDir>/pages`. */
  pages: string;
  /** Static files copied as they are: `<root>/public`. */
  public: string;
  /** Where `astro build` writes the site. */
  outDir: string;
  /** The path the site is served under (`/support/`), `/` at the root. */
  base: string;
  /** Things worth saying about how the site was found, printed as `note: …`. */
  notes: string[];
}

/** Options or a config that cannot be used: one line per problem, as the plugin prints them. */
export class SiteError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'SiteError';
  }
}

/** The parts of an Astro config the CLI reads. */
export interface AstroConfigParts {
  base?: string;
  outDir?: string | URL;
  srcDir?: string | URL;
  publicDir?: string | URL;
}

/** A path as people type it: relative to the working directory when inside it. */
export function shown(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function dirOption(root: string, value: string | URL | undefined, fallback: string): string {
  if (value instanceof URL) return fileURLToPath(value);
  return resolve(root, value ?? fallback);
}

/**
 * Where everything of a site is, from charter()'s options and the Astro config's folders.
 * Throws SiteError when the options are not valid.
 */
export function siteFromOptions(
  root: string,
  userOptions: CharterUserOptions | undefined,
  astro: AstroConfigParts = {},
  config: string | null = null,
  notes: string[] = [],
): Site {
  let options: CharterOptions;
  try {
    options = parseOptions(userOptions);
  } catch (error) {
    if (error instanceof CharterOptionsError) throw new SiteError(error.problems);
    throw error;
  }
  const absRoot = resolve(root);
  const srcDir = dirOption(absRoot, astro.srcDir, './src');
  return {
    root: absRoot,
    config,
    options,
    terms: resolve(absRoot, options.terms),
    kb: resolve(absRoot, options.kb),
    docs: join(srcDir, 'content/docs'),
    pages: join(srcDir, 'pages'),
    public: dirOption(absRoot, astro.publicDir, './public'),
    outDir: dirOption(absRoot, astro.outDir, './dist'),
    base: basePath(astro.base, resolve(absRoot, options.terms)),
    notes,
  };
}

/**
 * The base path the build uses (lib/base-path.ts, siteBase): Astro's `base`, else the path of
 * `site_url` in the terms' company.yaml. Terms that cannot be read leave Astro's; the checks
 * that read them say what is wrong.
 */
function basePath(astroBase: string | undefined, terms: string): string {
  try {
    const company = parse(readFileSync(join(terms, 'company.yaml'), 'utf8')) as {
      site_url?: unknown;
    };
    if (typeof company?.site_url === 'string') return siteBase(astroBase, company.site_url);
  } catch {}
  return normalizeBase(astroBase);
}

/** The site's Astro config file, or null. */
export function findConfig(root: string): string | null {
  for (const name of CONFIG_NAMES) {
    const file = join(resolve(root), name);
    if (existsSync(file)) return file;
  }
  return null;
}

/** The options of every charter() call in this process (index.ts keeps them there). */
function registry(): CharterUserOptions[] {
  const key = Symbol.for('starlight-charter.configured-sites');
  const store = globalThis as Record<symbol, unknown>;
  return (store[key] ??= []) as CharterUserOptions[];
}

/**
 * Reads a site: imports its astro.config, or `configFile` (compiled by tsx, so a TypeScript
 * config works too),
 * whose charter({ … }) call records its options, and resolves them against `root`. Without a
 * config, Charter's defaults (./terms, ./src/content/kb) are used, and a note says so.
 */
export async function loadSite(root = '.', configFile?: string): Promise<Site> {
  const absRoot = resolve(root);
  // Like Astro's --config, a config file named by the caller is relative to the root.
  const config = configFile !== undefined ? resolve(absRoot, configFile) : findConfig(absRoot);
  if (configFile !== undefined && !existsSync(config!))
    throw new SiteError([`${shown(config!)}: config file not found`]);
  if (!config) {
    return siteFromOptions(absRoot, {}, {}, null, [
      `no astro.config.mjs in ${shown(absRoot)}: using Charter's defaults, ./terms and ./src/content/kb`,
    ]);
  }
  const calls = registry();
  const before = calls.length;
  let exported: unknown;
  try {
    const { tsImport } = await import('tsx/esm/api');
    const module = (await tsImport(pathToFileURL(config).href, import.meta.url)) as {
      default?: unknown;
    };
    exported = module.default;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SiteError([`${shown(config)}: cannot load the config: ${message.split('\n')[0]}`]);
  }
  const made = calls.splice(before);
  const notes: string[] = [];
  if (made.length === 0)
    notes.push(
      `${shown(config)} does not call charter(): using Charter's defaults, ./terms and ./src/content/kb`,
    );
  else if (made.length > 1)
    notes.push(
      `${shown(config)} calls charter() ${made.length} times: using the options of the first call`,
    );
  const astro = (exported && typeof exported === 'object' ? exported : {}) as AstroConfigParts;
  return siteFromOptions(absRoot, made[0] ?? {}, astro, config, notes);
}
