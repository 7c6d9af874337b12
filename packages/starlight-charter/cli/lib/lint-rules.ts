import { isMap, isScalar, isSeq } from 'yaml';
import type { Catalog } from '../../data/load';
import { formatIssue, issueAt } from '../../data/issues';
import { locate, type DataPath, type SourceFile } from '../../data/positions';
import {
  clockLabel,
  describeTarget,
  moneyFormat,
  planForTier,
  planPriceText,
  slaForTier,
  supportHoursFor,
  targetFor,
} from '../../lib/catalog';
import { basePrice, listPrice } from '../../lib/charges';
import { allowanceOf } from '../../lib/cost';
import { formatDuration } from '../../lib/duration';
import { formatPercent } from '../../lib/format';
import { formatPrice, formatRate, type MoneyFormat } from '../../lib/money';
import { amountText, periodSuffix } from '../../lib/pricing-text';
import { isHttpUrl } from '../../schemas/url';
import { wallClockMinutes } from '../../lib/worst-case';
import type { FeatureValue } from '../../schemas/features';
import type { Allowance, Meter, OverageCharge, Plan, Price } from '../../schemas/pricing';
import type { LintRule } from '../../schemas/shared';
import type { Clock } from '../../schemas/shared';
import type { Finding } from './check';
import { isAbsent } from '../../data/absent';

/**
 * What the data means, beyond its schema: rules that read the whole Catalog and report each
 * conflict at the file, line and column of one side, naming the other side's place too.
 */

/** The loaded data plus the YAML sources, keyed by file name (files added later included). */
export interface LintContext {
  catalog: Catalog;
  sources: Partial<Record<string, SourceFile>>;
}

export interface LintCheck {
  id: string;
  run(ctx: LintContext): Finding[];
}

/**
 * The data entry whose `lint_exceptions` can record that a finding is intended: a plan, a
 * tier's SLA entry, a feature.
 */
export interface ExceptionEntry {
  file: string;
  path: DataPath;
  /** How people name it: `plan "business"`. */
  what: string;
}

/**
 * Rules no entry may opt out of, with why and what to change instead: each finds terms that
 * contradict themselves or cannot be kept, never a choice.
 */
export const NO_EXCEPTION: Record<string, string> = {
  'resolution-before-response':
    'a resolution cannot be promised before the first response; change one of the two targets',
  'escalation-order':
    'each level comes in later than the one before it, the last by the resolution target; change the matrix',
  'credit-bands':
    'bands run without gaps or overlaps from the availability target down to 0 %, credits rising as uptime falls; change the bands',
  'update-intervals': 'updates come less often as severity falls; change the intervals',
  'weights-sum-to-one': 'the weights are shares of one score; make them add up to 1',
  'prices-rise':
    'tiers are listed from the lowest up, each costing more than the one before; put tiers.yaml in price order, or change the price',
  'add-on-response':
    'an add-on that promises faster answers must be faster; change its times, or take the plan out of its available_for',
  'http-url':
    'a warning, which does not fail the check; give the https:// address when there is one',
};

class Reporter {
  readonly findings: Finding[] = [];
  private readonly ctx: LintContext;
  private readonly rule: string;

  constructor(ctx: LintContext, rule: string) {
    this.ctx = ctx;
    this.rule = rule;
  }

  private source(file: string): SourceFile {
    const source = this.ctx.sources[file];
    if (!source) throw new Error(`Charter lint: no source for data file "${file}"`);
    return source;
  }

  /** `data/sla.yaml:52:14`, for naming the other side of a conflict. */
  where(file: string, path: DataPath): string {
    const { line, col } = locate(this.source(file), path);
    return `${this.source(file).file}:${line}:${col}`;
  }

  /** `entry` is where an intended exception is recorded, for the rules that allow one. */
  error(file: string, path: DataPath, message: string, entry?: ExceptionEntry): void {
    this.add('error', file, path, message, entry);
  }

  warning(file: string, path: DataPath, message: string, entry?: ExceptionEntry): void {
    this.add('warning', file, path, message, entry);
  }

