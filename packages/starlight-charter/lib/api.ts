import { isAbsent } from '../data/absent.ts';
import type { Catalog } from '../data/load.ts';
import type {
  ApiEndpointName,
  ApiFile,
  ApiFileHeader,
  CatalogApi,
  CreditsApi,
  EscalationApi,
  PlansApi,
  SlaApi,
} from '../schemas/api.ts';
import type { AddOn, Allowance, Meter, OverageCharge, Plan } from '../schemas/pricing.ts';
import type { Clock } from '../schemas/shared.ts';
import { clockLabel, moneyFormat, planPriceText, targetFor, tierById } from './catalog.ts';
import { allowanceOf } from './cost.ts';
import { describeBand } from './credits.ts';
import { allowedDowntime, formatDowntime, PERIODS, periodWords } from './downtime.ts';
import { formatDuration } from './duration.ts';
import { featureValueKind, featureValueText } from './features.ts';
import { scheduleHolidays } from './holidays.ts';
import { MICROS_PER_UNIT, type Micros, type MoneyFormat } from './money.ts';
import {
  addOnPriceText,
  amountText,
  includedText,
  overageText,
  priceRuleText,
} from './pricing-text.ts';
import { english, type Translate } from './i18n.ts';
import { availabilityCells, targetCells } from './published.ts';

/** Payloads of the /api/*.json endpoints, built from the Catalog (shapes in schemas/api.ts). */

const decimal = (micros: Micros) => micros / MICROS_PER_UNIT;
const duration = (minutes: number, t: Translate) => ({
  minutes,
  text: formatDuration(minutes, t),
});
const timed = (minutes: number, clock: Clock, t: Translate) => ({
  ...duration(minutes, t),
  clock,
  clock_label: clockLabel(clock, t),
});

/** A price with every field as a decimal, plus the words the pricing page uses. */
function priceApi(catalog: Catalog, plan: Plan, t: Translate): PlansApi['plans'][number]['price'] {
  const { price } = plan;
  const words = {
    text: planPriceText(catalog, plan, t),
    rule: priceRuleText(price, moneyFormat(catalog), t),
  };
  const annual = (p: { annual_monthly?: number }) =>
    p.annual_monthly === undefined ? null : decimal(p.annual_monthly);
  switch (price.model) {
    case 'contact-us':
      return { model: price.model, ...words };
    case 'flat':
    case 'from':
      return {
        model: price.model,
        monthly: decimal(price.monthly),
        annual_monthly: annual(price),
        ...words,
      };
    case 'per-seat':
      return {
        model: price.model,
        per_seat: decimal(price.monthly),
        annual_per_seat: annual(price),
        seat: { ...price.seat },
        minimum_seats: price.minimum_seats,
        ...words,
      };
    case 'share-of-spend':
      return {
        model: price.model,
        // Band ends are written in the currency's major unit already.
        minimum: decimal(price.minimum),
        bands: price.bands.map((b) => ({ up_to: b.up_to, percent: b.percent })),
        ...words,
      };
  }
}

function overageApi(charge: OverageCharge, text: string): NonNullable<UsageItem['overage']> {
  switch (charge.model) {
    case 'per-unit':
      return { model: charge.model, per_unit: decimal(charge.per_unit), text };
    case 'package':
      return { model: charge.model, size: charge.size, price: decimal(charge.price), text };
    case 'graduated':
      return {
        model: charge.model,
        bands: charge.bands.map((b) => ({ up_to: b.up_to, per_unit: decimal(b.per_unit) })),
        text,
      };
  }
}

type UsageItem = PlansApi['plans'][number]['usage'][number];

function usageApi(meter: Meter, allowance: Allowance, money: MoneyFormat, t: Translate): UsageItem {
  const overage = allowance.overage;
  return {
    meter: meter.id,
    included: allowance.included,
    included_text: includedText(meter, allowance, money.locale, t),
    overage:
      overage === undefined ? null : overageApi(overage, overageText(meter, allowance, money, t)),
    hard_limit: overage === undefined && allowance.included !== 'unlimited',
  };
}

