import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Catalog } from '../data/load.ts';
import { BUILDING, checkKb, isKbArticle, kbIssueLines, type KbFile } from '../lib/kb-check.ts';
import type { SiteLocale } from '../lib/site-locales.ts';
import type { CharterOptions } from '../options.ts';
import { displayPath } from './content-guard.ts';

/** The articles under `kbDir` the KB collection loads, sorted, with their texts. */
export function readKbFiles(kbDir: string): KbFile[] {
  if (!existsSync(kbDir)) return [];
  return readdirSync(kbDir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter(isKbArticle)
    .sort()
    .map((rel) => {
      const path = join(kbDir, rel);
      return { rel, file: displayPath(path), text: readFileSync(path, 'utf8') };
    });
}

/** One `file:line:col path: message` line per problem in the articles under `kbDir`. */
export function kbProblems(
  kbDir: string,
  catalog: Catalog,
  /** The folders of the site's other languages' articles (`en`). */
  localeFolders: readonly string[] = [],
): string[] {
  return kbIssueLines(checkKb(readKbFiles(kbDir), catalog, displayPath(kbDir), localeFolders));
}

/**
 * Checks every KB article's frontmatter, folder and figures before the content layer loads
 * them (lib/kb-check.ts), and stops the build with one located line per problem: all of them
 * at once, before any page renders.
 */
export function kbCheck(
  site: CharterOptions & { kbDir: string; locales: readonly SiteLocale[] },
  catalog: Catalog,
): AstroIntegration {
  return {
    name: 'charter:kb-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        (globalThis as Record<symbol, unknown>)[BUILDING] = command === 'build';
        if (command !== 'build' && command !== 'dev') return;
        if (!site.sections.kb && !site.sections.playbook) return;
        if (!existsSync(site.kbDir)) return;
        const problems = kbProblems(
          site.kbDir,
          catalog,
          site.locales.map((l) => l.path).filter(Boolean),
        );
        if (problems.length === 0) return;
        process.stderr.write(`Charter: the KB articles have ${problems.length} problem(s):\n`);
        for (const line of problems) process.stderr.write(`${line}\n`);
        process.exit(1);
      },
    },
  };
}
