import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  featureValueKind,
  featureValueText,
} from '../../../packages/starlight-charter/lib/features';
import { FeatureValueSchema } from '../../../packages/starlight-charter/schemas/features';
import { SAMPLE, WEE } from '../../support/sites';

describe('featureValueText', () => {
  test.each([
    ['yes', 'Yes'],
    ['no', 'No'],
    ['add-on', 'Add-on'],
    ['included', 'Included'],
  ] as const)('says %s as "%s"', (value, words) => {
    expect(featureValueText(value)).toBe(words);
  });

  test('gives free text as written', () => {
    expect(featureValueText({ text: 'Severity 1 only' })).toBe('Severity 1 only');
    expect(featureValueText({ text: 'Yes' })).toBe('Yes');
  });

  test('has words for every value the schema accepts', () => {
    const words = FeatureValueSchema.options[0].options.map((v) => featureValueText(v));
    expect(words.every((w) => typeof w === 'string' && w.length > 0)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('featureValueKind', () => {
  test.each(['yes', 'no', 'add-on', 'included'] as const)('is its own kind for %s', (value) => {
    expect(featureValueKind(value)).toBe(value);
  });

  test('is text for free text, whatever it says', () => {
    expect(featureValueKind({ text: 'yes' })).toBe('text');
  });
});

describe.each([SAMPLE.terms, WEE.terms])('the feature matrix of %s', (dir) => {
  const { features, tiers } = loadCatalog(dir);
  test('has words for every cell', () => {
    for (const feature of features.features)
      for (const tier of tiers.tiers) {
        const value = feature.values[tier.id];
        expect(value, `${feature.id} for ${tier.id}`).toBeDefined();
        expect(featureValueText(value!)).toMatch(/\S/);
      }
  });
});
