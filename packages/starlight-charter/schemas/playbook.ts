import { z } from 'zod';
import {
  CountSchema,
  DurationSchema,
  IdSchema,
  MoneySchema,
  PercentSchema,
  TextListSchema,
  TextOrWebUrlSchema,
  TextSchema,
  type Localized,
} from './shared.ts';

/**
 * playbook.yaml — how support runs and sells: read by the pages under
 * pages/playbook/ (components in components/playbook/) and by lint.
 */

/** Weights may be written with a few decimals; their sum is compared with this tolerance. */
const WEIGHT_TOLERANCE = 1e-9;

/** A KB article as `<category>/<slug>`, i.e. <kb>/<category>/<slug>.md(x) in the KB folder. */
export const KbArticleSchema = z
  .string({ error: 'expected a KB article like "api/rate-limit-429"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a KB article as "category/slug", e.g. "api/rate-limit-429"',
  });

const ChannelUseSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** When staff use (and point customers to) this channel. */
  use_when: TextSchema,
  tiers: z.array(IdSchema).min(1, { error: 'list at least one tier' }),
});

const AutoResponseSchema = z.strictObject({
  id: IdSchema,
  /** The error text or symptom that triggers the auto-response. */
  pattern: TextSchema,
  article: KbArticleSchema,
  /** Share of all tickets that match, in %. */
  share_of_tickets: PercentSchema,
});

const ConditionSchema = z
  .strictObject({
    metric: TextSchema,
    above: z.number().optional(),
    below: z.number().optional(),
    /** Unit of the threshold as shown: "%", "ms", "min". */
    unit: TextSchema,
    /** How long the condition must hold before the alert fires. */
    for: DurationSchema,
  })
  .refine((c) => (c.above === undefined) !== (c.below === undefined), {
    error: 'a condition needs exactly one of "above" or "below"',
  });

const AlertRuleSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  label: TextSchema,
  /** The ticket severity an alert of this level opens (severities.yaml id). */
  severity: IdSchema,
  conditions: z.array(ConditionSchema).min(1, { error: 'list at least one condition' }),
  /** Who is paged; empty means nobody is woken. */
  page: z.array(TextSchema),
  /**
   * Where the alert is posted, in words ("#support-critical") or as a web link; it is for
   * staff, not a customer contact, so no mailto: or tel:.
   */
  notify: TextOrWebUrlSchema,
});

const HourSchema = z
  .number({ error: 'expected an hour from 0 to 24' })
  .int({ error: 'expected a whole hour' })
  .min(0, { error: 'an hour must be at least 0' })
  .max(24, { error: 'an hour must be at most 24' });

const ShiftSchema = z
  .strictObject({
    region: IdSchema,
    name: TextSchema,
    team: TextSchema,
    /** Start of the shift, hour in UTC (inclusive). */
    start_hour: HourSchema,
    /** End of the shift, hour in UTC (exclusive; 24 is midnight). */
    end_hour: HourSchema,
  })
  .refine((s) => s.end_hour > s.start_hour, {
    error: 'a shift must end after it starts (hours in UTC, 0-24)',
  });

const FollowTheSunSchema = z
  .strictObject({
    handoff: TextSchema,
    /** In order of the UTC day; together they cover 0-24 without gaps or overlaps. */
    shifts: z.array(ShiftSchema).min(1, { error: 'list at least one shift' }),
  })
  .superRefine((value, ctx) => {
    let expected = 0;
    value.shifts.forEach((shift, i) => {
      if (shift.start_hour !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['shifts', i, 'start_hour'],
          message: `shifts must cover the UTC day in order without gaps or overlaps; expected a start at ${expected}`,
        });
      }
      expected = shift.end_hour;
    });
    if (expected !== 24) {
      ctx.addIssue({
        code: 'custom',
        path: ['shifts', value.shifts.length - 1, 'end_hour'],
        message: 'the last shift must end at 24 so the whole UTC day is covered',
      });
    }
  });

const BillingDisputesSchema = z.strictObject({
  /** Time from the dispute reaching us to a finding. */
  investigation_sla: DurationSchema,
  prevention: TextListSchema,
  steps: z.array(z.strictObject({ name: TextSchema, detail: TextSchema })).min(1),
});

const RoutineSchema = z.strictObject({ id: IdSchema, name: TextSchema, tasks: TextListSchema });

const TargetSchema = z
  .strictObject({ at_least: z.number().optional(), at_most: z.number().optional() })
  .refine((t) => (t.at_least === undefined) !== (t.at_most === undefined), {
    error: 'a target needs exactly one of "at_least" or "at_most"',
  });

const RedFlagSchema = z
  .strictObject({
    above: z.number().optional(),
    below: z.number().optional(),
    /** How long the value must stay there before it counts, in words. */
    sustained: z.optional(TextSchema),
  })
  .refine((t) => (t.above === undefined) !== (t.below === undefined), {
    error: 'a red flag needs exactly one of "above" or "below"',
  });

const MetricSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  measures: TextSchema,
  formula: TextSchema,
  /** "%" for percentages, "points" for scores. */
  unit: z.enum(['%', 'points'], { error: 'expected "%" or "points"' }),
  target: TargetSchema,
  red_flag: RedFlagSchema,
});

const PercentileSchema = z
  .strictObject({
    percentile: z
      .number()
      .gt(0, { error: 'must be above 0' })
      .lt(100, { error: 'must be below 100' }),
    target: DurationSchema,
    red_flag: DurationSchema,
  })
  .refine((p) => p.red_flag >= p.target, {
    error: 'the red flag must not be faster than the target',
  });

const HealthFactorSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** Share of the score, 0-1; all weights sum to 1. */
  weight: z
    .number({ error: 'expected a weight between 0 and 1' })
    .gt(0, { error: 'a weight must be above 0' })
    .max(1, {
      error: 'a weight must be at most 1',
    }),
  measures: TextSchema,
});

const HealthBandSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  /** Lowest score (0-100) in this band; a band runs up to the next band's floor. */
  floor: PercentSchema,
  action: TextSchema,
});

export const HealthScoreSchema = z
  .strictObject({
    factors: z.array(HealthFactorSchema).min(1, { error: 'list at least one factor' }),
    /** Highest band first; the last band's floor is 0. */
    bands: z.array(HealthBandSchema).min(1, { error: 'list at least one band' }),
    example: z.strictObject({
      account: TextSchema,
      /** A 0-100 score for each factor id. */
      scores: z.record(IdSchema, PercentSchema),
    }),
  })
  .superRefine((value, ctx) => {
    const sum = value.factors.reduce((total, f) => total + f.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['factors'],
        message: `factor weights must sum to 1; they sum to ${Number(sum.toFixed(6))}`,
      });
    }
    value.bands.forEach((band, i) => {
      const higher = value.bands[i - 1];
      if (higher && band.floor >= higher.floor) {
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'floor'],
          message: `list bands from highest to lowest floor; ${band.floor} is not below ${higher.floor}`,
        });
      }
    });
    const last = value.bands[value.bands.length - 1];
    if (last && last.floor !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', value.bands.length - 1, 'floor'],
        message: 'the lowest band must start at 0 so every score has a band',
      });
    }
    const ids = value.factors.map((f) => f.id);
    for (const key of Object.keys(value.example.scores)) {
      if (!ids.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['example', 'scores', key],
          message: `unknown health factor "${key}"; expected one of: ${ids.join(', ')}`,
        });
      }
    }
    for (const id of ids) {
      if (!(id in value.example.scores)) {
        ctx.addIssue({
          code: 'custom',
          path: ['example', 'scores'],
          message: `no example score for factor "${id}"`,
        });
      }
    }
  });

const StageSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  months: TextSchema,
  /** Customer count the stage is staffed for; `to` is absent for the open-ended last stage. */
  customers: z.strictObject({ from: CountSchema, to: z.optional(CountSchema) }),
  /** Full-time equivalents on support and success. */
  fte: z.number({ error: 'expected a number of FTE' }).min(0, { error: 'must not be negative' }),
  staff: TextSchema,
  staff_cost_per_quarter: MoneySchema,
  tools_per_month: MoneySchema,
  tools: TextListSchema,
  /** Planning revenue for the quarter, used for the support-cost share. */
  revenue_per_quarter: MoneySchema.check(
    z.refine((m: number) => m > 0, { error: 'revenue must be above 0' }),
  ),
});

const StaffingSchema = z.strictObject({
  /** Support cost should stay below this % of revenue. */
  cost_target_percent: PercentSchema,
  /** Above this % of revenue, escalate. */
  cost_red_flag_percent: PercentSchema,
  stages: z.array(StageSchema).min(1, { error: 'list at least one stage' }),
});

const ChecklistDaySchema = z.strictObject({
  day: z.number().int().min(1),
  name: TextSchema,
  tasks: z
    .array(z.strictObject({ id: IdSchema, text: TextSchema }))
    .min(1, { error: 'list at least one task' }),
});

const CaseStudySchema = z.strictObject({
  title: TextSchema,
  customer: TextSchema,
  tier: IdSchema,
  challenge: TextSchema,
  solution: TextListSchema,
  outcomes: z
    .array(
      z.strictObject({
        label: TextSchema,
        before: z.number().min(0),
        after: z.number().min(0),
        unit: TextSchema,
      }),
    )
    .min(1),
});

const BattlecardSchema = z.strictObject({
  tier: IdSchema,
  positioning: TextSchema,
  objections: z.array(z.strictObject({ objection: TextSchema, answer: TextSchema })).min(1),
  differentiators: TextListSchema,
});

export const PlaybookFileSchema = z.strictObject({
  channels: z.array(ChannelUseSchema).min(1),
  automation: z.strictObject({
    /** Share of tickets auto-responses should resolve, in %. */
    auto_resolve_target: PercentSchema,
    /** Empty when there is no knowledge base for auto-responses to send. */
    rules: z.array(AutoResponseSchema),
  }),
  /** Most urgent first (P1 … P4). */
  alerts: z.array(AlertRuleSchema).min(1),
  follow_the_sun: FollowTheSunSchema,
  billing_disputes: BillingDisputesSchema,
  routines: z.array(RoutineSchema).min(1),
  metrics: z.array(MetricSchema).min(1),
  response_percentiles: z.array(PercentileSchema).min(1),
  nps_example: z.strictObject({
    promoters: CountSchema,
    passives: CountSchema,
    detractors: CountSchema,
  }),
  health_score: HealthScoreSchema,
  staffing: StaffingSchema,
  launch_checklist: z.array(ChecklistDaySchema).min(1),
  case_study: CaseStudySchema,
  battlecards: z.array(BattlecardSchema).min(1),
});

export type HealthScore = Localized<z.output<typeof HealthScoreSchema>>;
export type HealthFactor = Localized<z.output<typeof HealthFactorSchema>>;
export type HealthBand = Localized<z.output<typeof HealthBandSchema>>;
export type AlertRule = Localized<z.output<typeof AlertRuleSchema>>;
export type AlertCondition = Localized<z.output<typeof ConditionSchema>>;
export type Metric = Localized<z.output<typeof MetricSchema>>;
export type StaffingStage = Localized<z.output<typeof StageSchema>>;
export type PlaybookFile = Localized<z.output<typeof PlaybookFileSchema>>;
