import { isCalendarDate } from '../schemas/engagement.ts';
import { english, type Translate } from './i18n.ts';

/**
 * The version and effective date of the published terms, as commercial pages, printouts, SOWs
 * and the JSON API state them (company.yaml `terms_version`, `effective_date`).
 */

/** What a statement of the terms version needs from company.yaml. */
export interface TermsStamp {
  terms_version: string;
  effective_date: string;
  locale: string;
}

/** A YYYY-MM-DD date as the company's locale writes it in full: "October 1, 2026". */
export function formatDate(iso: string, locale: string): string {
  if (!isCalendarDate(iso)) throw new Error(`expected a date like 2026-01-31, got "${iso}"`);
  // UTC both ways, so the day never shifts with the reader's time zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** The calendar date `days` days after a YYYY-MM-DD date (before it, for a negative count). */
export function addDays(iso: string, days: number): string {
  if (!isCalendarDate(iso)) throw new Error(`expected a date like 2026-01-31, got "${iso}"`);
  if (!Number.isInteger(days)) throw new Error(`expected a whole number of days, got ${days}`);
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "Terms version 2.0" */
export function termsVersionLabel(
  stamp: Pick<TermsStamp, 'terms_version'>,
  t: Translate = english,
): string {
  return t('charter.terms.version', { version: stamp.terms_version });
}

/** "effective October 1, 2026" */
export function effectiveLabel(
  stamp: Omit<TermsStamp, 'terms_version'>,
  t: Translate = english,
): string {
  return t('charter.termsLog.effective', { date: formatDate(stamp.effective_date, stamp.locale) });
}

/** "Terms version 2.0, effective October 1, 2026": the line every commercial page carries. */
export function termsVersionText(stamp: TermsStamp, t: Translate = english): string {
  return t('charter.terms.versionEffective', {
    version: stamp.terms_version,
    date: formatDate(stamp.effective_date, stamp.locale),
  });
}

/**
 * Text as a quoted CSS string, for `content:` in a stylesheet built from the data: quotes and
 * backslashes escaped, line breaks and other control characters as hex escapes, so a company
 * name can never end the string or the rule.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"]|[\u0000-\u001f\u007f]/g, (c) =>
    c === '\\' || c === '"' ? `\\${c}` : `\\${c.charCodeAt(0).toString(16)} `,
  );
  return `"${escaped}"`;
}

/**
 * Letter for the regions that use it, A4 elsewhere, from the company locale ("en-US" → Letter);
 * a region named by the `rg` extension ("en-u-rg-dezzzz", English on German paper) first.
 */
export function paperSize(locale: string): 'Letter' | 'A4' {
  let region: string | undefined = /-u(?:-[a-z0-9]+)*?-rg-([a-z]{2})zzzz/i
    .exec(locale)?.[1]
    ?.toUpperCase();
  try {
    region ??= new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region !== undefined && ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT'].includes(region)
    ? 'Letter'
    : 'A4';
}

/** A printable document of the site: the id its page carries and the title in its header. */
export interface PrintedDocument {
  id: string;
  title: string;
}

/**
 * The texts of the running header and footer of the printed documents, as custom properties on
 * the root element, which is what the page margin boxes inherit from (styles/charter.css draws
 * the boxes): the company and terms on every printout, the title for the document the page holds;
 * and the sheets' size, the paper of the company's region.
 */
export function printHeaderCss(
  company: TermsStamp & { name: string },
  documents: readonly PrintedDocument[],
  t: Translate = english,
  /**
   * For a site in several languages, the language (a tag, as the pages' `lang`) whose pages
   * these words are for: its rules apply to those pages only, and the paper stays the company's.
   */
  lang?: string,
): string {
  // "Page 2 of 5": the words around the two counters the footer draws.
  const [page = '', of = ''] = t('charter.termsLog.pageOf', {
    page: '\u0000',
    pages: '\u0000',
  }).split('\u0000');
  if (lang !== undefined && !/^[a-z]{2,3}(?:-[a-z0-9]+)*$/i.test(lang))
    throw new Error(`a page language is a tag like "en" or "de-CH", got "${lang}"`);
  const root = lang ? `:root:lang(${lang})` : ':root';
  const stamp = lang ? { ...company, locale: lang } : company;
  const rules = [
    ...(lang ? [] : [`@page charter-printed {\n  size: ${paperSize(company.locale)};\n}`]),
    `${root} {\n  --charter-print-company: ${cssString(company.name)};\n  --charter-print-terms: ${cssString(termsVersionText(stamp, t))};\n  --charter-print-page: ${cssString(page)};\n  --charter-print-of: ${cssString(of)};\n}`,
    ...documents.map((d) => {
      if (!/^[a-z][a-z0-9-]*$/.test(d.id))
        throw new Error(`a printed document's id is lowercase words joined by "-", got "${d.id}"`);
      return `${root}:has([data-printed-document='${d.id}']) {\n  --charter-print-title: ${cssString(d.title)};\n}`;
    }),
  ];
  return `${rules.join('\n')}\n`;
}
