/**
 * A site served under a path (`https://example.com/support/`) has Astro's `base` set to it:
 * every address the site writes starts with the base, and the files it builds do not.
 */

/** Astro's `base` (`/support`, `support/`, `/`) as `/support/`, or `/` for a site at the root. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A site path (`/kb/`) as the browser asks for it under `base` (`/support/kb/`). */
export function withBase(path: string, base: string): string {
  if (base === '/' || !path.startsWith('/') || path.startsWith('//')) return path;
  return `${base}${path.slice(1)}`;
}

/**
 * An address the browser asks for (`/support/kb/`) as a path of the site (`/kb/`), or
 * `undefined` when it lies outside the base: a link that forgot it.
 */
export function withoutBase(pathname: string, base: string): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? pathname.slice(base.length - 1) : undefined;
}

/**
 * The base path of a site: Astro's `base` when the site sets one, else the path of the
 * company's `site_url` (`https://example.com/support/` → `/support/`). Throws when both name a
 * path and the paths differ, as nothing could then serve the site where its terms say it is.
 */
export function siteBase(astroBase: string | undefined, siteUrl: string): string {
  const fromConfig = normalizeBase(astroBase);
  const fromUrl = normalizeBase(new URL(siteUrl).pathname);
  if (fromConfig === '/') return fromUrl;
  if (fromUrl !== '/' && fromUrl !== fromConfig)
    throw new Error(
      `the site is served under ${fromConfig} (Astro's base) but company.yaml site_url ` +
        `${siteUrl} names ${fromUrl}: make them the same, or leave base out and let site_url decide`,
    );
  return fromConfig;
}
