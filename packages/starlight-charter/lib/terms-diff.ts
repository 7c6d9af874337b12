import type { Catalog } from '../data/load.ts';
import type { DataPath } from '../data/positions.ts';
import type { DataFileName } from '../schemas/index.ts';
import { ENTITY_WORDS, termsFigures, type TermsEntity, type TermsFigure } from './terms-figures.ts';

/**
 * What changed between two versions of the terms, one sentence per change, in the words of
 * the pages: "Professional plan price: $3,499 per month → $3,999 per month",
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
export function diffTerms(before: Catalog, after: Catalog): TermsChange[] {
  const old = termsFigures(before);
  const now = termsFigures(after);
  const changes: TermsChange[] = [];
  const oldEntities = new Map(old.entities.map((e) => [e.key, e]));
  const newEntities = new Map(now.entities.map((e) => [e.key, e]));
  const comeOrGone = new Set<string>();
  const word = (e: TermsEntity) => ENTITY_WORDS[e.kind] ?? e.kind;

  for (const entity of now.entities) {
    const was = oldEntities.get(entity.key);
    if (!was) {
      comeOrGone.add(entity.key);
      changes.push({
        kind: 'added',
        sentence: `New ${word(entity)}: ${entity.name}`,
        file: entity.file,
        path: entity.path,
      });
    } else if (was.name !== entity.name) {
      changes.push({
        kind: 'renamed',
        sentence: `${capitalise(word(entity))} renamed: ${was.name} → ${entity.name}`,
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
      sentence: `Removed ${word(entity)}: ${entity.name}`,
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
        sentence: `${figure.label}: ${figure.text} (new)`,
        file: figure.file,
        path: figure.path,
      });
    else if (was.value !== figure.value)
      changes.push({
        kind: 'changed',
        sentence: `${figure.label}: ${was.text} → ${figure.text}`,
        file: figure.file,
        path: figure.path,
      });
  }
  for (const figure of old.figures) {
    if (newKeys.has(figure.key) || touched(figure)) continue;
    changes.push({
      kind: 'removed',
      sentence: `${figure.label}: no longer offered (was ${figure.text})`,
      file: figure.file,
      path: figure.path,
    });
  }
  return changes;
}
