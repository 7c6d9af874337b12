import { describe, expect, test } from 'vitest';
import {
  compareVersions,
  nextVersion,
} from '../../../packages/starlight-charter/lib/terms-version';

describe('compareVersions', () => {
  test('number by number, not as text', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.9', '1.10')).toBeLessThan(0);
    expect(compareVersions('2.0', '10.0')).toBeLessThan(0);
  });
  test('a missing part counts as 0: "1.0" and "1.0.0" are the same version', () => {
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.1', '1.0')).toBeGreaterThan(0);
  });
});

describe('nextVersion', () => {
  test('raises the last number', () => {
    expect(nextVersion('2.0')).toBe('2.1');
    expect(nextVersion('1.9')).toBe('1.10');
    expect(nextVersion('2.3.1')).toBe('2.3.2');
  });
});
