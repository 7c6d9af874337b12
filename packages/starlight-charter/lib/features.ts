import type { FeatureValue } from '../schemas/features.ts';
import { english, type Translate } from './i18n.ts';

export type FeatureKind = 'yes' | 'no' | 'add-on' | 'included' | 'text';

/** A matrix cell as words a screen reader and a printout can carry: "Yes", "Add-on", free text. */
export function featureValueText(value: FeatureValue, t: Translate = english): string {
  if (typeof value === 'object') return value.text;
  const key = {
    yes: 'charter.features.yes',
    no: 'charter.features.no',
    'add-on': 'charter.features.addOn',
    included: 'charter.features.included',
  } as const;
  return t(key[value]);
}

/** The cell's kind, for styling and the JSON catalogue. */
export function featureValueKind(value: FeatureValue): FeatureKind {
  return typeof value === 'object' ? 'text' : value;
}
