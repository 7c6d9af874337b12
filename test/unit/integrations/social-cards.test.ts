import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { readHead } from '../../../packages/starlight-charter/lib/og/page';
import { cardForPage } from '../../../packages/starlight-charter/integrations/social-cards';
import { SAMPLE } from '../../support/sites';

const { company } = loadCatalog(SAMPLE.terms);
const site = new URL(company.site_url);

describe('cardForPage', () => {
  test('draws what a Starlight page’s head names', () => {
    const html = `<html><head><title>Pricing | X</title>
      <meta property="og:title" content="Pricing &amp; plans"><meta property="og:image" content="${site.origin}/og/commercial/pricing.png">
      <meta name="charter:section" content="Commercial"><meta name="charter:detail" content="Pro: $1"></head></html>`;
    const card = cardForPage('/commercial/pricing/', html, '/dist', site, company);
    expect(card.patched).toBe(false);
    expect(card.html).toBe(html);
    expect(card.job).toEqual({
      input: {
        title: 'Pricing & plans',
        section: 'Commercial',
        detail: 'Pro: $1',
        company: company.name,
        brandColor: company.brand_color,
        host: site.host,
      },
      outFile: '/dist/og/commercial/pricing.png',
    });
  });

  test('gives a page outside Starlight the tags it lacks, and a card', () => {
    const html = '<html><head><title>Statement of work</title></head><body></body></html>';
    const card = cardForPage('/sales/sow/print.html', html, '/dist', site, company);
    expect(card.patched).toBe(true);
    const head = readHead(card.html);
    expect(head.meta.get('og:image')).toBe(new URL('/og/sales/sow/print.png', site).href);
    expect(head.meta.get('description')).toBe(company.tagline);
    expect(head.canonical).toBe(new URL('/sales/sow/print', site).href);
    expect(card.job?.input.title).toBe('Statement of work');
    expect(card.job?.input.section).toBe('Sales');
  });

  test('leaves a card hosted elsewhere alone', () => {
    const html = '<head><meta property="og:image" content="https://cdn.example.org/x.png"></head>';
    expect(cardForPage('/x/', html, '/dist', site, company).job).toBeNull();
  });
});
