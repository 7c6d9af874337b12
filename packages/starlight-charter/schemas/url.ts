/**
 * Which links the data may hold. Links are checked with the WHATWG URL parser (the one browsers
 * use to follow them); the only pattern of our own is the scheme test below.
 */

/** A scheme at the start of a value (`https:`, `javascript:`): the value is then a URL. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Schemes a link may use where the field is a contact; web links are always allowed. */
export type ContactScheme = 'mailto' | 'tel';

export interface LinkRules {
  /** `mailto:` and/or `tel:` are allowed (contact fields only). */
  contact?: readonly ContactScheme[];
  /** Words are allowed too, as long as they do not start with a scheme. */
  text?: boolean;
}

/** A host no site uses, to resolve site paths against. */
const PROBE = 'https://site.invalid';

/** The URL's scheme in lower case (`https`), or null when the value does not start with one. */
export function schemeOf(value: string): string | null {
  return SCHEME.exec(value)?.[1]?.toLowerCase() ?? null;
}

/** True for an absolute `http:` URL, which is allowed but sent unencrypted. */
export function isHttpUrl(value: string): boolean {
  return schemeOf(value) === 'http' && linkProblem(value) === null;
}

/** What a field accepts, in words, for the end of every message. */
export function expectedLink(rules: LinkRules = {}): string {
  const kinds = ['an https:// URL', 'a site path starting with "/"'];
  for (const scheme of rules.contact ?? [])
    kinds.push(scheme === 'mailto' ? 'a mailto: address' : 'a tel: number');
  if (rules.text) kinds.push('a description that does not start with "word:"');
  return `expected ${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

/**
 * Why `value` is not a link the field accepts, or null when it is: an `https:`/`http:` URL
 * with a host and no credentials, a path on this site (`/…`), a `mailto:`/`tel:` link where
 * `rules.contact` allows it, or (with `rules.text`) words that do not start with a scheme.
 */
export function linkProblem(
  value: string,
  rules: LinkRules = {},
  expected = expectedLink(rules),
): string | null {
  const scheme = schemeOf(value);
  if (scheme === null && !value.startsWith('/')) {
    return rules.text ? null : `"${value}" is a relative address; ${expected}`;
  }
  const contacts: readonly string[] = rules.contact ?? [];
  if (scheme !== null && scheme !== 'https' && scheme !== 'http' && !contacts.includes(scheme)) {
    const contact =
      scheme === 'mailto' || scheme === 'tel' ? ' here (only a contact may use it)' : '';
    return `${scheme}: links are not allowed${contact}; ${expected}`;
  }
  // Browsers drop or reinterpret these while parsing, so what is linked is not what is written.
  if (/[\s\u0000-\u001f\u007f]/.test(value))
    return `a URL must not contain spaces or line breaks; ${expected}`;
  if (value.includes('\\')) return `a URL must not contain "\\"; ${expected}`;
  if (scheme === null) return sitePathProblem(value, expected);
  if (scheme === 'https' || scheme === 'http') return webUrlProblem(value, scheme, expected);
  return value.length > scheme.length + 1
    ? null
    : `a ${scheme}: link needs an address after "${scheme}:"; ${expected}`;
}

function sitePathProblem(value: string, expected: string): string | null {
  if (value.startsWith('//')) return `"${value}" is a protocol-relative URL; ${expected}`;
  let url: URL;
  try {
    url = new URL(value, PROBE);
  } catch {
    return `"${value}" is not a valid path; ${expected}`;
  }
  return url.origin === PROBE ? null : `"${value}" leaves the site; ${expected}`;
}

function webUrlProblem(value: string, scheme: string, expected: string): string | null {
  // `https:host` parses, but only `https://host` reads as what it is.
  if (!value.slice(scheme.length + 1).startsWith('//'))
    return `"${value}" lacks the "//" before its host; ${expected}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a valid URL; ${expected}`;
  }
  if (url.username !== '' || url.password !== '')
    return `a URL must not carry a user name or password; ${expected}`;
  return null;
}

/** What a call to action may lead to, for the end of every message. */
export const ACTION_LINK_EXPECTED = 'expected an https:// URL or a mailto: address';

/**
 * Why `value` cannot be where a call to action leads, or null: an absolute `https:` URL or a
 * `mailto:` address. A sign-up or trial page is sent only encrypted, and a button on a card
 * never leads to a path that moves with the site's base.
 */
export function actionLinkProblem(value: string): string | null {
  const expected = ACTION_LINK_EXPECTED;
  const scheme = schemeOf(value);
  if (scheme === null)
    return value.startsWith('//')
      ? `"${value}" is a protocol-relative URL; ${expected}`
      : `"${value}" is not absolute; ${expected}`;
  if (scheme === 'http') return `http: is sent unencrypted; ${expected}`;
  if (scheme !== 'https' && scheme !== 'mailto')
    return `${scheme}: links are not allowed here; ${expected}`;
  return linkProblem(value, { contact: ['mailto'] }, expected);
}

/**
 * Why `value` cannot be the address a site is published at, or null: an absolute `https:`
 * (or `http:`) URL whose path is the site's base path, so no query string, fragment or
 * credentials.
 */
export function siteUrlProblem(value: string): string | null {
  const expected =
    'expected the absolute address the site is published at, like https://support.example.com';
  const scheme = schemeOf(value);
  if (scheme !== 'https' && scheme !== 'http') {
    if (scheme !== null) return `${scheme}: is not a web address; ${expected}`;
    return value.startsWith('//')
      ? `"${value}" is a protocol-relative URL; ${expected}`
      : `"${value}" is not absolute; ${expected}`;
  }
  const problem = linkProblem(value, {}, expected);
  if (problem !== null) return problem;
  const url = new URL(value);
  if (url.search !== '' || value.includes('?'))
    return `the site address must not have a query string ("?…"); ${expected}`;
  if (url.hash !== '' || value.includes('#'))
    return `the site address must not have a fragment ("#…"); ${expected}`;
  return null;
}
