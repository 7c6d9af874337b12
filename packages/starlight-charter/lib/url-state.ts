import { english, type Translate } from './i18n.ts';

/**
 * Calculator state in the query string, so a link reproduces a result. Each field says which
 * values it accepts; anything else (malformed, out of range, hostile) is dropped and reported
 * by parameter name so the page can say what it ignored. Values are never parsed as markup.
 */

/** Accepts a raw query value or rejects it; the reason is shown to the reader. */
export type FieldCheck = (value: string) => boolean;

export interface UrlState {
  /** Accepted values by field name. */
  values: Record<string, string>;
  /** Names of parameters whose values were ignored, in the order they appeared. */
  ignored: string[];
}

/** Longest value a parameter may carry; longer values are ignored outright. */
export const MAX_VALUE_LENGTH = 64;

/** Reads the known fields from a query string (`?a=1&b=2` or `a=1&b=2`); unknown names are skipped. */
export function readUrlState(search: string, fields: Record<string, FieldCheck>): UrlState {
  const params = new URLSearchParams(search);
  const values: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [name, value] of params) {
    if (!Object.hasOwn(fields, name)) continue;
    const accepted = value.length <= MAX_VALUE_LENGTH && fields[name]!(value);
    if (accepted && !Object.hasOwn(values, name)) values[name] = value;
    else if (!ignored.includes(name)) ignored.push(name);
  }
  return { values, ignored };
}

/** A query string (with the leading `?`, or empty) for the given values, skipping empty ones. */
export function writeUrlState(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The sentence a page shows for ignored parameters, or null when nothing was ignored. */
export function ignoredNote(ignored: string[], t: Translate = english): string | null {
  if (ignored.length === 0) return null;
  const names = ignored
    .map((name) => t('charter.calc.quotedName', { name }))
    .join(t('charter.calc.nameSeparator'));
  return t('charter.calc.ignoredLink', { names });
}

/** Field checks shared by calculators. */
export const checks = {
  /** One of a fixed list of ids. */
  oneOf:
    (choices: readonly string[]): FieldCheck =>
    (value) =>
      choices.includes(value),
  /** A value the calculator's own parser accepts. */
  parses:
    (parse: (value: string) => { ok: boolean }): FieldCheck =>
    (value) =>
      parse(value).ok,
};
