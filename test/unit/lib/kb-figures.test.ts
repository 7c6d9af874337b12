import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { formatDuration } from '../../../packages/starlight-charter/lib/duration';
import { formatPercent } from '../../../packages/starlight-charter/lib/format';
import {
  alertThresholdText,
  claimWindowText,
  creditRows,
  escalationTriggerText,
  expectOneOf,
  FIGURE_LOOKUPS,
  figureProblem,
  overageText,
  quotaText,
  updateIntervalText,
} from '../../../packages/starlight-charter/lib/kb-figures';
import { SAMPLE, WEE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const severities = catalog.severities.severities;

describe('updateIntervalText', () => {
  test.each(severities.map((s) => [s.id, s.update_interval] as const))(
    'describes %s',
    (id, minutes) => {
      expect(updateIntervalText(catalog, id)).toBe(
        minutes === null ? 'as needed' : `every ${formatDuration(minutes)}`,
      );
    },
  );
  test('errors for an unknown severity', () => {
    expect(() => updateIntervalText(catalog, 'sev9')).toThrow('severity "sev9" is not defined');
  });
});

describe('escalationTriggerText', () => {
  const [severity, levels] = Object.entries(catalog.escalation.matrix)[0]!;
  const [level, minutes] = Object.entries(levels)[0]!;
  test('returns the trigger in words', () => {
    expect(escalationTriggerText(catalog, severity, level)).toBe(formatDuration(minutes));
  });
  test('errors for an unknown level', () => {
    expect(() => escalationTriggerText(catalog, severity, 'l9')).toThrow('escalation level "l9"');
  });
});

describe('alertThresholdText and expectOneOf', () => {
  test('formats the soft level', () => {
    expect(alertThresholdText(catalog, 'soft')).toBe(
      formatPercent(catalog.pricing.usage_alerts.soft),
    );
  });
  test('rejects an unknown attribute value with the allowed ones', () => {
    expect(() =>
      expectOneOf('medium', ['soft', 'hard'], 'level'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: Charter: level="medium" must be one of: soft, hard.]`,
    );
  });
});

describe.each([SAMPLE.terms, WEE.terms])(
  'quotaText and overageText for the company in %s',
  (dir) => {
    const company = loadCatalog(dir);
    const meters = company.pricing.meters;
    const plan = company.pricing.plans.at(-1)!;
    test.each(meters.map((m) => [m.id, m] as const))(
      'meter %s reads in its own unit words',
      (_, meter) => {
        const allowance = plan.usage[meter.id]!;
        const text = quotaText(company, plan.tier, meter.id);
        const n = allowance.included;
        if (n === 'unlimited') expect(text).toBe(`Unlimited ${meter.unit.other}`);
        else if (n === 0 && !allowance.overage) expect(text).toBe('Not included');
        else
          expect(
            text.startsWith(
              `${new Intl.NumberFormat(company.company.locale).format(n)} ${n === 1 ? meter.unit.one : meter.unit.other}`,
            ),
          ).toBe(true);
        expect(overageText(company, plan.tier, meter.id)).not.toMatch(/NaN|undefined|Infinity/);
      },
    );
    test('errors for a meter that is not declared, listing the declared ones', () => {
      expect(() => overageText(company, plan.tier, 'nope')).toThrow(
        `meter="nope" must be one of: ${meters.map((m) => m.id).join(', ')}`,
      );
    });
    test('errors for an unknown tier', () => {
      expect(() => quotaText(company, 'gold', meters[0]!.id)).toThrow('tier "gold"');
    });
  },
);

describe('creditRows', () => {
  test.each(catalog.sla.tiers.map((t) => [t.tier, t.credit_schedule ?? null] as const))(
    'returns the bands of %s or null without a schedule',
    (tier, scheduleId) => {
      const rows = creditRows(catalog, tier);
      const schedule = catalog.credits.schedules.find((s) => s.id === scheduleId);
      expect(rows?.map((r) => r.credit) ?? null).toEqual(
        schedule ? schedule.bands.map((b) => formatPercent(b.credit)) : null,
      );
    },
  );
});

describe('claimWindowText', () => {
  test('says the window in days', () => {
    expect(claimWindowText(catalog)).toBe(`${catalog.credits.claim.window_days} days`);
  });
});

describe('FIGURE_LOOKUPS and figureProblem', () => {
  const dir = 'packages/starlight-charter/components/kb/figures';
  // The components that look something up run inArticle(Astro.url, '<Name>', …).
  const looking = readdirSync(dir)
    .filter((f) => f.endsWith('.astro'))
    .filter((f) => readFileSync(join(dir, f), 'utf8').includes('inArticle('))
    .map((f) => f.replace(/\.astro$/, ''))
    .sort();

  test('has the lookup of every figure component that looks something up', () => {
    expect(looking.length).toBeGreaterThan(0);
    expect(Object.keys(FIGURE_LOOKUPS).sort()).toEqual(looking);
  });

  test.each(looking)('<%s> with unknown ids says which one', (name) => {
    const nope = { tier: 'nope', severity: 'nope', level: 'nope', meter: 'nope', target: 'nope' };
    expect(figureProblem(catalog, name, nope)).toMatch(/"nope"/);
  });

  test('is silent for known ids and for components that are not figures', () => {
    const tier = catalog.sla.tiers[0]!.tier;
    const severity = severities[0]!.id;
    expect(
      figureProblem(catalog, 'SlaTarget', { tier, severity, target: 'first_response' }),
    ).toBeUndefined();
    expect(figureProblem(catalog, 'NotAFigure', { tier: 'nope' })).toBeUndefined();
  });

  test('says what the component would, without the "Charter: " prefix', () => {
    const severity = severities[0]!.id;
    let thrown = '';
    try {
      escalationTriggerText(catalog, severity, 'nope');
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).toMatch(/^Charter: /);
    expect(figureProblem(catalog, 'EscalationTrigger', { severity, level: 'nope' })).toBe(
      thrown.replace(/^Charter: /, ''),
    );
  });
});
