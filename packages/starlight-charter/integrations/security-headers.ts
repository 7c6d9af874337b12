import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Plugin } from 'vite';
import { detach } from '../lib/detach.ts';

/**
 * The Content Security Policy and the other security headers of the built site.
 *
 * Scripts and stylesheets load from the site itself. Inline ones are allowed by SHA-256 hash,
 * and only those the site's own code renders: the `is:inline` blocks of the Astro components
 * the build compiles from src/ and from installed packages (Starlight, Astro), and the bundled
 * component scripts and stylesheets Astro chose to inline. All are collected while Vite builds,
 * before any page is rendered (`inlineAllowlist` below), never from a page: a script that
 * content slips into a page is not in the list, so no policy allows it.
 *
 * `_headers` (Netlify / Cloudflare Pages format) sends the site's policy with the headers a
 * <meta> tag cannot carry; cli/serve.mjs (`charter preview`) serves the same file. Each page also carries the
 * policy as a <meta> tag, for hosts that send no headers, narrowed to the allowed blocks the
 * page holds. Run by integrations/post-build.ts.
 */

/** The inline scripts and stylesheets a policy allows, as CSP hash sources. */
export interface Allowlist {
  scripts: ReadonlySet<string>;
  styles: ReadonlySet<string>;
  /**
   * The text of each stylesheet Astro may inline. It writes adjacent ones into one <style>, so
   * a page's <style> may hold several of them, one after another.
   */
  sheets?: ReadonlySet<string>;
}

/** The allowlist of a site, filled while it is built. */
export interface SiteAllowlist extends Allowlist {
  scripts: Set<string>;
  styles: Set<string>;
  sheets: Set<string>;
}

export const emptyAllowlist = (): SiteAllowlist => ({
  scripts: new Set(),
  styles: new Set(),
  sheets: new Set(),
});

/**
 * Hash sources already computed, by text: the same few blocks are in nearly every page. Kept
 * small, so a site whose pages each hold a block of their own does not fill memory.
 */
const sources = new Map<string, string>();
const MAX_SOURCES = 256;

/** The CSP source that allows one inline script or stylesheet with exactly this text. */
export function hashSource(text: string): string {
  let source = sources.get(text);
  if (source === undefined) {
    if (sources.size >= MAX_SOURCES) sources.clear();
    source = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    // A copy, so the map does not keep the whole page the text was cut from.
    sources.set(detach(text), source);
  }
  return source;
}

/** Script types browsers do not run (data blocks); they need no hash. */
const DATA_TYPES = /^(application\/(ld\+)?json|text\/template)$/i;

