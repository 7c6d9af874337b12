// The `charter` command: checks, lints, previews and starts a company's Charter site. Every
// command but `new` works on one site: the folder given with --root, or the current one.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadSite, shown, SiteError, type Site } from './lib/site';

const OWN = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const USAGE = `Usage: charter <command> [--root <site folder>] [options]

Commands:
  check                      check the site: its terms, what they mean, its content, and the
                             tables of its build (when the build is newer than the terms)
  lint [--dist <dir>]        the commercial rules of the terms, and the tables of the build
  roadmap [<file>]           check a roadmap (default ROADMAP.md) against the site and this project
        [--json] [--dist <dir>]
  sow <engagement.yaml>      write a Statement of Work as HTML (and PDF, with Playwright and Chromium)
        [--out <dir>]
  preview [--port <n>]       serve the built site with the headers of its _headers file,
        [--dir <dir>]        under the site's base path (or --base when --dir is given)
        [--base <path>]
  new <dir> [--name <name>]  write a starter site for a company into a new folder
  release <version> <date>   keep the current terms as a release (terms/versions/<version>/)
                             and make it the current version, effective <date> (YYYY-MM-DD)

Options:
  --root <dir>               the site's folder, with its astro.config (default: the current folder)
  --config <file>            the site's Astro config, relative to the root (default: astro.config.*)
  -h, --help                 show this help
  -v, --version              show Charter's version
`;

const ROOT = { root: { type: 'string' }, config: { type: 'string' } } as const;

/** The options each command takes. */
const COMMANDS = {
  check: { options: ROOT, positionals: 0 },
  lint: { options: { ...ROOT, dist: { type: 'string' } }, positionals: 0 },
  roadmap: {
    options: { ...ROOT, json: { type: 'boolean' }, dist: { type: 'string' } },
    positionals: 1,
  },
  sow: { options: { ...ROOT, out: { type: 'string' } }, positionals: 1 },
  preview: {
    options: {
      ...ROOT,
      port: { type: 'string' },
      dir: { type: 'string' },
      base: { type: 'string' },
    },
    positionals: 0,
  },
  new: { options: { name: { type: 'string' } }, positionals: 1 },
  release: { options: ROOT, positionals: 2 },
} as const satisfies Record<string, { options: ParseArgsConfig['options']; positionals: number }>;

type Command = keyof typeof COMMANDS;

/** A mistake in how the command was called: one line, then the usage. */
class UsageError extends Error {}

function usageError(message: string): number {
  process.stderr.write(`charter: ${message}\n\n${USAGE}`);
  return 2;
}

/** The site the command works on; its notes are printed first (to stderr when stdout is data). */
async function site(
  values: Record<string, string | boolean | undefined>,
  notes: NodeJS.WritableStream = process.stdout,
): Promise<Site> {
  const found = await loadSite(
    (values.root as string | undefined) ?? '.',
    values.config as string | undefined,
  );
  for (const note of found.notes) notes.write(`note: ${note}\n`);
  return found;
}

/** Runs `charter <args>`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${OWN.version}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name))
    return usageError(
      `unknown command "${name}"; expected one of: ${Object.keys(COMMANDS).join(', ')}`,
    );
  const command = name as Command;
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const spec = COMMANDS[command];
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: rest,
      options: spec.options,
      allowPositionals: true,
      strict: true,
    });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
    if (positionals.length > spec.positionals)
      throw new UsageError(`unexpected argument "${positionals[spec.positionals]}"`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    )
      return usageError(`${command}: ${(error as Error).message.split(/\.\s/)[0]}`);
    throw error;
  }
  const root = values.root as string | undefined;
  if (root !== undefined && !existsSync(root))
    return usageError(`${command}: --root ${root}: no such folder`);

  try {
    return await run(command, values, positionals);
  } catch (error) {
    if (error instanceof SiteError) {
      for (const line of error.lines) process.stderr.write(`${line}\n`);
      return 1;
    }
    throw error;
  }
}

async function run(
  command: Command,
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<number> {
  switch (command) {
    case 'check': {
      const { check } = await import('./check');
      return check(await site(values));
    }
    case 'lint': {
      const { lint } = await import('./lint-commercial');
      return lint(await site(values), values.dist as string | undefined);
    }
    case 'roadmap': {
      const { roadmap } = await import('./check-roadmap');
      const json = values.json === true;
      // With --json, stdout carries the findings only.
      const found = await site(values, json ? process.stderr : process.stdout);
      return roadmap(found, positionals[0] ?? 'ROADMAP.md', {
        json,
        dist: values.dist as string | undefined,
      });
    }
    case 'sow': {
      const file = positionals[0];
      if (file === undefined)
        return usageError('sow: give the engagement file, e.g. charter sow engagement.yaml');
      if (!existsSync(file)) return usageError(`sow: ${file}: file not found`);
      if (values.out === '') return usageError('sow: --out needs a folder');
      const { sow } = await import('./sow');
      return sow(await site(values), file, values.out as string | undefined);
    }
    case 'preview': {
      const port = Number(values.port ?? process.env.PORT ?? 4321);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return usageError(`preview: --port ${values.port}: expected a port number`);
      // With --dir the config is not needed: it only says where the build is and its base path.
      const found = values.dir === undefined ? await site(values) : undefined;
      const dir = (values.dir as string | undefined) ?? found!.outDir;
      const base = (values.base as string | undefined) ?? found?.base ?? '/';
      const { preview } = await import('./serve.mjs');
      try {
        return await preview({ dir, port, shownDir: shown(dir), base });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          process.stderr.write(
            `charter preview: cannot listen on port ${port} (${code}); choose another with --port\n`,
          );
          return 1;
        }
        throw error;
      }
    }
    case 'release': {
      const [version, date] = positionals;
      if (version === undefined || date === undefined)
        return usageError(
          'release: give the version and the date it takes effect, e.g. charter release 2.1 2027-01-01',
        );
      const { release } = await import('./release');
      return release(await site(values), version, date);
    }
    case 'new': {
      const dir = positionals[0];
      if (dir === undefined)
        return usageError('new: give the folder to create, e.g. charter new my-support-site');
      const { newSite, NewSiteError } = await import('./new');
      try {
        newSite(dir, { name: values.name as string | undefined });
      } catch (error) {
        if (error instanceof NewSiteError) {
          process.stderr.write(`charter new: ${error.message}\n`);
          return 1;
        }
        throw error;
      }
      const shownDir = shown(dir);
      process.stdout.write(
        `Wrote a starter site to ${shownDir}. Next:\n\n  cd ${shownDir} && npm install\n  npm run dev\n`,
      );
      return 0;
    }
  }
}
