import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import { formatDuration } from '~/lib/duration';
import { formatPercent } from '~/lib/format';
import {
  alertThresholdText,
  claimWindowText,
  creditRows,
  escalationTriggerText,
  expectOneOf,
  overageText,
  quotaText,
  updateIntervalText,
} from '~/lib/kb-figures';

const catalog = loadCatalog('data');
const severities = catalog.severities.severities;

describe('updateIntervalText', () => {
  test.each(severities.map((s) => [s.id, s.update_interval] as const))('describes %s', (id, minutes) => {
    expect(updateIntervalText(catalog, id)).toBe(minutes === null ? 'as needed' : `every ${formatDuration(minutes)}`);
  });
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
    expect(alertThresholdText(catalog, 'soft')).toBe(formatPercent(catalog.pricing.usage_alerts.soft));
  });
  test('rejects an unknown attribute value with the allowed ones', () => {
    expect(() => expectOneOf('medium', ['soft', 'hard'], 'level')).toThrowErrorMatchingInlineSnapshot(
      `[Error: Charter: level="medium" must be one of: soft, hard.]`,
    );
  });
});

describe('quotaText and overageText', () => {
  const plan = catalog.pricing.plans[0]!;
  test('errors for an item that has no overage', () => {
    expect(() => overageText(catalog, plan.tier, 'seats')).toThrow('item="seats"');
  });
  test('errors for an unknown tier', () => {
    expect(() => quotaText(catalog, 'gold', 'seats')).toThrow('tier "gold"');
  });
});

describe('creditRows', () => {
  test.each(catalog.sla.tiers.map((t) => [t.tier, t.credit_schedule ?? null] as const))(
    'returns the bands of %s or null without a schedule',
    (tier, scheduleId) => {
      const rows = creditRows(catalog, tier);
      const schedule = catalog.credits.schedules.find((s) => s.id === scheduleId);
      expect(rows?.map((r) => r.credit) ?? null).toEqual(schedule ? schedule.bands.map((b) => formatPercent(b.credit)) : null);
    },
  );
});

describe('claimWindowText', () => {
  test('says the window in days', () => {
    expect(claimWindowText(catalog)).toBe(`${catalog.credits.claim.window_days} days`);
  });
});
