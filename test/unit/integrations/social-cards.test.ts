import { join } from 'node:path';
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

  test('puts the card and canonical address of a site under a base path beneath it', () => {
    const html = '<html><head><title>Statement of work</title></head><body></body></html>';
    const under = new URL('/support/', site);
    const card = cardForPage('/sales/sow/print.html', html, '/dist', under, company, '/support/');
    const head = readHead(card.html);
    expect(head.meta.get('og:image')).toBe(`${site.origin}/support/og/sales/sow/print.png`);
    expect(head.canonical).toBe(`${site.origin}/support/sales/sow/print`);
    expect(card.job?.outFile).toBe('/dist/og/sales/sow/print.png');
  });

  test('draws a Starlight page’s card named under the base path into the output folder', () => {
    const html = `<head><title>T</title><meta property="og:image" content="${site.origin}/support/og/kb.png"></head>`;
    const card = cardForPage(
      '/kb/',
      html,
      '/dist',
      new URL('/support/', site),
      company,
      '/support/',
    );
    expect(card.job?.outFile).toBe('/dist/og/kb.png');
  });

  test('shows the company’s logo from the terms folder, as the page head names it', () => {
    const html = `<head><title>T</title><meta property="og:image" content="${site.origin}/og/kb.png"></head>`;
    const branded = { ...company, logo: { light: 'brand/logo.svg', replaces_title: true } };
    const card = cardForPage('/kb/', html, '/dist', site, branded, '/', '/site/terms');
    expect(card.job?.input.logo).toEqual({
      file: join('/site/terms', 'brand/logo.svg'),
      replacesTitle: true,
    });
    expect(
      cardForPage('/kb/', html, '/dist', site, company, '/', '/site/terms').job?.input,
    ).not.toHaveProperty('logo');
  });

  test('leaves a card hosted elsewhere alone', () => {
    const html = '<head><meta property="og:image" content="https://cdn.example.org/x.png"></head>';
    expect(cardForPage('/x/', html, '/dist', site, company).job).toBeNull();
  });
});
