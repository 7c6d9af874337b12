import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { MdastPluginDefinition, MdastPluginEntry, PluginFactoryContext } from 'satteri';
import {
  checkContent,
  checkNodes,
  contentFormat,
  formatContentIssue,
  GUARDED_NODE_TYPES,
  type ContentIssue,
  type GuardNode,
} from '../lib/content-guard.ts';

/**
 * Content that would run code stops the build (lib/content-guard.ts says what counts).
 *
 * Two places, one check. Before anything is rendered, every Markdown and MDX file the site
 * builds is read from disk and checked, and all problems are printed as `file:line:col message —
 * hint` before the build exits: caches cannot hide a file (Astro keeps rendered Markdown
 * between builds, integrations/mdx-cache.ts keeps compiled MDX, KB pages are copied from
 * the last build), and nothing is written. Then the same check runs as a plugin of Astro's
 * Markdown processor on every document it compiles, so a page edited while `astro dev` runs,
 * or one that reaches the processor some other way, fails too.
 */

/** The folders whose Markdown and MDX the site renders: its own pages and the KB, absolute. */
export function contentFolders(srcDir: string, kbDir: string): string[] {
  return [resolve(srcDir, 'content/docs'), resolve(kbDir)];
}

/** Every Markdown and MDX file under `folders`, sorted. */
export function contentFiles(folders: readonly string[]): string[] {
  return folders
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => contentFormat(name))
        .map((name) => join(dir, name)),
    )
    .sort();
}

/** A path as people type it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** One `file:line:col message — hint` line for every problem in `files`. */
export function contentProblems(files: readonly string[], cwd = process.cwd()): string[] {
  return files.flatMap((file) =>
    checkContent(readFileSync(file, 'utf8'), contentFormat(file)!).map((issue) =>
      formatContentIssue(displayPath(file, cwd), issue),
    ),
  );
}

const inside = (file: string, folders: readonly string[]) =>
  folders.some((dir) => file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep));

/** A document the Markdown processor compiled that carries code. */
export class ContentGuardError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`content may not run code:\n${lines.join('\n')}`);
    this.name = 'ContentGuardError';
    this.lines = lines;
  }
}

/**
 * The Sätteri mdast plugin: checks each document of `folders` as it is compiled and throws when
 * it carries code. It asks for no positions (that would slow every page's parse); the rare
 * document with a problem is read again from its file for exact lines, since Astro hands the
 * processor Markdown without its frontmatter.
 */
export function contentGuardPlugin(folders: readonly string[]): MdastPluginEntry {
  return (context: PluginFactoryContext) => {
    const file = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
    if (!file || !inside(file, folders)) return null;
    const nodes: GuardNode[] = [];
    const collect = (node: unknown) => {
      nodes.push(node as GuardNode);
    };
    const plugin: Record<string, unknown> = { name: 'charter-content-guard' };
    for (const type of GUARDED_NODE_TYPES) plugin[type] = collect;
    plugin.after = (_root: unknown, ctx: { source: string; sourceFormat: string }) => {
      const found = checkNodes(nodes, ctx.source);
      if (found.length === 0) return;
      const format = ctx.sourceFormat === 'mdx' ? 'mdx' : 'markdown';
      let issues: ContentIssue[] = found;
      try {
        const fromFile = checkContent(readFileSync(file, 'utf8'), format);
        if (fromFile.length) issues = fromFile;
      } catch {}
      throw new ContentGuardError(issues.map((i) => formatContentIssue(displayPath(file), i)));
    };
    return plugin as unknown as MdastPluginDefinition;
  };
}

export function contentGuard(kbDir: string): AstroIntegration {
  return {
    name: 'charter:content-guard',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const folders = contentFolders(fileURLToPath(config.srcDir), kbDir);
        if (command === 'build' || command === 'dev') {
          const problems = contentProblems(contentFiles(folders));
          if (problems.length) {
            process.stderr.write(
              `Charter: the content has ${problems.length} problem(s); content may not run code:\n`,
            );
            for (const line of problems) process.stderr.write(`${line}\n`);
            process.exit(1);
          }
        }
        const processor = config.markdown.processor as
          { name: string; options?: { mdastPlugins?: unknown[] } } | undefined;
        if (processor?.name === 'satteri' && processor.options?.mdastPlugins) {
          processor.options.mdastPlugins.push(contentGuardPlugin(folders));
        } else {
          logger.warn(
            `content is checked before the build only: the Markdown processor is "${processor?.name}", not Sätteri`,
          );
        }
      },
    },
  };
}
