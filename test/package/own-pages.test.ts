import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { SAMPLE, buildSite, makeSite } from '../support/sites';

/**
 * A site with pages of its own beside Charter's: Charter under /support/, one of its pages
 * replaced by the site's, and a figure component placed in the site's own home page.
 */
const catalog = loadCatalog(SAMPLE.terms);
// A tier with a flat, paid price: its amount is formatted here from first principles.
const paid = catalog.pricing.plans.find((p) => p.price.model === 'flat' && p.price.monthly > 0)!;
const monthly = paid.price.model === 'flat' ? paid.price.monthly : 0;
// Money is kept in millionths of the currency unit.
const amount = new Intl.NumberFormat(catalog.company.locale, {
  style: 'currency',
  currency: catalog.company.currency,
  maximumFractionDigits: 0,
}).format(monthly / 1e6);

let out = '';
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const sidebarLinks = (html: string) =>
  [
    ...(/<nav[^>]*aria-label="Main"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(
      /href="([^"]+)"/g,
    ),
  ].map((m) => m[1]);

beforeAll(() => {
  const site = makeSite({
    terms: SAMPLE.terms,
    kb: SAMPLE.kb,
    options: { prefix: '/support/', replace: ['commercial/escalation'] },
    starlight: { sidebar: [{ label: 'Guides', items: [{ slug: 'guides/setup' }] }] },
    docs: {
      'index.mdx': `---
title: Acme docs
---

import Price from 'starlight-charter/components/kb/figures/Price.astro';

Support costs <Price tier="${paid.tier}" />.
`,
      'guides/setup.md': '---\ntitle: Setting up\n---\n\nInstall the agent.\n',
      'support/commercial/escalation.md':
        '---\ntitle: How we escalate\n---\n\nCall the duty manager.\n',
    },
  });
  out = buildSite(site);
});

describe("a site's own pages beside Charter's", () => {
  test("the site's pages keep their addresses and text; a figure component works in them", () => {
    expect(text(page('guides/setup'))).toContain('Install the agent.');
    expect(text(page(''))).toContain(`Support costs ${amount}`);
  });

  test("every Charter page is under the prefix, and none at the site's root", () => {
    expect(text(page('support/commercial/pricing'))).toContain(amount);
    expect(page('support/kb')).toContain('Knowledge base');
    expect(() => page('commercial/pricing')).toThrow();
  });

  test("a replaced page is the site's, and the sidebar still links to it", () => {
    const html = page('support/commercial/escalation');
    expect(text(html)).toContain('Call the duty manager.');
    expect(sidebarLinks(html)).toContain('/support/commercial/escalation/');
  });

  test("the site's sidebar group comes first, Charter's groups after it, on every kind of page", () => {
    for (const path of ['', 'guides/setup', 'support/commercial/sla', 'support/kb']) {
      const links = sidebarLinks(page(path));
      expect(links[0], path).toBe('/guides/setup/');
      expect(links, path).toContain('/support/commercial/pricing/');
      expect(
        links.every((l) => l === '/guides/setup/' || l?.startsWith('/support/')),
        path,
      ).toBe(true);
    }
  });
});
