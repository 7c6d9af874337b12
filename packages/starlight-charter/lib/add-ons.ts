import type { Catalog } from '../data/load.ts';
import type { AddOn, Meter, Plan } from '../schemas/pricing.ts';
import type { Severity } from '../schemas/severities.ts';
import type { Clock } from '../schemas/index.ts';
import { targetFor } from './catalog.ts';
import { formatDuration } from './duration.ts';
import { formatCount } from './format.ts';
import { english, type Translate } from './i18n.ts';
import { periodSuffix, unitWord } from './pricing-text.ts';

/**
 * What an add-on adds, in words, and where it shortens a plan's first-response targets. The
 * pricing page, the SLA page and the cost calculator say it the same way; every unit and
 * severity name comes from the data.
 */

/** "10 more seats", "1,000 more build minutes per month for each pack". */
export function extraIncludedText(
  meter: Meter,
  amount: number,
  addOn: AddOn,
  locale: string,
  t: Translate = english,
): string {
  const each =
    addOn.price.model === 'per-unit'
      ? t('charter.addOns.forEach', { unit: addOn.price.unit.one })
      : '';
  return t('charter.addOns.more', {
    amount: formatCount(amount, locale),
    unit: unitWord(meter.unit, amount, locale),
    period: periodSuffix(meter, t),
    each,
  });
}

/** "First response to Sev 1 (Critical) within 30 minutes". */
export function fasterResponseText(
  severity: Severity,
  minutes: number,
  t: Translate = english,
): string {
  return t('charter.addOns.fasterResponse', {
    severity: severity.name,
    label: severity.label,
    duration: formatDuration(minutes, t),
  });
}

/** Everything an add-on adds, one sentence each: its features, extra amounts, faster first responses. */
export function addOnAddsText(
  addOn: AddOn,
  meters: readonly Meter[],
  severities: readonly Severity[],
  locale: string,
  t: Translate = english,
): string[] {
  const lines = [...(addOn.adds.features ?? [])];
  // Meters and severities in the order the data declares them, not the order the add-on names them.
  for (const meter of meters) {
    const amount = addOn.adds.included?.[meter.id];
    if (amount !== undefined) lines.push(extraIncludedText(meter, amount, addOn, locale, t));
  }
  for (const severity of severities) {
    const minutes = addOn.adds.first_response?.[severity.id];
    if (minutes !== undefined) lines.push(fasterResponseText(severity, minutes, t));
  }
  return lines;
}

export interface AddOnTargetRow {
  addOn: AddOn;
  plan: Plan;
  severity: Severity;
  /** The plan's tier's own first-response target and its clock; null where it is best effort. */
  own: number | null;
  /** The add-on's first-response target, counted on the same clock as the tier's target. */
  withAddOn: number;
  clock: Clock;
}

/**
 * One row per add-on, plan that can take it and severity whose first response it sets. The
 * add-on states a duration only, so it runs on the clock the tier's own target runs on.
 */
export function addOnTargetRows(catalog: Catalog): AddOnTargetRow[] {
  const rows: AddOnTargetRow[] = [];
  for (const addOn of catalog.pricing.add_ons) {
    const targets = addOn.adds.first_response;
    if (!targets) continue;
    for (const plan of catalog.pricing.plans) {
      if (!addOn.available_for.includes(plan.id)) continue;
      for (const severity of catalog.severities.severities) {
        const withAddOn = targets[severity.id];
        if (withAddOn === undefined) continue;
        const target = targetFor(catalog, plan.tier, severity.id);
        rows.push({
          addOn,
          plan,
          severity,
          own: target.firstResponse,
          withAddOn,
          clock: target.clock,
        });
      }
    }
  }
  return rows;
}
