import { issueAt, type DataIssue } from './issues.ts';
import { roiProblems } from './roi-checks.ts';
import { isHolidayDate } from '../lib/holidays.ts';
import type { PartialCatalog, Sources } from './load.ts';
import type { DataPath, SourceFile } from './positions.ts';

/**
 * Checks that span files or entries: unique ids, references to tiers, severities, credit
 * schedules, support hours, levels and KB categories, one plan and one SLA per tier, no
 * credits for a best-effort tier, and tiers listed from lowest to highest price. Files that
 * failed their schema are skipped.
 */
export function crossCheck(data: PartialCatalog, sources: Sources): DataIssue[] {
  const issues: DataIssue[] = [];
  const src = (name: keyof Sources) => sources[name] as SourceFile;

  const unique = (name: keyof Sources, list: DataPath, items: { id: string }[], what: string) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, i);
      else
        issues.push(
          issueAt(
            src(name),
            [...list, i, 'id'],
            `duplicate ${what} id "${item.id}" (first used at ${list.join('.')}[${earlier}])`,
          ),
        );
    });
  };
  const refer = (
    name: keyof Sources,
    path: DataPath,
    id: string,
    known: string[] | undefined,
    what: string,
    key?: string,
  ) => {
    if (known && !known.includes(id)) {
      issues.push(
        issueAt(
          src(name),
          path,
          `unknown ${what} "${id}"; expected one of: ${[...new Set(known)].join(', ')}`,
          key,
        ),
      );
    }
  };

  const tierIds = data.tiers?.tiers.map((t) => t.id);
  const severityIds = data.severities?.severities.map((s) => s.id);
  const levelIds = data.escalation?.levels.map((l) => l.id);
  const scheduleIds = data.credits?.schedules.map((s) => s.id);
  const hoursIds = data.sla?.support_hours.map((h) => h.id);

  if (data.company) {
    unique('company', ['contacts'], data.company.contacts, 'contact');
  }
  if (data.tiers) {
    unique('tiers', ['tiers'], data.tiers.tiers, 'tier');
    data.tiers.choosing.scenarios.forEach((s, i) =>
      refer('tiers', ['choosing', 'scenarios', i, 'tier'], s.tier, tierIds, 'tier'),
    );
  }
  if (data.severities) unique('severities', ['severities'], data.severities.severities, 'severity');
  if (data.credits) unique('credits', ['schedules'], data.credits.schedules, 'credit schedule');
  if (data.channels) {
    unique('channels', ['channels'], data.channels.channels, 'channel');
    data.channels.channels.forEach((c, i) =>
      c.tiers.forEach((t, j) => refer('channels', ['channels', i, 'tiers', j], t, tierIds, 'tier')),
    );
  }
  if (data.features) {
    unique('features', ['features'], data.features.features, 'feature');
    data.features.features.forEach((f, i) => {
      for (const t of Object.keys(f.values))
        refer('features', ['features', i, 'values'], t, tierIds, 'tier', t);
      for (const t of tierIds ?? []) {
        if (!(t in f.values))
          issues.push(
            issueAt(src('features'), ['features', i, 'values'], `no value for tier "${t}"`),
          );
      }
    });
  }
  if (data.tiers && data.features) {
    // A plan card names its tier's highlights as features the tier has.
    const features = data.features.features;
    data.tiers.tiers.forEach((tier, i) => {
      const seen = new Set<string>();
      tier.highlights?.forEach((id, j) => {
        const path = ['tiers', i, 'highlights', j];
        const feature = features.find((f) => f.id === id);
        if (seen.has(id))
          issues.push(issueAt(src('tiers'), path, `feature "${id}" is highlighted twice`));
        else if (feature === undefined)
          refer(
            'tiers',
            path,
            id,
            features.map((f) => f.id),
            'feature',
          );
        else if (feature.values[tier.id] === 'no')
          issues.push(
            issueAt(
              src('tiers'),
              path,
              `tier "${tier.id}" does not have feature "${id}" (features.yaml says no); highlight one it has`,
            ),
          );
        seen.add(id);
      });
    });
  }
  if (data.process) unique('process', ['stages'], data.process.stages, 'stage');
  if (data.services) {
    unique('services', ['service_types'], data.services.service_types, 'service type');
    unique('services', ['rate_card'], data.services.rate_card, 'rate card role');
    unique('services', ['engagement_phases'], data.services.engagement_phases, 'engagement phase');
    unique('services', ['pricing_models'], data.services.pricing_models, 'pricing model');
  }
  if (data.kb) unique('kb', ['categories'], data.kb.categories, 'KB category');
  if (data.roi) {
    data.roi.recommendation.rules.forEach((r, i) =>
      refer('roi', ['recommendation', 'rules', i, 'min_tier'], r.min_tier, tierIds, 'tier'),
    );
    // Input ids, their kinds, meter ids and defaults the ROI model refers to (data/roi-checks.ts).
    const meterIds = data.pricing?.meters.map((m) => m.id);
    for (const p of roiProblems(data.roi, meterIds))
      issues.push(issueAt(src('roi'), p.path, p.message, p.key));
  }

  if (data.playbook) {
    const pb = data.playbook;
    const kbIds = data.kb?.categories.map((c) => c.id);
    unique('playbook', ['channels'], pb.channels, 'playbook channel');
    pb.channels.forEach((c, i) =>
      c.tiers.forEach((t, j) => refer('playbook', ['channels', i, 'tiers', j], t, tierIds, 'tier')),
    );
    unique('playbook', ['automation', 'rules'], pb.automation.rules, 'auto-response rule');
    pb.automation.rules.forEach((r, i) =>
      refer(
        'playbook',
        ['automation', 'rules', i, 'article'],
        r.article.split('/')[0]!,
        kbIds,
        'KB category',
      ),
    );
    unique('playbook', ['alerts'], pb.alerts, 'alert rule');
    pb.alerts.forEach((a, i) =>
      refer('playbook', ['alerts', i, 'severity'], a.severity, severityIds, 'severity'),
    );
    unique('playbook', ['routines'], pb.routines, 'routine');
    unique('playbook', ['metrics'], pb.metrics, 'metric');
    unique('playbook', ['health_score', 'factors'], pb.health_score.factors, 'health factor');
    unique('playbook', ['health_score', 'bands'], pb.health_score.bands, 'health band');
    unique('playbook', ['staffing', 'stages'], pb.staffing.stages, 'staffing stage');
    // Task ids key the ticks saved in the browser, so they are unique across all days.
    const taskSeen = new Set<string>();
    pb.launch_checklist.forEach((day, d) =>
      day.tasks.forEach((task, t) => {
        if (taskSeen.has(task.id)) {
          issues.push(
            issueAt(
              src('playbook'),
              ['launch_checklist', d, 'tasks', t, 'id'],
              `duplicate checklist task id "${task.id}"`,
            ),
          );
        }
        taskSeen.add(task.id);
      }),
    );
    refer('playbook', ['case_study', 'tier'], pb.case_study.tier, tierIds, 'tier');
    unique(
      'playbook',
      ['battlecards'],
      pb.battlecards.map((b) => ({ id: b.tier })),
      'battlecard tier',
    );
    pb.battlecards.forEach((b, i) =>
      refer('playbook', ['battlecards', i, 'tier'], b.tier, tierIds, 'tier'),
    );
  }

  if (data.pricing) {
    const pricing = data.pricing;
    unique('pricing', ['meters'], pricing.meters, 'meter');
    unique('pricing', ['plans'], pricing.plans, 'plan');
    unique('pricing', ['add_ons'], pricing.add_ons, 'add-on');
    const meterIds = pricing.meters.map((m) => m.id);
    const planIds = pricing.plans.map((p) => p.id);
    const whole = new Set(pricing.meters.filter((m) => m.whole).map((m) => m.id));
    pricing.plans.forEach((p, i) => {
      refer('pricing', ['plans', i, 'tier'], p.tier, tierIds, 'tier');
      for (const [meter, allowance] of Object.entries(p.usage)) {
        refer('pricing', ['plans', i, 'usage'], meter, meterIds, 'meter', meter);
        if (
          whole.has(meter) &&
          typeof allowance.included === 'number' &&
          !Number.isInteger(allowance.included)
        ) {
          issues.push(
            issueAt(
              src('pricing'),
              ['plans', i, 'usage', meter, 'included'],
              `meter "${meter}" counts whole units; expected a whole number`,
            ),
          );
        }
        if (allowance.included === 'unlimited' && allowance.overage !== undefined) {
          issues.push(
            issueAt(
              src('pricing'),
              ['plans', i, 'usage', meter, 'overage'],
              'an unlimited allowance has no overage',
            ),
          );
        }
      }
      for (const meter of meterIds) {
        if (!(meter in p.usage))
          issues.push(
            issueAt(
              src('pricing'),
              ['plans', i, 'usage'],
              `no allowance for meter "${meter}"; state included (and overage, unless it is a hard limit)`,
            ),
          );
      }
    });
    pricing.add_ons.forEach((a, i) => {
      a.available_for.forEach((id, j) =>
        refer('pricing', ['add_ons', i, 'available_for', j], id, planIds, 'plan'),
      );
      for (const meter of Object.keys(a.adds.included ?? {}))
        refer('pricing', ['add_ons', i, 'adds', 'included'], meter, meterIds, 'meter', meter);
      for (const sev of Object.keys(a.adds.first_response ?? {}))
        refer(
          'pricing',
          ['add_ons', i, 'adds', 'first_response'],
          sev,
          severityIds,
          'severity',
          sev,
        );
    });
    if (tierIds) {
      for (const t of tierIds) {
        if (!pricing.plans.some((p) => p.tier === t)) {
          issues.push(issueAt(src('pricing'), ['plans'], `no plan for tier "${t}"`));
        }
      }
      // That higher tiers cost more is the commercial lint's `prices-rise` rule (cli/lib/lint-rules.ts).
    }
  }

  if (data.sla) {
    unique('sla', ['support_hours'], data.sla.support_hours, 'support hours');
    unique('sla', ['holiday_sets'], data.sla.holiday_sets, 'holiday set');
    const holidaySets = data.sla.holiday_sets;
    data.sla.support_hours.forEach((hours, i) =>
      hours.holidays.forEach((entry, j) => {
        const path = ['support_hours', i, 'holidays', j];
        if (!isHolidayDate(entry)) {
          refer(
            'sla',
            path,
            entry,
            holidaySets.map((s) => s.id),
            'holiday set',
          );
          return;
        }
        // A single date that a set the schedule names already lists is a duplicate.
        const inSet = holidaySets.find(
          (s) =>
            hours.holidays.includes(s.id) &&
            Object.values(s.dates).some((list) => list.some((d) => d.date === entry)),
        );
        if (inSet)
          issues.push(
            issueAt(src('sla'), path, `${entry} is already listed in holiday set "${inSet.id}"`),
          );
      }),
    );
    const seen = new Map<string, number>();
    data.sla.tiers.forEach((entry, i) => {
      refer('sla', ['tiers', i, 'tier'], entry.tier, tierIds, 'tier');
      if (seen.has(entry.tier))
        issues.push(
          issueAt(src('sla'), ['tiers', i, 'tier'], `duplicate SLA for tier "${entry.tier}"`),
        );
      seen.set(entry.tier, i);
      refer('sla', ['tiers', i, 'support_hours'], entry.support_hours, hoursIds, 'support hours');
      if (entry.credit_schedule !== undefined) {
        refer(
          'sla',
          ['tiers', i, 'credit_schedule'],
          entry.credit_schedule,
          scheduleIds,
          'credit schedule',
        );
        // Credits repay a missed availability target; a best-effort tier has none to miss.
        if (entry.availability === null) {
          issues.push(
            issueAt(
              src('sla'),
              ['tiers', i, 'credit_schedule'],
              'a tier with best_effort availability earns no service credits; remove credit_schedule or give an availability target',
            ),
          );
        }
      }
      for (const sev of Object.keys(entry.targets))
        refer('sla', ['tiers', i, 'targets'], sev, severityIds, 'severity', sev);
      for (const sev of severityIds ?? []) {
        if (!(sev in entry.targets))
          issues.push(
            issueAt(src('sla'), ['tiers', i, 'targets'], `no target for severity "${sev}"`),
          );
      }
    });
    for (const t of tierIds ?? []) {
      if (!seen.has(t)) issues.push(issueAt(src('sla'), ['tiers'], `no SLA for tier "${t}"`));
    }
  }

  if (data.escalation) {
    unique('escalation', ['levels'], data.escalation.levels, 'escalation level');
    for (const [sev, row] of Object.entries(data.escalation.matrix)) {
      refer('escalation', ['matrix'], sev, severityIds, 'severity', sev);
      for (const level of Object.keys(row))
        refer('escalation', ['matrix', sev], level, levelIds, 'escalation level', level);
    }
    for (const sev of severityIds ?? []) {
      if (!(sev in data.escalation.matrix))
        issues.push(
          issueAt(src('escalation'), ['matrix'], `no escalation row for severity "${sev}"`),
        );
    }
  }

  return issues;
}
