import type { Catalog } from '../data/load.ts';
import type { CatalogApi, CreditsApi, EscalationApi, PlansApi, SlaApi } from '../schemas/api.ts';
import type { Clock } from '../schemas/shared.ts';
import { clockLabel, planPriceText, targetFor, tierById } from './catalog.ts';
import { describeBand } from './credits.ts';
import { allowedDowntime, formatDowntime, PERIODS } from './downtime.ts';
import { formatDuration } from './duration.ts';
import { featureValueKind, featureValueText } from './features.ts';
import { MICROS_PER_UNIT, type Micros } from './money.ts';

/** Payloads of the /api/*.json endpoints, built from the Catalog (shapes in src/schemas/api.ts). */

const decimal = (micros: Micros) => micros / MICROS_PER_UNIT;
const duration = (minutes: number) => ({ minutes, text: formatDuration(minutes) });
const timed = (minutes: number, clock: Clock) => ({
  ...duration(minutes),
  clock,
  clock_label: clockLabel(clock),
});

export function plansPayload(catalog: Catalog): PlansApi {
  return {
    currency: catalog.company.currency,
    locale: catalog.company.locale,
    usage_alerts: {
      soft_percent: catalog.pricing.usage_alerts.soft,
      hard_percent: catalog.pricing.usage_alerts.hard,
    },
    plans: catalog.pricing.plans.map((plan) => {
      const priced = plan.price === 'contact-us' ? null : plan.price;
      return {
        id: plan.id,
        tier: plan.tier,
        tier_name: tierById(catalog, plan.tier).name,
        price: {
          contact_us: priced === null,
          monthly: priced ? decimal(priced.monthly) : null,
          annual_monthly:
            priced?.annual_monthly !== undefined ? decimal(priced.annual_monthly) : null,
          text: planPriceText(catalog, plan),
        },
        included: { ...plan.included },
        overage: {
          queries: decimal(plan.overage.queries),
          ingest_gb: decimal(plan.overage.ingest_gb),
          seats: plan.overage.seats !== undefined ? decimal(plan.overage.seats) : null,
        },
      };
    }),
  };
}

export function slaPayload(catalog: Catalog): SlaApi {
  const month = PERIODS.month;
  return {
    support_hours: catalog.sla.support_hours.map((h) => ({ ...h, days: [...h.days] })),
    severities: catalog.severities.severities.map((s) => ({
      id: s.id,
      name: s.name,
      label: s.label,
      criteria: [...s.criteria],
      update_interval: s.update_interval === null ? null : duration(s.update_interval),
    })),
    tiers: catalog.sla.tiers.map((sla) => {
      const downtime = allowedDowntime(sla.availability, month.minutes);
      return {
        tier: sla.tier,
        tier_name: tierById(catalog, sla.tier).name,
        clock: sla.clock,
        support_hours: sla.support_hours,
        availability_percent: sla.availability,
        allowed_downtime_per_month: {
          minutes: downtime,
          text: formatDowntime(downtime),
          basis: month.basis,
        },
        credit_schedule: sla.credit_schedule ?? null,
        targets: catalog.severities.severities.map((severity) => {
          const target = targetFor(catalog, sla.tier, severity.id);
          return {
            severity: severity.id,
            first_response: timed(target.firstResponse, target.clock),
            resolution: target.resolution === null ? null : timed(target.resolution, target.clock),
          };
        }),
      };
    }),
    exclusions: [...catalog.sla.exclusions],
    reporting: [...catalog.sla.reporting],
  };
}

export function creditsPayload(catalog: Catalog): CreditsApi {
  const locale = catalog.company.locale;
  return {
    band_rule: 'Bands are half-open: at_least <= measured monthly uptime < below.',
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
        text: describeBand(band, locale),
      })),
    })),
  };
}

export function escalationPayload(catalog: Catalog): EscalationApi {
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
          after: duration(e.matrix[severity.id]![level.id]!),
        })),
    ),
    customer_initiated: e.customer_initiated.map((c) => ({ ...c })),
    post_escalation: [...e.post_escalation],
  };
}

export function catalogPayload(catalog: Catalog): CatalogApi {
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
    tiers: catalog.tiers.tiers.map((t) => ({ ...t, best_for: [...t.best_for] })),
    features: catalog.features.features.map((f) => ({
      id: f.id,
      name: f.name,
      values: Object.fromEntries(
        Object.entries(f.values).map(([tier, v]) => [
          tier,
          { kind: featureValueKind(v), text: featureValueText(v) },
        ]),
      ),
    })),
    channels: catalog.channels.channels.map((c) => ({ ...c, tiers: [...c.tiers] })),
    plans: plansPayload(catalog),
    sla: slaPayload(catalog),
    credits: creditsPayload(catalog),
    escalation: escalationPayload(catalog),
    rate_card: catalog.services.rate_card.map((r) => ({
      id: r.id,
      role: r.role,
      hourly: decimal(r.hourly),
    })),
  };
}
