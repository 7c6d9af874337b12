import type { MiddlewareHandler } from 'astro';
import { normalizeBase, withoutBase } from '../lib/base-path.ts';
import { fileForPathname, handPage, listening } from './page-hook.ts';

const BASE = normalizeBase(import.meta.env.BASE_URL);

/**
 * Hands every rendered HTML page to the post-build pass while the site is built (see
 * page-hook.ts); in `astro dev`, and for JSON and text endpoints, responses pass unchanged.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!listening() || !response.headers.get('content-type')?.startsWith('text/html'))
    return response;
  const html = handPage(
    fileForPathname(withoutBase(context.url.pathname, BASE) ?? context.url.pathname),
    await response.text(),
  );
  // Bytes, not the string: Astro reads the body as bytes, and Buffer encodes a page faster than
  // the Response would (about a third less time per page).
  return new Response(Buffer.from(html), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
