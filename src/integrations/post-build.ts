import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCatalog, type Catalog } from '../data/index.ts';
import { CardCache, renderCards, type CardJob } from './card-renderer.ts';
import { listenForCards } from './card-prefetch.ts';
import { allFiles, routeOf } from './html-files.ts';
import { LinkChecker, reportLinks } from './link-check.ts';
import { listenForPages } from './page-hook.ts';
import { startSearchIndex } from './search-index.ts';
import { headersFile, securePage } from './security-headers.ts';
import { cardForPage } from './social-cards.ts';

/**
 * What Charter does to each finished page: card tags for pages outside Starlight, the Content
 * Security Policy, and collecting its links and card for the end of the build.
 */
export class PagePass {
  readonly jobs = new Map<string, CardJob>();
  readonly policies: { route: string; policy: string }[] = [];
  readonly links = new LinkChecker();
  /** Built files (`kb/index.html`) already handled. */
  readonly seen = new Set<string>();
  patched = 0;
  private readonly outDir: string;
  private readonly site: URL;
  private readonly company: Catalog['company'];

  constructor(outDir: string, site: URL, company: Catalog['company']) {
    this.outDir = outDir;
    this.site = site;
    this.company = company;
  }

  /** The page as it is to be written. */
  page(file: string, html: string): string {
    const route = routeOf(file);
    const card = cardForPage(route, html, this.outDir, this.site, this.company);
    if (card.patched) this.patched++;
    if (card.job && !this.jobs.has(card.job.outFile)) this.jobs.set(card.job.outFile, card.job);
    const secured = securePage(card.html);
    this.policies.push({ route, policy: secured.policy });
    this.links.add(file, secured.html);
    this.seen.add(file);
    return secured.html;
  }
}

/**
 * Everything Charter does to the finished site. Pages are handed to a PagePass as they are
 * rendered (src/integrations/page-middleware.ts), so each is written once, already secured;
 * at the end, HTML the middleware did not see (files from public/, pages copied from the last
 * build) goes through the same pass from disk. Then the link check, which fails the build,
 * `_headers`, the search index (src/integrations/search-index.ts), and the social cards, drawn
 * or reused.
 */
export function postBuild(): AstroIntegration {
  let site: URL | undefined;
  let cacheDir = '';
  let outDir = '';
  let cards: CardCache | undefined;
  let pages: PagePass | undefined;
  return {
    name: 'charter:post-build',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({
          entrypoint: new URL('./page-middleware.ts', import.meta.url),
          order: 'post',
        });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        cacheDir = join(fileURLToPath(config.cacheDir), 'charter-og');
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const { company } = getCatalog();
        // One core is left to the pages; renderCards below adds workers if cards are left over.
        cards = new CardCache({ cacheDir, startWorkers: Math.max(1, availableParallelism() - 1) });
        // A first build draws every card: its worker loads while the site is bundled, when the
        // cores are not yet busy with pages.
        if (cards.empty) cards.start();
        pages = new PagePass(outDir, site ?? new URL(company.site_url), company);
        // A card that fails here fails again, with its message, when the build asks for it below.
        listenForCards((input) => void cards!.ensure(input).catch(() => {}));
        listenForPages((file, html) => pages!.page(file, html));
      },
      'astro:build:done': async ({ dir, logger }) => {
        listenForCards(undefined);
        listenForPages(undefined);
        const root = fileURLToPath(dir);
        const files = allFiles(root);
        const written = new Set(files);
        const pass = pages!;
        if (root !== outDir)
          throw new Error(`Charter: expected the site in ${outDir}, found it in ${root}.`);
        for (const file of pass.seen) {
          if (!written.has(file))
            throw new Error(
              `Charter: a page was secured as ${file} while it was rendered, but the build wrote no such file.`,
            );
        }
        // Pages not rendered in this build: files from public/, and pages Astro copied from the
        // last build. Those were secured when first rendered, so they are written again only if
        // the pass changes them.
        for (const file of files) {
          if (!file.endsWith('.html') || pass.seen.has(file)) continue;
          const path = join(root, file);
          const html = readFileSync(path, 'utf8');
          const passed = pass.page(file, html);
          if (passed !== html) writeFileSync(path, passed);
        }
        // Every page is final now. Pagefind indexes them in its own process while this thread
        // checks the links and the last cards are drawn.
        const started = performance.now();
        const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
        let search: Promise<{ pages: number; seconds: string }>;
        try {
          const index = await startSearchIndex(root);
          search = index.finished.then((pages) => ({ pages, seconds: seconds() }));
        } catch (error) {
          await cards?.close();
          throw error;
        }
        try {
          reportLinks(pass.links.broken(written), logger);
        } catch (error) {
          await Promise.allSettled([search, cards?.close()]);
          throw error;
        }
        const policies = [...pass.policies].sort((a, b) => (a.route < b.route ? -1 : 1));
        writeFileSync(join(root, '_headers'), headersFile(policies));
        logger.info(`Content Security Policy written to ${policies.length} pages and _headers`);

        // Cards started while pages were generated are counted as rendered; this is the wait after.
        const [indexed, summary] = await Promise.all([
          search,
          renderCards([...pass.jobs.values()], { cacheDir }, cards).then((drawn) => ({
            ...drawn,
            seconds: seconds(),
          })),
        ]);
        logger.info(`search index built from ${indexed.pages} HTML files (${indexed.seconds} s)`);
        if (pass.patched)
          logger.info(`social cards: added card tags to ${pass.patched} page(s) outside Starlight`);
        logger.info(
          `social cards: ${summary.rendered} rendered, ${summary.reused} reused (${summary.seconds} s)`,
        );
      },
    },
  };
}
