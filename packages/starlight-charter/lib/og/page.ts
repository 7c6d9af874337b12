import type { Catalog } from '../../data/load.ts';
import { withoutBase } from '../base-path.ts';
import { planForTier, planPriceText } from '../catalog.ts';

/**
 * What a page's social card says and where it lives, worked out from the page's path, the
 * sidebar and the data. Used by the page head (components/starlight/Head.astro) and by the
 * card renderer for pages outside Starlight.
 */

/** The card image path for a page: "/" → "/og/index.png", "/kb/api/x/" → "/og/kb/api/x.png". */
export function cardPathFor(pathname: string): string {
  const slug = pathname
    .replace(/(\/index)?\.html$/, '')
    .replace(/^\/+|\/+$/g, '')
    .toLowerCase();
  return `/og/${slug || 'index'}.png`;
}

/** Just what this module needs of Starlight's sidebar entries. */
export type NavEntry =
  | { type: 'link'; href: string; isCurrent: boolean }
  | { type: 'group'; label: string; entries: NavEntry[] };

const firstSegment = (path: string) => path.replace(/^\/+/, '').split('/')[0] ?? '';

function links(entry: NavEntry): { href: string; isCurrent: boolean }[] {
  return entry.type === 'link' ? [entry] : entry.entries.flatMap(links);
}

/** "getting-started" → "Getting started". */
export function humanize(segment: string): string {
  const words = segment.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The section a page belongs to: the top-level sidebar group that holds it, else the group
 * whose pages share its first path segment (pages kept out of the sidebar), else that segment
 * in words. The home page has none. `pathname` and the sidebar's links are under `base`.
 */
export function sectionFor(sidebar: NavEntry[], pathname: string, base = '/'): string {
  // Paths as the browser asks for them (`/support/kb/`), compared without the base path.
  const sitePath = (path: string) => withoutBase(path, base) ?? path;
  const segment = firstSegment(sitePath(pathname));
  if (!segment || /^(index|404)(\.html)?$/.test(segment)) return '';
  const groups = sidebar.filter(
    (e): e is Extract<NavEntry, { type: 'group' }> => e.type === 'group',
  );
  const holding = groups.find((g) => links(g).some((l) => l.isCurrent));
  if (holding) return holding.label;
  const sharing = groups.find((g) =>
    links(g).some((l) => firstSegment(sitePath(l.href)) === segment),
  );
  return sharing ? sharing.label : humanize(segment);
}

/** Path segments that mark a page about tiers and their prices. */
const PRICE_PAGES = new Set(['tiers', 'pricing', 'plans']);

/**
 * The price line for tier and pricing pages, from the data: "Professional: $1,200 per month"
 * on a page for one tier (`…/tiers/<tier-id>/`), every tier's price on the overview page, and
 * empty on every other page.
 */
export function priceDetail(catalog: Catalog, pathname: string): string {
  const segments = pathname.split('/').filter(Boolean);
  const at = segments.findIndex((s) => PRICE_PAGES.has(s));
  if (at < 0) return '';
  const priced = catalog.tiers.tiers.filter((t) =>
    catalog.pricing.plans.some((p) => p.tier === t.id),
  );
  const priceOf = (tier: { id: string; name: string }) =>
    `${tier.name}: ${planPriceText(catalog, planForTier(catalog, tier.id))}`;
  const next = segments[at + 1];
  if (next !== undefined) {
    const tier = priced.find((t) => t.id === next);
    return tier ? priceOf(tier) : '';
  }
  return priced.map(priceOf).join(' · ');
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references Astro writes in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** What a built page's <head> says: `<title>`, canonical and every meta by name or property. */
export type HeadMeta = { title: string; canonical: string | undefined; meta: Map<string, string> };

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attrs.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** Reads the head of a built HTML page (the first value wins when a meta repeats). */
export function readHead(html: string): HeadMeta {
  const end = html.search(/<\/head>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  const meta = new Map<string, string>();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = attributes(tag);
    const key = attrs.get('property') ?? attrs.get('name');
    const content = attrs.get('content');
    if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
  }
  const canonicalTag = (head.match(/<link\b[^>]*>/gi) ?? []).find(
    (t) => attributes(t).get('rel') === 'canonical',
  );
  const title = head.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1] ?? '';
  return {
    title: decodeEntities(title).trim(),
    canonical: canonicalTag ? attributes(canonicalTag).get('href') : undefined,
    meta,
  };
}
