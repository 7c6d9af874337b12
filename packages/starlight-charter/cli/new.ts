// `charter new <dir> [--name "Company"]`: writes a starter site (starter/ in this package) into
// a new folder: a working Charter site with one company's terms to edit.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The template, as files to copy; `{{NAME}}` in them becomes the company's name. */
export const STARTER_DIR = fileURLToPath(new URL('../starter/', import.meta.url));

/** Files stored under another name, because npm leaves `.gitignore` out of packages. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

export const DEFAULT_NAME = 'Example Co';

/**
 * Names go into YAML, JavaScript and Markdown as they are, so they keep to characters none of
 * those read as syntax.
 */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .,&'’()+-]{0,59}$/u;

const OWN = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
};

/** Why a starter site cannot be written, in one line. */
export class NewSiteError extends Error {}

/** An npm package name from a folder name: `My Support Site` → `my-support-site`. */
export function packageName(dir: string): string {
  const slug = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '');
  return slug || 'support-site';
}

/** The starter's package.json: the versions of Astro and Starlight this Charter supports. */
export function starterPackageJson(dir: string): string {
  const pkg = {
    name: packageName(dir),
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'charter preview',
      check: 'charter check',
      lint: 'charter lint',
      'terms:release': 'charter release',
    },
    dependencies: {
      '@astrojs/starlight': OWN.peerDependencies['@astrojs/starlight'],
      astro: OWN.peerDependencies.astro,
      [OWN.name]: `^${OWN.version}`,
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every file of the template, relative to it. */
function templateFiles(dir = STARTER_DIR, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? templateFiles(dir, path) : [path];
  });
}

/**
 * Writes the starter site into `dir`, which must not exist or be empty. Returns the files
 * written, relative to `dir`.
 */
export function newSite(dir: string, options: { name?: string } = {}): string[] {
  const name = (options.name ?? DEFAULT_NAME).trim();
  if (!NAME.test(name))
    throw new NewSiteError(
      `--name "${name}": use up to 60 letters, digits, spaces and . , & ' ( ) + -, starting with a letter or digit`,
    );
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new NewSiteError(`${dir} is a file; give a new folder`);
    if (readdirSync(dir).length > 0)
      throw new NewSiteError(
        `${dir} is not empty; give a new or empty folder, so nothing is overwritten`,
      );
  }
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const file of templateFiles()) {
    const parts = file.split('/');
    parts[parts.length - 1] = RENAMED[parts.at(-1)!] ?? parts.at(-1)!;
    const target = join(dir, ...parts);
    mkdirSync(join(target, '..'), { recursive: true });
    if (/\.(svg|png|ico)$/.test(file)) cpSync(join(STARTER_DIR, file), target);
    else
      writeFileSync(
        target,
        readFileSync(join(STARTER_DIR, file), 'utf8').replaceAll('{{NAME}}', name),
      );
    written.push(parts.join('/'));
  }
  writeFileSync(join(dir, 'package.json'), starterPackageJson(dir));
  written.push('package.json');
  return written.sort();
}
