import type { Catalog } from '../data/load.ts';
import type { DataPath } from '../data/positions.ts';
import type { DataFileName } from '../schemas/index.ts';
import { isAbsent } from '../data/absent.ts';
import { moneyFormat, planPriceText, weekdayNames } from './catalog.ts';
import { allowanceOf } from './cost.ts';
import { describeBand } from './credits.ts';
import { formatDuration } from './duration.ts';
import { featureValueText } from './features.ts';
import { formatCount, formatPercent } from './format.ts';
import { formatPrice } from './money.ts';
import { addOnPriceText, includedText, overageText, priceRuleText } from './pricing-text.ts';
import { availabilityCells, targetCells } from './published.ts';
import { english, type CharterKey, type Translate } from './i18n.ts';

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

/** One figure: "Team plan price" is "$499 per month". */
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

/** The entities and figures of a Catalog, in the order the pages show them. */
export function termsFigures(catalog: Catalog, t: Translate = english): TermsFigures {
  const entities: TermsEntity[] = [];
  const figures: TermsFigure[] = [];
  const money = moneyFormat(catalog);
  const { locale } = money;
  const pct = (x: number) => formatPercent(x, locale);
  const DAY_NAMES = weekdayNames(locale);
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
  catalog.tiers.tiers.forEach((tier, i) =>
    entity('tier', tier.id, tier.name, 'tiers', ['tiers', i]),
  );
  catalog.pricing.meters.forEach((m, i) => entity('meter', m.id, m.name, 'pricing', ['meters', i]));
  severities.forEach((s, i) => entity('severity', s.id, s.name, 'severities', ['severities', i]));

  // Pricing: each plan's price, then what each meter includes and what more of it costs.
  catalog.pricing.plans.forEach((plan, i) => {
    const name = tierName.get(plan.tier) ?? plan.tier;
    const owner = `tier:${plan.tier}`;
    const price = plan.price;
    const text =
      price.model === 'per-seat' || price.model === 'share-of-spend'
        ? priceRuleText(price, money, t).replace(/[.。]$/, '')
        : planPriceText(catalog, plan, t);
    figure(
      `plan:${plan.tier}:price`,
      t('charter.termsFigures.planPrice', { name }),
      text,
      [owner],
      'pricing',
      ['plans', i, 'price'],
    );
    if ('annual_monthly' in price && price.annual_monthly !== undefined)
      figure(
        `plan:${plan.tier}:annual`,
        t('charter.termsFigures.planAnnual', { name }),
        t('charter.price.perMonth', { price: formatPrice(price.annual_monthly, money) }),
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
        t('charter.termsFigures.planIncluded', { name, meter: meter.name }),
        includedText(meter, allowance, locale, t),
        owners,
        'pricing',
        [...path, 'included'],
      );
      figure(
        `plan:${plan.tier}:overage:${meter.id}`,
        t('charter.termsFigures.planOverage', { name, meter: meter.name }),
        overageText(meter, allowance, money, t),
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
      t('charter.termsFigures.addOnPrice', { name: addOn.name }),
      addOnPriceText(addOn.price, money, t),
      [owner],
      'pricing',
      ['add_ons', i, 'price'],
    );
    const plans = addOn.available_for.map((id) => tierName.get(planTier.get(id) ?? id) ?? id);
    figure(
      `${owner}:available`,
      t('charter.termsFigures.addOnAvailable', { name: addOn.name }),
      new Intl.ListFormat(locale, { type: 'conjunction' }).format(plans),
      [owner],
      'pricing',
      ['add_ons', i, 'available_for'],
      [...addOn.available_for].sort().join(),
    );
    for (const [meterId, amount] of Object.entries(addOn.adds.included ?? {})) {
      const meter = catalog.pricing.meters.find((m) => m.id === meterId);
      figure(
        `${owner}:adds:${meterId}`,
        t('charter.termsFigures.addOnAdds', { name: addOn.name, meter: meter?.name ?? meterId }),
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
      t(level === 'soft' ? 'charter.termsFigures.softAlert' : 'charter.termsFigures.hardAlert'),
      t('charter.termsFigures.alertAt', { percent: pct(catalog.pricing.usage_alerts[level]) }),
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
      t('charter.termsFigures.availability', { name }),
      availabilityCells(catalog, sla.tier, t).availability,
      [owner],
      'sla',
      ['tiers', i, 'availability'],
    );
    const hours = catalog.sla.support_hours.find((h) => h.id === sla.support_hours);
    if (hours)
      figure(
        `sla:${sla.tier}:hours`,
        t('charter.termsFigures.supportHours', { name }),
        `${hours.name} (${hours.days.map((d) => DAY_NAMES[d]).join(', ')}, ${hours.start}–${hours.end})`,
        [owner],
        'sla',
        ['tiers', i, 'support_hours'],
        `${hours.days.join()} ${hours.start}-${hours.end} ${hours.time_zone}`,
      );
    figure(
      `sla:${sla.tier}:credits`,
      t('charter.termsFigures.credits', { name }),
      sla.credit_schedule === undefined
        ? t('charter.termsFigures.none')
        : t('charter.termsFigures.schedule', {
            schedule: scheduleName.get(sla.credit_schedule) ?? sla.credit_schedule,
          }),
      [owner],
      'sla',
      ['tiers', i, 'credit_schedule'],
      sla.credit_schedule ?? '',
    );
    for (const severity of severities) {
      if (!sla.targets[severity.id]) continue;
      const cells = targetCells(catalog, sla.tier, severity.id, t);
      const owners = [owner, `severity:${severity.id}`];
      const path = ['tiers', i, 'targets', severity.id];
      figure(
        `sla:${sla.tier}:${severity.id}:first_response`,
        t('charter.termsFigures.firstResponse', { name, severity: severity.name }),
        cells.first_response,
        owners,
        'sla',
        [...path, 'first_response'],
      );
      figure(
        `sla:${sla.tier}:${severity.id}:resolution`,
        t('charter.termsFigures.resolution', { name, severity: severity.name }),
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
      t('charter.termsFigures.updates', { severity: s.name }),
      s.update_interval === null
        ? t('charter.severityTable.asNeeded')
        : t('charter.severityTable.every', { duration: formatDuration(s.update_interval, t) }),
      [`severity:${s.id}`],
      'severities',
      ['severities', i, 'update_interval'],
    ),
  );

  // Service credits.
  figure(
    'credits:cap',
    t('charter.termsFigures.cap'),
    t('charter.kbFigures.capOfFee', { percent: pct(catalog.credits.cap_percent) }),
    [],
    'credits',
    ['cap_percent'],
  );
  figure(
    'credits:window',
    t('charter.termsFigures.window'),
    t('charter.termsFigures.windowText', {
      days: t('charter.creditTerms.days', { count: catalog.credits.claim.window_days }),
    }),
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
        t('charter.termsFigures.band', {
          schedule: schedule.name,
          band: describeBand(band, locale, t),
        }),
        t('charter.termsFigures.bandCredit', { percent: pct(band.credit) }),
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
        t('charter.termsFigures.escalation', {
          severity: severity.name,
          level: level.name,
          role: level.role,
        }),
        after === undefined
          ? t('charter.termsFigures.none')
          : t('charter.escalationMatrix.after', { duration: formatDuration(after, t) }),
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
        t('charter.termsFigures.feature', { name: tier.name, feature: feature.name }),
        featureValueText(value, t),
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
        t('charter.termsFigures.hourly', { role: role.role }),
        // As the rate card says it.
        t('charter.termsFigures.perHour', { price: formatPrice(role.hourly, money) }),
        [owner],
        'services',
        ['rate_card', i, 'hourly'],
      );
    });
    figure(
      'retainer:discount',
      t('charter.termsFigures.retainerDiscount'),
      pct(catalog.services.retainer.discount_percent),
      [],
      'services',
      ['retainer', 'discount_percent'],
    );
    figure(
      'retainer:minimum',
      t('charter.termsFigures.retainerMinimum'),
      t('charter.termsFigures.hoursPerMonth', {
        hours: t('charter.rateCard.hours', {
          count: catalog.services.retainer.minimum_monthly_hours,
        }),
      }),
      [],
      'services',
      ['retainer', 'minimum_monthly_hours'],
    );
  }
  return { entities, figures };
}

/** What each kind of entity is called in a sentence, by the key of its word. */
export const ENTITY_WORDS = {
  tier: 'charter.termsDiff.tier',
  meter: 'charter.termsDiff.meter',
  severity: 'charter.termsDiff.severity',
  'add-on': 'charter.termsDiff.addOn',
  'credit-schedule': 'charter.termsDiff.creditSchedule',
  'escalation-level': 'charter.termsDiff.escalationLevel',
  feature: 'charter.termsDiff.feature',
  'rate-card-role': 'charter.termsDiff.rateCardRole',
} as const satisfies Record<string, CharterKey>;