  /**
   * Every finding ends with its rule's id in brackets, the id `lint_exceptions` takes, and
   * carries a hint: how to record it as intended, or why it cannot be.
   */
  private add(
    level: Finding['level'],
    file: string,
    path: DataPath,
    message: string,
    entry: ExceptionEntry | undefined,
  ): void {
    const text = formatIssue(issueAt(this.source(file), path, `${message} [${this.rule}]`));
    const hint = entry
      ? `if intended: add lint_exceptions: [{ rule: ${this.rule}, reason: "…" }] to ${entry.what} ` +
        `at ${this.where(entry.file, entry.path)}`
      : NO_EXCEPTION[this.rule]
        ? `no exception can be recorded: ${NO_EXCEPTION[this.rule]}`
        : undefined;
    this.findings.push(hint ? { level, text, hint } : { level, text });
  }
}

function rule(id: string, body: (ctx: LintContext, report: Reporter) => void): LintCheck {
  return {
    id,
    run(ctx) {
      const report = new Reporter(ctx, id);
      body(ctx, report);
      return report.findings;
    },
  };
}

/** Tiers from lowest to highest, as adjacent pairs. */
function tierPairs(catalog: Catalog): [string, string][] {
  const ids = catalog.tiers.tiers.map((t) => t.id);
  return ids.slice(1).map((id, i) => [ids[i]!, id]);
}

function excepted(list: { rule: LintRule }[] | undefined, id: LintRule): boolean {
  return (list ?? []).some((e) => e.rule === id);
}

function slaIndex(catalog: Catalog, tierId: string): number {
  return catalog.sla.tiers.findIndex((s) => s.tier === tierId);
}

function planIndex(catalog: Catalog, plan: Plan): number {
  return catalog.pricing.plans.indexOf(plan);
}

/** A tier's SLA entry, where the tier-order rules take their exceptions. */
function slaEntry(catalog: Catalog, tierId: string): ExceptionEntry {
  return {
    file: 'sla',
    path: ['tiers', slaIndex(catalog, tierId)],
    what: `the SLA of tier "${tierId}"`,
  };
}

/** A plan, where the pricing rules take their exceptions. */
function planEntry(catalog: Catalog, plan: Plan): ExceptionEntry {
  return { file: 'pricing', path: ['plans', planIndex(catalog, plan)], what: `plan "${plan.id}"` };
}

function severityName(catalog: Catalog, id: string): string {
  return catalog.severities.severities.find((s) => s.id === id)?.name ?? id;
}

/** "8 hours (business hours, up to 3 days wall-clock)" or "2 hours (24x7)". */
function describeWithWallClock(minutes: number, clock: Clock, wall: number): string {
  if (clock === 'calendar') return `${formatDuration(minutes)} (${clockLabel(clock)})`;
  return `${formatDuration(minutes)} (${clockLabel(clock)}, up to ${formatDuration(wall)} wall-clock)`;
}

const TARGET_WORDS = { first_response: 'first response', resolution: 'resolution' } as const;

/** A higher tier never answers or resolves more slowly than the tier below, in worst-case wall-clock time. */
export const slowerResponse = rule('slower-response', ({ catalog }, report) => {
  for (const [lowId, highId] of tierPairs(catalog)) {
    const high = slaForTier(catalog, highId);
    if (excepted(high.lint_exceptions, 'slower-response')) continue;
    for (const { id: sev } of catalog.severities.severities) {
      const lowTarget = targetFor(catalog, lowId, sev);
      const highTarget = targetFor(catalog, highId, sev);
      for (const field of ['first_response', 'resolution'] as const) {
        const lowMinutes =
          field === 'first_response' ? lowTarget.firstResponse : lowTarget.resolution;
        const highMinutes =
          field === 'first_response' ? highTarget.firstResponse : highTarget.resolution;
        if (lowMinutes === null) continue;
        const lowPath = ['tiers', slaIndex(catalog, lowId), 'targets', sev, field];
        const highPath = ['tiers', slaIndex(catalog, highId), 'targets', sev];
        const lowWall = wallClockMinutes(
          lowMinutes,
          lowTarget.clock,
          supportHoursFor(catalog, lowId),
        );
        const lowText = describeWithWallClock(lowMinutes, lowTarget.clock, lowWall);
        const what = `${severityName(catalog, sev)} ${TARGET_WORDS[field]}`;
        if (highMinutes === null) {
          report.error(
            'sla',
            highPath,
            `${highId} promises no ${what} target, while ${lowId} promises ${lowText} at ` +
              `${report.where('sla', lowPath)}`,
            slaEntry(catalog, highId),
          );
          continue;
        }
        const highWall = wallClockMinutes(
          highMinutes,
          highTarget.clock,
          supportHoursFor(catalog, highId),
        );
        if (highWall > lowWall) {
          const highText = describeWithWallClock(highMinutes, highTarget.clock, highWall);
          report.error(
            'sla',
            [...highPath, field],
            `${highId} promises ${highText} for ${what}, slower than ${lowId}'s ${lowText} at ` +
              `${report.where('sla', lowPath)}`,
            slaEntry(catalog, highId),
          );
        }
      }
    }
  }
});

