import type { Catalog } from '../data/load.ts';
import type { Plan } from '../schemas/pricing.ts';
import { describeTarget, moneyFormat, planPriceText, targetFor } from './catalog.ts';
import { formatCount } from './format.ts';
import { formatRate } from './money.ts';

/**
 * The exact text of each figure cell on the published pricing and SLA tables. Components render
 * these strings into cells marked `data-field`; `lint-commercial` reads the built pages and
 * compares every such cell with these strings, so a hand-typed figure cannot slip through.
 */

export const PLAN_FIELDS = ['price', 'queries', 'ingest_gb', 'seats', 'overage_queries', 'overage_ingest_gb'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** Cells of one plan row: `<tr data-plan={plan.id}>` with `<td data-field={field}>`. */
export function planCells(catalog: Catalog, plan: Plan): Record<PlanField, string> {
  const locale = catalog.company.locale;
  const money = moneyFormat(catalog);
  return {
    price: planPriceText(catalog, plan),
    queries: formatCount(plan.included.queries, locale),
    ingest_gb: `${formatCount(plan.included.ingest_gb, locale)} GB`,
    seats: formatCount(plan.included.seats, locale),
    overage_queries: `${formatRate(plan.overage.queries, money)} per query`,
    overage_ingest_gb: `${formatRate(plan.overage.ingest_gb, money)} per GB`,
  };
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
