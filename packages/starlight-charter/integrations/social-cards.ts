import { join } from 'node:path';
import type { Catalog } from '../data/load.ts';
import { withBase, withoutBase } from '../lib/base-path.ts';
import { detach } from '../lib/detach.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLogo, type CardInput } from '../lib/og/card.ts';
import { cardPathFor, humanize, readHead, type HeadMeta } from '../lib/og/page.ts';
import type { CardJob } from './card-renderer.ts';

type Company = Catalog['company'];

/**
 * Draws a 1200x630 social card for every HTML page in the build. Starlight pages name their
 * card, section and price line in the head (components/starlight/Head.astro); any other
 * HTML page gets the same tags added here, so every page unfurls. Cards whose inputs have not
 * changed are copied from the cache instead of drawn again (integrations/card-renderer.ts).
 * Run by integrations/post-build.ts.
 */

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

/** One page's card, and its HTML with card tags added when it had none. */
export type PageCard = { html: string; job: CardJob | null; patched: boolean };

/**
 * The card a built page asks for (`route` as in integrations/html-files.ts). A page
 * without card tags gets them; a card hosted elsewhere (set by hand in a page's frontmatter)
 * is not ours to draw.
 */
export function cardForPage(
  route: string,
  html: string,
  outDir: string,
  site: URL,
  company: Company,
  /** The path the site is served under (lib/base-path.ts). */
  base = '/',
  /** The terms folder (absolute), where the company's logo is; cards show no logo without it. */
  termsDir?: string,
): PageCard {
  let head = readHead(html);
  const page = route.replace(/\.html$/, '');
  let patched = false;
  if (!head.meta.has('og:image')) {
    const tags = missingTags(
      head,
      new URL(withBase(cardPathFor(page), base), site).href,
      new URL(withBase(page, base), site).href,
      company.tagline,
    );
    html = html.replace(/<\/head>/i, `${tags}</head>`);
    head = readHead(html);
    patched = true;
  }
  const image = new URL(head.meta.get('og:image')!, site);
  const imagePath = withoutBase(image.pathname, base);
  if (image.host !== site.host || !imagePath?.startsWith('/og/'))
    return { html, job: null, patched };
  // Copied out of the page, which the build's list of cards would otherwise keep in memory.
  const input: CardInput = {
    title: detach(head.meta.get('og:title') ?? head.title),
    section: detach(head.meta.get('charter:section') ?? humanize(page.split('/')[1] ?? '')),
    detail: detach(head.meta.get('charter:detail') ?? ''),
    company: company.name,
    brandColor: company.brand_color,
    host: site.host,
    ...(termsDir && company.logo ? { logo: cardLogo(company, termsDir) } : {}),
  };
  return {
    html,
    job: { input, outFile: join(outDir, decodeURIComponent(imagePath)) },
    patched,
  };
}
