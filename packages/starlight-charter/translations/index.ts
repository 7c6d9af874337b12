import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

/**
 * Every word Charter writes, one file per language, keys grouped by component
 * (`charter.<component>.<what>`). English is complete and the fallback; plural forms are keys
 * ending in `_one`, `_other` (and `_few`, `_many`… where a language has them), chosen by
 * `Intl.PluralRules` from a `count`; `{{name}}` is replaced by a value. Starlight serves them
 * to components as `Astro.locals.t`; lib/i18n.ts serves them to browser scripts and the CLI.
 */
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A key as components and lib code ask for it: a plural key without its form. */
export type CharterKey = keyof typeof en extends infer K
  ? K extends `${infer Base}_${PluralForm}`
    ? Base
    : K
  : never;
export type Messages = Record<string, string>;

export const charterTranslations: Record<string, Messages> = { en, de, ja };

/** The languages Charter's words come in. */
export const CHARTER_LANGUAGES = Object.keys(charterTranslations);
