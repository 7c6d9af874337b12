import { describe, expect, test } from 'vitest';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import { parseNumberInput } from '../../../packages/starlight-charter/lib/number-input';
import {
  checks,
  ignoredNote,
  readUrlState,
  writeUrlState,
} from '../../../packages/starlight-charter/lib/url-state';

const fields = {
  tier: checks.oneOf(['a', 'b']),
  uptime: checks.parses((v) => parseNumberInput(v, { min: 0, max: 100 })),
};

describe('readUrlState', () => {
  test('reads accepted values', () => {
    expect(readUrlState('?tier=a&uptime=99.2', fields)).toEqual({
      values: { tier: 'a', uptime: '99.2' },
      ignored: [],
    });
  });
  test.each([
    ['?tier=zzz', 'tier'],
    ['?uptime=1e309', 'uptime'],
    ['?uptime=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'uptime'],
    ['?uptime=' + '9'.repeat(100), 'uptime'],
    ['?tier=__proto__', 'tier'],
  ])('ignores the invalid value in %s', (search, name) => {
    const state = readUrlState(search, fields);
    expect(state.values).toEqual({});
    expect(state.ignored).toEqual([name]);
  });
  test('skips unknown parameters silently', () => {
    expect(readUrlState('utm_source=x&constructor=1', fields)).toEqual({ values: {}, ignored: [] });
  });
  test('keeps the first of repeated parameters', () => {
    expect(readUrlState('tier=a&tier=b', fields).values).toEqual({ tier: 'a' });
  });
});

describe('writeUrlState', () => {
  test('writes values in order and skips empty ones', () => {
    expect(writeUrlState({ tier: 'enterprise', uptime: '99.2', fee: '', x: undefined })).toBe(
      '?tier=enterprise&uptime=99.2',
    );
  });
  test('returns an empty string for no values', () => expect(writeUrlState({})).toBe(''));
  test('escapes what it writes so it reads back the same', () => {
    const query = writeUrlState({ tier: 'a&b=c' });
    expect(new URLSearchParams(query).get('tier')).toBe('a&b=c');
  });
});

describe('ignoredNote', () => {
  test('names each ignored parameter', () => {
    expect(ignoredNote(['tier', 'fee'])).toBe(
      'The link’s value for “tier”, “fee” was not valid and has been ignored; the default is shown instead.',
    );
  });
  test('says nothing when nothing was ignored', () => expect(ignoredNote([])).toBeNull());
});

describe('ignoredNote in the site’s language', () => {
  test.each(['de', 'ja'])('%s: quotes and sentence from the locale file', (language) => {
    const m = messagesFor(language);
    const quoted = (name: string) => m['charter.calc.quotedName']!.replace('{{name}}', name);
    expect(ignoredNote(['tier', 'fee'], translator(language))).toBe(
      m['charter.calc.ignoredLink']!.replace(
        '{{names}}',
        quoted('tier') + m['charter.calc.nameSeparator'] + quoted('fee'),
      ),
    );
  });
  test('reads naturally in Japanese', () => {
    expect(ignoredNote(['tier', 'fee'], translator('ja'))).toContain('「tier」、「fee」');
  });
});
