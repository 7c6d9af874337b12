import { describe, expect, test } from 'vitest';
import { searchWords } from '../../../../packages/starlight-charter/components/search/words';
import { translator } from '../../../../packages/starlight-charter/lib/i18n';
import de from '../../../../packages/starlight-charter/translations/de.json';
import en from '../../../../packages/starlight-charter/translations/en.json';
import ja from '../../../../packages/starlight-charter/translations/ja.json';

const searchKeys = (words: Record<string, string>) =>
  Object.keys(words).filter((key) => key.startsWith('charter.search.'));

describe('searchWords', () => {
  test('holds exactly the search messages, plural forms included, and no other', () => {
    const words = searchWords('en');
    expect(Object.keys(words).sort()).toEqual(searchKeys(en).sort());
    expect(words['charter.search.count_one']).toBe(en['charter.search.count_one']);
  });

  test.each([
    ['de-DE', de],
    ['ja', ja],
  ])('in %s, the words of its locale file, which a script turns into sentences', (locale, own) => {
    const words = searchWords(locale);
    for (const key of searchKeys(own))
      expect(words[key]).toBe((own as Record<string, string>)[key]);
    const language = locale.slice(0, 2);
    const t = translator(language, words);
    expect(t('charter.search.count', { count: 3 })).toBe(
      (own as Record<string, string>)['charter.search.count_other']!.replace('{{count}}', '3'),
    );
  });

  test('a language Charter has no words for gets English', () => {
    expect(searchWords('fi-FI')).toEqual(searchWords('en'));
  });
});