/**
 * A higher tier never promises lower availability; promising none (best effort) above a tier
 * that promises some is lower too.
 */
export const lowerAvailability = rule('lower-availability', ({ catalog }, report) => {
  const locale = catalog.company.locale;
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = slaForTier(catalog, lowId);
    const high = slaForTier(catalog, highId);
    if (excepted(high.lint_exceptions, 'lower-availability') || low.availability === null) continue;
    if (high.availability !== null && high.availability >= low.availability) continue;
    const promised =
      high.availability === null
        ? 'no availability target (best effort)'
        : `${formatPercent(high.availability, locale)} availability`;
    report.error(
      'sla',
      ['tiers', slaIndex(catalog, highId), 'availability'],
      `${highId} promises ${promised}, lower than ${lowId}'s ` +
        `${formatPercent(low.availability, locale)} at ` +
        `${report.where('sla', ['tiers', slaIndex(catalog, lowId), 'availability'])}`,
      slaEntry(catalog, highId),
    );
  }
});

/** An included amount in a sentence: the amount in the meter's unit and its period, or "unlimited". */
function includedWords(meter: Meter, included: number | 'unlimited', locale: string): string {
  if (included === 'unlimited') return `unlimited ${meter.unit.other}`;
  return `${amountText(meter.unit, included, locale)}${periodSuffix(meter)}`;
}

/**
 * A higher tier's plan never includes less of any declared meter; unlimited is the most there
 * is (exception: `fewer-units` on the higher plan).
 */
export const fewerUnits = rule('fewer-units', ({ catalog }, report) => {
  const locale = catalog.company.locale;
  const amount = (a: Allowance) => (a.included === 'unlimited' ? Infinity : a.included);
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    if (excepted(high.lint_exceptions, 'fewer-units')) continue;
    for (const meter of catalog.pricing.meters) {
      const lowAllowance = allowanceOf(low, meter.id);
      const highAllowance = allowanceOf(high, meter.id);
      if (amount(highAllowance) >= amount(lowAllowance)) continue;
      const path = (plan: Plan) => [
        'plans',
        planIndex(catalog, plan),
        'usage',
        meter.id,
        'included',
      ];
      report.error(
        'pricing',
        path(high),
        `${high.id} includes ${includedWords(meter, highAllowance.included, locale)}, less than ` +
          `${low.id}'s ${includedWords(meter, lowAllowance.included, locale)} at ` +
          report.where('pricing', path(low)),
        planEntry(catalog, high),
      );
    }
  }
});

/** A higher tier never has fewer contact channels (exception: `fewer-channels` on its SLA entry). */
export const fewerChannels = rule('fewer-channels', ({ catalog }, report) => {
  const channelsOf = (tier: string) =>
    catalog.channels.channels.filter((c) => c.tiers.includes(tier)).map((c) => c.id);
  for (const [lowId, highId] of tierPairs(catalog)) {
    if (excepted(slaForTier(catalog, highId).lint_exceptions, 'fewer-channels')) continue;
    const low = channelsOf(lowId);
    const high = channelsOf(highId);
    if (high.length >= low.length) continue;
    report.error(
      'channels',
      ['channels'],
      `${highId} has ${high.length} channel(s) (${high.join(', ') || 'none'}), fewer than ` +
        `${lowId}'s ${low.length} ` +
        `(${low.join(', ')})`,
      slaEntry(catalog, highId),
    );
  }
});

/** How much of a feature a matrix cell gives, for ordering: free text counts as partial. */
function featureRank(value: FeatureValue): number {
  if (typeof value === 'object') return 1;
  return { no: 0, 'add-on': 1, yes: 2, included: 2 }[value];
}

function featureText(value: FeatureValue): string {
  return typeof value === 'object' ? `"${value.text}"` : `"${value}"`;
}

