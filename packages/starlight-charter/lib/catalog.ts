import type { Catalog } from '../data/load.ts';
import type { AddOn, Clock, Meter, Plan, SupportHours, Tier, TierSla } from '../schemas/index.ts';
import { formatBusinessDuration, formatDuration } from './duration.ts';
import { clockHolidays } from './holidays.ts';
import { english, type Translate } from './i18n.ts';
import { type MoneyFormat } from './money.ts';
import { priceText } from './pricing-text.ts';

/** Lookups over the Catalog shared by components, browser scripts and the CLI. */

export function moneyFormat(catalog: Catalog): MoneyFormat {
  return { currency: catalog.company.currency, locale: catalog.company.locale };
}

function find<T>(items: T[], match: (item: T) => boolean, what: string): T {
  const found = items.find(match);
  if (found === undefined) throw new Error(`Charter: ${what} is not defined in the data.`);
  return found;
}

export function tierById(catalog: Catalog, id: string): Tier {
  return find(catalog.tiers.tiers, (t) => t.id === id, `tier "${id}"`);
}

export function planForTier(catalog: Catalog, tierId: string): Plan {
  return find(catalog.pricing.plans, (p) => p.tier === tierId, `a plan for tier "${tierId}"`);
}

export function slaForTier(catalog: Catalog, tierId: string): TierSla {
  return find(catalog.sla.tiers, (s) => s.tier === tierId, `an SLA for tier "${tierId}"`);
}

/** A schedule as the clock reads it: with its public holidays resolved to dates. */
export type ClockHours = SupportHours & {
  holiday_dates: string[];
  holiday_years: number[] | null;
};

/** A tier's support hours, with the dates of their public holidays for the clock. */
export function supportHoursFor(catalog: Catalog, tierId: string): ClockHours {
  const id = slaForTier(catalog, tierId).support_hours;
  const hours = find(catalog.sla.support_hours, (h) => h.id === id, `support hours "${id}"`);
  return { ...hours, ...clockHolidays(catalog.sla.holiday_sets, hours) };
}

type Weekday = SupportHours['days'][number];

/** Short weekday names as `locale` writes them: "Mon", "Mo", "月". */
export function weekdayNames(locale: string): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const days: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  // 1 January 2024 was a Monday.
  return Object.fromEntries(
    days.map((day, i) => [day, format.format(Date.UTC(2024, 0, 1 + i))]),
  ) as Record<Weekday, string>;
}

/** A support-hour schedule in a line: "Business hours: Mon, Tue, Wed, Thu, Fri, 09:00–17:00, your time zone". */
export function supportHoursText(
  hours: SupportHours,
  locale = 'en-US',
  t: Translate = english,
): string {
  const names = weekdayNames(locale);
  const days = hours.days.map((d) => names[d]).join(', ');
  const zone =
    hours.time_zone === 'customer' ? t('charter.supportHours.yourTimeZone') : hours.time_zone;
  return `${hours.name}: ${days}, ${hours.start}\u2013${hours.end}, ${zone}`;
}

/** A tier's target for one severity: minutes, or null where it is best effort. */
export interface TierTarget {
  firstResponse: number | null;
  resolution: number | null;
  /** The clock the target actually runs on. */
  clock: Clock;
}

/** A tier's target for one severity, with the clock it actually runs on. */
export function targetFor(catalog: Catalog, tierId: string, severityId: string): TierTarget {
  const sla = slaForTier(catalog, tierId);
  const target = sla.targets[severityId];
  if (!target)
    throw new Error(`Charter: tier "${tierId}" has no target for severity "${severityId}".`);
  return {
    firstResponse: target.first_response,
    resolution: target.resolution ?? null,
    clock: target.clock ?? sla.clock,
  };
}

/** "business hours" or "24x7", as the pages say it. */
export function clockLabel(clock: Clock, t: Translate = english): string {
  return clock === 'business' ? t('charter.clock.business') : t('charter.clock.calendar');
}

/** "8 business hours" or "30 minutes (24x7)"; German "8 Geschäftsstunden", Japanese "8営業時間". */
export function describeTarget(minutes: number, clock: Clock, t: Translate = english): string {
  if (clock === 'calendar')
    return t('charter.target.calendar', { duration: formatDuration(minutes, t) });
  return t('charter.target.business', { businessDuration: formatBusinessDuration(minutes, t) });
}

/** "$1,200 per month", "From €299 per month", "€12 per seat per month", "Free" or "Contact us". */
export function planPriceText(catalog: Catalog, plan: Plan, t: Translate = english): string {
  return priceText(plan.price, moneyFormat(catalog), t);
}

export function meterById(catalog: Catalog, id: string): Meter {
  return find(catalog.pricing.meters, (m) => m.id === id, `meter "${id}"`);
}

export function addOnById(catalog: Catalog, id: string): AddOn {
  return find(catalog.pricing.add_ons, (a) => a.id === id, `add-on "${id}"`);
}
