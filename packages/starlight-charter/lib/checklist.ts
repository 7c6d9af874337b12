/**
 * Ticks on an interactive checklist, saved in the browser as a JSON list of task ids.
 * Reading never fails: saved text that is broken or names tasks that no longer exist is ignored.
 */

import { english, type Translate } from './i18n.ts';

/** The task ids saved in `raw` that are still on the checklist. */
export function readTicks(raw: string | null, taskIds: readonly string[]): Set<string> {
  if (raw === null) return new Set();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return new Set();
  }
  if (!Array.isArray(parsed)) return new Set();
  return new Set(
    parsed.filter((id): id is string => typeof id === 'string' && taskIds.includes(id)),
  );
}

/** The text to save for a set of ticked task ids, in checklist order. */
export function writeTicks(ticks: Set<string>, taskIds: readonly string[]): string {
  return JSON.stringify(taskIds.filter((id) => ticks.has(id)));
}

/** Progress in words: "3 of 17 tasks done", in the language of `t`. */
export function describeProgress(done: number, total: number, t: Translate = english): string {
  return t('charter.playbook.progress', { done, count: total });
}
