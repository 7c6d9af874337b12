import { z } from 'zod';
import { UnitNameSchema } from './pricing.ts';
import { IdSchema, TextSchema, type Localized, type Translations } from './shared.ts';

/*
 * roi.yaml — a company's own ROI model, stated as data: the questions the calculator asks
 * (`inputs`), what the answers save each month and what one unit saved is worth (`savings`),
 * the usage of each meter they imply (`usage`), which answers feed per-seat, share-of-spend or
 * annual prices (`plan_inputs`), the horizon of the multi-year figure, and the rules that raise
 * the recommended tier. Every figure is a product of answers: there is no formula language.
 * References between these parts are checked by the loader (data/roi-checks.ts).
 */

export const ROI_INPUT_KINDS = ['number', 'money', 'percent', 'yes-no'] as const;
export type RoiInputKind = (typeof ROI_INPUT_KINDS)[number];

/** An answer's id: lowercase words joined by "_" or "-"; it is also its name in a shared link. */
export const InputIdSchema = z
  .string({ error: 'expected an input id such as "team_size"' })
  .regex(/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/, {
    error: 'expected an input id of lowercase words joined by "_" or "-", such as "team_size"',
  });

const AmountSchema = z
  .number({ error: 'expected a number' })
  .min(0, { error: 'must not be negative' })
  .max(1e12, { error: 'must be below 1,000,000,000,000' });

/** Fields that only numeric answers take, for the "does not apply" message. */
const NUMERIC_ONLY = ['unit', 'min', 'max', 'whole', 'decimals'] as const;

/**
 * One question of the intake form. `kind` is number (the default), money (in the company
 * currency, `unit` naming what one amount is per, e.g. an hour), percent (0–100; counted as a
 * fraction in products) or yes-no (a checkbox). Numbers are whole unless `whole: false` or
 * `decimals` say otherwise.
 */
const InputSchema = z
  .strictObject({
    id: InputIdSchema,
    /** The question as the form labels it. */
    label: TextSchema,
    kind: z
      .enum(ROI_INPUT_KINDS, { error: `expected one of: ${ROI_INPUT_KINDS.join(', ')}` })
      .default('number'),
    /** A line under the field that helps people answer. */
    hint: z.optional(TextSchema),
    /** number: what is counted; money: what one amount is per. */
    unit: z.optional(UnitNameSchema),
    /** The starting answer: a number (money as a decimal), or true/false for yes-no (false unless given). */
    default: z.optional(
      z.union([AmountSchema, z.boolean()], {
        error: 'expected a number, or true/false for a yes-no input',
      }),
    ),
    min: z.optional(AmountSchema),
    max: z.optional(AmountSchema),
    whole: z.optional(z.boolean({ error: 'expected true or false' })),
    /** Most digits after the decimal point (money: the currency's own unless given). */
    decimals: z.optional(
      z.int({ error: 'expected a whole number' }).min(0).max(6, { error: 'must be at most 6' }),
    ),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'yes-no') {
      if (input.default !== undefined && typeof input.default !== 'boolean')
        issue('default', 'a yes-no input defaults to true or false');
      for (const key of NUMERIC_ONLY) {
        if (input[key] !== undefined) issue(key, `"${key}" does not apply to a yes-no input`);
      }
      return;
    }
    if (input.default === undefined) issue('default', `a ${input.kind} input needs a default`);
    else if (typeof input.default !== 'number')
      issue('default', `a ${input.kind} input defaults to a number`);
    if (input.kind === 'percent' && input.unit !== undefined)
      issue('unit', 'a percent input has no unit');
    if (input.kind === 'money' && input.whole !== undefined)
      issue('whole', 'a money input takes "decimals" instead');
    if (input.whole === true && input.decimals !== undefined)
      issue('decimals', 'a whole-number input has no decimals');
    if (input.kind === 'money') {
      for (const key of ['default', 'min', 'max'] as const) {
        const n = input[key];
        if (typeof n === 'number' && n > 1e9)
          issue(key, 'an amount of money must be below 1,000,000,000');
        else if (typeof n === 'number' && Math.abs(n * 1e6 - Math.round(n * 1e6)) >= 1e-3) {
          issue(key, 'an amount of money may have at most 6 decimal places');
        }
      }
    }
    if (input.kind === 'percent') {
      for (const key of ['default', 'min', 'max'] as const) {
        const n = input[key];
        if (typeof n === 'number' && n > 100) issue(key, 'a percentage must be at most 100');
      }
    }
  })
  .transform((input): RoiInput<string | Translations> => {
    const base = {
      id: input.id,
      label: input.label,
      ...(input.hint !== undefined ? { hint: input.hint } : {}),
    };
    if (input.kind === 'yes-no')
      return { ...base, kind: 'yes-no', default: input.default === true };
    // Money is kept in micro-units, like every amount of money in the catalog.
    const scale = input.kind === 'money' ? (n: number) => Math.round(n * 1e6) : (n: number) => n;
    return {
      ...base,
      kind: input.kind,
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      default: scale(input.default as number),
      min: scale(input.min ?? 0),
      max: input.max !== undefined ? scale(input.max) : input.kind === 'percent' ? 100 : null,
      whole:
        input.kind === 'number'
          ? (input.whole ?? input.decimals === undefined)
          : (input.whole ?? false),
      decimals: input.decimals ?? null,
    };
  });

