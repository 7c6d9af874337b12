import type { Catalog } from '../data/load.ts';
import type { Plan } from '../schemas/pricing.ts';
import { BEST_EFFORT_TEXT, orBestEffort } from './best-effort.ts';
import { describeTarget, moneyFormat, planPriceText, slaForTier, targetFor } from './catalog.ts';
import { allowanceOf } from './cost.ts';
import { allowedDowntime, formatDowntime, PERIODS } from './downtime.ts';
import { formatPercent } from './format.ts';
import { english, type Translate } from './i18n.ts';
import { includedText, overageText } from './pricing-text.ts';

/**
 * The exact text of each figure cell on the published pricing and SLA tables. Components render
 * these strings into cells marked `data-field`; `lint-commercial` reads the built pages and
 * compares every such cell with these strings, so a hand-typed figure cannot slip through.
 */

/**
 * The field keys of a plan row: the price, then for each declared meter what is included
 * (`included-<meter>`) and what more costs (`overage-<meter>`).
 */
export function planFields(catalog: Catalog): string[] {
  return [
    'price',
    ...catalog.pricing.meters.flatMap((m) => [`included-${m.id}`, `overage-${m.id}`]),
  ];
}

/** Cells of one plan row: `<tr data-plan={plan.id}>` with `<td data-field={field}>`. */
export function planCells(
  catalog: Catalog,
  plan: Plan,
  t: Translate = english,
): Record<string, string> {
  const money = moneyFormat(catalog);
  const cells: Record<string, string> = { price: planPriceText(catalog, plan, t) };
  for (const meter of catalog.pricing.meters) {
    const allowance = allowanceOf(plan, meter.id);
    cells[`included-${meter.id}`] = includedText(meter, allowance, money.locale, t);
    cells[`overage-${meter.id}`] = overageText(meter, allowance, money, t);
  }
  return cells;
}

export const TARGET_FIELDS = ['first_response', 'resolution'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Wording for a target with no commitment (lib/best-effort.ts). */
export const NO_COMMITMENT = BEST_EFFORT_TEXT;

/**
 * Cells of one SLA target row: `<tr data-tier={tierId} data-severity={severityId}>` with
 * `<td data-field={field}>`.
 */
export function targetCells(
  catalog: Catalog,
  tierId: string,
  severityId: string,
  t: Translate = english,
): Record<TargetField, string> {
  const target = targetFor(catalog, tierId, severityId);
  const describe = (minutes: number) => describeTarget(minutes, target.clock, t);
  return {
    first_response: orBestEffort(target.firstResponse, describe, t),
    resolution: orBestEffort(target.resolution, describe, t),
  };
}

export const AVAILABILITY_FIELDS = ['availability', 'downtime'] as const;
export type AvailabilityField = (typeof AVAILABILITY_FIELDS)[number];

/**
 * Cells of one availability row, `<tr data-tier={tierId}>`: the monthly target ("99.9%") and
 * the downtime it allows in a month, or the best-effort words for both.
 */
export function availabilityCells(
  catalog: Catalog,
  tierId: string,
  t: Translate = english,
): Record<AvailabilityField, string> {
  const availability = slaForTier(catalog, tierId).availability;
  if (availability === null)
    return {
      availability: t('charter.bestEffort.target'),
      downtime: t('charter.bestEffort.noDowntimeLimit'),
    };
  return {
    availability: formatPercent(availability, catalog.company.locale),
    downtime: formatDowntime(allowedDowntime(availability, PERIODS.month.minutes), t),
  };
}
