import type { APIRoute } from 'astro';
import { getCatalog } from '../data/site';
import { searchHelpFrom } from '../lib/search-query';

/**
 * GET /search-help.json — the KB search help (stop words, synonyms) from kb.yaml. A file of
 * its own rather than part of every page: search fetches it, with Pagefind, only when used.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchHelpFrom(getCatalog().kb.search)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
