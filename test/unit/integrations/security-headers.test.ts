import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  allowlistOf,
  emptyAllowlist,
  hashSource,
  headersFile,
  inlineAllowlist,
  inlineBlocks,
  inlineIn,
  policyFor,
  securePage,
  securityHeaders,
  withPolicyMeta,
} from '../../../packages/starlight-charter/integrations/security-headers';

// SHA-256 sources of small texts, from `printf '%s' TEXT | openssl dgst -sha256 -binary | base64`.
const EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const GO = "'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"; // go()
const STEAL = "'sha256-VafrKPhb16t7bcXd+/s/XXEhClav+rUYVk+Nc0pSxDc='"; // steal()
const A = "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"; // a()
const M = "'sha256-ZRcerlEd5oXh7oyPxtNBWYVOIBP573H/0mkZtACTtRY='"; // m()
const Q = "'sha256-+05UvaPBOazZiIpHRe6LhEDTGLqsjdsJpg+ZoRlo10M='"; // q()
const CHUNK = "'sha256-ruHx6/IjGHAND/SdwYsj4WAngMNcnATBu0A75ZhB1BQ='"; // chunk()
const B = "'sha256-SGcvwxmsOW+7Ls/uk+0Rs2OXWHuIlxlmZtWdVxVc/w8='"; // .b{}
const X = "'sha256-soe0F4QVgA2tCmj0I3t1n2NoiHNQIa0rr6MFhk0Hi70='"; // .x{}
const Y = "'sha256-MnxExy6OMloieqNJxQgqidI/Gw0g1xI3P5CKZgWc7IA='"; // .y{}
const XY = "'sha256-Ne0bGmEP6heELVgVg7+E4wyhKAlDHYdi+2ZurWfvCK0='"; // .x{}.y{}

const work = mkdtempSync(join(tmpdir(), 'charter-csp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('hashSource', () => {
  test('is the CSP source for the SHA-256 of the text', () => {
    expect(hashSource('')).toBe(EMPTY);
    expect(hashSource('go()')).toBe(GO);
  });

  test('stays right across more distinct texts than it remembers', () => {
    for (let i = 0; i < 600; i++) hashSource(`page(${i})`);
    expect(hashSource('go()')).toBe(GO);
    expect(hashSource('steal()')).toBe(STEAL);
  });
});

describe('inlineBlocks', () => {
  test('takes the blocks Astro renders as written, and nothing it bundles or fills in', () => {
    const component = [
      '---',
      "const note = '<script is:inline>fromFrontmatter()</script>';",
      '---',
      '<script is:inline>a()</script>',
      '<script>bundled()</script>',
      '<script src="/x.js" is:inline></script>',
      '<script type="module">m()</script>',
      '<script is:inline data-note="a>b">q()</script>',
      '<script is:inline define:vars={{ x }}>v()</script>',
      '<script type="application/json" set:html={data}></script>',
      '<script is:inline type="application/ld+json">{}</script>',
      '<style>.scoped{}</style>',
      '<style is:inline>.b{}</style>',
      '<script-like is:inline>no()</script-like>',
    ].join('\n');
    expect(inlineBlocks(component)).toEqual({ scripts: ['a()', 'm()', 'q()'], styles: ['.b{}'] });
  });
});