/** An element's attributes: quoted values, `{expressions}` and bare words each as one. */
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^\s>]+))?/g;
const attributesOf = (attrs: string) =>
  new Map(
    [...attrs.matchAll(ATTRIBUTE)].map((m) => [
      m[1]!.toLowerCase(),
      /=\s*["']?([^"'\s>]*)/.exec(m[0])?.[1] ?? '',
    ]),
  );

/** `<script …>…</script>` and `<style …>…</style>`, attributes with `>` in quotes included. */
const BLOCK =
  /<(script|style)(?=[\s>\/])((?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*)>([\s\S]*?)<\/\1\s*>/gi;

/** Whether a page runs a script element of this type. */
const runs = (type: string | undefined) => !type || !DATA_TYPES.test(type);

/**
 * The inline blocks of an Astro component that Astro renders exactly as written. Astro bundles
 * a `<script>` with no attribute but `src`, and a `<style>` without `is:inline`; any other
 * script stays inline, its text unchanged. Blocks whose text comes from an expression
 * (`set:html`, `define:vars`) cannot be known before rendering and are left out.
 */
export function inlineBlocks(component: string): { scripts: string[]; styles: string[] } {
  // The frontmatter is code, not template.
  const template = component.replace(/^\s*---[\s\S]*?\n---/, '');
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [, tag, attrs = '', body = ''] of template.matchAll(BLOCK)) {
    const names = attributesOf(attrs);
    if (['set:html', 'set:text', 'define:vars'].some((name) => names.has(name))) continue;
    if (tag!.toLowerCase() === 'style') {
      if (names.has('is:inline')) styles.push(body);
    } else if (names.size > 0 && !names.has('src') && runs(names.get('type'))) {
      scripts.push(body);
    }
  }
  return { scripts, styles };
}

/** The marker Vite appends to each stylesheet while it bundles. */
const VITE_CSS_MARKER = /\/\*\$vite\$:\d+\*\//;

/**
 * A Vite plugin that collects, while the site is bundled, the inline blocks of the site's own
 * code into `allowlist`: the `is:inline` blocks of every Astro component compiled from a file
 * for which `isOwn` holds, and the component scripts and stylesheets Astro inlines (it inlines
 * small bundles, `build.assetsInlineLimit`, and drops them from the bundle; what is left is
 * written as files, which 'self' allows). Modules without a file (virtual ones, such as
 * Astro's own) count as the site's.
 */
export function inlineAllowlist(
  allowlist: SiteAllowlist,
  isOwn: (file: string) => boolean,
): Plugin[] {
  const own = (id: string | null) => {
    if (!id) return false;
    const file = id.split('?')[0]!;
    return !isAbsolute(file) || isOwn(file);
  };
  /** This bundle's script chunks and stylesheets, by file name, as Astro would inline them. */
  let candidates = new Map<string, { kind: 'script' | 'sheet'; text: string }>();
  return [
    {
      name: 'charter:inline-allowlist',
      transform: {
        filter: { id: /\.astro$/ },
        handler(_code, id) {
          if (!own(id) || !existsSync(id)) return null;
          const blocks = inlineBlocks(readFileSync(id, 'utf8'));
          for (const script of blocks.scripts) allowlist.scripts.add(hashSource(script));
          for (const style of blocks.styles) allowlist.styles.add(hashSource(style));
          return null;
        },
      },
      generateBundle: {
        // Before Astro takes what it inlines out of the bundle.
        order: 'pre',
        handler(_options, bundle) {
          candidates = new Map();
          for (const [name, output] of Object.entries(bundle)) {
            if (output.type === 'chunk' && output.isEntry && own(output.facadeModuleId)) {
              // Astro inlines a chunk's code trimmed.
              candidates.set(name, { kind: 'script', text: output.code.trim() });
            } else if (output.type === 'asset' && name.endsWith('.css')) {
              // Vite removes the marker it appends to each stylesheet later in this same step,
              // before Astro reads the text (vite:css-post); a changed marker would show as
              // stylesheets the build reports blocked.
              const css = String(output.source).replace(VITE_CSS_MARKER, '');
              candidates.set(name, { kind: 'sheet', text: css });
            }
          }
        },
      },
    },
    {
      name: 'charter:inline-allowlist-inlined',
      generateBundle: {
        // After Astro: what it inlined is gone from the bundle.
        order: 'post',
        handler(_options, bundle) {
          for (const [name, { kind, text }] of candidates) {
            if (name in bundle) continue;
            if (kind === 'script') {
              allowlist.scripts.add(hashSource(text));
            } else {
              allowlist.styles.add(hashSource(text));
              allowlist.sheets.add(text);
            }
          }
          candidates = new Map();
        },
      },
    },
  ];
}

/**
 * The policy for a page or a site, as a <meta> tag can carry it. Each directive has a reason:
 * - scripts: the site's files and the allowed inline scripts, never inline scripts wholesale;
 *   'wasm-unsafe-eval' (WebAssembly may compile; `eval` stays blocked) because the search
 *   dialog in the header of every page runs Pagefind, whose engine is WebAssembly: in a worker,
 *   which takes the policy `_headers` sends with its script, or on the page itself where a
 *   worker cannot start;
 * - stylesheets: the site's files and the allowed inline ones. Starlight writes `style`
 *   attributes into every page (icon sizes, sidebar depth, select widths), as do Charter's
 *   charts, so attributes alone keep 'unsafe-inline' (style-src-attr): an attribute styles only
 *   its element and cannot load anything, where a <style> element could;
 * - images may be data: URLs (inline icons), everything else comes from the site.
 */
export function policyFor(allowed: Allowlist): string {
  const list = (set: ReadonlySet<string>) => [...set].sort().join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${list(allowed.scripts)}`.trim(),
    `style-src 'self' ${list(allowed.styles)}`.trim(),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The allowlist a policy carries: the hash sources of its script-src and style-src. */
export function allowlistOf(policy: string): Allowlist {
  const hashes = (name: string) => {
    const directive = policy.split(';').find((d) => d.trim().split(/\s+/)[0] === name) ?? '';
    return new Set(directive.match(/'sha(256|384|512)-[^']+'/g) ?? []);
  };
  return { scripts: hashes('script-src'), styles: hashes('style-src') };
}

/** Whether `text` is allowed stylesheets one after another, as Astro joins adjacent ones. */
function joined(text: string, sheets: ReadonlySet<string>): boolean {
  const reached = new Set([0]);
  for (let at = 0; at < text.length; at++) {
    if (!reached.has(at)) continue;
    for (const sheet of sheets) {
      if (sheet.length > 0 && text.startsWith(sheet, at)) reached.add(at + sheet.length);
    }
  }
  return reached.has(text.length);
}

/**
 * The inline scripts and stylesheets of a page that the allowlist allows, as hash sources,
 * and how many it holds that the allowlist does not allow (the policy blocks those).
 */
export function inlineIn(
  html: string,
  allowed: Allowlist,
): { scripts: Set<string>; styles: Set<string>; blocked: number } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  let blocked = 0;
  for (const [, tag, attrs = '', body = ''] of html.matchAll(BLOCK)) {
    if (tag!.toLowerCase() === 'style') {
      const source = hashSource(body);
      if (allowed.styles.has(source) || (allowed.sheets && joined(body, allowed.sheets)))
        styles.add(source);
      else blocked++;
      continue;
    }
    const names = attributesOf(attrs);
    if (names.has('src') || !runs(names.get('type'))) continue;
    const source = hashSource(body);
    if (allowed.scripts.has(source)) scripts.add(source);
    else blocked++;
  }
  return { scripts, styles, blocked };
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
 * A page with its policy meta tag: the site's policy, narrowed to the allowed blocks the page
 * holds (`used`, for the site's policy too). A page secured before (one Astro copied from the
 * last build) gets its policy anew, in place of the old one.
 */
export function securePage(
  html: string,
  allowed: Allowlist,
): { html: string; used: Allowlist; blocked: number } {
  const bare = html.replace(POLICY_META, '');
  const { scripts, styles, blocked } = inlineIn(bare, allowed);
  const used = { scripts, styles };
  return { html: withPolicyMeta(bare, policyFor(used)), used, blocked };
}

/**
 * The headers every response carries. The policy goes with `frame-ancestors 'none'`, which a
 * <meta> policy cannot carry: no other site may frame these pages.
 */
export function securityHeaders(policy: string): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', `${policy}; frame-ancestors 'none'`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
}

/**
 * `_headers` for static hosts (Netlify, Cloudflare Pages), which cli/serve.mjs (`charter preview`) serves too:
 * one rule for every path, so it stays one rule however many pages the site has.
 */
export function headersFile(policy: string): string {
  const lines = securityHeaders(policy).map(([name, value]) => `  ${name}: ${value}`);
  return `/*\n${lines.join('\n')}\n`;
}
