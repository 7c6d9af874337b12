import { z } from 'zod';
import { CountSchema, IdSchema, MoneySchema, PercentSchema, TextSchema } from './shared.ts';

/** Intake answers that recommendation rules may test. */
export const ROI_RULE_FIELDS = ['needs_24x7', 'mission_critical', 'departments', 'team_size', 'tasks_per_month'] as const;

const RuleSchema = z
  .strictObject({
    field: z.enum(ROI_RULE_FIELDS, { error: `expected one of: ${ROI_RULE_FIELDS.join(', ')}` }),
    equals: z.boolean().optional(),
    at_least: z.number().min(0).optional(),
    min_tier: IdSchema,
    reason: TextSchema,
  })
  .refine((r) => (r.equals === undefined) !== (r.at_least === undefined), {
    error: 'a rule needs exactly one of "equals" or "at_least"',
  });

/** data/roi.yaml — read by the ROI calculator, its methodology section and the plan recommender. */
export const RoiFileSchema = z.strictObject({
  defaults: z.strictObject({
    team_size: CountSchema,
    /** Support tasks or tickets handled per month. */
    tasks_per_month: CountSchema,
    hours_per_task: z.number().positive({ error: 'must be more than 0' }),
    /** Loaded cost of one staff hour, in the company currency. */
    hourly_cost: MoneySchema,
    /** Share of tasks the platform automates, in %. */
    automation_rate: PercentSchema,
    departments: CountSchema,
    /** Platform queries each task uses, for sizing the plan. */
    queries_per_task: z.number().min(0),
    /** Horizon of the multi-year value figure. */
    years: z.number().int().min(1).max(10),
  }),
  recommendation: z.strictObject({ rules: z.array(RuleSchema) }),
});

export type RoiRule = z.output<typeof RuleSchema>;
export type RoiFile = z.output<typeof RoiFileSchema>;
