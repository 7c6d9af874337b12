/**
 * Data sets of any shape, derived from a complete one: N tiers, M severities, and optionally
 * L escalation levels, B credit bands per schedule and C contact channels. Every part that
 * names a tier or a severity is rewritten for the new ids, so the result loads, cross-checks
 * and builds like a company's own folder. The engine must draw whatever count it is given;
 * these sets are how the tests prove it.
 *
 * New tiers take their terms from the base tier at the same relative position (the first new
 * tier from the lowest, the last from the highest), so prices, targets and availability still
 * rise with the tier. New severities do the same from the most severe down.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface ShapeOptions {
  tiers: number;
  severities: number;
  /** Escalation levels (default: as many as the base). */
  levels?: number;
  /** Credit bands in every schedule (default: the base schedule's). */
  bands?: number;
  /** Contact channels (default: the base's, re-pointed at the new tiers). */
  channels?: number;
  /**
   * `generated`: one article per article the playbook's auto-responses send, one of which shows
   * a figure for every tier, severity and meter. `empty`: no categories, no articles and no
   * auto-responses, the way a company without a knowledge base writes it.
   */
  kb?: 'generated' | 'empty';
  /** The base tier each new tier copies, lowest first (default: spread over the base tiers). */
  from?: string[];
}

export interface Shape {
  dir: string;
  tierIds: string[];
  tierNames: string[];
  severityIds: string[];
  severityNames: string[];
  levelIds: string[];
  levelNames: string[];
}

// Words no base data set uses, so a name on a page can only have come from the shape.
const TIER_NAMES = [
  'Bronze',
  'Silver',
  'Gold',
  'Platinum',
  'Diamond',
  'Titanium',
  'Obsidian',
  'Cobalt',
];
const SEVERITY_NAMES = ['Blocker', 'Major', 'Moderate', 'Minor', 'Cosmetic', 'Trivial', 'Wishlist'];
const LEVEL_NAMES = [
  'Duty lead',
  'Team manager',
  'Director',
  'Vice president',
  'Chief officer',
  'Board',
];
const CHANNEL_KINDS = ['forum', 'email', 'chat', 'phone', 'pager', 'portal', 'github'] as const;

type Obj = Record<string, any>;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function names(list: string[], count: number, what: string): string[] {
  if (count < 1 || count > list.length)
    throw new RangeError(`a shape has 1 to ${list.length} ${what}, not ${count}`);
  return list.slice(0, count);
}

/** The base index a new item at `k` of `count` takes its terms from. */
function baseIndex(k: number, count: number, baseCount: number): number {
  if (count === 1) return Math.floor((baseCount - 1) / 2);
  return Math.round((k * (baseCount - 1)) / (count - 1));
}

/** Maps between a base list of ids and a new one of any length. */
class IdMap {
  readonly from: number[];
  constructor(
    readonly baseIds: string[],
    readonly newIds: string[],
    chosen?: string[],
  ) {
    if (chosen && chosen.length !== newIds.length)
      throw new RangeError(`"from" names ${chosen.length} base ids for ${newIds.length} new ones`);
    this.from = chosen
      ? chosen.map((id) => {
          const b = baseIds.indexOf(id);
          if (b < 0) throw new Error(`"from" names an unknown base id "${id}"`);
          return b;
        })
      : newIds.map((_, k) => baseIndex(k, newIds.length, baseIds.length));
  }
  /** The base id new item `k` copies. */
  baseOf(k: number): string {
    return this.baseIds[this.from[k]!]!;
  }
  /** Every new id that copies base id `id`; the nearest one when none does. */
  all(id: string): string[] {
    const b = this.baseIds.indexOf(id);
    if (b < 0) throw new Error(`the base data names an unknown id "${id}"`);
    const exact = this.newIds.filter((_, k) => this.from[k] === b);
    return exact.length > 0 ? exact : [this.one(id)];
  }
  /** One new id for a reference to base id `id`: the lowest that copies it or one above it. */
  one(id: string): string {
    const b = this.baseIds.indexOf(id);
    if (b < 0) throw new Error(`the base data names an unknown id "${id}"`);
    const k = this.from.findIndex((f) => f >= b);
    return this.newIds[k < 0 ? this.newIds.length - 1 : k]!;
  }
  /** Remaps a list of base ids, keeping order and dropping repeats. */
  list(ids: string[]): string[] {
    const wanted = new Set(ids.flatMap((id) => this.all(id)));
    return this.newIds.filter((id) => wanted.has(id));
  }
}

