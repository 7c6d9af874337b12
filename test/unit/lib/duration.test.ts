import { describe, expect, test } from 'vitest';
import {
  formatBusinessDuration,
  formatDuration,
  formatDurationShort,
  parseDuration,
} from '../../../packages/starlight-charter/lib/duration';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import de from '../../../packages/starlight-charter/translations/de.json' with { type: 'json' };
import ja from '../../../packages/starlight-charter/translations/ja.json' with { type: 'json' };

/** A locale file's text with `{{count}}` replaced by the number as Intl writes it there. */
function counted(text: string, count: number, locale: string): string {
  return text.replace('{{count}}', new Intl.NumberFormat(locale).format(count));
}

describe('parseDuration', () => {
  test.each([
    ['30m', 30],
    ['4h', 240],
    ['1.5h', 90],
    ['2d', 2 * 24 * 60],
    ['1w', 7 * 24 * 60],
    [' 8h ', 480],
  ])('returns minutes for %s', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  test.each(['4 hours', '', 'h', '0h', '-1h', '1.01m', '4x', '1e3h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [30, '30 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [2880, '48 hours'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  test('speaks German and Japanese from the locale files', () => {
    const inGerman = translator('de');
    const inJapanese = translator('ja');
    expect(formatDuration(30, inGerman)).toBe(
      counted(de['charter.duration.minutes_other'], 30, 'de-DE'),
    );
    expect(formatDuration(1, inGerman)).toBe(
      counted(de['charter.duration.minutes_one'], 1, 'de-DE'),
    );
    expect(formatDuration(60, inGerman)).toBe(
      counted(de['charter.duration.hours_one'], 1, 'de-DE'),
    );
    expect(formatDuration(90, inGerman)).toBe(
      `${counted(de['charter.duration.hours_one'], 1, 'de-DE')} ${counted(de['charter.duration.minutes_other'], 30, 'de-DE')}`,
    );
    expect(formatDuration(30, inJapanese)).toBe(
      counted(ja['charter.duration.minutes_other'], 30, 'ja-JP'),
    );
    // Japanese writes the parts without a space: 1時間30分.
    expect(formatDuration(90, inJapanese)).toBe(
      counted(ja['charter.duration.hours_other'], 1, 'ja-JP') +
        counted(ja['charter.duration.minutes_other'], 30, 'ja-JP'),
    );
  });

  test('reads naturally: 30 Minuten, 30分', () => {
    expect(formatDuration(30, translator('de'))).toBe('30 Minuten');
    expect(formatDuration(30, translator('ja'))).toBe('30分');
  });

  test('rejects negative and non-finite input', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatBusinessDuration', () => {
  test.each([
    [240, '4 business hours'],
    [60, '1 business hour'],
    [270, '4 business hours 30 minutes'],
    [30, '30 business minutes'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatBusinessDuration(minutes)).toBe(text);
  });

  test('reads naturally in German and Japanese: 4 Geschäftsstunden, 4営業時間', () => {
    expect(formatBusinessDuration(240, translator('de'))).toBe('4 Geschäftsstunden');
    expect(formatBusinessDuration(240, translator('ja'))).toBe('4営業時間');
  });

  test.each([
    ['de', de, 'de-DE'],
    ['ja', ja, 'ja-JP'],
  ] as const)('takes its %s words from the locale file', (language, words, locale) => {
    const t = translator(language);
    const many = words['charter.duration.businessHours_other'];
    expect(formatBusinessDuration(8 * 60, t)).toBe(counted(many, 8, locale));
    expect(formatBusinessDuration(45, t)).toBe(
      counted(words['charter.duration.businessMinutes_other'], 45, locale),
    );
  });

  test('rejects negative input', () => {
    expect(() => formatBusinessDuration(-5)).toThrow(RangeError);
  });
});

describe('formatDurationShort', () => {
  test.each([
    [30, '30m'],
    [120, '2h'],
    [90, '1h 30m'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatDurationShort(minutes)).toBe(text);
  });
  test('rejects negative input', () => expect(() => formatDurationShort(-5)).toThrow(RangeError));
});

describe('edges', () => {
  test('reads a duration with two decimals: 1.25h is 75 minutes', () =>
    expect(parseDuration('1.25h')).toBe(75));
  test('a zero duration is "0m" in a table cell', () => expect(formatDurationShort(0)).toBe('0m'));
  test('names the value it refuses', () => {
    expect(() => formatDuration(-1)).toThrow('not a duration: -1');
    expect(() => formatDurationShort(-5)).toThrow('not a duration: -5');
    expect(() => formatDurationShort(Infinity)).toThrow('not a duration: Infinity');
  });
});
