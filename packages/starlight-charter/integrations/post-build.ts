import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Catalog } from '../data/load.ts';
import { normalizeBase } from '../lib/base-path.ts';
import { renderCards, type CardJob } from './card-renderer.ts';
import { allFiles, routeOf } from './html-files.ts';
import { dropLastGood, restoreLastGood, setAsideLastGood } from './last-good-build.ts';
import { LinkChecker, reportLinks } from './link-check.ts';
import { listenForPages } from './page-hook.ts';
import { startSearchIndex } from './search-index.ts';
import {
  emptyAllowlist,
  headersFile,
  inlineAllowlist,
  policyFor,
  securePage,
  type SiteAllowlist,
} from './security-headers.ts';
import { cardForPage } from './social-cards.ts';

/**
 * What Charter does to each finished page: card tags for pages outside Starlight, the Content
 * Security Policy, and collecting its links and card for the end of the build.
 */
export class PagePass {
  readonly jobs = new Map<string, CardJob>();
  readonly links: LinkChecker;
  /** Pages that hold inline scripts or stylesheets the policy blocks, by route. */
  readonly blocked: string[] = [];
  pages = 0;
  /** Built files (`kb/index.html`) already handled. */
  readonly seen = new Set<string>();
  patched = 0;
  private readonly outDir: string;
  private readonly site: URL;
  private readonly company: Catalog['company'];
  private readonly allowed: SiteAllowlist;
  private readonly base: string;
  private readonly termsDir: string | undefined;

  /**
   * `allowed`: the inline scripts and stylesheets the site's own code renders; `termsDir`: the
   * terms folder, where the company's logo for the cards is.
   */
  constructor(
    outDir: string,
    site: URL,
    company: Catalog['company'],
    allowed: SiteAllowlist,
    base = '/',
    termsDir?: string,
  ) {
    this.links = new LinkChecker(base);
    this.base = base;
    this.termsDir = termsDir;
    this.outDir = outDir;
    this.site = site;
    this.company = company;
    this.allowed = allowed;
  }

  /** The page as it is to be written. */
  page(file: string, html: string): string {
    const route = routeOf(file);
    const card = cardForPage(
      route,
      html,
      this.outDir,
      this.site,
      this.company,
      this.base,
      this.termsDir,
    );
    if (card.patched) this.patched++;
    if (card.job && !this.jobs.has(card.job.outFile)) this.jobs.set(card.job.outFile, card.job);
    const secured = securePage(card.html, this.allowed);
    // Stylesheets Astro joined into one <style> go into the site's policy as they are met.
    for (const style of secured.used.styles) this.allowed.styles.add(style);
    if (secured.blocked > 0) this.blocked.push(route);
    this.pages++;
    this.links.add(file, secured.html);
    this.seen.add(file);
    return secured.html;
  }
}

/** The output folder of a build under way, put back as it was if the process ends before it is finished. */
let unfinished: string | undefined;

/** Sets the last good build aside, to be put back if the build fails (last-good-build.ts). */
function restoreLastGoodOnFailure(outDir: string): void {
  if (unfinished === undefined)
    process.once('exit', (code) => {
      if (code === 0 || !unfinished) return;
      const shown = relative(process.cwd(), unfinished) || '.';
      process.stderr.write(
        restoreLastGood(unfinished)
          ? `The build failed: ${shown} is left as the last good build.\n`
          : `The build failed: nothing was written to ${shown}.\n`,
      );
    });
  setAsideLastGood(outDir);
  unfinished = outDir;
}

/**
 * Everything Charter does to the finished site. Pages are handed to a PagePass as they are
 * rendered (integrations/page-middleware.ts), so each is written once, already secured;
 * at the end, HTML the middleware did not see (files from public/, pages copied from the last
 * build) goes through the same pass from disk. Then the link check, which fails the build,
 * `_headers`, the search index (integrations/search-index.ts), and the social cards, drawn
 * or reused.
 */
export function postBuild(
  company: Catalog['company'],
  kbDir: string,
  /** The terms folder, absolute: the company's logo on the social cards is there. */
  termsDir?: string,
): AstroIntegration {
  let site: URL | undefined;
  let cacheDir = '';
  let outDir = '';
  let base = '/';
  let pages: PagePass | undefined;
  // Filled while Vite bundles the site, before the first page is rendered.
  const allowed = emptyAllowlist();
  return {
    name: 'charter:post-build',
    hooks: {
      'astro:config:setup': ({ addMiddleware, updateConfig, config }) => {
        addMiddleware({
          entrypoint: new URL('./page-middleware.ts', import.meta.url),
          order: 'post',
        });
        // The site's own code: its src/, Charter and installed packages, never the content folders.
        // Vite names modules with forward slashes on every system.
        const slashes = (path: string) => path.split(sep).join('/');
        const srcDir = slashes(fileURLToPath(config.srcDir));
        const charterDir = slashes(fileURLToPath(new URL('../', import.meta.url)));
        // The content collections (src/content/, the KB wherever it is) are content, not code.
        const contentDirs = [`${srcDir}content/`, `${slashes(kbDir).replace(/\/?$/, '/')}`];
        const isOwn = (file: string) => {
          const path = slashes(file);
          if (contentDirs.some((dir) => path.startsWith(dir))) return false;
          return (
            path.startsWith(srcDir) ||
            path.startsWith(charterDir) ||
            path.includes('/node_modules/')
          );
        };
        updateConfig({ vite: { plugins: [inlineAllowlist(allowed, isOwn)] } });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        cacheDir = join(fileURLToPath(config.cacheDir), 'charter-og');
        outDir = fileURLToPath(config.outDir);
        base = normalizeBase(config.base);
      },
      'astro:build:start': () => {
        restoreLastGoodOnFailure(outDir);
        for (const set of Object.values(allowed)) set.clear();
        pages = new PagePass(
          outDir,
          site ?? new URL(company.site_url),
          company,
          allowed,
          base,
          termsDir,
        );
        listenForPages((file, html) => pages!.page(file, html));
      },
      'astro:build:done': async ({ dir, logger }) => {
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
        // checks the links, then the cards are drawn.
        const started = performance.now();
        const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
        const index = await startSearchIndex(root);
        const search = index.finished.then((pages) => ({ pages, seconds: seconds() }));
        try {
          reportLinks(pass.links.broken(written), logger);
        } catch (error) {
          await search.catch(() => {});
          throw error;
        }
        writeFileSync(join(root, '_headers'), headersFile(policyFor(allowed)));
        logger.info(
          `Content Security Policy written to ${pass.pages} pages and _headers (allows ` +
            `${allowed.scripts.size} inline scripts and ${allowed.styles.size} inline stylesheets)`,
        );
        if (pass.blocked.length > 0)
          logger.warn(
            `the Content Security Policy blocks inline scripts or stylesheets that are not the ` +
              `site's own code in ${pass.blocked.length} page(s): ${pass.blocked.sort().join(', ')}`,
          );

        const [indexed, summary] = await Promise.all([
          search,
          renderCards([...pass.jobs.values()], { cacheDir }).then((drawn) => ({
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
        dropLastGood(outDir);
        unfinished = undefined;
      },
    },
  };
}
