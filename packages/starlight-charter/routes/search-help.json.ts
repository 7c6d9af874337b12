import type { APIRoute } from 'astro';
import { charterConfig, getCatalog, routeLocale } from '../data/site';
import { searchHelpIn } from '../lib/search-query';

/**
 * GET /search-help.json — the KB search help (stop words, synonyms) from kb.yaml, one file per
 * language the site publishes (`/en/search-help.json`). A file of its own rather than part of
 * every page: search fetches it, with Pagefind, only when used.
 */
export const GET: APIRoute = ({ routePattern }) =>
  new Response(
    JSON.stringify(
      searchHelpIn(
        getCatalog().kb.search,
        routeLocale(routePattern).lang,
        charterConfig.locales[0]!.lang,
      ),
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
