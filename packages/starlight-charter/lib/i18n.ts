import { charterTranslations, type CharterKey, type Messages } from '../translations/index.ts';

/**
 * Charter's words outside Astro components: in lib functions that write text, browser scripts
 * and the `charter` command. Components use Starlight's `Astro.locals.t`, which reads the same
 * locale files (translations/); both pick plural forms and replace `{{name}}` the same way.
 */

export type { CharterKey, Messages };
export type Values = Record<string, string | number>;
/** Looks up one of Charter's texts in a language: `t('charter.x', { count: 2 })`. */
export type Translate = (key: CharterKey, values?: Values) => string;

/** The language of a BCP 47 locale that Charter has words for ("de-DE" → "de"); else English. */
export function languageOf(locale: string): string {
  const wanted = new Intl.Locale(locale);
  for (const tag of [wanted.baseName, `${wanted.language}-${wanted.region ?? ''}`, wanted.language])
    if (tag in charterTranslations) return tag;
  return 'en';
}

/**
 * The texts of one language, English where it has none: what a browser script receives from
 * the page it runs on, or what `translator` reads.
 */
export function messagesFor(language: string): Messages {
  return { ...charterTranslations.en, ...charterTranslations[language] };
}

/**
 * The keys English has and a language lacks, for the build's warning. A plural form the
 * language does not have (Japanese has no "one") is not missing.
 */
export function missingMessages(language: string): string[] {
  const own = charterTranslations[language] ?? {};
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  const needed = (key: string) => {
    const form = /_(zero|one|two|few|many|other)$/.exec(key)?.[1];
    return form === undefined || forms.includes(form);
  };
  return Object.keys(charterTranslations.en!).filter((key) => needed(key) && !(key in own));
}

/** A `Translate` over the given messages, plural forms by the language's rules. */
export function translator(
  language: string,
  messages: Messages = messagesFor(language),
): Translate {
  const plurals = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const count = values.count;
    const form =
      typeof count === 'number'
        ? (messages[`${key}_${plurals.select(count)}`] ?? messages[`${key}_other`])
        : undefined;
    const text = form ?? messages[key];
    if (text === undefined) throw new Error(`Charter has no text "${key}"`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}

/** English, for code that has no page or site language to go by. */
export const english: Translate = translator('en');
