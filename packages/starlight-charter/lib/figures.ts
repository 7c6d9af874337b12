import type { Catalog } from '../data/load.ts';
import { describeTarget, moneyFormat } from './catalog.ts';
import { describeBand } from './credits.ts';
import { formatDuration } from './duration.ts';
import { formatCount, formatPercent } from './format.ts';
import { formatPrice, formatRate } from './money.ts';
import { availabilityCells, planCells, targetCells } from './published.ts';
import { addOnPriceText } from './pricing-text.ts';
import type { OverageCharge } from '../schemas/pricing.ts';
import { retainerRate } from './rates.ts';
import { english, type Translate } from './i18n.ts';

/**
 * Every figure of a Catalog as the site displays it ("$1,200 per month", "99.8%", "3 hours").
 * The figure-scan test looks for these in hand-written sources, and the second-company test
 * looks for one company's figures on the other company's site. Only strings with a digit are
 * kept, and bare small counts are left out: "5" or "25" alone would match anywhere.
 */
export function displayedFigures(catalog: Catalog, t: Translate = english): string[] {
  const locale = catalog.company.locale;
  const money = moneyFormat(catalog);
  const pct = (n: number) => formatPercent(n, locale);
  const out = new Set<string>();
  // A bare number such as "500" is too common in prose to mean this figure.
  const add = (text: string) => /\d/.test(text) && !/^\d+$/.test(text) && out.add(text);

  for (const plan of catalog.pricing.plans) {
    Object.values(planCells(catalog, plan, t)).forEach(add);
    const price = plan.price;
    if (price.model === 'flat' || price.model === 'from' || price.model === 'per-seat') {
      if (price.monthly > 0) add(formatPrice(price.monthly, money));
      if (price.annual_monthly !== undefined) add(formatPrice(price.annual_monthly, money));
    } else if (price.model === 'share-of-spend') {
      add(formatPrice(price.minimum, money));
      for (const band of price.bands) add(pct(band.percent));
    }
    for (const meter of catalog.pricing.meters) {
      const allowance = plan.usage[meter.id];
      if (!allowance) continue;
      for (const rate of chargeRates(allowance.overage)) add(formatRate(rate, money));
      if (typeof allowance.included === 'number' && allowance.included >= 1000)
        add(formatCount(allowance.included, locale));
    }
  }
  for (const addOn of catalog.pricing.add_ons) {
    add(addOnPriceText(addOn.price, money, t));
    if (addOn.price.model === 'flat') add(formatPrice(addOn.price.monthly, money));
    if (addOn.price.model === 'per-unit') add(formatPrice(addOn.price.per_unit, money));
  }
  add(pct(catalog.pricing.usage_alerts.soft));
  add(pct(catalog.pricing.usage_alerts.hard));

  for (const sla of catalog.sla.tiers) {
    // A best-effort tier's cells are words without a digit, which add() leaves out.
    Object.values(availabilityCells(catalog, sla.tier, t)).forEach(add);
    for (const severity of catalog.severities.severities) {
      Object.values(targetCells(catalog, sla.tier, severity.id, t)).forEach(add);
      const target = sla.targets[severity.id];
      if (!target) continue;
      if (target.first_response !== null) add(formatDuration(target.first_response, t));
      if (target.resolution !== undefined) add(formatDuration(target.resolution, t));
    }
  }
  for (const severity of catalog.severities.severities) {
    if (severity.update_interval !== null) add(formatDuration(severity.update_interval, t));
  }

  add(pct(catalog.credits.cap_percent));
  add(`${catalog.credits.claim.window_days} days`);
  for (const schedule of catalog.credits.schedules) {
    for (const band of schedule.bands) {
      add(describeBand(band, locale, t));
      if (band.at_least > 0) add(pct(band.at_least));
      add(pct(band.below));
      add(pct(band.credit));
    }
  }

  for (const levels of Object.values(catalog.escalation.matrix)) {
    for (const minutes of Object.values(levels)) {
      add(formatDuration(minutes, t));
      add(describeTarget(minutes, 'business', t));
      add(describeTarget(minutes, 'calendar', t));
    }
  }

  const { services, roi } = catalog;
  for (const role of services.rate_card) {
    add(formatPrice(role.hourly, money));
    add(
      formatPrice(
        retainerRate(role.hourly, services.retainer.discount_percent, money.currency),
        money,
      ),
    );
  }
  add(pct(services.retainer.discount_percent));
  add(`${services.retainer.minimum_monthly_hours} hours`);
  for (const row of services.default_payment_schedule) add(pct(row.percent));
  for (const input of roi.inputs) {
    if (input.kind === 'money') add(formatPrice(input.default, money));
    if (input.kind === 'percent') add(pct(input.default));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** The money amounts of an overage charge, per unit or per package. */
function chargeRates(charge: OverageCharge | undefined): number[] {
  if (charge === undefined) return [];
  if (charge.model === 'per-unit') return [charge.per_unit];
  if (charge.model === 'package') return [charge.price];
  return charge.bands.map((b) => b.per_unit);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The figures that occur in `text` as whole figures: "3 hours" is found in "within 3 hours."
 * but not in "13 hours" nor in the longer duration "3 hours 30 minutes", and "$1,200" not in
 * "$1,2000".
 */
export function findFigures(text: string, figures: readonly string[]): string[] {
  const before = '(?<![\\d.,])(?<!(?:days?|hours?|minutes?) )';
  const after = '(?![\\d]|[.,]\\d| \\d)';
  return figures.filter((figure) => new RegExp(`${before}${escape(figure)}${after}`).test(text));
}
