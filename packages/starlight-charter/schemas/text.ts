import * as z from 'zod/mini';

/**
 * A text a company wrote in several languages: `{ de: Team, en: Team }`, by BCP 47 language
 * tag. A class of its own, so a translated text is never mistaken for a record keyed by ids;
 * the loader turns each into the text of one language (data/text-maps.ts), and every page
 * reads plain strings.
 */
export class Translations {
  readonly byLanguage: Readonly<Record<string, string>>;

  // Not a parameter property: Node loads this file with its types stripped, which has none.
  constructor(byLanguage: Readonly<Record<string, string>>) {
    this.byLanguage = byLanguage;
  }

  /** The languages it is written in, as written. */
  get languages(): string[] {
    return Object.keys(this.byLanguage);
  }
}

/** `T` with every translated text resolved to one string: what the Catalog holds. */
export type Localized<T> = T extends Translations
  ? string
  : T extends string | number | boolean | null | undefined
    ? T
    : { [K in keyof T]: Localized<T[K]> };

/** The canonical spelling of a BCP 47 tag ("en-GB"), or null when it is not one. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** Non-empty human text in one language. */
export const PlainTextSchema = z
  .string({ error: 'expected text' })
  .check(z.trim(), z.minLength(1, { error: 'must not be empty' }));

/*
 * A map's keys and values are checked here rather than by a record's key and value schemas: a
 * record stops at the first bad key or value, and the union then says only "expected text",
 * where people need the key that is wrong.
 */
const TextMapSchema = z
  .record(z.string(), z.unknown())
  .check((ctx) => {
    // `continue`: the union then reports these, not only that neither form fits.
    const problem = (message: string, input: unknown, tag?: string) =>
      ctx.issues.push({
        code: 'custom',
        message,
        input,
        continue: true,
        ...(tag === undefined ? {} : { path: [tag] }),
      });
    const entries = Object.entries(ctx.value);
    if (entries.length === 0)
      problem(
        'give the text in at least one language, e.g. { en: "…" }, or write it as text',
        ctx.value,
      );
    for (const [tag, text] of entries) {
      const canonical = canonicalTag(tag);
      if (canonical === null)
        problem(`"${tag}" is not a language tag; expected one like "de" or "en-GB"`, tag, tag);
      else if (canonical !== tag)
        problem(`write the language tag "${tag}" as "${canonical}"`, tag, tag);
      if (typeof text !== 'string') problem('expected text', text, tag);
      else if (text.trim() === '') problem('must not be empty', text, tag);
    }
  })
  .check(
    // What editors check through the exported JSON Schema (the checks above say it at a line).
    z.meta({
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
      additionalProperties: { type: 'string', minLength: 1 },
    }),
  );

/** A checked text as the Catalog keeps it: a string, or a map's texts, trimmed, as Translations. */
function asText(value: string | Record<string, unknown>): string | Translations {
  return typeof value === 'string'
    ? value
    : new Translations(
        Object.fromEntries(Object.entries(value).map(([tag, text]) => [tag, String(text).trim()])),
      );
}

/**
 * Human text: a string in the company's language, or the same text in several languages,
 * `{ de: "…", en: "…" }` (a Translations). Not for ids, links, dates or anything looked up.
 */
export const TextSchema = z.pipe(
  z
    .union([PlainTextSchema, TextMapSchema], {
      error: 'expected text, or the text by language: { de: "…", en: "…" }',
    })
    .check(
      z.meta({
        id: 'text',
        description: 'Text, or the same text by language tag: { de: "…", en: "…" }',
      }),
    ),
  z.transform(asText),
);

/**
 * `schema` (a link, or words), or words by language, `{ de: "…", en: "…" }`: for a field whose
 * string may be a link (a channel's address, an escalation contact), so only words are translated.
 */
export function orTextByLanguage(schema: z.ZodMiniType<string, string>, error: string) {
  return z.pipe(z.union([schema, TextMapSchema], { error }), z.transform(asText));
}
