import * as z from 'zod/mini';
import { parseDuration } from './duration.ts';
import { TextSchema } from './text.ts';
import {
  ACTION_LINK_EXPECTED,
  actionLinkProblem,
  expectedLink,
  linkProblem,
  siteUrlProblem,
  type LinkRules,
} from './url.ts';

/*
 * Written with zod/mini, which composes with the other schemas' full zod API like any schema:
 * the SOW generator checks engagements in the browser with these, and its page then loads only
 * the parts of zod they use (the full API comes whole).
 */

/** A stable kebab-case identifier, e.g. `enterprise` or `sev-1`. */
export const IdSchema = z.string({ error: 'expected an id (kebab-case text)' }).check(
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a kebab-case id like "enterprise" or "sev1"',
  }),
);

export { Translations, TextSchema, PlainTextSchema, type Localized } from './text.ts';

/**
 * A duration written as `30m`, `4h` or `2d` (a day is 24 hours of its clock).
 * Parsed to whole minutes.
 */
export const DurationSchema = z.pipe(
  z.string({ error: 'expected a duration like "4h"' }),
  z.transform((value: string, ctx) => {
    const minutes = parseDuration(value);
    if (minutes === null) {
      ctx.issues.push({
        code: 'custom',
        message: `expected a duration like "4h", got "${value}"`,
        input: value,
      });
      return z.NEVER;
    }
    return minutes;
  }),
);

/** Which clock a duration runs on: business hours only, or around the clock. */
export const ClockSchema = z.enum(['business', 'calendar'], {
  error: 'expected "business" or "calendar" (24x7)',
});

/** A percentage as a number between 0 and 100, e.g. `99.95`. */
export const PercentSchema = z
  .number({ error: 'expected a percentage as a number, e.g. 99.9' })
  .check(
    z.minimum(0, { error: 'a percentage must be at least 0' }),
    z.maximum(100, { error: 'a percentage must be at most 100' }),
  );

/**
 * An amount of money in the company currency, as a decimal (`3499`, `0.015`).
 * Parsed to integer micro-units (millionths of the major unit) so sums never drift.
 */
export const MoneySchema = z.pipe(
  z.number({ error: 'expected an amount of money as a number, e.g. 3499 or 0.015' }).check(
    z.minimum(0, { error: 'an amount of money must not be negative' }),
    z.maximum(1e9, { error: 'an amount of money must be below 1,000,000,000' }),
    z.refine(
      (n) =>
        Number.isInteger(Math.round(n * 1e6)) && Math.abs(n * 1e6 - Math.round(n * 1e6)) < 1e-3,
      { error: 'an amount of money may have at most 6 decimal places' },
    ),
  ),
  z.transform((n: number) => Math.round(n * 1e6)),
);

/** A whole count of something (calls, contacts), zero or more. */
export const CountSchema = z
  .int({ error: 'expected a whole number' })
  .check(z.minimum(0, { error: 'must not be negative' }));

/** An ISO calendar date written as YYYY-MM-DD (2026-02-30 is refused). */
export const DateSchema = z
  .string({ error: 'expected a date like 2026-01-31' })
  .check(
    z.refine(
      (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      { error: 'expected a real date like 2026-01-31' },
    ),
  );

/** A list of human-readable items. */
export const TextListSchema = z
  .array(TextSchema, { error: 'expected a list of items' })
  .check(z.minLength(1, { error: 'must list at least one item' }));

/*
 * Links. A value that starts with a scheme (`name:`) is a URL and must be one of these; anything
 * else (`javascript:`, `data:`, `file:`, `//host`, `docs/page`, credentials, spaces) is refused
 * with what the field expects. `http:` passes here and is warned about by the commercial lint
 * (rule `http-url`), for a company that has no https address to give.
 */

/** A string checked as a link by `problem`, described for editors by `description`. */
function checkedLink(
  problem: (value: string) => string | null,
  error: string,
  description: string,
  format?: string,
) {
  return z.string({ error }).check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty', abort: true }),
    (ctx) => {
      const message = problem(ctx.value);
      // `continue`: in a union with words by language, this message is the one reported.
      if (message !== null)
        ctx.issues.push({ code: 'custom', message, input: ctx.value, continue: true });
    },
    z.meta(format ? { description, format } : { description }),
  );
}

/**
 * A link field that accepts what `rules` allow; `expected` says so in a field's own words
 * (its default lists what `rules` allow).
 */
export function LinkSchema(
  rules: LinkRules,
  options: { description: string; expected?: string; format?: 'uri' | 'uri-reference' },
) {
  const expected = options.expected ?? expectedLink(rules);
  return checkedLink(
    (value) => linkProblem(value, rules, expected),
    expected,
    options.description,
    options.format,
  );
}

/** A web link: an `https://` URL (`http://` with a lint warning) or a path on this site (`/kb/`). */
export const WebUrlSchema = LinkSchema(
  {},
  { description: 'An https:// URL or a site path starting with "/"', format: 'uri-reference' },
);

/** A way to reach someone: a web link, a `mailto:` address or a `tel:` number. */
export const ContactUrlSchema = LinkSchema(
  { contact: ['mailto', 'tel'] },
  {
    description:
      'An https:// URL, a site path starting with "/", a mailto: address or a tel: number',
    format: 'uri-reference',
  },
);

/** Where a field may be words or a web link: words must not start with a scheme (`name:`). */
export const TextOrWebUrlSchema = LinkSchema(
  { text: true },
  {
    description:
      'Words, or an https:// URL or site path; a value starting with "word:" is read as a URL',
  },
);

/** A contact in words ("Support lead"), or a contact link (web, `mailto:` or `tel:`). */
export const TextOrContactUrlSchema = LinkSchema(
  { text: true, contact: ['mailto', 'tel'] },
  {
    description:
      'Words, or an https:// URL, site path, mailto: address or tel: number; a value starting with "word:" is read as a URL',
  },
);

/** Where a call to action leads: an `https://` page (sign-up, trial) or a `mailto:` address. */
export const ActionUrlSchema = checkedLink(
  actionLinkProblem,
  ACTION_LINK_EXPECTED,
  'An https:// URL or a mailto: address',
  'uri',
);

/**
 * The absolute `https://` (or `http://`) address a site is published at. Its path is the
 * site's base path, so it carries no query string or fragment.
 */
export const SiteUrlSchema = checkedLink(
  siteUrlProblem,
  'expected the absolute address the site is published at, like https://support.example.com',
  'The https:// address the site is published at; its path is the base path',
  'uri',
);

export type Id = z.output<typeof IdSchema>;
export type Clock = z.output<typeof ClockSchema>;

/**
 * Lint rules a data entry may opt out of, each with a reason people can read:
 * `slower-response`, `lower-availability`, `fewer-channels` (a tier's SLA entry, against the
 * tier below it), `fewer-units` (a plan that includes less of a meter than the plan below it),
 * `higher-overage` (a plan that charges more per unit above its included amount than the plan
 * below it) and `fewer-features` (a feature, for any pair of tiers).
 */
export const LINT_RULES = [
  'slower-response',
  'lower-availability',
  'fewer-units',
  'higher-overage',
  'fewer-channels',
  'fewer-features',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** `lint_exceptions: [{ rule: slower-response, reason: "…" }]` — an intended exception to a lint rule. */
export const LintExceptionsSchema = z.optional(
  z.array(
    z.strictObject({
      rule: z.enum(LINT_RULES, { error: `expected one of: ${LINT_RULES.join(', ')}` }),
      reason: TextSchema,
    }),
  ),
);
