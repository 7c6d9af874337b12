import type { APIRoute } from 'astro';

/**
 * A plain icon for a site that has none of its own (Starlight links /favicon.svg by default):
 * a rounded square in the current accent, with a tick. A file in the site's public/ folder, or
 * Starlight's `favicon` option, replaces it.
 */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3451b2"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>
`;

export const GET: APIRoute = () =>
  new Response(ICON, { headers: { 'Content-Type': 'image/svg+xml' } });
