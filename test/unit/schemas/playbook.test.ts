import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PlaybookFileSchema } from '../../../packages/starlight-charter/schemas/playbook';
import { SAMPLE } from '../../support/sites';

/** The sample playbook as plain data, with `change` applied to a deep copy. */
function samplePlaybook(change: (raw: any) => void = () => {}): unknown {
  const raw = parse(readFileSync(join(SAMPLE.terms, 'playbook.yaml'), 'utf8'));
  change(raw);
  return raw;
}

function problems(raw: unknown): string[] {
  const result = PlaybookFileSchema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('PlaybookFileSchema', () => {
  test('accepts the sample playbook', () => {
    expect(problems(samplePlaybook())).toEqual([]);
  });

  test('parses money to micro-units and durations to minutes', () => {
    const playbook = PlaybookFileSchema.parse(samplePlaybook());
    const raw = samplePlaybook() as any;
    expect(playbook.staffing.stages[0]!.tools_per_month).toBe(
      raw.staffing.stages[0].tools_per_month * 1e6,
    );
    expect(typeof playbook.billing_disputes.investigation_sla).toBe('number');
  });

  test.each([
    {
      name: 'rejects health weights that do not sum to 1',
      change: (r: any) => (r.health_score.factors[0].weight += 0.05),
      expected: 'health_score.factors: factor weights must sum to 1; they sum to 1.05',
    },
    {
      name: 'rejects a zero weight',
      change: (r: any) => (r.health_score.factors[0].weight = 0),
      expected: 'health_score.factors.0.weight: a weight must be above 0',
    },
    {
      name: 'rejects bands out of order',
      change: (r: any) => r.health_score.bands.reverse(),
      expected: 'health_score.bands.1.floor: list bands from highest to lowest floor',
    },
    {
      name: 'rejects a lowest band above 0',
      change: (r: any) => (r.health_score.bands.at(-1).floor = 10),
      expected:
        'health_score.bands.2.floor: the lowest band must start at 0 so every score has a band',
    },
    {
      name: 'rejects an example score for an unknown factor',
      change: (r: any) => (r.health_score.example.scores.luck = 50),
      expected: 'health_score.example.scores.luck: unknown health factor "luck"',
    },
    {
      name: 'rejects a gap between shifts',
      change: (r: any) => (r.follow_the_sun.shifts[1].start_hour += 1),
      expected:
        'follow_the_sun.shifts.1.start_hour: shifts must cover the UTC day in order without gaps or overlaps',
    },
    {
      name: 'rejects shifts that stop before midnight',
      change: (r: any) => r.follow_the_sun.shifts.pop(),
      expected: 'the last shift must end at 24',
    },
    {
      name: 'rejects a KB article without a category',
      change: (r: any) => (r.automation.rules[0].article = 'rate-limit-429'),
      expected: 'automation.rules.0.article: expected a KB article as "category/slug"',
    },
    {
      name: 'rejects a condition with two thresholds',
      change: (r: any) => (r.alerts[0].conditions[0].below = 1),
      expected: 'alerts.0.conditions.0: a condition needs exactly one of "above" or "below"',
    },
    {
      name: 'rejects a target with no bound',
      change: (r: any) => (r.metrics[0].target = {}),
      expected: 'metrics.0.target: a target needs exactly one of "at_least" or "at_most"',
    },
    {
      name: 'rejects money written as text',
      change: (r: any) => (r.staffing.stages[0].tools_per_month = '$180'),
      expected: 'staffing.stages.0.tools_per_month: expected an amount of money as a number',
    },
    {
      name: 'rejects an unknown key',
      change: (r: any) => (r.case_study.quote = 'x'),
      expected: 'case_study: Unrecognized key: "quote"',
    },
  ])('$name', ({ change, expected }) => {
    const found = problems(samplePlaybook(change));
    expect(
      found.some((p) => p.includes(expected)),
      found.join('\n'),
    ).toBe(true);
  });
});
