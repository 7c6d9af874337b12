import type { Catalog } from '../data/load.ts';
import type { Plan } from '../schemas/pricing.ts';
import { describeTarget, moneyFormat, planPriceText, targetFor } from './catalog.ts';
import { allowanceOf } from './cost.ts';
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
  return ['price', ...catalog.pricing.meters.flatMap((m) => [`included-${m.id}`, `overage-${m.id}`])];
}

/** Cells of one plan row: `<tr data-plan={plan.id}>` with `<td data-field={field}>`. */
export function planCells(catalog: Catalog, plan: Plan): Record<string, string> {
  const money = moneyFormat(catalog);
  const cells: Record<string, string> = { price: planPriceText(catalog, plan) };
  for (const meter of catalog.pricing.meters) {
    const allowance = allowanceOf(plan, meter.id);
    cells[`included-${meter.id}`] = includedText(meter, allowance, money.locale);
    cells[`overage-${meter.id}`] = overageText(meter, allowance, money);
  }
  return cells;
}

export const TARGET_FIELDS = ['first_response', 'resolution'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Wording for a severity with no resolution commitment. */
export const NO_COMMITMENT = 'Best effort';

/**
 * Cells of one SLA target row: `<tr data-tier={tierId} data-severity={severityId}>` with
 * `<td data-field={field}>`.
 */
export function targetCells(catalog: Catalog, tierId: string, severityId: string): Record<TargetField, string> {
  const target = targetFor(catalog, tierId, severityId);
  return {
    first_response: describeTarget(target.firstResponse, target.clock),
    resolution: target.resolution === null ? NO_COMMITMENT : describeTarget(target.resolution, target.clock),
  };
}
