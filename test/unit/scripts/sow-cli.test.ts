import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, test } from 'vitest';
import { readEngagement } from '../../../packages/starlight-charter/cli/lib/engagement';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { formatMoney } from '../../../packages/starlight-charter/lib/money';
import { priceEngagement, sowCatalog } from '../../../packages/starlight-charter/lib/sow';
import { escapeHtml } from '../../../packages/starlight-charter/lib/sow-document';
import { hasChromium } from '../../../scripts/lib/chromium';
import { SAMPLE } from '../../support/sites';

const cat = sowCatalog(loadCatalog(SAMPLE.terms));
const EXAMPLE = SAMPLE.engagement;
const { draft } = readEngagement(EXAMPLE, readFileSync(EXAMPLE, 'utf8'), cat);
const total = formatMoney(priceEngagement(draft, cat)!.total, cat.company);
const out = mkdtempSync(join(tmpdir(), 'charter-sow-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** `charter sow` for the sample company's site. */
function sow(...args: string[]) {
  return spawnSync('node_modules/.bin/charter', ['sow', '--root', SAMPLE.root, ...args], {
    encoding: 'utf8',
  });
}

describe('charter sow', () => {
  test(
    'writes a standalone HTML file and a PDF of it for the example engagement',
    { timeout: 90_000 },
    async () => {
      // The PDF is printed by Chromium; without one this test cannot check it, so it fails.
      expect(
        hasChromium(),
        'Chromium is not installed: install it (apt-get install chromium) or set CHROMIUM_PATH',
      ).toBe(true);
      const run = sow(EXAMPLE, '--out', out);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const html = readFileSync(join(out, 'engagement.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('@media print');
      expect(html).toContain(escapeHtml(draft.client.name));
      for (const d of draft.deliverables) expect(html).toContain(escapeHtml(d.name));
      expect(html).toContain(total);
      expect(html).toContain('<h3>Signatures</h3>');
      expect(html).not.toContain('<script');

      const pdf = await getDocumentProxy(new Uint8Array(readFileSync(join(out, 'engagement.pdf'))));
      const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
      expect(text).toContain(draft.client.name);
      expect(text).toContain(total);
      for (const d of draft.deliverables) expect(text).toContain(d.name);
      expect(text).toContain('Signatures');
      // The quote's dates and the terms it is made under, as the example engagement gives them.
      const day = (iso: string) =>
        new Intl.DateTimeFormat(cat.company.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${iso}T00:00:00Z`),
        );
      expect(text).toContain(`Issued ${day(draft.quote.issued)}`);
      expect(text).toContain(`Quote valid until ${day(draft.quote.valid_until)}`);
      expect(text).toContain(`Terms version ${cat.company.terms_version}`);
    },
  );

  test(
    'stops with file:line:col messages and writes nothing for a broken engagement',
    { timeout: 60_000 },
    () => {
      const file = 'test/fixtures/engagements/schedule-not-100.yaml';
      const run = sow(file, '--out', join(out, 'broken'));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `${file}:104:3 payment_schedule: the payment schedule adds up to 90%; it must add up to exactly 100%`,
      );
      expect(existsSync(join(out, 'broken'))).toBe(false);
    },
  );

  test('explains how to call it when no file is given', { timeout: 60_000 }, () => {
    const run = sow();
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'charter: sow: give the engagement file, e.g. charter sow engagement.yaml',
    );
    expect(run.stderr).toContain('Usage: charter <command>');
  });
});
