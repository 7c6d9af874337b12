import type { Catalog } from '../data/load.ts';
import { planForTier, planPriceText, slaForTier, tierById } from './catalog.ts';
import { describeBand } from './credits.ts';
import { formatDuration } from './duration.ts';
import { formatPercent } from './format.ts';
import { english, type Translate } from './i18n.ts';
import { availabilityCells, planCells, targetCells } from './published.ts';

/**
 * Text of the figures KB articles place with components (components/kb/figures/).
 * Every lookup throws a sentence when an id is unknown, so a typo fails the build.
 */

export const ALERT_LEVELS = ['soft', 'hard'] as const;
export const TARGET_KINDS = ['first_response', 'resolution'] as const;

/** Throws unless `value` is one of `allowed`, naming the attribute. */
export function expectOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  attribute: string,
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new Error(
    `Charter: ${attribute}="${String(value)}" must be one of: ${allowed.join(', ')}.`,
  );
}

export function severityById(catalog: Catalog, id: string) {
  const severity = catalog.severities.severities.find((s) => s.id === id);
  if (!severity) throw new Error(`Charter: severity "${id}" is not defined in the data.`);
  return severity;
}

export function levelById(catalog: Catalog, id: string) {
  const level = catalog.escalation.levels.find((l) => l.id === id);
  if (!level) throw new Error(`Charter: escalation level "${id}" is not defined in the data.`);
  return level;
}

/** "every 2 hours", or "as needed" for a severity without a fixed interval. */
export function updateIntervalText(
  catalog: Catalog,
  severityId: string,
  t: Translate = english,
): string {
  const minutes = severityById(catalog, severityId).update_interval;
  return minutes === null
    ? t('charter.kbFigures.asNeeded')
    : t('charter.kbFigures.every', { duration: formatDuration(minutes, t) });
}

/** Minutes after which a ticket of a severity escalates to a level, or null if it never does. */
export function escalationMinutes(
  catalog: Catalog,
  severityId: string,
  levelId: string,
): number | null {
  severityById(catalog, severityId);
  levelById(catalog, levelId);
  return catalog.escalation.matrix[severityId]?.[levelId] ?? null;
}

/** The escalation trigger in words; throws when the severity never reaches that level. */
export function escalationTriggerText(
  catalog: Catalog,
  severityId: string,
  levelId: string,
  t: Translate = english,
): string {
  const minutes = escalationMinutes(catalog, severityId, levelId);
  if (minutes === null) {
    throw new Error(
      `Charter: severity "${severityId}" has no escalation trigger for level "${levelId}".`,
    );
  }
  return formatDuration(minutes, t);
}

/** "75%": the usage alert level as a share of the quota. */
export function alertThresholdText(catalog: Catalog, level: string): string {
  return formatPercent(
    catalog.pricing.usage_alerts[expectOneOf(level, ALERT_LEVELS, 'level')],
    catalog.company.locale,
  );
}

/** Throws unless `meter` names a declared meter, listing the ones there are. */
function expectMeter(catalog: Catalog, meter: unknown): string {
  return expectOneOf(
    meter,
    catalog.pricing.meters.map((m) => m.id),
    'meter',
  );
}

/** "5,000 build minutes per month", "Unlimited build minutes": a plan's included amount of a meter. */
export function quotaText(
  catalog: Catalog,
  tierId: string,
  meter: string,
  t: Translate = english,
): string {
  return planCells(catalog, planForTier(catalog, tierId), t)[
    `included-${expectMeter(catalog, meter)}`
  ]!;
}

/** "$0.008 per build minute", or the hard limit in words: what a plan charges above its included amount. */
export function overageText(
  catalog: Catalog,
  tierId: string,
  meter: string,
  t: Translate = english,
): string {
  return planCells(catalog, planForTier(catalog, tierId), t)[
    `overage-${expectMeter(catalog, meter)}`
  ]!;
}

