import { z } from 'zod';
import { PRICING_MODEL_IDS } from './services.ts';
import { IdSchema, MoneySchema, PercentSchema } from './shared.ts';

/**
 * An engagement: the facts of one Statement of Work. Sales ops keep these as YAML files
 * (`npm run sow -- file.yaml`); the SOW generator page builds the same shape in the browser.
 * Not a data/ file: prices come from the rate card in data/services.yaml at render time.
 */

const MAX_TEXT = 4000;
const MAX_ROWS = 200;

const Text = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` });

const TextList = z.array(Text, { error: 'expected a list of items' }).max(MAX_ROWS);

/** A real calendar date written YYYY-MM-DD (2027-02-30 is rejected). */
export const CalendarDateSchema = z
  .string({ error: 'expected a date like 2027-01-31' })
  .refine((value) => isCalendarDate(value), { error: 'expected a date like 2027-01-31' });

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const Email = z.email({ error: 'expected an email address' });

export const EngagementSchema = z.strictObject({
  project: z.strictObject({ name: Text, reference: Text.optional() }),
  client: z.strictObject({ name: Text, contact: Text.optional(), email: Email.optional() }),
  /** The provider's own contact for this engagement (the company comes from company.yaml). */
  provider_contact: z.strictObject({ name: Text, email: Email.optional() }),
  dates: z.strictObject({ start: CalendarDateSchema, end: CalendarDateSchema }),
  objectives: TextList.min(1, { error: 'list at least one objective' }),
  deliverables: z
    .array(z.strictObject({ id: Text, name: Text, description: Text, due: CalendarDateSchema }))
    .min(1, { error: 'list at least one deliverable' })
    .max(MAX_ROWS),
  out_of_scope: TextList.optional(),
  technical_requirements: z
    .strictObject({
      prerequisites: TextList.optional(),
      environments: TextList.optional(),
      stack: TextList.optional(),
    })
    .optional(),
  phases: z
    .array(
      z.strictObject({
        name: Text,
        duration: Text,
        milestones: TextList.min(1, { error: 'list at least one milestone' }),
      }),
    )
    .min(1, { error: 'list at least one phase' })
    .max(MAX_ROWS),
  resources: z.strictObject({
    provider: z
      .array(
        z.strictObject({
          /** A rate-card role id from data/services.yaml. */
          role: IdSchema,
          name: Text.optional(),
          /** Hours over the engagement; for a retainer, hours per month. */
          hours: z
            .number({ error: 'expected a number of hours' })
            .positive({ error: 'hours must be more than 0' })
            .max(100_000, { error: 'hours must be at most 100,000' }),
          allocation: PercentSchema.optional(),
        }),
      )
      .min(1, { error: 'list at least one role' })
      .max(MAX_ROWS),
    client: z
      .array(
        z.strictObject({ role: Text, name: Text.optional(), responsibilities: Text.optional() }),
      )
      .max(MAX_ROWS)
      .optional(),
  }),
  pricing: z.strictObject({
    model: z.enum(PRICING_MODEL_IDS, {
      error: 'expected fixed-price, time-and-materials or retainer',
    }),
    /** Fixed price only: the agreed amount in the company currency. */
    amount: MoneySchema.optional(),
    /** Retainer only: how many months the retainer runs. */
    months: z
      .number({ error: 'expected a number of months' })
      .int({ error: 'expected a whole number of months' })
      .min(1, { error: 'a retainer runs at least 1 month' })
      .max(120, { error: 'a retainer runs at most 120 months' })
      .optional(),
    discount_percent: PercentSchema.optional(),
    tax_percent: PercentSchema.optional(),
  }),
  payment_schedule: z
    .array(z.strictObject({ milestone: Text, percent: PercentSchema, due: Text.optional() }))
    .min(1, { error: 'list at least one payment' })
    .max(MAX_ROWS),
  assumptions: TextList.optional(),
  /** Defaults to acceptance_criteria in data/services.yaml. */
  acceptance_criteria: TextList.optional(),
  /** Defaults to change_management in data/services.yaml. */
  change_management: TextList.optional(),
});

export type EngagementInput = z.input<typeof EngagementSchema>;
export type Engagement = z.output<typeof EngagementSchema>;

/*
 * The generator's draft: the same fields, every one present, as a person left them (empty
 * text, missing numbers as null, lists one item per line). Imports are checked against it:
 * strict objects and size limits, so a file of the wrong shape changes nothing.
 */
const DraftText = z.string({ error: 'expected text' }).max(MAX_TEXT, { error: 'text is too long' });
const DraftLines = z.array(DraftText, { error: 'expected a list of lines' }).max(MAX_ROWS);
const DraftNumber = z.number({ error: 'expected a number or null' }).finite().nullable();
const rows = <T extends z.ZodType>(row: T) =>
  z.array(row, { error: 'expected a list of rows' }).max(MAX_ROWS);

export const SowDraftSchema = z.strictObject({
  project: z.strictObject({ name: DraftText, reference: DraftText }),
  client: z.strictObject({ name: DraftText, contact: DraftText, email: DraftText }),
  provider_contact: z.strictObject({ name: DraftText, email: DraftText }),
  dates: z.strictObject({ start: DraftText, end: DraftText }),
  objectives: DraftLines,
  deliverables: rows(
    z.strictObject({ id: DraftText, name: DraftText, description: DraftText, due: DraftText }),
  ),
  out_of_scope: DraftLines,
  technical_requirements: z.strictObject({
    prerequisites: DraftLines,
    environments: DraftLines,
    stack: DraftLines,
  }),
  phases: rows(z.strictObject({ name: DraftText, duration: DraftText, milestones: DraftLines })),
  resources: z.strictObject({
    provider: rows(
      z.strictObject({
        role: DraftText,
        name: DraftText,
        hours: DraftNumber,
        allocation: DraftNumber,
      }),
    ),
    client: rows(z.strictObject({ role: DraftText, name: DraftText, responsibilities: DraftText })),
  }),
  pricing: z.strictObject({
    model: DraftText,
    amount: DraftNumber,
    months: DraftNumber,
    discount_percent: DraftNumber,
    tax_percent: DraftNumber,
  }),
  payment_schedule: rows(
    z.strictObject({ milestone: DraftText, percent: DraftNumber, due: DraftText }),
  ),
  assumptions: DraftLines,
  acceptance_criteria: DraftLines,
  change_management: DraftLines,
});

export type SowDraft = z.output<typeof SowDraftSchema>;
