import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { APIRoute } from 'astro';
import { config } from 'virtual:starlight-charter/config';

/**
 * The icon of a site that has none of its own (Starlight links /favicon.svg by default): the
 * company's, named in company.yaml, or a plain rounded square with a tick. A file in the site's
 * public/ folder, or Starlight's `favicon` option, replaces it.
 */
const PLAIN = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3451b2"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>
`;
const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const GET: APIRoute = () => {
  const file = config.iconFile;
  if (!file) return new Response(PLAIN, { headers: { 'Content-Type': TYPES['.svg']! } });
  return new Response(readFileSync(file), {
    headers: { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' },
  });
};
