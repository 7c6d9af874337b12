import type { FeatureValue } from '../schemas/features.ts';

export type FeatureKind = 'yes' | 'no' | 'add-on' | 'included' | 'text';

/** A matrix cell as words a screen reader and a printout can carry: "Yes", "Add-on", free text. */
export function featureValueText(value: FeatureValue): string {
  if (typeof value === 'object') return value.text;
  return { yes: 'Yes', no: 'No', 'add-on': 'Add-on', included: 'Included' }[value];
}

/** The cell's kind, for styling and the JSON catalogue. */
export function featureValueKind(value: FeatureValue): FeatureKind {
  return typeof value === 'object' ? 'text' : value;
}