const clone = <T>(value: T): T => structuredClone(value);

function read(dir: string): Record<string, Obj> {
  const files: Record<string, Obj> = {};
  for (const entry of readdirSync(dir)) {
    if (entry.endsWith('.yaml'))
      files[entry.replace(/\.yaml$/, '')] = parse(readFileSync(join(dir, entry), 'utf8'));
  }
  return files;
}

/** Minutes written as a duration the data accepts. */
const minutes = (m: number) => `${Math.round(m)}m`;

/** Parses the base's durations ("30m", "4h", "2d", "1w") back to minutes. */
function toMinutes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(m|h|d|w)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * { m: 1, h: 60, d: 1440, w: 10080 }[match[2] as 'm' | 'h' | 'd' | 'w'];
}

/** Builds the data set in a new temporary folder and returns where it is and its ids. */
export function makeShape(baseDir: string, options: ShapeOptions): Shape {
  const base = read(baseDir);
  const out = clone(base);

  const tierNames = names(TIER_NAMES, options.tiers, 'tiers');
  const severityNames = names(SEVERITY_NAMES, options.severities, 'severities');
  const tiers = new IdMap(
    base.tiers!.tiers.map((t: Obj) => t.id),
    tierNames.map(slug),
    options.from,
  );
  const sevs = new IdMap(
    base.severities!.severities.map((s: Obj) => s.id),
    severityNames.map(slug),
  );
  const baseTier = (id: string) => base.tiers!.tiers.find((t: Obj) => t.id === id);

  // tiers.yaml
  out.tiers!.tiers = tiers.newIds.map((id, k) => ({
    ...clone(baseTier(tiers.baseOf(k))),
    id,
    name: tierNames[k],
  }));
  out.tiers!.choosing.scenarios = base.tiers!.choosing.scenarios.map((s: Obj) => ({
    ...s,
    tier: tiers.one(s.tier),
  }));

  // severities.yaml: updates come less often as severity falls; "as needed" only at the end.
  const intervals = [30, 120, 480, 1440, 4320, 10080, 20160];
  out.severities!.severities = sevs.newIds.map((id, j) => {
    const from = base.severities!.severities.find((s: Obj) => s.id === sevs.baseOf(j));
    const last = j === sevs.newIds.length - 1 && sevs.newIds.length > 1;
    return {
      ...clone(from),
      id,
      name: severityNames[j],
      label: `S${j + 1}`,
      update_interval: last ? 'as-needed' : minutes(intervals[j]!),
    };
  });
  const rowFor = <T>(row: Record<string, T>): Record<string, T> =>
    Object.fromEntries(sevs.newIds.map((id, j) => [id, clone(row[sevs.baseOf(j)]!)]));

  // credits.yaml and sla.yaml: one schedule per tier whose base tier has one.
  const baseSla = (id: string) => base.sla!.tiers.find((s: Obj) => s.tier === id);
  const baseSchedule = (id: string) => base.credits!.schedules.find((s: Obj) => s.id === id);
  const schedules: Obj[] = [];
  out.sla!.tiers = tiers.newIds.map((id, k) => {
    const entry = clone(baseSla(tiers.baseOf(k)));
    entry.tier = id;
    entry.targets = rowFor(entry.targets);
    if (entry.credit_schedule !== undefined) {
      const schedule = clone(baseSchedule(entry.credit_schedule));
      schedule.id = `${id}-credits`;
      schedule.name = tierNames[k];
      if (options.bands !== undefined)
        schedule.bands = bands(entry.availability, options.bands, base.credits!.cap_percent);
      schedules.push(schedule);
      entry.credit_schedule = schedule.id;
    }
    return entry;
  });
  // The file needs one schedule even when no tier gives credits.
  if (schedules.length === 0) {
    const schedule = clone(base.credits!.schedules[0]);
    schedules.push(
      options.bands !== undefined
        ? { ...schedule, bands: bands(99.9, options.bands, base.credits!.cap_percent) }
        : schedule,
    );
  }
  out.credits!.schedules = schedules;

  // pricing.yaml: one plan per tier; copies of one base plan cost a little more each, so prices rise.
  const basePlan = (tier: string) => base.pricing!.plans.find((p: Obj) => p.tier === tier);
  const copies = new Map<string, number>();
  const planOf = new Map<string, string[]>();
  out.pricing!.plans = tiers.newIds.map((id, k) => {
    const from = basePlan(tiers.baseOf(k));
    const plan = clone(from);
    const n = copies.get(from.id) ?? 0;
    copies.set(from.id, n + 1);
    planOf.set(from.id, [...(planOf.get(from.id) ?? []), id]);
    plan.id = id;
    plan.tier = id;
    if (n > 0 && typeof plan.price === 'object') {
      for (const key of ['monthly', 'annual_monthly', 'minimum']) {
        if (typeof plan.price[key] === 'number')
          plan.price[key] = Math.round(plan.price[key] * (1 + n / 10) * 100) / 100;
      }
    }
    return plan;
  });
  const planIds = (ids: string[]) => {
    const wanted = new Set(ids.flatMap((id) => planOf.get(id) ?? []));
    return out.pricing!.plans.map((p: Obj) => p.id).filter((id: string) => wanted.has(id));
  };
  out.pricing!.add_ons = (base.pricing!.add_ons ?? [])
    .map((a: Obj) => {
      const addOn = clone(a);
      addOn.available_for = planIds(a.available_for);
      if (addOn.adds?.first_response) {
        addOn.adds.first_response = Object.fromEntries(
          Object.entries(a.adds.first_response).flatMap(([sev, d]) =>
            sevs.all(sev).map((id) => [id, d]),
          ),
        );
      }
      return addOn;
    })
    .filter((a: Obj) => a.available_for.length > 0);

  // features.yaml
  for (const feature of out.features!.features) {
    const values = feature.values;
    feature.values = Object.fromEntries(
      tiers.newIds.map((id, k) => [id, clone(values[tiers.baseOf(k)])]),
    );
  }

  // channels.yaml
  if (options.channels !== undefined) {
    const count = options.channels;
    out.channels!.channels = Array.from({ length: count }, (_, c) => ({
      id: `channel-${c + 1}`,
      name: `Channel ${c + 1}`,
      kind: CHANNEL_KINDS[c % CHANNEL_KINDS.length],
      address: `https://support.example.com/channel-${c + 1}`,
      // Channel c opens at a tier part-way up, so every tier has at least the channels below it.
      tiers: tiers.newIds.slice(
        Math.min(Math.floor((c * tiers.newIds.length) / count), tiers.newIds.length - 1),
      ),
    }));
    out.escalation!.customer_initiated = [{ channel: 'channel-1', how: 'Ask for an escalation' }];
  } else {
    for (const channel of out.channels!.channels) channel.tiers = tiers.list(channel.tiers);
  }

  // escalation.yaml: levels trigger strictly later one after another.
  const levelCount = options.levels ?? base.escalation!.levels.length;
  const levelNames = names(LEVEL_NAMES, levelCount, 'escalation levels');
  const levels = new IdMap(
    base.escalation!.levels.map((l: Obj) => l.id),
    levelNames.map(slug),
  );
  out.escalation!.levels = levels.newIds.map((id, l) => ({
    ...clone(base.escalation!.levels.find((x: Obj) => x.id === levels.baseOf(l))),
    id,
    name: levelNames[l],
    role: levelNames[l],
  }));
  out.escalation!.matrix = Object.fromEntries(
    sevs.newIds.map((id, j) => {
      const row: Record<string, string> = base.escalation!.matrix[sevs.baseOf(j)];
      const first = Math.min(...Object.values(row).map(toMinutes));
      const present = levels.newIds.filter(
        (_, l) => l === 0 || row[levels.baseOf(l)] !== undefined,
      );
      return [id, Object.fromEntries(present.map((level, l) => [level, minutes(first * (l + 1))]))];
    }),
  );

  // playbook.yaml
  const pb = out.playbook!;
  for (const channel of pb.channels) channel.tiers = tiers.list(channel.tiers);
  for (const alert of pb.alerts) alert.severity = sevs.one(alert.severity);
  pb.case_study.tier = tiers.one(pb.case_study.tier);
  const cards: Obj[] = base.playbook!.battlecards;
  pb.battlecards = tiers.newIds.map((id, k) => {
    const from =
      cards.find((b) => b.tier === tiers.baseOf(k)) ?? cards[Math.min(k, cards.length - 1)]!;
    return { ...clone(from), tier: id };
  });

  // roi.yaml: rules raise the recommendation to a tier.
  for (const rule of out.roi?.recommendation?.rules ?? []) rule.min_tier = tiers.one(rule.min_tier);

  const dir = mkdtempSync(join(tmpdir(), `charter-shape-${options.tiers}x${options.severities}-`));
  const kbDirectory = join(dir, 'kb');
  mkdirSync(kbDirectory);
  if (options.kb === 'empty') {
    out.kb = { ...out.kb, categories: [] };
    pb.automation.rules = [];
  } else {
    writeArticles(
      kbDirectory,
      pb.automation.rules.map((r: Obj) => r.article),
      out,
      tiers.newIds,
      sevs.newIds,
    );
  }

  for (const [name, value] of Object.entries(out))
    writeFileSync(join(dir, `${name}.yaml`), stringify(value));
  return {
    dir,
    tierIds: tiers.newIds,
    tierNames,
    severityIds: sevs.newIds,
    severityNames,
    levelIds: levels.newIds,
    levelNames,
  };
}