/** A higher tier never offers less of a feature (exception: `fewer-features` on the feature). */
export const fewerFeatures = rule('fewer-features', ({ catalog }, report) => {
  catalog.features.features.forEach((feature, i) => {
    if (excepted(feature.lint_exceptions, 'fewer-features')) return;
    for (const [lowId, highId] of tierPairs(catalog)) {
      const low = feature.values[lowId];
      const high = feature.values[highId];
      if (low === undefined || high === undefined || featureRank(high) >= featureRank(low))
        continue;
      report.error(
        'features',
        ['features', i, 'values', highId],
        `${highId} offers ${featureText(high)} for ${feature.name}, less than ${lowId}'s ` +
          `${featureText(low)} at ` +
          report.where('features', ['features', i, 'values', lowId]),
        { file: 'features', path: ['features', i], what: `feature "${feature.id}"` },
      );
    }
  });
});

/** Within one target, resolution never comes before first response (both on the target's clock). */
export const resolutionBeforeResponse = rule(
  'resolution-before-response',
  ({ catalog }, report) => {
    catalog.sla.tiers.forEach((sla, i) => {
      for (const [sev, target] of Object.entries(sla.targets)) {
        // A best-effort first response (null) has no time for a resolution to come before.
        if (
          target.resolution === undefined ||
          target.first_response === null ||
          target.resolution >= target.first_response
        )
          continue;
        const clock = target.clock ?? sla.clock;
        const path = ['tiers', i, 'targets', sev];
        report.error(
          'sla',
          [...path, 'resolution'],
          `${sla.tier} resolves ${severityName(catalog, sev)} within ${formatDuration(target.resolution)} ` +
            `(${clockLabel(clock)}), sooner than its first response of ` +
            `${formatDuration(target.first_response)} ` +
            `(${clockLabel(clock)}) at ${report.where('sla', [...path, 'first_response'])}`,
        );
      }
    });
  },
);

/** Per severity, escalation levels trigger strictly later one after another, and never after resolution. */
export const escalationOrder = rule('escalation-order', ({ catalog }, report) => {
  const levels = catalog.escalation.levels;
  for (const { id: sev, name } of catalog.severities.severities) {
    const row = catalog.escalation.matrix[sev];
    if (!row) continue;
    const present = levels.filter((l) => row[l.id] !== undefined);
    present.forEach((level, k) => {
      const previous = present[k - 1];
      if (previous && row[level.id]! <= row[previous.id]!) {
        report.error(
          'escalation',
          ['matrix', sev, level.id],
          `${name} escalates to ${level.name} after ${formatDuration(row[level.id]!)}, not later than ` +
            `${previous.name}'s ${formatDuration(row[previous.id]!)} at ` +
            `${report.where('escalation', ['matrix', sev, previous.id])}`,
        );
      }
    });
    const last = present[present.length - 1];
    if (!last) continue;
    for (const sla of catalog.sla.tiers) {
      const target = targetFor(catalog, sla.tier, sev);
      if (target.resolution === null || row[last.id]! <= target.resolution) continue;
      report.error(
        'escalation',
        ['matrix', sev, last.id],
        `${name} escalates to ${last.name} after ${formatDuration(row[last.id]!)}, later than ` +
          `${sla.tier}'s ` +
          `resolution target of ${formatDuration(target.resolution)} (${clockLabel(target.clock)}) at ` +
          report.where('sla', ['tiers', slaIndex(catalog, sla.tier), 'targets', sev, 'resolution']),
      );
    }
  }
});

/**
 * Credit bands (listed highest uptime first) are contiguous half-open ranges from the tier's
 * availability target down to 0 %, and credits rise as uptime falls. The cap is at most 100 %
 * by its schema; a band above the cap is allowed (creditFor caps it) but warned about.
 */