type UnitName<Text> = { one: Text; other: Text };

/**
 * A numeric answer. Money amounts (default, min, max) are in micro-units. `Text` is
 * `string | Translations` as parsed, a string in the Catalog.
 */
export interface RoiNumberInput<Text = string> {
  id: string;
  label: Text;
  hint?: Text;
  kind: 'number' | 'money' | 'percent';
  unit?: UnitName<Text>;
  default: number;
  min: number;
  /** Null: no upper limit. */
  max: number | null;
  whole: boolean;
  /** Null: any (money: the currency's minor digits). */
  decimals: number | null;
}

export interface RoiYesNoInput<Text = string> {
  id: string;
  label: Text;
  hint?: Text;
  kind: 'yes-no';
  default: boolean;
}

export type RoiInput<Text = string> = RoiNumberInput<Text> | RoiYesNoInput<Text>;

/** A list of input ids whose values are multiplied together. */
const ProductSchema = z.array(InputIdSchema).min(1, { error: 'name at least one input' });

/** The field a rule tests: an input id, or a meter id for that meter's expected usage. */
const RuleFieldSchema = z
  .string({ error: 'expected an input id or a meter id' })
  .regex(/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/, { error: 'expected an input id or a meter id' });

const RuleSchema = z
  .strictObject({
    field: RuleFieldSchema,
    /** For a yes-no input: the answer that triggers the rule. */
    equals: z.optional(z.boolean({ error: 'expected true or false' })),
    /** For a numeric input or a meter: the least value that triggers the rule (money as a decimal). */
    at_least: z.optional(AmountSchema),
    min_tier: IdSchema,
    reason: TextSchema,
  })
  .refine((r) => (r.equals === undefined) !== (r.at_least === undefined), {
    error: 'a rule needs exactly one of "equals" or "at_least"',
  });

export const RoiFileSchema = z
  .strictObject({
    /** The intake form, in order. */
    inputs: z.array(InputSchema).min(1, { error: 'declare at least one input' }),
    savings: z.strictObject({
      /** What the model saves, as a heading: "Hours saved", "Restores avoided". */
      name: TextSchema,
      unit: UnitNameSchema,
      /** Units saved each month: the product of these inputs. */
      per_month: ProductSchema,
      /** A money input: what one unit saved is worth. */
      value_each: InputIdSchema,
    }),
    /** Expected usage of each meter (pricing meter ids): the product of these inputs. */
    usage: z.record(IdSchema, ProductSchema).default({}),
    /** Answers that a plan's price takes: seats (per-seat), spend (share-of-spend), annual billing. */
    plan_inputs: z
      .strictObject({
        seats: z.optional(InputIdSchema),
        spend: z.optional(InputIdSchema),
        annual: z.optional(InputIdSchema),
      })
      .default({}),
    /** A whole-number input: the years of the multi-year value. */
    horizon: InputIdSchema,
    recommendation: z
      .strictObject({ rules: z.array(RuleSchema).default([]) })
      .default({ rules: [] }),
  })
  .transform((file) => {
    // A rule on a money answer compares micro-units, as the answers are kept.
    const money = new Set(file.inputs.filter((i) => i.kind === 'money').map((i) => i.id));
    const rules = file.recommendation.rules.map((r) =>
      r.at_least !== undefined && money.has(r.field)
        ? { ...r, at_least: Math.round(r.at_least * 1e6) }
        : r,
    );
    return { ...file, recommendation: { rules } };
  });

export type RoiRule = Localized<z.output<typeof RuleSchema>>;
export type RoiFile = Localized<z.output<typeof RoiFileSchema>>;
