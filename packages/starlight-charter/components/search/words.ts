import { languageOf, messagesFor, type Messages } from '../../lib/i18n.ts';

/**
 * The search messages (`charter.search.*`, plural forms included) in a page's language, for
 * the search scripts: the component puts them on its root element, the script reads them with
 * `translator(document.documentElement.lang, words)`.
 */
export function searchWords(language: string): Messages {
  return Object.fromEntries(
    Object.entries(messagesFor(languageOf(language))).filter(([key]) =>
      key.startsWith('charter.search.'),
    ),
  );
}

/** The search messages a script received on `element` (`data-charter-words`); none if absent. */
export function wordsOn(element: HTMLElement): Messages {
  return JSON.parse(element.dataset.charterWords ?? '{}') as Messages;
}
