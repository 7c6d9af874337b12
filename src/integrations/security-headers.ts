import { createHash } from 'node:crypto';
import { detach } from '../lib/detach.ts';

/**
 * A Content Security Policy without 'unsafe-inline' for scripts. Starlight and Astro emit a
 * few small inline scripts; each page's policy allows exactly those by SHA-256 hash. The policy
 * goes into every page as a <meta> tag and into `_headers` (Netlify / Cloudflare Pages format)
 * for hosts that send it as an HTTP header, with the headers meta tags cannot carry. Run by
 * src/integrations/post-build.ts.
 */

/** Script types browsers do not execute (data blocks); they need no hash. */
const DATA_TYPES = /^(application\/(ld\+)?json|text\/template)$/i;

/**
 * Sources already computed, by script: the same few scripts are in nearly every page. Kept
 * small, so a site whose pages each inline a script of their own does not fill memory.
 */
const sources = new Map<string, string>();
const MAX_SOURCES = 256;

/** The CSP source that allows one inline script. */
function sourceFor(script: string): string {
  let source = sources.get(script);
  if (source === undefined) {
    if (sources.size >= MAX_SOURCES) sources.clear();
    source = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    // A copy, so the map does not keep the whole page the script was cut from.
    sources.set(detach(script), source);
  }
  return source;
}

/** SHA-256 sources for the executable inline scripts in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1] ?? '';
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (type && DATA_TYPES.test(type)) continue;
    hashes.add(sourceFor(match[2] ?? ''));
  }
  return [...hashes].sort();
}

/** The policy for a page with these inline-script hashes. */
export function policyFor(hashes: string[]): string {
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Inserts the policy right after the charset declaration (which must stay in the first
 * 1,024 bytes), before any script can run.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i;
  if (charset.test(html)) return html.replace(charset, (tag) => `${tag}${meta}`);
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;

/**
 * A page with its policy meta tag, and the policy, for `_headers`. A page secured before (one
 * Astro copied from the last build) gets its policy anew, in place of the old one.
 */
export function securePage(html: string): { html: string; policy: string } {
  const bare = html.replace(POLICY_META, '');
  const policy = policyFor(inlineScriptHashes(bare));
  return { html: withPolicyMeta(bare, policy), policy };
}

/** `_headers` for static hosts: site-wide headers, then each page's policy by route. */
export function headersFile(pages: { route: string; policy: string }[]): string {
  const lines = [
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '',
  ];
  for (const { route, policy } of pages) {
    const header = `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`;
    lines.push(route, header, '');
    if (route.endsWith('/') && route !== '/') lines.push(`${route}index.html`, header, '');
  }
  return `${lines.join('\n')}\n`;
}