export const creditBands = rule('credit-bands', ({ catalog }, report) => {
  const locale = catalog.company.locale;
  const pct = (n: number) => formatPercent(n, locale);
  const cap = catalog.credits.cap_percent;
  catalog.credits.schedules.forEach((schedule, s) => {
    const band = (k: number, field?: string): DataPath => [
      'schedules',
      s,
      'bands',
      k,
      ...(field ? [field] : []),
    ];
    const bands = schedule.bands;
    bands.forEach((b, k) => {
      if (b.credit > cap) {
        report.warning(
          'credits',
          band(k, 'credit'),
          `band credit ${pct(b.credit)} is above the ${pct(cap)} cap at ` +
            `${report.where('credits', ['cap_percent'])}, so at most ${pct(cap)} is paid`,
        );
      }
      const above = bands[k - 1];
      if (!above) return;
      if (b.below < above.at_least) {
        report.error(
          'credits',
          band(k, 'below'),
          `gap: this band ends below ${pct(b.below)} but the band above starts at ` +
            `${pct(above.at_least)} at ` +
            `${report.where('credits', band(k - 1, 'at_least'))}, so uptime from ${pct(b.below)} up to ` +
            `${pct(above.at_least)} earns no credit`,
        );
      } else if (b.below > above.at_least) {
        report.error(
          'credits',
          band(k, 'below'),
          `overlap: this band ends below ${pct(b.below)} but the band above starts at ` +
            `${pct(above.at_least)} at ` +
            `${report.where('credits', band(k - 1, 'at_least'))}, so uptime from ` +
            `${pct(above.at_least)} up to ` +
            `${pct(b.below)} falls in both`,
        );
      }
      if (b.credit <= above.credit) {
        report.error(
          'credits',
          band(k, 'credit'),
          `credit ${pct(b.credit)} for lower uptime is not more than the band above's ` +
            `${pct(above.credit)} at ` +
            report.where('credits', band(k - 1, 'credit')),
        );
      }
    });
    const lowest = bands[bands.length - 1]!;
    if (lowest.at_least > 0) {
      report.error(
        'credits',
        band(bands.length - 1, 'at_least'),
        `the lowest band starts at ${pct(lowest.at_least)}, so uptime below ` +
          `${pct(lowest.at_least)} earns no credit`,
      );
    }
    catalog.sla.tiers.forEach((sla, i) => {
      // A best-effort tier has no target and no schedule (a cross-check of the loader).
      if (
        sla.credit_schedule !== schedule.id ||
        sla.availability === null ||
        bands[0]!.below === sla.availability
      )
        return;
      report.error(
        'credits',
        band(0, 'below'),
        `the top band ends below ${pct(bands[0]!.below)}, but ${sla.tier}'s availability target is ` +
          `${pct(sla.availability)} at ${report.where('sla', ['tiers', i, 'availability'])}; ` +
          `credits must start ` +
          `exactly at the target`,
      );
    });
  });
});

/** Updates come less often as severity falls: Sev 1 most often, "as needed" only at the end. */
export const updateIntervals = rule('update-intervals', ({ catalog }, report) => {
  const severities = catalog.severities.severities;
  const words = (m: number | null) => (m === null ? 'as needed' : `every ${formatDuration(m)}`);
  severities.forEach((sev, k) => {
    const previous = severities[k - 1];
    if (!previous) return;
    const now = sev.update_interval ?? Infinity;
    const before = previous.update_interval ?? Infinity;
    if (now > before || (now === Infinity && before === Infinity)) return;
    report.error(
      'severities',
      ['severities', k, 'update_interval'],
      `${sev.name} updates ${words(sev.update_interval)}, not less often than ${previous.name}'s ` +
        `${words(previous.update_interval)} at ` +
        `${report.where('severities', ['severities', k - 1, 'update_interval'])}`,
    );
  });
});

/** Lists of weights that must add up to 1, wherever the data has them. */
export const WEIGHT_LISTS = [
  { file: 'playbook', path: ['health_score', 'factors'], what: 'health score' },
] as const;

export const weightsSumToOne = rule('weights-sum-to-one', ({ catalog }, report) => {
  for (const list of WEIGHT_LISTS) {
    let value: unknown = (catalog as unknown as Record<string, unknown>)[list.file];
    // A file the site leaves out (its sections are off) has no weights to add up.
    if (isAbsent(value)) continue;
    for (const key of list.path)
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(value)) continue;
    const items = value as { id?: string; weight?: number }[];
    const sum = items.reduce(
      (total, f) => total + (typeof f.weight === 'number' ? f.weight : 0),
      0,
    );
    if (Math.abs(sum - 1) < 1e-9) continue;
    const parts = items.map((f) => `${f.id ?? '?'} ${f.weight}`).join(' + ');
    report.error(
      list.file,
      [...list.path],
      `${list.what} weights add up to ${+sum.toFixed(9)}, not 1 (${parts})`,
    );
  }
});

