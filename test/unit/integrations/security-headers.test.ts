import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  headersFile,
  inlineScriptHashes,
  policyFor,
  securePage,
  withPolicyMeta,
} from '~/integrations/security-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  test('hashes executable inline scripts only', () => {
    const html = `<script>a()</script><script type="module">b()</script><script src="/x.js"></script>
      <script type="application/json">{"x":1}</script><script type="application/ld+json">{}</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')].sort());
  });
  test('lists a repeated script once', () => {
    expect(inlineScriptHashes('<script>a()</script><script>a()</script>')).toEqual([sha('a()')]);
  });
  test('hashes every page right, across more distinct scripts than it remembers', () => {
    // Pages that each inline a script of their own, then the first pages again.
    const scripts = Array.from({ length: 600 }, (_, i) => `page(${i})`);
    for (const script of [...scripts, ...scripts.slice(0, 50)])
      expect(inlineScriptHashes(`<script>${script}</script><script>a()</script>`)).toEqual(
        [sha(script), sha('a()')].sort(),
      );
  });
});

describe('policyFor', () => {
  test('never allows inline scripts wholesale', () => {
    const policy = policyFor([sha('a()')]);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${sha('a()')}`);
    expect(policy).toContain("object-src 'none'");
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

describe('securePage', () => {
  test('puts the policy for the page’s own scripts into the page', () => {
    const { html, policy } = securePage('<head><meta charset="utf-8"><script>a()</script></head>');
    expect(policy).toBe(policyFor([sha('a()')]));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  });

  test('gives a page secured before its policy anew, in place of the old one', () => {
    const once = securePage('<head><meta charset="utf-8"><script>a()</script></head>').html;
    expect(securePage(once).html).toBe(once);
    const edited = once.replace('a()', 'b()');
    const again = securePage(edited);
    expect(again.policy).toBe(policyFor([sha('b()')]));
    expect(again.html.split('Content-Security-Policy')).toHaveLength(2);
    expect(again.html).toContain(again.policy);
  });
});

describe('headersFile', () => {
  test('sends each page’s policy under its route and its index.html', () => {
    const text = headersFile([
      { route: '/', policy: 'P1' },
      { route: '/kb/', policy: 'P2' },
      { route: '/404.html', policy: 'P3' },
    ]);
    const blocks = text.trim().split('\n\n');
    expect(blocks[0]).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff/);
    expect(blocks.slice(1)).toEqual([
      "/\n  Content-Security-Policy: P1; frame-ancestors 'none'",
      "/kb/\n  Content-Security-Policy: P2; frame-ancestors 'none'",
      "/kb/index.html\n  Content-Security-Policy: P2; frame-ancestors 'none'",
      "/404.html\n  Content-Security-Policy: P3; frame-ancestors 'none'",
    ]);
  });
});
