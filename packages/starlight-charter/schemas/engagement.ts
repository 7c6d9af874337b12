import * as z from 'zod/mini';
import { IdSchema, MoneySchema, PercentSchema } from './shared.ts';

/**
 * An engagement: the facts of one Statement of Work. Sales ops keep these as YAML files
 * (`charter sow file.yaml`); the SOW generator page builds the same shape in the browser,
 * which is why these schemas use zod/mini (its page loads only the parts of zod they use).
 * Not a terms file: prices come from the rate card in services.yaml at render time.
 */

// zod/mini brings no messages of its own: checks without one read in English, as they do with
// the full API, wherever these schemas are used alone (the SOW generator's page).
z.config(z.locales.en());

/** How a custom-development engagement is priced; services.yaml describes each. */
export const PRICING_MODEL_IDS = ['fixed-price', 'time-and-materials', 'retainer'] as const;

const MAX_TEXT = 4000;
const MAX_ROWS = 200;

const Text = z
  .string({ error: 'expected text' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(MAX_TEXT, { error: `must be at most ${MAX_TEXT} characters` }),
  );

const atMostRows = z.maxLength(MAX_ROWS);
const atLeastOne = (error: string) => z.minLength(1, { error });

const TextList = z.array(Text, { error: 'expected a list of items' }).check(atMostRows);

/** A real calendar date written YYYY-MM-DD (2027-02-30 is rejected). */
export const CalendarDateSchema = z
  .string({ error: 'expected a date like 2027-01-31' })
  .check(z.refine((value) => isCalendarDate(value), { error: 'expected a date like 2027-01-31' }));

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const Email = z.email({ error: 'expected an email address' });

export const EngagementSchema = z.strictObject({
  project: z.strictObject({ name: Text, reference: z.optional(Text) }),
  client: z.strictObject({ name: Text, contact: z.optional(Text), email: z.optional(Email) }),
  /** The provider's own contact for this engagement (the company comes from company.yaml). */
  provider_contact: z.strictObject({ name: Text, email: z.optional(Email) }),
  dates: z.strictObject({ start: CalendarDateSchema, end: CalendarDateSchema }),
  /**
   * The quote this SOW makes: the day it is issued (the day the SOW is made, when not given)
   * and the last day it can be signed at these prices (QUOTE_VALID_DAYS after issue, when not
   * given).
   */
  quote: z.optional(
    z.strictObject({
      issued: z.optional(CalendarDateSchema),
      valid_until: z.optional(CalendarDateSchema),
    }),
  ),
  objectives: TextList.check(atLeastOne('list at least one objective')),
  deliverables: z
    .array(z.strictObject({ id: Text, name: Text, description: Text, due: CalendarDateSchema }))
    .check(atLeastOne('list at least one deliverable'), atMostRows),
  out_of_scope: z.optional(TextList),
  technical_requirements: z.optional(
    z.strictObject({
      prerequisites: z.optional(TextList),
      environments: z.optional(TextList),
      stack: z.optional(TextList),
    }),
  ),
  phases: z
    .array(
      z.strictObject({
        name: Text,
        duration: Text,
        milestones: TextList.check(atLeastOne('list at least one milestone')),
      }),
    )
    .check(atLeastOne('list at least one phase'), atMostRows),
  resources: z.strictObject({
    provider: z
      .array(
        z.strictObject({
          /** A rate-card role id from services.yaml. */
          role: IdSchema,
          name: z.optional(Text),
          /** Hours over the engagement; for a retainer, hours per month. */
          hours: z
            .number({ error: 'expected a number of hours' })
            .check(
              z.positive({ error: 'hours must be more than 0' }),
              z.maximum(100_000, { error: 'hours must be at most 100,000' }),
            ),
          allocation: z.optional(PercentSchema),
        }),
      )
      .check(atLeastOne('list at least one role'), atMostRows),
    client: z.optional(
      z
        .array(
          z.strictObject({
            role: Text,
            name: z.optional(Text),
            responsibilities: z.optional(Text),
          }),
        )
        .check(atMostRows),
    ),
  }),
  pricing: z.strictObject({
    model: z.enum(PRICING_MODEL_IDS, {
      error: 'expected fixed-price, time-and-materials or retainer',
    }),
    /** Fixed price only: the agreed amount in the company currency. */
    amount: z.optional(MoneySchema),
    /** Retainer only: how many months the retainer runs. */
    months: z.optional(
      z
        .number({ error: 'expected a number of months' })
        .check(
          z.refine(Number.isInteger, { error: 'expected a whole number of months' }),
          z.minimum(1, { error: 'a retainer runs at least 1 month' }),
          z.maximum(120, { error: 'a retainer runs at most 120 months' }),
        ),
    ),
    discount_percent: z.optional(PercentSchema),
    tax_percent: z.optional(PercentSchema),
  }),
  payment_schedule: z
    .array(z.strictObject({ milestone: Text, percent: PercentSchema, due: z.optional(Text) }))
    .check(atLeastOne('list at least one payment'), atMostRows),
  assumptions: z.optional(TextList),
  /** Defaults to acceptance_criteria in services.yaml. */
  acceptance_criteria: z.optional(TextList),
  /** Defaults to change_management in services.yaml. */
  change_management: z.optional(TextList),
});

export type EngagementInput = z.input<typeof EngagementSchema>;
export type Engagement = z.output<typeof EngagementSchema>;

/*
 * The generator's draft: the same fields, every one present, as a person left them (empty
 * text, missing numbers as null, lists one item per line). Imports are checked against it:
 * strict objects and size limits, so a file of the wrong shape changes nothing.
 */
const DraftText = z
  .string({ error: 'expected text' })
  .check(z.maxLength(MAX_TEXT, { error: 'text is too long' }));
const DraftLines = z.array(DraftText, { error: 'expected a list of lines' }).check(atMostRows);
// zod's numbers are finite: Infinity and NaN are rejected as not numbers.
const DraftNumber = z.nullable(z.number({ error: 'expected a number or null' }));
const rows = <T extends z.ZodMiniType>(row: T) =>
  z.array(row, { error: 'expected a list of rows' }).check(atMostRows);

export const SowDraftSchema = z.strictObject({
  project: z.strictObject({ name: DraftText, reference: DraftText }),
  client: z.strictObject({ name: DraftText, contact: DraftText, email: DraftText }),
  provider_contact: z.strictObject({ name: DraftText, email: DraftText }),
  dates: z.strictObject({ start: DraftText, end: DraftText }),
  // Drafts exported before quotes had dates read as a quote left to its defaults.
  quote: z._default(z.strictObject({ issued: DraftText, valid_until: DraftText }), () => ({
    issued: '',
    valid_until: '',
  })),
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
