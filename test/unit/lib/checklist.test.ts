import { describe, expect, test } from 'vitest';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import de from '../../../packages/starlight-charter/translations/de.json';
import ja from '../../../packages/starlight-charter/translations/ja.json';
import {
  describeProgress,
  readTicks,
  writeTicks,
} from '../../../packages/starlight-charter/lib/checklist';

const ids = ['inbox', 'status-page', 'runbooks'];

describe('readTicks', () => {
  test.each([
    { raw: null, expected: [] },
    { raw: '', expected: [] },
    { raw: 'not json', expected: [] },
    { raw: '{"inbox":true}', expected: [] },
    { raw: '["inbox","runbooks"]', expected: ['inbox', 'runbooks'] },
    { raw: '["inbox","gone",3]', expected: ['inbox'] },
  ])('reads $raw as $expected', ({ raw, expected }) => {
    expect([...readTicks(raw, ids)]).toEqual(expected);
  });
});

describe('writeTicks', () => {
  test('writes ticked ids in checklist order', () => {
    expect(writeTicks(new Set(['runbooks', 'inbox']), ids)).toBe('["inbox","runbooks"]');
  });

  test('round-trips through readTicks', () => {
    const ticks = new Set(['status-page']);
    expect(readTicks(writeTicks(ticks, ids), ids)).toEqual(ticks);
  });
});

describe('describeProgress', () => {
  test.each([
    { done: 0, total: 17, expected: '0 of 17 tasks done' },
    { done: 1, total: 1, expected: '1 of 1 task done' },
  ])('says "$expected"', ({ done, total, expected }) => {
    expect(describeProgress(done, total)).toBe(expected);
  });

  test.each([
    ['de', de],
    ['ja', ja],
  ])('in %s, says it with the words and plural forms of its locale file', (language, words) => {
    const t = translator(language);
    const own = words as Record<string, string>;
    const form = (count: number) =>
      own[`charter.playbook.progress_${new Intl.PluralRules(language).select(count)}`] ??
      own['charter.playbook.progress_other']!;
    for (const [done, total] of [
      [0, 17],
      [1, 1],
    ] as const) {
      const said = describeProgress(done, total, t);
      expect(said).toBe(
        form(total).replace('{{done}}', String(done)).replace('{{count}}', String(total)),
      );
      expect(said).not.toBe(describeProgress(done, total));
    }
  });
});
