import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cardLogo, textColorOn } from '../../../../packages/starlight-charter/lib/og/card';
import type { Company } from '../../../../packages/starlight-charter/schemas/company';

describe('cardLogo', () => {
  const company = (brand_color: string, logo?: Company['logo']) =>
    ({ brand_color, ...(logo ? { logo } : {}) }) as Company;
  const both = { light: 'brand/light.svg', dark: 'brand/dark.svg', replaces_title: true };

  test('is undefined for a company without a logo', () => {
    expect(cardLogo(company('#4f46e5'), '/terms')).toBeUndefined();
  });

  test('is the light-theme logo on a light brand colour, in the terms folder', () => {
    expect(cardLogo(company('#fde047', both), '/terms')).toEqual({
      file: join('/terms', both.light),
      replacesTitle: true,
    });
  });

  test('is the dark-theme logo on a dark brand colour, the light one when there is none', () => {
    expect(cardLogo(company('#1e1b4b', both), '/terms')?.file).toBe(join('/terms', both.dark));
    const light = { light: both.light, replaces_title: false };
    expect(cardLogo(company('#1e1b4b', light), '/terms')).toEqual({
      file: join('/terms', both.light),
      replacesTitle: false,
    });
  });
});

describe('textColorOn', () => {
  test.each([
    { background: '#4f46e5', expected: '#ffffff' },
    { background: '#000000', expected: '#ffffff' },
    { background: '#fde047', expected: '#111827' },
    { background: '#ffffff', expected: '#111827' },
  ])('returns $expected on $background', ({ background, expected }) => {
    expect(textColorOn(background)).toBe(expected);
  });
});
