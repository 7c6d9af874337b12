import type { APIRoute } from 'astro';
import { config } from 'virtual:starlight-charter/config';

/**
 * Lets every crawler in and points it at the sitemap Starlight generates; a site that
 * publishes the internal playbook keeps crawlers out of it.
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (config.sections.playbook) lines.push(`Disallow: ${config.prefix}playbook/`);
  if (site) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', site).href}`);
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
