import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readEngagement } from '../../../packages/starlight-charter/cli/lib/engagement';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { formatMoney } from '../../../packages/starlight-charter/lib/money';
import {
  draftFromInput,
  priceEngagement,
  sowCatalog,
} from '../../../packages/starlight-charter/lib/sow';
import {
  escapeHtml,
  html,
  localToday,
  paperSize,
  renderSowDocument,
  standaloneSowHtml,
} from '../../../packages/starlight-charter/lib/sow-document';
import { languageOf, messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import { SAMPLE, WEE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const cat = sowCatalog(catalog);
const file = SAMPLE.engagement;
const { draft } = readEngagement(file, readFileSync(file, 'utf8'), cat);
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('html', () => {
  test.each([
    { value: HOSTILE, expected: '<p>&lt;img src=x onerror=alert(1)&gt;</p>' },
    {
      value: '"quoted" & \'single\'',
      expected: '<p>&quot;quoted&quot; &amp; &#39;single&#39;</p>',
    },
    { value: ['a', '<b>'], expected: '<p>a&lt;b&gt;</p>' },
    { value: null, expected: '<p></p>' },
  ])('escapes $value', ({ value, expected }) => {
    expect(html`<p>${value}</p>`.value).toBe(expected);
  });

  test('keeps nested html as markup', () => {
    // prettier-ignore
    expect(html`<ul>${html`<li>${'<x>'}</li>`}</ul>`.value).toBe('<ul><li>&lt;x&gt;</li></ul>');
  });

  test('escapes every character that matters in text and attributes', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('renderSowDocument', () => {
  test('renders the blank template with placeholders and the data defaults', () => {
    const doc = renderSowDocument(null, cat);
    expect(doc).toContain('[Client name]');
    expect(doc).toContain(cat.company.name);
    for (const p of cat.services.default_payment_schedule) expect(doc).toContain(p.milestone);
    for (const c of cat.services.acceptance_criteria) expect(doc).toContain(escapeHtml(c));
  });

  test('shows the client, every deliverable, the total and the signature block', () => {
    const doc = renderSowDocument(draft, cat);
    const total = priceEngagement(draft, cat)!.total;
    expect(doc).toContain(escapeHtml(draft.client.name));
    for (const d of draft.deliverables) expect(doc).toContain(escapeHtml(d.name));
    expect(doc).toContain(formatMoney(total, cat.company));
    expect(doc).toContain('<h3>Signatures</h3>');
  });

  test('frames every table in a focusable region named by its caption, so a phone scrolls it', () => {
    const doc = renderSowDocument(draft, cat);
    const tables = [
      ...doc.matchAll(/<div ([^>]*)>\s*<table[^>]*>\s*<caption>\s*([^<]*?)\s*<\/caption>/g),
    ];
    expect(tables.length).toBe(doc.match(/<table\b/g)!.length);
    for (const [, attributes, caption] of tables)
      expect(attributes).toBe(
        `class="sow-table-wrap" role="region" aria-label="${caption}" tabindex="0"`,
      );
  });

  test('falls back to the standard acceptance criteria and change process when a draft has none', () => {
    const doc = renderSowDocument(
      { ...draft, acceptance_criteria: [], change_management: [''] },
      cat,
    );
    for (const c of [...cat.services.acceptance_criteria, ...cat.services.change_management]) {
      expect(doc).toContain(escapeHtml(c));
    }
  });

  test.each([
    ['client name', (d: typeof draft) => (d.client.name = HOSTILE)],
    ['deliverable name', (d: typeof draft) => (d.deliverables[0]!.name = HOSTILE)],
    ['objective', (d: typeof draft) => (d.objectives = [HOSTILE])],
    ['milestone', (d: typeof draft) => (d.phases[0]!.milestones = [HOSTILE])],
    ['payment due', (d: typeof draft) => (d.payment_schedule[0]!.due = HOSTILE)],
    ['role id', (d: typeof draft) => (d.resources.provider[0]!.role = HOSTILE)],
  ])('renders a hostile %s as text', (_, change) => {
    const hostile = draftFromInput(structuredClone(draft));
    change(hostile);
    const doc = renderSowDocument(hostile, cat);
    expect(doc).not.toContain('<img');
    expect(doc).toContain(escapeHtml(HOSTILE));
  });

  test('writes a standalone page with the CSS inlined', () => {
    const page = standaloneSowHtml(draft, cat, '.sow-document { color: black; }');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('.sow-document { color: black; }');
    expect(page).toContain(`<html lang="${cat.company.locale}">`);
  });
});

describe('paperSize', () => {
  test.each([
    ['en-US', 'Letter'],
    ['en-CA', 'Letter'],
    ['en-GB', 'A4'],
    ['de', 'A4'],
    // A page in another language keeps the company's region (lib/site-locales.ts).
    ['en-u-rg-dezzzz', 'A4'],
    ['de-u-rg-uszzzz', 'Letter'],
    ['not a locale', 'A4'],
  ])('returns the paper for %s', (locale, expected) => {
    expect(paperSize(locale)).toBe(expected);
  });
});

describe('the quote and the terms on the SOW', () => {
  const day = (iso: string) =>
    new Intl.DateTimeFormat(cat.company.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  const field = (doc: string, name: string) =>
    new RegExp(`<dd data-field="${name}">([^<]*)</dd>`).exec(doc)?.[1];

  test('state the issue date, the last valid day and the terms version', () => {
    const doc = renderSowDocument(
      { ...draft, quote: { issued: '2027-02-08', valid_until: '2027-02-26' } },
      cat,
    );
    expect(field(doc, 'issued')).toBe(day('2027-02-08'));
    expect(field(doc, 'valid-until')).toBe(day('2027-02-26'));
    expect(field(doc, 'terms')).toBe(
      `Terms version ${catalog.company.terms_version}, effective ${day(catalog.company.effective_date)}`,
    );
  });

  test('an undated quote is issued on the day the SOW is made', () => {
    const doc = renderSowDocument(
      { ...draft, quote: { issued: '', valid_until: '' } },
      cat,
      '2027-04-30',
    );
    expect(field(doc, 'issued')).toBe(day('2027-04-30'));
    expect(field(doc, 'valid-until')).toBe(day('2027-05-30'));
  });

  test('a date that is not a real one is shown as written, for the person to fix', () => {
    const doc = renderSowDocument(
      { ...draft, quote: { issued: '2027-02-30', valid_until: '' } },
      cat,
    );
    expect(field(doc, 'issued')).toBe('2027-02-30');
  });

  test('the blank template has placeholders for the quote dates', () => {
    const doc = renderSowDocument(null, cat);
    expect(doc).toContain('[Issue date]');
    expect(doc).toContain('[Valid until]');
  });

  test('today is the local calendar day, written YYYY-MM-DD', () => {
    expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    expect(localToday(new Date(2028, 1, 29, 0, 0))).toBe('2028-02-29');
  });
});

describe('the SOW in the company’s language', () => {
  const wee = loadCatalog(WEE.terms);
  const weeCat = sowCatalog(wee);
  const language = languageOf(wee.company.locale);
  const words = messagesFor(language);
  const t = translator(language);

  test('headings, labels and placeholders come from the locale file', () => {
    const doc = renderSowDocument(null, weeCat, '2026-10-01', t);
    for (const key of [
      'charter.sow.title',
      'charter.sow.projectInformation',
      'charter.sow.paymentSchedule',
      'charter.sow.signatures',
    ] as const)
      expect(doc).toContain(escapeHtml(words[key]!));
    expect(doc).toContain(
      `<span class="sow-placeholder">[${escapeHtml(words['charter.sow.clientName']!)}]</span>`,
    );
    expect(doc).toContain(
      escapeHtml(words['charter.sow.providerTeam']!.replace('{{company}}', wee.company.name)),
    );
    expect(doc).not.toContain('Statement of Work');
  });

  test('a sentence with markup in it keeps the markup and the language’s word order', () => {
    const ja = renderSowDocument(null, weeCat, '2026-10-01', translator('ja'));
    const placeholder = (key: string) =>
      `<span class="sow-placeholder">[${messagesFor('ja')[key]}]</span>`;
    expect(ja).toContain(
      messagesFor('ja')
        ['charter.sow.subtitle']!.replace('{{client}}', placeholder('charter.sow.clientName'))
        .replace('{{project}}', placeholder('charter.sow.projectName')),
    );
  });

  test('reads naturally in German', () => {
    const doc = renderSowDocument(null, weeCat, '2026-10-01', t);
    expect(doc).toContain('<h3>Leistungsumfang</h3>');
    expect(doc).toMatch(/\[Projektname\]<\/span>\s*für\s*<span/);
  });
});
