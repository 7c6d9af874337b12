import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { markedRows } from '../../packages/starlight-charter/cli/lib/html-rows';
import { loadCatalog } from '../../packages/starlight-charter/data/load';
import { planCells, targetCells } from '../../packages/starlight-charter/lib/published';
import { planPriceText, tierById } from '../../packages/starlight-charter/lib/catalog';
import { expectations } from '../e2e/pricing-expect';
import { SAMPLE } from '../support/sites';
import { htmlFiles, mainText, page, run, sidebarGroup, writeFiles } from './support';

/**
 * starlight-charter as a company gets it: packed, installed from the tarball outside this
 * repository (global-setup.ts), and added to an ordinary Starlight site that has pages and a
 * sidebar of its own. The site must build, keep its own pages and sidebar, and publish
 * Charter's pages with the figures of the terms it was given.
 */

const site = inject('packageSite');
const catalog = loadCatalog(SAMPLE.terms);
// A plan with a price of its own: the site's home page shows it through a figure component.
const priced = catalog.pricing.plans.find((p) => p.price.model === 'flat' && p.price.monthly > 0)!;

const GUIDES: [string, string][] = [
  ['/', 'Welcome'],
  ['/guides/setup/', 'Setting up'],
];

const FILES: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import charter from 'starlight-charter';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Acme Docs',
      sidebar: [
        {
          label: 'Guides',
          items: [
            { label: 'Welcome', link: '/' },
            { label: 'Setting up', slug: 'guides/setup' },
          ],
        },
      ],
      plugins: [charter({ terms: './terms' })],
    }),
  ],
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { charterCollections } from 'starlight-charter/content';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  ...charterCollections(),
};
`,
  'src/content/docs/index.mdx': `---
title: Acme documentation
description: Everything about running Acme.
---

import Price from 'starlight-charter/components/kb/figures/Price.astro';

Welcome to the Acme product documentation.

Support with a plan of its own costs <Price tier="${priced.tier}" />.
`,
  'src/content/docs/guides/setup.md': `---
title: Setting up Acme
description: How to install Acme.
---

Install the Acme agent on every host you want to watch.
`,
  // Starlight links /favicon.svg from every page; its starter site ships one.
  'public/favicon.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8"/></svg>\n',
};

/** The articles of the copied KB per category id, from their frontmatter. */
function articlesPerCategory(kb: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of readdirSync(kb, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file) || file.split('/').some((part) => part.startsWith('_'))) continue;
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(kb, file), 'utf8'))![1]!;
    const { category } = parse(front) as { category: string };
    counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}

describe('starlight-charter installed from its tarball in an ordinary Starlight site', () => {
  let dist: string;

  beforeAll(() => {
    writeFiles(site, FILES);
    cpSync(SAMPLE.terms, join(site, 'terms'), { recursive: true });
    // The default KB folder, so the articles' figures come from the package too.
    cpSync(SAMPLE.kb, join(site, 'src/content/kb'), { recursive: true });
    const started = performance.now();
    run('npx', ['astro', 'build'], site);
    console.log(
      `astro build of the ordinary site: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    dist = join(site, 'dist');
  });

  it("keeps the site's own pages with their text", () => {
    const home = page(dist, '/');
    expect(mainText(home)).toContain('Welcome to the Acme product documentation.');
    expect(home).toContain('<title>Acme documentation');
    expect(mainText(page(dist, '/guides/setup/'))).toContain(
      'Install the Acme agent on every host you want to watch.',
    );
  });

  it("shows a figure from the terms in the site's own MDX through a component of the package", () => {
    const shown = /data-figure="price">([^<]*)</.exec(page(dist, '/'))?.[1];
    expect(shown).toBe(planPriceText(catalog, priced));
    expect(shown).toBe(expectations(catalog).priceText(priced));
  });

  it("keeps the site's own sidebar group, with both its links, on every page", () => {
    const pages = htmlFiles(dist).filter((f) => f !== '404.html');
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      expect(sidebarGroup(html, 'Guides'), file).toEqual(GUIDES);
    }
  });

  it('publishes the pricing page with every plan and its figures', () => {
    const html = page(dist, '/commercial/pricing/');
    const rows = markedRows(html, 'data-plan');
    expect(rows.map((r) => r.attrs['data-plan'])).toEqual(catalog.pricing.plans.map((p) => p.id));
    for (const plan of catalog.pricing.plans) {
      const row = rows.find((r) => r.attrs['data-plan'] === plan.id)!;
      expect(row.cells, plan.id).toEqual(planCells(catalog, plan));
      expect(mainText(html)).toContain(tierById(catalog, plan.tier).name);
    }
    // One figure worked out without the package's own formatting.
    const row = rows.find((r) => r.attrs['data-plan'] === priced.id)!;
    expect(row.cells.price).toBe(expectations(catalog).priceText(priced));
  });

  it('publishes the SLA page with every target', () => {
    // Rows of the targets table carry a tier and a severity; other tables mark severities only.
    const rows = markedRows(page(dist, '/commercial/sla/'), 'data-tier').filter(
      (r) => 'data-severity' in r.attrs,
    );
    const expected = catalog.tiers.tiers.flatMap((t) =>
      catalog.severities.severities.map((s) => ({
        tier: t.id,
        severity: s.id,
        cells: targetCells(catalog, t.id, s.id),
      })),
    );
    expect(
      rows.map((r) => ({
        tier: r.attrs['data-tier'],
        severity: r.attrs['data-severity'],
        cells: r.cells,
      })),
    ).toEqual(expected);
  });

  it("publishes the knowledge base with the terms' categories and the site's articles", () => {
    const html = page(dist, '/kb/');
    const text = mainText(html);
    const counts = articlesPerCategory(join(site, 'src/content/kb'));
    expect(catalog.kb.categories.length).toBeGreaterThan(0);
    for (const category of catalog.kb.categories) {
      expect(text).toContain(category.name);
      expect(text).toContain(category.description);
      const shown = new RegExp(`data-category="${category.id}"[\\s\\S]*?data-count="(\\d+)"`).exec(
        html,
      )?.[1];
      expect(Number(shown), category.id).toBe(counts[category.id] ?? 0);
    }
  });
});
