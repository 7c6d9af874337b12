import type { Catalog } from '../data/load.ts';
import type { DataPath } from '../data/positions.ts';
import type { DataFileName } from '../schemas/index.ts';
import { english, type Translate } from './i18n.ts';
import { ENTITY_WORDS, termsFigures, type TermsEntity, type TermsFigure } from './terms-figures.ts';

/**
 * What changed between two versions of the terms, one sentence per change, in the words of
 * the pages: "Team plan price: $499 per month → $549 per month",
 * "New meter: Restore requests".
 */

export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

export interface TermsChange {
  kind: ChangeKind;
  /** The change as a customer reads it. */
  sentence: string;
  /** Where the change is in the newer terms (for a removal: the nearest place that is left). */
  file: DataFileName;
  path: DataPath;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Every change from `before` to `after`: entities added, removed or renamed first, then each
 * figure whose text differs, in the order the pages show them. A figure of a new or removed
 * entity is not listed on its own: the entity's line covers it.
 */
export function diffTerms(before: Catalog, after: Catalog, t: Translate = english): TermsChange[] {
  const old = termsFigures(before, t);
  const now = termsFigures(after, t);
  const changes: TermsChange[] = [];
  const oldEntities = new Map(old.entities.map((e) => [e.key, e]));
  const newEntities = new Map(now.entities.map((e) => [e.key, e]));
  const comeOrGone = new Set<string>();
  const word = (e: TermsEntity) =>
    e.kind in ENTITY_WORDS ? t(ENTITY_WORDS[e.kind as keyof typeof ENTITY_WORDS]) : e.kind;

  for (const entity of now.entities) {
    const was = oldEntities.get(entity.key);
    if (!was) {
      comeOrGone.add(entity.key);
      changes.push({
        kind: 'added',
        sentence: t('charter.termsDiff.added', { word: word(entity), name: entity.name }),
        file: entity.file,
        path: entity.path,
      });
    } else if (was.name !== entity.name) {
      changes.push({
        kind: 'renamed',
        sentence: t('charter.termsDiff.renamed', {
          word: capitalise(word(entity)),
          was: was.name,
          name: entity.name,
        }),
        file: entity.file,
        path: [...entity.path, 'name'],
      });
    }
  }
  for (const entity of old.entities) {
    if (newEntities.has(entity.key)) continue;
    comeOrGone.add(entity.key);
    changes.push({
      kind: 'removed',
      sentence: t('charter.termsDiff.removed', { word: word(entity), name: entity.name }),
      file: entity.file,
      path: entity.path.slice(0, -1),
    });
  }

  const touched = (f: TermsFigure) => f.owners.some((o) => comeOrGone.has(o));
  const oldFigures = new Map(old.figures.map((f) => [f.key, f]));
  const newKeys = new Set(now.figures.map((f) => f.key));
  for (const figure of now.figures) {
    if (touched(figure)) continue;
    const was = oldFigures.get(figure.key);
    if (!was)
      changes.push({
        kind: 'added',
        sentence: t('charter.termsDiff.figureAdded', { label: figure.label, text: figure.text }),
        file: figure.file,
        path: figure.path,
      });
    else if (was.value !== figure.value)
      changes.push({
        kind: 'changed',
        sentence: t('charter.termsDiff.figureChanged', {
          label: figure.label,
          was: was.text,
          text: figure.text,
        }),
        file: figure.file,
        path: figure.path,
      });
  }
  for (const figure of old.figures) {
    if (newKeys.has(figure.key) || touched(figure)) continue;
    changes.push({
      kind: 'removed',
      sentence: t('charter.termsDiff.figureRemoved', { label: figure.label, text: figure.text }),
      file: figure.file,
      path: figure.path,
    });
  }
  return changes;
}
