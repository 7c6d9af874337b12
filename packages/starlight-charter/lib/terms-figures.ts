import type { Catalog } from '../data/load.ts';
import type { DataPath } from '../data/positions.ts';
import type { DataFileName } from '../schemas/index.ts';
import { isAbsent } from '../data/absent.ts';
import { moneyFormat, planPriceText } from './catalog.ts';
import { allowanceOf } from './cost.ts';
import { describeBand } from './credits.ts';
import { formatDuration } from './duration.ts';
import { featureValueText } from './features.ts';
import { formatCount, formatPercent } from './format.ts';
import { formatPrice, formatRate } from './money.ts';
import { addOnPriceText, includedText, overageText, priceRuleText } from './pricing-text.ts';
import { availabilityCells, targetCells } from './published.ts';

/**
 * Every commercial figure of a Catalog as a labelled sentence part, with where it lives in the
 * terms: what a change log compares between two releases and what `charter check` compares
 * with the last release. Labels and texts use the names in the data and the pages' formatters.
 */

/** A thing figures belong to (a tier, a meter, a severity …): added or removed as a whole. */
export interface TermsEntity {
  /** `tier:professional`. */
  key: string;
  /** What kind of thing, in words: "tier", "meter". */
  kind: string;
  name: string;
  file: DataFileName;
  path: DataPath;
}

/** One figure: "Professional plan price" is "$3,499 per month". */
export interface TermsFigure {
  /** Stable across releases: `plan:professional:price`. */
  key: string;
  label: string;
  text: string;
  /**
   * What is compared, when the text also carries names (a rename is told once, by its
   * entity, not again by every figure that names it).
   */
  value: string;
  /** The entities it belongs to; when one is new or gone, the entity's line says it all. */
  owners: string[];
  file: DataFileName;
  path: DataPath;
}

export interface TermsFigures {
  entities: TermsEntity[];
  figures: TermsFigure[];
}

