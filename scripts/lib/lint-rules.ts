import type { Catalog } from '../../src/data/load';
import { formatIssue, issueAt } from '../../src/data/issues';
import { locate, type DataPath, type SourceFile } from '../../src/data/positions';
import {
  clockLabel,
  moneyFormat,
  planForTier,
  planPriceText,
  slaForTier,
  supportHoursFor,
  targetFor,
} from '../../src/lib/catalog';
import { formatDuration } from '../../src/lib/duration';
import { formatCount, formatPercent } from '../../src/lib/format';
import { formatRate } from '../../src/lib/money';
import { wallClockMinutes } from '../../src/lib/worst-case';
import type { FeatureValue } from '../../src/schemas/features';
import { UNITS } from '../../src/schemas/pricing';
import type { LintRule } from '../../src/schemas/shared';
import type { Clock } from '../../src/schemas/shared';
import type { Finding } from './check';

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

class Reporter {
  readonly findings: Finding[] = [];
  private readonly ctx: LintContext;

  constructor(ctx: LintContext) {
    this.ctx = ctx;
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

  error(file: string, path: DataPath, message: string): void {
    this.add('error', file, path, message);
  }

  warning(file: string, path: DataPath, message: string): void {
    this.add('warning', file, path, message);
  }

  private add(level: Finding['level'], file: string, path: DataPath, message: string): void {
    this.findings.push({ level, text: formatIssue(issueAt(this.source(file), path, message)) });
  }
}

function rule(id: string, body: (ctx: LintContext, report: Reporter) => void): LintCheck {
  return {
    id,
    run(ctx) {
      const report = new Reporter(ctx);
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

function planIndex(catalog: Catalog, tierId: string): number {
  return catalog.pricing.plans.findIndex((p) => p.tier === tierId);
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
          );
        }
      }
    }
  }
});

/** A higher tier never promises lower availability. */
export const lowerAvailability = rule('lower-availability', ({ catalog }, report) => {
  const locale = catalog.company.locale;
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = slaForTier(catalog, lowId);
    const high = slaForTier(catalog, highId);
    if (
      excepted(high.lint_exceptions, 'lower-availability') ||
      high.availability >= low.availability
    )
      continue;
    report.error(
      'sla',
      ['tiers', slaIndex(catalog, highId), 'availability'],
      `${highId} promises ${formatPercent(high.availability, locale)} availability, lower than ${lowId}'s ` +
        `${formatPercent(low.availability, locale)} at ` +
        `${report.where('sla', ['tiers', slaIndex(catalog, lowId), 'availability'])}`,
    );
  }
});

const UNIT_WORDS = { queries: 'queries', ingest_gb: 'GB of ingest', seats: 'seats' } as const;

/** A higher tier's plan never includes fewer units (exception: `fewer-units` on its SLA entry). */
export const fewerUnits = rule('fewer-units', ({ catalog }, report) => {
  const locale = catalog.company.locale;
  for (const [lowId, highId] of tierPairs(catalog)) {
    if (excepted(slaForTier(catalog, highId).lint_exceptions, 'fewer-units')) continue;
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    for (const unit of UNITS) {
      if (high.included[unit] >= low.included[unit]) continue;
      report.error(
        'pricing',
        ['plans', planIndex(catalog, highId), 'included', unit],
        `${high.id} includes ${formatCount(high.included[unit], locale)} ${UNIT_WORDS[unit]}, ` +
          `fewer than ${low.id}'s ` +
          `${formatCount(low.included[unit], locale)} at ` +
          `${report.where('pricing', ['plans', planIndex(catalog, lowId), 'included', unit])}`,
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
        if (target.resolution === undefined || target.resolution >= target.first_response) continue;
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
      if (sla.credit_schedule !== schedule.id || bands[0]!.below === sla.availability) return;
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

/** A higher tier's plan costs strictly more (plans priced "contact us" are not compared with each other). */
export const pricesRise = rule('prices-rise', ({ catalog }, report) => {
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    if (
      low.price === 'contact-us' ||
      high.price === 'contact-us' ||
      high.price.monthly > low.price.monthly
    )
      continue;
    report.error(
      'pricing',
      ['plans', planIndex(catalog, highId), 'price'],
      `${high.id} costs ${planPriceText(catalog, high)}, no more than ${low.id}'s ` +
        `${planPriceText(catalog, low)} at ` +
        report.where('pricing', ['plans', planIndex(catalog, lowId), 'price']),
    );
  }
});

const RATE_WORDS = { queries: 'query', ingest_gb: 'GB', seats: 'seat' } as const;

/** Overage rates never rise with tier. */
export const overageRates = rule('overage-rates', ({ catalog }, report) => {
  const money = moneyFormat(catalog);
  for (const [lowId, highId] of tierPairs(catalog)) {
    const low = planForTier(catalog, lowId);
    const high = planForTier(catalog, highId);
    for (const unit of UNITS) {
      const lowRate = low.overage[unit];
      const highRate = high.overage[unit];
      if (lowRate === undefined || highRate === undefined || highRate <= lowRate) continue;
      report.error(
        'pricing',
        ['plans', planIndex(catalog, highId), 'overage', unit],
        `${high.id} charges ${formatRate(highRate, money)} per ${RATE_WORDS[unit]} over quota, ` +
          `more than ${low.id}'s ` +
          `${formatRate(lowRate, money)} per ${RATE_WORDS[unit]} at ` +
          `${report.where('pricing', ['plans', planIndex(catalog, lowId), 'overage', unit])}`,
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
  overageRates,
];

/** Runs every lint rule on loaded data. */
export function lintData(ctx: LintContext, checks: LintCheck[] = LINT_CHECKS): Finding[] {
  return checks.flatMap((check) => check.run(ctx));
}
