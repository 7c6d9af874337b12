/** The KB search help from data/kb.yaml, as JSON for a `data-search-help` attribute. */
import { getCatalog } from '~/data/index';
import { searchHelpFrom } from '~/lib/search-query';

export function searchHelpJson(): string {
  return JSON.stringify(searchHelpFrom(getCatalog().kb.search));
}
