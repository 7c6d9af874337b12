import type { MiddlewareHandler } from 'astro';
import { config } from 'virtual:starlight-charter/config';
import { normalizeBase, withoutBase } from '../lib/base-path.ts';
import { localeOfPath, localizeLinks } from '../lib/site-locales.ts';
import { fileForPathname, handPage, listening } from './page-hook.ts';

const BASE = normalizeBase(import.meta.env.BASE_URL);

/**
 * On a page of a language other than the root's, links to the root's pages go to that
 * language's (lib/site-locales.ts, localizeLinks), in `astro dev` as in the build. While the site
 * is built, hands every rendered HTML page to the post-build pass (see page-hook.ts). JSON and
 * text endpoints pass unchanged.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const path = withoutBase(context.url.pathname, BASE) ?? context.url.pathname;
  const locale = localeOfPath(path, config.locales);
  if (!listening() && !locale.path) return response;
  let html = localizeLinks(await response.text(), BASE, locale, config.locales);
  if (listening()) html = handPage(fileForPathname(path), html);
  // Bytes, not the string: Astro reads the body as bytes, and Buffer encodes a page faster than
  // the Response would (about a third less time per page).
  return new Response(Buffer.from(html), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