/** The price as the pricing page says it and, for a per-seat price, what a month at its minimum seats costs. */
function priceWords(catalog: Catalog, plan: Plan): string {
  const text = planPriceText(catalog, plan);
  const { price } = plan;
  if (price.model !== 'per-seat') return text;
  const least = basePrice(price, {}, catalog.company.currency)!;
  return (
    `${text} (${formatPrice(least, moneyFormat(catalog))} per month at its minimum of ` +
    `${amountText(price.seat, price.minimum_seats, catalog.company.locale)})`
  );
}

/**
 * What a price is compared by, for ordering. Prices of one kind compare by their own amount
 * (monthly, per seat, or the share-of-spend minimum); prices of different kinds by the least a
 * month can cost (a per-seat price at its minimum seats, a share of spend at its minimum, a
 * "from" price at its start). Null for a price on request.
 */
function comparable(low: Price, high: Price, currency: string): [number, number] | null {
  const kind = (p: Price) => (p.model === 'from' ? 'flat' : p.model);
  if (low.model === 'contact-us' || high.model === 'contact-us') return null;
  if (kind(low) === kind(high)) return [listPrice(low), listPrice(high)];
  return [basePrice(low, {}, currency)!, basePrice(high, {}, currency)!];
}

/** A higher tier's plan costs strictly more; plans priced "contact us" are not compared. */
export const pricesRise = rule('prices-rise', ({ catalog }, report) => {
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    const amounts = comparable(low.price, high.price, catalog.company.currency);
    if (amounts === null || amounts[1] > amounts[0]) continue;
    const mixed = low.price.model !== high.price.model;
    const words = (plan: Plan) =>
      mixed ? priceWords(catalog, plan) : planPriceText(catalog, plan);
    report.error(
      'pricing',
      ['plans', planIndex(catalog, high), 'price'],
      `${high.id} costs ${words(high)}, no more than ${low.id}'s ${words(low)} at ` +
        report.where('pricing', ['plans', planIndex(catalog, low), 'price']),
    );
  }
});

/** One stretch of an overage charge: the rate per unit from `from` units above the included amount. */
interface RateStep {
  from: number;
  /** Micro-units per unit; fractional for a package whose size does not divide its price. */
  rate: number;
  /** Where the rate is written, below the allowance's `overage`. */
  path: DataPath;
  /** The rate as the data states it, per unit, or per pack with what that is per unit. */
  text: string;
}

/**
 * An overage charge as rates per unit over the units above the included amount. A package is
 * taken at its price divided by its size, the rate of a full pack: a pack started and not used
 * up costs more per unit, on either plan alike.
 */
function rateSteps(charge: OverageCharge, unit: Meter['unit'], money: MoneyFormat): RateStep[] {
  const per = (micros: number) => `${formatRate(micros, money)} per ${unit.one}`;
  switch (charge.model) {
    case 'per-unit':
      return [{ from: 0, rate: charge.per_unit, path: ['per_unit'], text: per(charge.per_unit) }];
    case 'package': {
      const rate = charge.price / charge.size;
      const text =
        `${formatPrice(charge.price, money)} per ${amountText(unit, charge.size, money.locale)} ` +
        `(${per(rate)})`;
      return [{ from: 0, rate, path: ['package', 'price'], text }];
    }
    case 'graduated':
      return charge.bands.map((band, k) => ({
        from: k === 0 ? 0 : charge.bands[k - 1]!.up_to!,
        rate: band.per_unit,
        path: ['graduated', k, 'per_unit'],
        text: per(band.per_unit),
      }));
  }
}

/** The step in effect at `quantity` units above the included amount. */
function stepAt(steps: RateStep[], quantity: number): RateStep {
  return steps.filter((s) => s.from <= quantity).at(-1)!;
}

/**
 * A higher tier never charges more per unit above its included amount than the tier below
 * (exception: `higher-overage` on the higher plan). Graduated charges are compared band by
 * band at the same quantity above each plan's included amount: at every quantity where either
 * side's rate changes, the higher tier's rate in effect is no more than the lower tier's. A
 * meter without overage on either side (a hard limit, or unlimited) has no rate to compare.
 */