describe('policyFor', () => {
  test('allows the site’s files and exactly the listed inline blocks', () => {
    expect(policyFor({ scripts: new Set([GO, A]), styles: new Set([B]) })).toBe(
      "default-src 'self'; " +
        `script-src 'self' 'wasm-unsafe-eval' ${GO} ${A}; ` +
        `style-src 'self' ${B}; ` +
        "style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'",
    );
  });

  test('never allows inline scripts or <style> elements wholesale', () => {
    const policy = policyFor({ scripts: new Set(), styles: new Set() });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("style-src 'self';");
    expect(policy.match(/'unsafe-inline'/g)).toEqual(["'unsafe-inline'"]);
    expect(policy).toContain("style-src-attr 'unsafe-inline'");
  });

  test('reads back as the allowlist it was made from', () => {
    const allowed = allowlistOf(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${GO} ${A}; style-src 'self' ${B}; style-src-attr 'unsafe-inline'; frame-ancestors 'none'`,
    );
    expect(allowed).toEqual({ scripts: new Set([GO, A]), styles: new Set([B]) });
  });
});

describe('inlineIn and securePage', () => {
  const allowed = {
    scripts: new Set([GO]),
    styles: new Set([B]),
    sheets: new Set(['.x{}', '.y{}']),
  };
  const page =
    '<html><head><meta charset="utf-8"><script>go()</script><style>.b{}</style>' +
    '<style>.x{}.y{}</style><script type="module" src="/_astro/a.js"></script>' +
    '<script type="application/json">{"x":1}</script></head><body><main>' +
    '<script>steal()</script><style>main{display:none}</style></main></body></html>';

  test('lists the page’s allowed blocks, stylesheets Astro joined among them, and counts the rest', () => {
    expect(inlineIn(page, allowed)).toEqual({
      scripts: new Set([GO]),
      styles: new Set([B, XY]),
      blocked: 2,
    });
  });

  test('a stylesheet that is not allowed stylesheets one after another is blocked', () => {
    const joinedWithMore = '<style>.x{}.y{}main{display:none}</style><style>.x{}.z{}</style>';
    expect(inlineIn(joinedWithMore, allowed)).toEqual({
      scripts: new Set(),
      styles: new Set(),
      blocked: 2,
    });
  });

  test('puts the policy for the page’s allowed blocks into the page, never a slipped-in script', () => {
    const { html, used, blocked } = securePage(page, allowed);
    expect(used).toEqual({ scripts: new Set([GO]), styles: new Set([B, XY]) });
    expect(blocked).toBe(2);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(policy).toBe(policyFor({ scripts: new Set([GO]), styles: new Set([B, XY]) }));
    expect(policy).not.toContain(STEAL);
    expect(html.startsWith('<html><head><meta charset="utf-8"><meta http-equiv')).toBe(true);
  });

  test('gives a page secured before its policy anew, in place of the old one', () => {
    const once = securePage(page, allowed).html;
    expect(securePage(once, allowed).html).toBe(once);
    const fewer = securePage(once, { scripts: new Set(), styles: new Set() });
    expect(fewer.html.split('Content-Security-Policy')).toHaveLength(2);
    expect(fewer.blocked).toBe(5);
  });
});

describe('withPolicyMeta', () => {
  test('goes right after the charset', () => {
    expect(withPolicyMeta('<html><head><meta charset="utf-8"/><title>x</title>', 'P')).toBe(
      '<html><head><meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="P"><title>x</title>',
    );
  });
  test('opens the head when there is no charset', () => {
    expect(withPolicyMeta('<head lang="en"><title>', 'P')).toBe(
      '<head lang="en"><meta http-equiv="Content-Security-Policy" content="P"><title>',
    );
  });
});

describe('securityHeaders and headersFile', () => {
  test('send the policy with frame-ancestors, and the other security headers', () => {
    expect(securityHeaders('P')).toEqual([
      ['Content-Security-Policy', "P; frame-ancestors 'none'"],
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
    ]);
  });

  test('_headers is one rule for every path', () => {
    expect(headersFile('P')).toBe(
      '/*\n' +
        "  Content-Security-Policy: P; frame-ancestors 'none'\n" +
        '  X-Content-Type-Options: nosniff\n' +
        '  Referrer-Policy: strict-origin-when-cross-origin\n' +
        '  Permissions-Policy: camera=(), microphone=(), geolocation=()\n',
    );
  });
});

describe('inlineAllowlist (the Vite plugin)', () => {
  type Hook = { handler: Function };
  const run = (plugins: ReturnType<typeof inlineAllowlist>) => ({
    transform: (id: string) => (plugins[0]!.transform as Hook).handler.call({}, '', id),
    pre: (bundle: object) => (plugins[0]!.generateBundle as Hook).handler.call({}, {}, bundle),
    post: (bundle: object) => (plugins[1]!.generateBundle as Hook).handler.call({}, {}, bundle),
  });
  const chunk = (code: string, facadeModuleId: string | null, isEntry = true) => ({
    type: 'chunk',
    code,
    facadeModuleId,
    isEntry,
  });
  const asset = (source: string) => ({ type: 'asset', source });

  test('collects the is:inline blocks of the site’s own components only', () => {
    const own = join(work, 'src', 'components', 'Own.astro');
    const content = join(work, 'content', 'kb', 'Slipped.astro');
    mkdirSync(join(work, 'src', 'components'), { recursive: true });
    mkdirSync(join(work, 'content', 'kb'), { recursive: true });
    writeFileSync(own, '<script is:inline>go()</script><style is:inline>.b{}</style>');
    writeFileSync(content, '<script is:inline>steal()</script>');
    const allowlist = emptyAllowlist();
    const plugin = run(inlineAllowlist(allowlist, (file) => file.startsWith(join(work, 'src'))));
    plugin.transform(own);
    plugin.transform(content);
    expect(allowlist).toEqual({ scripts: new Set([GO]), styles: new Set([B]), sheets: new Set() });
  });

  test('collects the own scripts and stylesheets Astro inlined, as it inlines them', () => {
    const allowlist = emptyAllowlist();
    const plugin = run(inlineAllowlist(allowlist, (file) => file.startsWith('/site/src/')));
    const bundle: Record<string, unknown> = {
      '_astro/Own.js': chunk(
        '\nchunk()\n',
        '/site/src/components/Own.astro?astro&type=script&index=0&lang.ts',
      ),
      '_astro/Virtual.js': chunk('a()', '\0astro:scripts/page.js'),
      '_astro/Shared.js': chunk('m()', '/site/src/lib/shared.ts', false),
      '_astro/Slipped.js': chunk(
        'steal()',
        '/site/content/kb/Slipped.astro?astro&type=script&index=0&lang.ts',
      ),
      '_astro/Large.js': chunk(
        'q()',
        '/site/src/components/Large.astro?astro&type=script&index=0&lang.ts',
      ),
      '_astro/small.css': asset('.x{}/*$vite$:1*/'),
      '_astro/large.css': asset('.y{}'),
    };
    plugin.pre(bundle);
    // Astro inlines what is small enough and takes it out of the bundle; the rest is written.
    for (const name of [
      '_astro/Own.js',
      '_astro/Virtual.js',
      '_astro/Shared.js',
      '_astro/Slipped.js',
      '_astro/small.css',
    ])
      delete bundle[name];
    plugin.post(bundle);
    expect(allowlist).toEqual({
      scripts: new Set([CHUNK, A]),
      styles: new Set([X]),
      sheets: new Set(['.x{}']),
    });
    expect(allowlist.scripts.has(STEAL)).toBe(false);
    expect(allowlist.styles.has(Y)).toBe(false);
  });
});