const DAY_NAMES = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** The entities and figures of a Catalog, in the order the pages show them. */
export function termsFigures(catalog: Catalog): TermsFigures {
  const entities: TermsEntity[] = [];
  const figures: TermsFigure[] = [];
  const money = moneyFormat(catalog);
  const { locale } = money;
  const pct = (x: number) => formatPercent(x, locale);
  const entity = (kind: string, id: string, name: string, file: DataFileName, path: DataPath) =>
    entities.push({ key: `${kind}:${id}`, kind, name, file, path });
  const figure = (
    key: string,
    label: string,
    text: string,
    owners: string[],
    file: DataFileName,
    path: DataPath,
    value = text,
  ) => figures.push({ key, label, text, value, owners, file, path });

  const tierName = new Map(catalog.tiers.tiers.map((t) => [t.id, t.name]));
  const severities = catalog.severities.severities;
  catalog.tiers.tiers.forEach((t, i) => entity('tier', t.id, t.name, 'tiers', ['tiers', i]));
  catalog.pricing.meters.forEach((m, i) => entity('meter', m.id, m.name, 'pricing', ['meters', i]));
  severities.forEach((s, i) => entity('severity', s.id, s.name, 'severities', ['severities', i]));

  // Pricing: each plan's price, then what each meter includes and what more of it costs.
  catalog.pricing.plans.forEach((plan, i) => {
    const name = tierName.get(plan.tier) ?? plan.tier;
    const owner = `tier:${plan.tier}`;
    const price = plan.price;
    const text =
      price.model === 'per-seat' || price.model === 'share-of-spend'
        ? priceRuleText(price, money).replace(/\.$/, '')
        : planPriceText(catalog, plan);
    figure(`plan:${plan.tier}:price`, `${name} plan price`, text, [owner], 'pricing', [
      'plans',
      i,
      'price',
    ]);
    if ('annual_monthly' in price && price.annual_monthly !== undefined)
      figure(
        `plan:${plan.tier}:annual`,
        `${name} plan price billed annually`,
        `${formatPrice(price.annual_monthly, money)} per month`,
        [owner],
        'pricing',
        ['plans', i, 'price', 'annual_monthly'],
      );
    for (const meter of catalog.pricing.meters) {
      const allowance = allowanceOf(plan, meter.id);
      const owners = [owner, `meter:${meter.id}`];
      const path = ['plans', i, 'usage', meter.id];
      figure(
        `plan:${plan.tier}:included:${meter.id}`,
        `${name} plan, ${meter.name} included`,
        includedText(meter, allowance, locale),
        owners,
        'pricing',
        [...path, 'included'],
      );
      figure(
        `plan:${plan.tier}:overage:${meter.id}`,
        `${name} plan, ${meter.name} above the included amount`,
        overageText(meter, allowance, money),
        owners,
        'pricing',
        [...path, 'overage'],
      );
    }
  });
  const planTier = new Map(catalog.pricing.plans.map((p) => [p.id, p.tier]));
  catalog.pricing.add_ons.forEach((addOn, i) => {
    const owner = `add-on:${addOn.id}`;
    entity('add-on', addOn.id, addOn.name, 'pricing', ['add_ons', i]);
    figure(
      `${owner}:price`,
      `${addOn.name} add-on price`,
      addOnPriceText(addOn.price, money),
      [owner],
      'pricing',
      ['add_ons', i, 'price'],
    );
    const plans = addOn.available_for.map((id) => tierName.get(planTier.get(id) ?? id) ?? id);
    figure(
      `${owner}:available`,
      `${addOn.name} add-on available with`,
      new Intl.ListFormat('en-US', { type: 'conjunction' }).format(plans),
      [owner],
      'pricing',
      ['add_ons', i, 'available_for'],
      [...addOn.available_for].sort().join(),
    );
    for (const [meterId, amount] of Object.entries(addOn.adds.included ?? {})) {
      const meter = catalog.pricing.meters.find((m) => m.id === meterId);
      figure(
        `${owner}:adds:${meterId}`,
        `${addOn.name} add-on, ${meter?.name ?? meterId} added`,
        meter
          ? `${formatCount(amount, locale)} ${amount === 1 ? meter.unit.one : meter.unit.other}`
          : formatCount(amount, locale),
        [owner, `meter:${meterId}`],
        'pricing',
        ['add_ons', i, 'adds', 'included', meterId],
      );
    }
  });
  for (const level of ['soft', 'hard'] as const)
    figure(
      `usage-alert:${level}`,
      `${level === 'soft' ? 'Soft' : 'Hard'} usage alert`,
      `at ${pct(catalog.pricing.usage_alerts[level])} of the included amount`,
      [],
      'pricing',
      ['usage_alerts', level],
    );

  // Service levels: availability, hours, credits, then each severity's targets.
  const scheduleName = new Map(catalog.credits.schedules.map((s) => [s.id, s.name]));
  catalog.sla.tiers.forEach((sla, i) => {
    const name = tierName.get(sla.tier) ?? sla.tier;
    const owner = `tier:${sla.tier}`;
    figure(
      `sla:${sla.tier}:availability`,
      `${name} tier availability target`,
      availabilityCells(catalog, sla.tier).availability,
      [owner],
      'sla',
      ['tiers', i, 'availability'],
    );
    const hours = catalog.sla.support_hours.find((h) => h.id === sla.support_hours);
    if (hours)
      figure(
        `sla:${sla.tier}:hours`,
        `${name} tier support hours`,
        `${hours.name} (${hours.days.map((d) => DAY_NAMES[d]).join(', ')}, ${hours.start}–${hours.end})`,
        [owner],
        'sla',
        ['tiers', i, 'support_hours'],
        `${hours.days.join()} ${hours.start}-${hours.end} ${hours.time_zone}`,
      );
    figure(
      `sla:${sla.tier}:credits`,
      `${name} tier service credits`,
      sla.credit_schedule === undefined
        ? 'None'
        : `${scheduleName.get(sla.credit_schedule) ?? sla.credit_schedule} schedule`,
      [owner],
      'sla',
      ['tiers', i, 'credit_schedule'],
      sla.credit_schedule ?? '',
    );
    for (const severity of severities) {
      if (!sla.targets[severity.id]) continue;
      const cells = targetCells(catalog, sla.tier, severity.id);
      const owners = [owner, `severity:${severity.id}`];
      const path = ['tiers', i, 'targets', severity.id];
      figure(
        `sla:${sla.tier}:${severity.id}:first_response`,
        `${name} tier, ${severity.name} first response`,
        cells.first_response,
        owners,
        'sla',
        [...path, 'first_response'],
      );
      figure(
        `sla:${sla.tier}:${severity.id}:resolution`,
        `${name} tier, ${severity.name} resolution`,
        cells.resolution,
        owners,
        'sla',
        [...path, 'resolution'],
      );
    }
  });
  severities.forEach((s, i) =>
    figure(
      `severity:${s.id}:updates`,
      `${s.name} updates`,
      s.update_interval === null ? 'As needed' : `Every ${formatDuration(s.update_interval)}`,
      [`severity:${s.id}`],
      'severities',
      ['severities', i, 'update_interval'],
    ),
  );

  // Service credits.
  figure(
    'credits:cap',
    'Service credit cap',
    `${pct(catalog.credits.cap_percent)} of the monthly fee`,
    [],
    'credits',
    ['cap_percent'],
  );
  figure(
    'credits:window',
    'Service credit claim window',
    `${formatCount(catalog.credits.claim.window_days, locale)} days after the end of the affected month`,
    [],
    'credits',
    ['claim', 'window_days'],
  );
  catalog.credits.schedules.forEach((schedule, i) => {
    const owner = `credit-schedule:${schedule.id}`;
    entity('credit-schedule', schedule.id, schedule.name, 'credits', ['schedules', i]);
    // A band is known by its uptime range: a moved edge reads as one band gone, another new.
    schedule.bands.forEach((band, j) =>
      figure(
        `${owner}:band:${band.at_least}-${band.below}`,
        `${schedule.name} credit schedule, uptime ${describeBand(band, locale)}`,
        `${pct(band.credit)} credit`,
        [owner],
        'credits',
        ['schedules', i, 'bands', j],
      ),
    );
  });

  // Escalation: when each level is brought in, for each severity.
  catalog.escalation.levels.forEach((level, i) =>
    entity('escalation-level', level.id, `${level.name} (${level.role})`, 'escalation', [
      'levels',
      i,
    ]),
  );
  for (const severity of severities) {
    for (const level of catalog.escalation.levels) {
      const after = catalog.escalation.matrix[severity.id]?.[level.id];
      figure(
        `escalation:${severity.id}:${level.id}`,
        `${severity.name}, escalation to ${level.name} (${level.role})`,
        after === undefined ? 'None' : `After ${formatDuration(after)}`,
        [`severity:${severity.id}`, `escalation-level:${level.id}`],
        'escalation',
        ['matrix', severity.id, level.id],
      );
    }
  }

  // What each tier includes.
  catalog.features.features.forEach((feature, i) => {
    const owner = `feature:${feature.id}`;
    entity('feature', feature.id, feature.name, 'features', ['features', i]);
    for (const tier of catalog.tiers.tiers) {
      const value = feature.values[tier.id];
      if (value === undefined) continue;
      figure(
        `${owner}:${tier.id}`,
        `${tier.name} tier, ${feature.name}`,
        featureValueText(value),
        [owner, `tier:${tier.id}`],
        'features',
        ['features', i, 'values', tier.id],
      );
    }
  });

  // Custom development, when the site publishes it.
  if (!isAbsent(catalog.services)) {
    catalog.services.rate_card.forEach((role, i) => {
      const owner = `rate-card-role:${role.id}`;
      entity('rate-card-role', role.id, role.role, 'services', ['rate_card', i]);
      figure(
        `${owner}:hourly`,
        `${role.role} hourly rate`,
        `${formatRate(role.hourly, money)} per hour`,
        [owner],
        'services',
        ['rate_card', i, 'hourly'],
      );
    });
    figure(
      'retainer:discount',
      'Retainer discount',
      pct(catalog.services.retainer.discount_percent),
      [],
      'services',
      ['retainer', 'discount_percent'],
    );
    figure(
      'retainer:minimum',
      'Retainer minimum',
      `${formatCount(catalog.services.retainer.minimum_monthly_hours, locale)} hours per month`,
      [],
      'services',
      ['retainer', 'minimum_monthly_hours'],
    );
  }
  return { entities, figures };
}

/** What each kind of entity is called in a sentence. */
export const ENTITY_WORDS: Record<string, string> = {
  tier: 'tier',
  meter: 'meter',
  severity: 'severity',
  'add-on': 'add-on',
  'credit-schedule': 'credit schedule',
  'escalation-level': 'escalation level',
  feature: 'feature',
  'rate-card-role': 'rate-card role',
};