export const higherOverage = rule('higher-overage', ({ catalog }, report) => {
  const money = moneyFormat(catalog);
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    if (excepted(high.lint_exceptions, 'higher-overage')) continue;
    for (const meter of catalog.pricing.meters) {
      const lowCharge = allowanceOf(low, meter.id).overage;
      const highCharge = allowanceOf(high, meter.id).overage;
      if (lowCharge === undefined || highCharge === undefined) continue;
      const lowSteps = rateSteps(lowCharge, meter.unit, money);
      const highSteps = rateSteps(highCharge, meter.unit, money);
      const quantities = [...new Set([...lowSteps, ...highSteps].map((s) => s.from))].sort(
        (a, b) => a - b,
      );
      const reported = new Set<RateStep>();
      for (const quantity of quantities) {
        const lowStep = stepAt(lowSteps, quantity);
        const highStep = stepAt(highSteps, quantity);
        // One finding per band of the higher plan, at the first quantity where it costs more.
        if (highStep.rate <= lowStep.rate || reported.has(highStep)) continue;
        reported.add(highStep);
        const path = (plan: Plan, step: RateStep) => [
          'plans',
          planIndex(catalog, plan),
          'usage',
          meter.id,
          'overage',
          ...step.path,
        ];
        const where =
          quantity === 0
            ? 'above the included amount'
            : `from ${amountText(meter.unit, quantity, money.locale)} above the included amount`;
        report.error(
          'pricing',
          path(high, highStep),
          `${high.id} charges ${highStep.text} ${where}, more than ${low.id}'s ${lowStep.text} at ` +
            report.where('pricing', path(low, lowStep)),
          planEntry(catalog, high),
        );
      }
    }
  }
});

/**
 * An add-on that promises faster first responses is faster than every plan it is sold with
 * already is. Its times run on the clock of the plan's own target, so minutes compare as
 * they are.
 */
export const addOnResponse = rule('add-on-response', ({ catalog }, report) => {
  catalog.pricing.add_ons.forEach((addOn, i) => {
    for (const [sev, minutes] of Object.entries(addOn.adds.first_response ?? {})) {
      for (const planId of addOn.available_for) {
        const plan = catalog.pricing.plans.find((p) => p.id === planId);
        if (plan === undefined) continue;
        const target = targetFor(catalog, plan.tier, sev);
        // Any time is faster than a plan that promises none (best effort).
        if (target.firstResponse === null || minutes < target.firstResponse) continue;
        report.error(
          'pricing',
          ['add_ons', i, 'adds', 'first_response', sev],
          `${addOn.id} promises first responses to ${severityName(catalog, sev)} within ` +
            `${formatDuration(minutes)}, no faster than ${plan.id}'s ` +
            `${describeTarget(target.firstResponse, target.clock)} at ` +
            report.where('sla', [
              'tiers',
              slaIndex(catalog, plan.tier),
              'targets',
              sev,
              'first_response',
            ]),
        );
      }
    }
  });
});

/** Every text value in a YAML node, with its data path. */
function* textValues(
  node: unknown,
  path: (string | number)[] = [],
): Generator<{ path: DataPath; value: string }> {
  if (isMap(node)) {
    for (const pair of node.items)
      if (isScalar(pair.key)) yield* textValues(pair.value, [...path, String(pair.key.value)]);
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) yield* textValues(item, [...path, i]);
  } else if (isScalar(node) && typeof node.value === 'string') {
    yield { path, value: node.value.trim() };
  }
}

/**
 * An `http://` link passes the schemas, for a company with no https address to give, but it
 * travels unencrypted and can be altered on the way: each one, in any file, is a warning.
 */
export const httpUrl = rule('http-url', ({ sources }, report) => {
  for (const [file, source] of Object.entries(sources)) {
    for (const { path, value } of textValues(source?.doc.contents)) {
      if (isHttpUrl(value))
        report.warning(
          file,
          path,
          `"${value}" is not encrypted; use its https:// address if it has one`,
        );
    }
  }
});

export const LINT_CHECKS: LintCheck[] = [
  slowerResponse,
  lowerAvailability,
  fewerUnits,
  fewerChannels,
  fewerFeatures,
  resolutionBeforeResponse,
  escalationOrder,
  creditBands,
  updateIntervals,
  weightsSumToOne,
  pricesRise,
  higherOverage,
  addOnResponse,
  httpUrl,
];

/** Runs every lint rule on loaded data. */
export function lintData(ctx: LintContext, checks: LintCheck[] = LINT_CHECKS): Finding[] {
  return checks.flatMap((check) => check.run(ctx));
}
