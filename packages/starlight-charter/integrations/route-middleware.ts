import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { config } from 'virtual:starlight-charter/config';
import { normalizeBase, withoutBase } from '../lib/base-path.ts';
import { localeOfPath, localizeSidebar } from '../lib/site-locales.ts';

const BASE = normalizeBase(import.meta.env.BASE_URL);

/**
 * Starlight's sidebar links name pages as the site's config writes them, the root locale's;
 * on a page of another language they lead to that language's pages (lib/site-locales.ts).
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const path = withoutBase(context.url.pathname, BASE) ?? context.url.pathname;
  const locale = localeOfPath(path, config.locales);
  if (!locale.path) return;
  route.sidebar = localizeSidebar(
    route.sidebar,
    BASE,
    locale,
    config.locales,
    context.url.pathname,
  );
});
