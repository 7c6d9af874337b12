import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCatalog } from '../data/index.ts';
import { CardCache, renderCards, type CardJob } from './card-renderer.ts';
import { listenForCards } from './card-prefetch.ts';
import { allFiles, routeOf } from './html-files.ts';
import { LinkChecker, reportLinks } from './link-check.ts';
import { headersFile, securePage } from './security-headers.ts';
import { cardForPage } from './social-cards.ts';

/**
 * Everything Charter does to the finished site, in one pass that reads and writes each page
 * once (a site with thousands of KB articles would otherwise read them three times): card tags
 * for pages outside Starlight, the Content Security Policy, and the link check, which fails the
 * build. Then the social cards are drawn (or reused) and `_headers` is written. Runs after
 * Starlight's own passes (Pagefind) so it sees and secures the final pages.
 */
export function postBuild(): AstroIntegration {
  let site: URL | undefined;
  let cacheDir = '';
  let cards: CardCache | undefined;
  return {
    name: 'charter:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        cacheDir = join(fileURLToPath(config.cacheDir), 'charter-og');
      },
      'astro:build:start': () => {
        cards = new CardCache({ cacheDir });
        // A card that fails here fails again, with its message, when the build asks for it below.
        listenForCards((input) => void cards!.ensure(input).catch(() => {}));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { company } = getCatalog();
        const base = site ?? new URL(company.site_url);
        const files = allFiles(root);
        const links = new LinkChecker(new Set(files));
        listenForCards(undefined);
        const jobs = new Map<string, CardJob>();
        const policies: { route: string; policy: string }[] = [];
        let patched = 0;
        for (const file of files) {
          if (!file.endsWith('.html')) continue;
          const path = join(root, file);
          const route = routeOf(file);
          const card = cardForPage(route, readFileSync(path, 'utf8'), root, base, company);
          if (card.patched) patched++;
          if (card.job && !jobs.has(card.job.outFile)) jobs.set(card.job.outFile, card.job);
          const secured = securePage(card.html);
          writeFileSync(path, secured.html);
          policies.push({ route, policy: secured.policy });
          links.add(file, secured.html);
        }
        try {
          reportLinks(links.broken(), logger);
        } catch (error) {
          await cards?.close();
          throw error;
        }
        writeFileSync(join(root, '_headers'), headersFile(policies));
        logger.info(`Content Security Policy written to ${policies.length} pages and _headers`);

        const started = performance.now();
        const summary = await renderCards([...jobs.values()], { cacheDir }, cards);
        // Cards started while pages were generated are counted as rendered; this is the wait after.
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        if (patched) logger.info(`social cards: added card tags to ${patched} page(s) outside Starlight`);
        logger.info(`social cards: ${summary.rendered} rendered, ${summary.reused} reused (${seconds} s)`);
      },
    },
  };
}
