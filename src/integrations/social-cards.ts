import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getCatalog } from '../data/index';
import { CARD_HEIGHT, CARD_WIDTH, type CardInput } from '../lib/og/card';
import { cardPathFor, humanize, readHead, type HeadMeta } from '../lib/og/page';
import { renderCards, type CardJob, type RenderSummary } from './card-renderer';

/**
 * Draws a 1200x630 social card for every HTML page in the build. Starlight pages name their
 * card, section and price line in the head (src/components/starlight/Head.astro); any other
 * HTML page gets the same tags added here, so every page unfurls. Cards whose inputs have not
 * changed are copied from the cache instead of drawn again.
 */

/** Every .html file under `dir`, as paths relative to it with forward slashes. */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) =>
      join(e.parentPath, e.name).slice(dir.length).replace(/\\/g, '/').replace(/^\/?/, '/'),
    );
}

/** The page path a built file serves: "/kb/x/index.html" → "/kb/x/", "/404.html" → "/404". */
export function pagePath(file: string): string {
  return file.replace(/index\.html$/, '').replace(/\.html$/, '');
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The tags a page outside Starlight lacks, so that it unfurls like the others. */
function missingTags(
  head: HeadMeta,
  imageUrl: string,
  pageUrl: string,
  description: string,
): string {
  const tags: [string, string, string][] = [
    ['property', 'og:title', head.title],
    ['property', 'og:description', head.meta.get('description') ?? description],
    ['name', 'description', description],
    ['property', 'og:image', imageUrl],
    ['property', 'og:image:width', String(CARD_WIDTH)],
    ['property', 'og:image:height', String(CARD_HEIGHT)],
    ['name', 'twitter:card', 'summary_large_image'],
  ];
  const out = tags
    .filter(([, key]) => !head.meta.has(key))
    .map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeAttr(value)}">`);
  if (!head.canonical) out.push(`<link rel="canonical" href="${escapeAttr(pageUrl)}">`);
  return out.join('');
}

export type CardPlan = { jobs: CardJob[]; patched: number };

/**
 * Reads every built page and returns the cards to draw; pages without card tags get them
 * written into their head (unless `write` is false).
 */
export function planCards(outDir: string, site: URL, options: { write?: boolean } = {}): CardPlan {
  const write = options.write ?? true;
  const { company } = getCatalog();
  const byFile = new Map<string, CardJob>();
  let patched = 0;
  for (const file of htmlFiles(outDir)) {
    const path = join(outDir, file);
    let html = readFileSync(path, 'utf8');
    let head = readHead(html);
    const page = pagePath(file);
    if (!head.meta.has('og:image')) {
      const tags = missingTags(
        head,
        new URL(cardPathFor(page), site).href,
        new URL(page, site).href,
        company.tagline,
      );
      html = html.replace(/<\/head>/i, `${tags}</head>`);
      if (write) writeFileSync(path, html);
      head = readHead(html);
      patched++;
    }
    const image = new URL(head.meta.get('og:image')!, site);
    // A card hosted elsewhere (set by hand in a page's frontmatter) is not ours to draw.
    if (image.host !== site.host || !image.pathname.startsWith('/og/')) continue;
    const outFile = join(outDir, decodeURIComponent(image.pathname));
    const input: CardInput = {
      title: head.meta.get('og:title') ?? head.title,
      section: head.meta.get('charter:section') ?? humanize(page.split('/')[1] ?? ''),
      detail: head.meta.get('charter:detail') ?? '',
      company: company.name,
      brandColor: company.brand_color,
      host: site.host,
    };
    if (!byFile.has(outFile)) byFile.set(outFile, { input, outFile });
  }
  return { jobs: [...byFile.values()], patched };
}

export default function socialCards(): AstroIntegration {
  let site: URL | undefined;
  let cacheDir = '';
  return {
    name: 'charter-social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        cacheDir = join(fileURLToPath(config.cacheDir), 'charter-og');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        const base = site ?? new URL(getCatalog().company.site_url);
        const started = performance.now();
        const { jobs, patched } = planCards(outDir, base);
        const summary: RenderSummary = await renderCards(jobs, { cacheDir });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        if (patched)
          logger.info(`social cards: added card tags to ${patched} page(s) outside Starlight`);
        logger.info(
          `social cards: ${summary.rendered} rendered, ${summary.reused} reused (${seconds} s)`,
        );
      },
    },
  };
}
