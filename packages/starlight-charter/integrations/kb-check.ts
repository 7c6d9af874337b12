import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Catalog } from '../data/load.ts';
import { BUILDING, checkKbArticles, isKbArticle, kbIssueLines } from '../lib/kb-check.ts';
import type { CharterOptions } from '../options.ts';
import { displayPath } from './content-guard.ts';

/**
 * Checks every KB article's frontmatter and folder before the content layer loads them
 * (lib/kb-check.ts), and stops the build with one located line per problem.
 */
export function kbCheck(
  site: CharterOptions & { kbDir: string },
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
        const files = readdirSync(site.kbDir, { recursive: true, encoding: 'utf8' })
          .map((name) => name.split(sep).join('/'))
          .filter(isKbArticle)
          .sort()
          .map((rel) => {
            const path = join(site.kbDir, rel);
            return { rel, file: displayPath(path), text: readFileSync(path, 'utf8') };
          });
        const issues = checkKbArticles(
          files,
          {
            categories: catalog.kb.categories.map((c) => c.id),
            tiers: catalog.tiers.tiers.map((t) => t.id),
          },
          displayPath(site.kbDir),
        );
        if (issues.length === 0) return;
        process.stderr.write(`Charter: the KB articles have ${issues.length} problem(s):\n`);
        for (const line of kbIssueLines(issues)) process.stderr.write(`${line}\n`);
        process.exit(1);
      },
    },
  };
}
