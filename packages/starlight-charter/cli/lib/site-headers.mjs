// The headers a static host sends with each file of a built site, read from the site's
// `_headers` (written by src/integrations/security-headers.ts) with Netlify's own parser, so the
// preview server sends what the host will.
import { parseAllHeaders } from '@netlify/headers-parser';

/**
 * The rules of a `_headers` file, each with the path pattern it is `for`, the RegExp that
 * pattern means and its header values; none when the file does not exist.
 * @param {string} file
 * @returns {Promise<{ for: string, forRegExp: RegExp, values: Record<string, string> }[]>}
 */
export async function readHeaderRules(file) {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [file],
    configHeaders: [],
    minimal: false,
  });
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  return /** @type {any} */ (headers);
}

/**
 * The headers for a URL path: those of every rule whose pattern matches it, a header set by
 * several rules joined with ", " as Netlify and Cloudflare Pages join them.
 * @param {{ forRegExp: RegExp, values: Record<string, string> }[]} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const rule of rules) {
    if (!rule.forRegExp.test(path)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      out[name] = name in out ? `${out[name]}, ${value}` : value;
    }
  }
  return out;
}