/** `count` half-open bands from the availability target down to 0 %, credits rising to the cap. */
function bands(availability: number, count: number, cap: number): Obj[] {
  const edges = Array.from(
    { length: count },
    (_, i) => Math.round((availability - i * 0.25) * 1000) / 1000,
  );
  return edges.map((below, i) => ({
    at_least: i === count - 1 ? 0 : edges[i + 1],
    below,
    credit: Math.max(1, Math.round((cap * (i + 1)) / count)),
  }));
}

/** One short article per slug; the first also shows a figure for every tier, severity and meter. */
function writeArticles(
  dir: string,
  slugs: string[],
  data: Obj,
  tierIds: string[],
  severityIds: string[],
): void {
  const unique = [...new Set(slugs)];
  unique.forEach((article, i) => {
    const [category, name] = article.split('/') as [string, string];
    mkdirSync(join(dir, category), { recursive: true });
    const figures =
      i === 0
        ? [
            '',
            ...tierIds.flatMap((tier) => [
              `- ${tier}: <Price tier="${tier}" />, <Availability tier="${tier}" />`,
              ...severityIds.map(
                (sev) =>
                  `  - ${sev}: <SlaTarget tier="${tier}" severity="${sev}" target="first_response" />`,
              ),
              ...data.pricing.meters.map(
                (m: Obj) => `  - ${m.id}: <Quota tier="${tier}" meter="${m.id}" />`,
              ),
            ]),
            '',
            '<SeverityTable />',
            '',
            '<EscalationMatrix />',
          ].join('\n')
        : '';
    writeFileSync(
      join(dir, category, `${name}.mdx`),
      [
        '---',
        `title: "Generated article ${i + 1}"`,
        'description: "An article of a generated data set."',
        'summary: "Shows the figures of every tier and severity."',
        `category: ${category}`,
        `tiers: [${tierIds.join(', ')}]`,
        'updated: 2026-01-01',
        'type: article',
        '---',
        '',
        'What every tier promises:',
        figures,
        '',
      ].join('\n'),
    );
  });
}
