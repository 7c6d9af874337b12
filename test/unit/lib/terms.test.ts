import { describe, expect, test } from 'vitest';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  addDays,
  cssString,
  formatDate,
  printHeaderCss,
  termsVersionText,
} from '../../../packages/starlight-charter/lib/terms';
import { SAMPLE, WEE } from '../../support/sites';

describe('formatDate', () => {
  test('writes the day in full as the locale does, whatever the time zone', () => {
    expect(formatDate('2026-10-01', 'en-US')).toBe('October 1, 2026');
    expect(formatDate('2026-10-01', 'en-GB')).toBe('1 October 2026');
    expect(formatDate('2026-09-01', 'de-DE')).toBe('1. September 2026');
    expect(formatDate('2028-02-29', 'en-US')).toBe('February 29, 2028');
  });

  test('rejects what is not a calendar date', () => {
    expect(() => formatDate('2026-02-30', 'en-US')).toThrow(/2026-01-31/);
    expect(() => formatDate('1 October 2026', 'en-US')).toThrow(/"1 October 2026"/);
    expect(() => formatDate('', 'en-US')).toThrow();
  });
});

describe('addDays', () => {
  test('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-10-01', 30)).toBe('2026-10-31');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  test('rejects a bad date or a part of a day', () => {
    expect(() => addDays('2026-13-01', 1)).toThrow(/2026-13-01/);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(/whole number/);
    expect(() => addDays('2026-01-01', Number.NaN)).toThrow(/whole number/);
  });
});

describe('termsVersionText', () => {
  test.each([SAMPLE, WEE])('states the version and the effective date of $terms', ({ terms }) => {
    const { company } = loadCatalog(terms);
    const [year, month, day] = company.effective_date.split('-').map(Number) as number[];
    const effective = new Intl.DateTimeFormat(company.locale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(Date.UTC(year!, month! - 1, day!));
    expect(termsVersionText(company)).toBe(
      `Terms version ${company.terms_version}, effective ${effective}`,
    );
  });
});

describe('cssString', () => {
  test('quotes text so it can never end the string or the rule', () => {
    expect(cssString('ABI Labs')).toBe('"ABI Labs"');
    expect(cssString('Say "hi"')).toBe('"Say \\"hi\\""');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('two\nlines')).toBe('"two\\a lines"');
  });

  test('reads back as the same text in a browser-like parse', () => {
    const hostile = 'Q "A" \\ B\nC}{';
    const css = cssString(hostile);
    // Unescape as CSS does: a backslash and hex digits with one optional space, or any character.
    const read = css
      .slice(1, -1)
      .replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gi, (_, hex: string, c: string) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : c,
      );
    expect(read).toBe(hostile);
  });
});

describe('printHeaderCss', () => {
  const company = {
    name: 'Acme "Ltd"',
    terms_version: '3.1',
    effective_date: '2027-01-01',
    locale: 'en-GB',
  };

  test('sets the company and the terms once, and each document title where its page is', () => {
    const css = printHeaderCss(company, [
      { id: 'sla-exhibit', title: 'Service level exhibit' },
      { id: 'pricing-sheet', title: 'Pricing sheet' },
    ]);
    expect(css).toContain('--charter-print-company: "Acme \\"Ltd\\"";');
    expect(css).toContain('--charter-print-terms: "Terms version 3.1, effective 1 January 2027";');
    expect(css).toContain(
      ':root:has([data-printed-document=\'sla-exhibit\']) {\n  --charter-print-title: "Service level exhibit";',
    );
    expect(css).toContain(
      ':root:has([data-printed-document=\'pricing-sheet\']) {\n  --charter-print-title: "Pricing sheet";',
    );
  });

  test("a page in another language than the company's prints on the company's paper", () => {
    // English words on German paper; US paper when the region says so.
    expect(printHeaderCss({ ...company, locale: 'en-u-rg-dezzzz' }, [])).toContain('size: A4;');
    expect(printHeaderCss({ ...company, locale: 'de-u-rg-uszzzz' }, [])).toContain('size: Letter;');
  });

  test("prints on the paper of the company's region", () => {
    expect(printHeaderCss(company, [])).toContain('@page charter-printed {\n  size: A4;\n}');
    expect(printHeaderCss({ ...company, locale: 'en-US' }, [])).toContain(
      '@page charter-printed {\n  size: Letter;\n}',
    );
  });

  test("another language's words apply to that language's pages only, on the company's paper", () => {
    const german = printHeaderCss(
      company,
      [{ id: 'sla-exhibit', title: 'Leistungsanhang' }],
      translator('de'),
      'de',
    );
    expect(german).not.toContain('@page');
    expect(german).toContain(':root:lang(de) {\n  --charter-print-company: "Acme \\"Ltd\\"";');
    // The date in the pages' language: German writes the day with a point.
    expect(german).toMatch(/--charter-print-terms: "[^"]*3\.1[^"]*1\. Januar 2027";/);
    expect(german).toContain(
      ':root:lang(de):has([data-printed-document=\'sla-exhibit\']) {\n  --charter-print-title: "Leistungsanhang";',
    );
    expect(() => printHeaderCss(company, [], translator('de'), 'de) *, x(')).toThrow(/tag/);
  });

  test('takes only plain ids for the documents', () => {
    expect(() => printHeaderCss(company, [{ id: "x'] , *", title: 'X' }])).toThrow(/lowercase/);
    expect(() => printHeaderCss(company, [{ id: 'Sheet', title: 'X' }])).toThrow(/lowercase/);
  });

  test('stops on a bad effective date', () => {
    expect(() => printHeaderCss({ ...company, effective_date: '2027-02-30' }, [])).toThrow();
  });
});