function addOnApi(
  catalog: Catalog,
  addOn: AddOn,
  money: MoneyFormat,
  t: Translate,
): PlansApi['add_ons'][number] {
  const { price, adds } = addOn;
  const text = addOnPriceText(price, money, t);
  return {
    id: addOn.id,
    name: addOn.name,
    description: addOn.description,
    available_for: [...addOn.available_for],
    price:
      price.model === 'contact-us'
        ? { model: price.model, text }
        : price.model === 'flat'
          ? { model: price.model, monthly: decimal(price.monthly), text }
          : {
              model: price.model,
              per_unit: decimal(price.per_unit),
              unit: { ...price.unit },
              text,
            },
    adds: {
      features: [...(adds.features ?? [])],
      // In the order the meters and severities are declared, not the order the add-on lists them.
      included: catalog.pricing.meters
        .filter((m) => adds.included?.[m.id] !== undefined)
        .map((m) => {
          const amount = adds.included![m.id]!;
          return { meter: m.id, amount, text: amountText(m.unit, amount, money.locale, t) };
        }),
      first_response: catalog.severities.severities
        .filter((s) => adds.first_response?.[s.id] !== undefined)
        .map((s) => ({ severity: s.id, ...duration(adds.first_response![s.id]!, t) })),
    },
  };
}

export function plansPayload(catalog: Catalog, t: Translate = english): PlansApi {
  const money = moneyFormat(catalog);
  const { meters } = catalog.pricing;
  return {
    currency: catalog.company.currency,
    locale: catalog.company.locale,
    usage_alerts: {
      soft_percent: catalog.pricing.usage_alerts.soft,
      hard_percent: catalog.pricing.usage_alerts.hard,
    },
    meters: meters.map((m) => ({
      id: m.id,
      name: m.name,
      unit: { ...m.unit },
      resets: m.resets,
      whole: m.whole,
      description: m.description ?? null,
    })),
    plans: catalog.pricing.plans.map((plan) => ({
      id: plan.id,
      tier: plan.tier,
      tier_name: tierById(catalog, plan.tier).name,
      price: priceApi(catalog, plan, t),
      usage: meters.map((m) => usageApi(m, allowanceOf(plan, m.id), money, t)),
    })),
    add_ons: catalog.pricing.add_ons.map((a) => addOnApi(catalog, a, money, t)),
  };
}

export function slaPayload(catalog: Catalog, t: Translate = english): SlaApi {
  const month = PERIODS.month;
  return {
    support_hours: catalog.sla.support_hours.map((h) => {
      const holidays = scheduleHolidays(catalog.sla.holiday_sets, h);
      return {
        id: h.id,
        name: h.name,
        days: [...h.days],
        start: h.start,
        end: h.end,
        time_zone: h.time_zone,
        holidays: holidays.dates,
        holiday_years: holidays.years,
      };
    }),
    severities: catalog.severities.severities.map((s) => ({
      id: s.id,
      name: s.name,
      label: s.label,
      criteria: [...s.criteria],
      update_interval: s.update_interval === null ? null : duration(s.update_interval, t),
    })),
    tiers: catalog.sla.tiers.map((sla) => {
      const words = availabilityCells(catalog, sla.tier, t);
      const downtime =
        sla.availability === null ? null : allowedDowntime(sla.availability, month.minutes);
      return {
        tier: sla.tier,
        tier_name: tierById(catalog, sla.tier).name,
        clock: sla.clock,
        support_hours: sla.support_hours,
        availability_percent: sla.availability,
        availability_text: words.availability,
        allowed_downtime_per_month:
          downtime === null
            ? null
            : {
                minutes: downtime,
                text: formatDowntime(downtime, t),
                basis: periodWords('month', t).basis,
              },
        credit_schedule: sla.credit_schedule ?? null,
        targets: catalog.severities.severities.map((severity) => {
          const target = targetFor(catalog, sla.tier, severity.id);
          const cells = targetCells(catalog, sla.tier, severity.id, t);
          return {
            severity: severity.id,
            first_response:
              target.firstResponse === null ? null : timed(target.firstResponse, target.clock, t),
            first_response_text: cells.first_response,
            resolution:
              target.resolution === null ? null : timed(target.resolution, target.clock, t),
            resolution_text: cells.resolution,
          };
        }),
      };
    }),
    exclusions: [...catalog.sla.exclusions],
    reporting: [...catalog.sla.reporting],
  };
}

