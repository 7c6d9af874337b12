import { describe, expect, test } from 'vitest';
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
});
