import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../../packages/starlight-charter/integrations/html-files.ts';

/**
 * The W3C Nu HTML checker (vnu.jar, from the vnu-jar package) run over a built site: one Java
 * process for all of its pages, errors only, each reported as `file:line:col message`.
 */

/** What the checker reports about one problem (its JSON output). */
export interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

/** A tool the check needs is not installed; the message names it and how to get it. */
export class MissingToolError extends Error {}

/** The Java command: $JAVA_HOME/bin/java when set, else `java` on the PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new MissingToolError(
      `Java is not installed (\`${command} -version\` failed): the Nu HTML checker needs Java 17 ` +
        'or later (apt-get install default-jre-headless).',
    );
  return command;
}

/** vnu.jar as the vnu-jar package installs it. */
export function vnuJar(): string {
  let jar: string | undefined;
  try {
    jar = join(
      dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
      'build/dist/vnu.jar',
    );
  } catch {
    // Reported below, as when the jar itself is missing.
  }
  if (!jar || !existsSync(jar))
    throw new MissingToolError(
      'vnu.jar is missing: the Nu HTML checker comes from the vnu-jar dev dependency (npm ci).',
    );
  return jar;
}

/**
 * `file:line:col message` for each message, the file relative to `base`, in file and then
 * position order (the checker reports some problems, such as skipped heading levels, only
 * at the end of a page). It names one line when a problem is on one line, and its first and
 * last when it spans several.
 */
export function formatNuMessages(messages: NuMessage[], base: string): string[] {
  return messages
    .map((m) => ({
      file: m.url?.startsWith('file:')
        ? relative(base, fileURLToPath(m.url))
        : (m.url ?? '(checker)'),
      line: m.firstLine ?? m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
    }))
    .sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    )
    .map((m) => `${m.file}:${m.line}:${m.column} ${m.message}`);
}

/**
 * The Nu checker's errors for every HTML file under `dir` (warnings and info are left out),
 * as `file:line:col message` with files relative to the working directory. Throws
 * MissingToolError without Java or vnu.jar, and an Error when the checker does not run.
 */
export function nuErrors(dir: string): string[] {
  const root = resolve(dir);
  if (!existsSync(root) || htmlFiles(root).length === 0)
    throw new Error(`${dir} holds no HTML files to check: build the site first.`);
  const java = javaCommand();
  const jar = vnuJar();
  const run = spawnSync(
    java,
    // --exit-zero-always: a non-zero status then means the checker itself failed.
    // --no-langdetect: language guesses are warnings, which this check does not report.
    [
      '-jar',
      jar,
      '--errors-only',
      '--skip-non-html',
      '--no-langdetect',
      '--exit-zero-always',
      '--format',
      'json',
      '--stdout',
      root,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  let messages: NuMessage[] | undefined;
  try {
    messages = (JSON.parse(run.stdout) as { messages: NuMessage[] }).messages;
  } catch {
    // Reported below with what the checker printed.
  }
  if (run.error || run.status !== 0 || !messages)
    throw new Error(
      `the Nu HTML checker failed (status ${run.status}): ${run.error?.message ?? ''}${run.stderr}`.trim(),
    );
  return formatNuMessages(
    messages.filter((m) => m.type === 'error' || m.type === 'non-document-error'),
    process.cwd(),
  );
}