export function creditsPayload(catalog: Catalog, t: Translate = english): CreditsApi {
  const locale = catalog.company.locale;
  return {
    band_rule: t('charter.api.bandRule'),
    cap_percent: catalog.credits.cap_percent,
    claim: {
      window_days: catalog.credits.claim.window_days,
      steps: [...catalog.credits.claim.steps],
    },
    schedules: catalog.credits.schedules.map((schedule) => ({
      id: schedule.id,
      name: schedule.name,
      tiers: catalog.sla.tiers.filter((t) => t.credit_schedule === schedule.id).map((t) => t.tier),
      bands: schedule.bands.map((band) => ({
        at_least: band.at_least,
        below: band.below,
        credit_percent: band.credit,
        text: describeBand(band, locale, t),
      })),
    })),
  };
}

export function escalationPayload(catalog: Catalog, t: Translate = english): EscalationApi {
  const e = catalog.escalation;
  return {
    when_to_escalate: [...e.when_to_escalate],
    levels: e.levels.map((l) => ({ ...l, contacts: [...l.contacts], actions: [...l.actions] })),
    matrix: catalog.severities.severities.flatMap((severity) =>
      e.levels
        .filter((level) => e.matrix[severity.id]?.[level.id] !== undefined)
        .map((level) => ({
          severity: severity.id,
          level: level.id,
          after: duration(e.matrix[severity.id]![level.id]!, t),
        })),
    ),
    customer_initiated: e.customer_initiated.map((c) => ({ ...c })),
    post_escalation: [...e.post_escalation],
  };
}

export function catalogPayload(catalog: Catalog, t: Translate = english): CatalogApi {
  const { company } = catalog;
  return {
    company: {
      name: company.name,
      product: company.product,
      site_url: company.site_url,
      currency: company.currency,
      locale: company.locale,
      contacts: company.contacts.map((c) => ({ ...c })),
    },
    // A tier's highlights only pick what its plan card names; the features are listed below.
    tiers: catalog.tiers.tiers.map(({ highlights: _, ...t }) => ({
      ...t,
      best_for: [...t.best_for],
    })),
    features: catalog.features.features.map((f) => ({
      id: f.id,
      name: f.name,
      values: Object.fromEntries(
        Object.entries(f.values).map(([tier, v]) => [
          tier,
          { kind: featureValueKind(v), text: featureValueText(v, t) },
        ]),
      ),
    })),
    channels: catalog.channels.channels.map((c) => ({ ...c, tiers: [...c.tiers] })),
    plans: plansPayload(catalog, t),
    sla: slaPayload(catalog, t),
    credits: creditsPayload(catalog, t),
    escalation: escalationPayload(catalog, t),
    // A site without custom development or SOWs may publish no rate card at all.
    ...(isAbsent(catalog.services)
      ? {}
      : {
          rate_card: catalog.services.rate_card.map((r) => ({
            id: r.id,
            role: r.role,
            hourly: decimal(r.hourly),
          })),
        }),
  };
}

/** The contents of each file under /api/, by endpoint name. */
const CONTENTS = {
  plans: plansPayload,
  sla: slaPayload,
  credits: creditsPayload,
  escalation: escalationPayload,
  catalog: catalogPayload,
} satisfies Record<ApiEndpointName, (catalog: Catalog, t: Translate) => unknown>;

/**
 * What every file under /api/ starts with: its schema's address (`schemaUrl`, absolute, as
 * the site publishes it), the version and effective date of the terms, and the currency.
 */
export function apiFileHeader(catalog: Catalog, schemaUrl: string): ApiFileHeader {
  const url = new URL(schemaUrl);
  if (!/^https?:$/.test(url.protocol))
    throw new Error(`expected an http(s) address, got "${schemaUrl}"`);
  return {
    $schema: url.href,
    terms_version: catalog.company.terms_version,
    effective_date: catalog.company.effective_date,
    currency: catalog.company.currency,
  };
}

/** A whole file under /api/: its header, then its contents. */
export function apiFile<N extends ApiEndpointName>(
  name: N,
  catalog: Catalog,
  schemaUrl: string,
  t: Translate = english,
): ApiFile<N> {
  const contents = CONTENTS[name](catalog, t) as object;
  return { ...apiFileHeader(catalog, schemaUrl), ...contents } as ApiFile<N>;
}

/** Where a site publishes the schema of /api/NAME.json: `schemasPath` is /schemas/ under its base and prefix. */
export function apiSchemaUrl(name: ApiEndpointName, siteUrl: string, schemasPath: string): string {
  return new URL(`${schemasPath.replace(/\/?$/, '/')}api/${name}.json`, siteUrl).href;
}