/** "99.8%": a tier's monthly availability target, or "Best effort" when it has none. */
export function availabilityText(catalog: Catalog, tierId: string, t: Translate = english): string {
  return availabilityCells(catalog, tierId, t).availability;
}

/** A tier's credit bands in words, or null when the tier earns no service credits. */
export function creditRows(
  catalog: Catalog,
  tierId: string,
  t: Translate = english,
): { uptime: string; credit: string }[] | null {
  tierById(catalog, tierId);
  const scheduleId = slaForTier(catalog, tierId).credit_schedule;
  if (scheduleId === undefined) return null;
  const schedule = catalog.credits.schedules.find((s) => s.id === scheduleId);
  if (!schedule)
    throw new Error(`Charter: credit schedule "${scheduleId}" is not defined in the data.`);
  const locale = catalog.company.locale;
  return schedule.bands.map((band) => ({
    uptime: describeBand(band, locale, t),
    credit: formatPercent(band.credit, locale),
  }));
}

/** "45 days": how long after the affected month a credit can be claimed. */
export function claimWindowText(catalog: Catalog, t: Translate = english): string {
  return t('charter.creditTerms.days', { count: catalog.credits.claim.window_days });
}

/** "50% of the monthly fee": the most a month's credits can add up to. */
export function creditCapText(catalog: Catalog, t: Translate = english): string {
  return t('charter.kbFigures.capOfFee', {
    percent: formatPercent(catalog.credits.cap_percent, catalog.company.locale),
  });
}

/**
 * A figure component's attributes as written in an article: quoted text, or absent. The
 * components declare their Props with `type`, not `interface`, so that Props pass as these.
 */
export type FigureProps = Readonly<Record<string, string | undefined>>;

/**
 * What each figure component (components/kb/figures/*.astro) shows, looked up from its
 * attributes, by component name: the components render these, and a check runs them on the
 * attributes written in an article before any page renders, so every unknown id in every
 * article is reported at once. An unknown id throws.
 */
export const FIGURE_LOOKUPS = {
  AlertThreshold: (catalog: Catalog, p: FigureProps) => alertThresholdText(catalog, p.level!),
  Availability: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    availabilityText(catalog, p.tier!, t),
  ContactChannels: (catalog: Catalog, p: FigureProps) => tierById(catalog, p.tier!),
  CreditTable: (catalog: Catalog, p: FigureProps, t: Translate = english) => ({
    tier: tierById(catalog, p.tier!),
    rows: creditRows(catalog, p.tier!, t),
  }),
  EscalationTrigger: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    escalationTriggerText(catalog, p.severity!, p.level!, t),
  OverageRate: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    overageText(catalog, p.tier!, p.meter!, t),
  Price: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    planPriceText(catalog, planForTier(catalog, p.tier!), t),
  Quota: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    quotaText(catalog, p.tier!, p.meter!, t),
  SlaTable: (catalog: Catalog, p: FigureProps, t: Translate = english) => ({
    tier: tierById(catalog, p.tier!),
    rows: catalog.severities.severities.map((severity) => ({
      severity,
      cells: targetCells(catalog, p.tier!, severity.id, t),
    })),
  }),
  SlaTarget: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    targetCells(catalog, p.tier!, p.severity!, t)[expectOneOf(p.target, TARGET_KINDS, 'target')],
  UpdateInterval: (catalog: Catalog, p: FigureProps, t: Translate = english) =>
    updateIntervalText(catalog, p.severity!, t),
} as const satisfies Record<
  string,
  (catalog: Catalog, props: FigureProps, t?: Translate) => unknown
>;

/** Why a figure with these attributes cannot be shown, as its component would say; undefined when it can. */
export function figureProblem(
  catalog: Catalog,
  component: string,
  props: FigureProps,
): string | undefined {
  if (!Object.hasOwn(FIGURE_LOOKUPS, component)) return undefined;
  const lookup = FIGURE_LOOKUPS[component as keyof typeof FIGURE_LOOKUPS];
  try {
    lookup(catalog, props);
    return undefined;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^Charter: /, '');
  }
}
