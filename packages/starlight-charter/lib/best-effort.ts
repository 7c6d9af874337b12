/**
 * A tier may promise nothing: no availability target, no first-response or resolution time.
 * The data writes `best_effort` and the Catalog holds null; every page, table, calculator and
 * JSON file says so with the words below, never with a figure.
 */
import type { Catalog } from '../data/load.ts';
import type { Tier } from '../schemas/tiers.ts';
import { english, type Translate } from './i18n.ts';

export { BEST_EFFORT } from '../schemas/best-effort.ts';

/** A target or availability cell with no commitment. */
export const BEST_EFFORT_TEXT = english('charter.bestEffort.target');

/** The downtime a best-effort tier allows: there is no target to measure against. */
export const NO_DOWNTIME_LIMIT = english('charter.bestEffort.noDowntimeLimit');

/** A deadline the response-deadline calculator cannot give, because nothing is promised. */
export const NO_DEADLINE = english('charter.bestEffort.noDeadline');

/** "Community (best effort, no credits)": a best-effort tier in the credit calculator's list. */
export function bestEffortTierLabel(tierName: string, t: Translate = english): string {
  return t('charter.credit.bestEffortTier', { tier: tierName });
}

/** Why the credit calculator computes nothing for a tier without an availability target. */
export function bestEffortCreditText(tierName: string, t: Translate = english): string {
  return t('charter.credit.bestEffortResult', { tier: tierName });
}

/** "Community" or "Community and Hobby", with the count that picks "has" or "have". */
function tierList(tierNames: readonly string[], locale: string) {
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(tierNames);
  return { tiers: names, count: tierNames.length };
}

/** The credit calculator's note by its tier list, or null when every tier has a target. */
export function bestEffortCreditHint(
  tierNames: readonly string[],
  locale = 'en-US',
  t: Translate = english,
): string | null {
  if (tierNames.length === 0) return null;
  return t('charter.credit.bestEffortHint', tierList(tierNames, locale));
}

/**
 * Why the downtime calculator offers no preset for these tiers, or null when every tier has a
 * target.
 */
export function bestEffortDowntimeText(
  tierNames: readonly string[],
  locale = 'en-US',
  t: Translate = english,
): string | null {
  if (tierNames.length === 0) return null;
  return t('charter.downtime.bestEffortHint', tierList(tierNames, locale));
}

/** A target in minutes, or the best-effort words when there is none. */
export function orBestEffort<T>(
  value: T | null,
  describe: (value: T) => string,
  t: Translate = english,
): string {
  return value === null ? t('charter.bestEffort.target') : describe(value);
}

/** The tiers, lowest first, whose SLA has no availability target. */
export function bestEffortTiers(catalog: Catalog): Tier[] {
  return catalog.tiers.tiers.filter(
    (tier) => catalog.sla.tiers.find((s) => s.tier === tier.id)?.availability === null,
  );
}
