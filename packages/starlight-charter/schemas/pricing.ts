import { z } from 'zod';
import {
  ActionUrlSchema,
  DurationSchema,
  IdSchema,
  LintExceptionsSchema,
  MoneySchema,
  PercentSchema,
  TextSchema,
  type Translations,
  type Localized,
} from './shared.ts';

/*
 * pricing.yaml — what a company meters, how each plan is priced, what it includes of each
 * meter, what usage above that costs, and the add-ons plans can take. The shape follows the
 * usage-billing systems (Lago's billable metrics and charge models, Stripe's prices): one
 * schema for every model, each model a `model:` value.
 */

/** A unit's name in the singular and the plural: `{ one: build minute, other: build minutes }`. */
export const UnitNameSchema = z.strictObject({
  one: TextSchema,
  other: TextSchema,
});

export const METER_RESETS = ['month', 'year', 'never'] as const;

/** Something a plan includes an amount of: build minutes, stored terabytes, named contacts. */
export const MeterSchema = z.strictObject({
  id: IdSchema,
  /** What the meter counts, as a heading: "Build minutes", "Storage". */
  name: TextSchema,
  unit: UnitNameSchema,
  /** When the included amount starts again: each month, each year, or never (a standing limit such as storage). */
  resets: z.enum(METER_RESETS, { error: 'expected month, year or never' }),
  /** Whether usage comes in whole units (calls, seats) or in fractions (terabytes). */
  whole: z.boolean().default(true),
  description: z.optional(TextSchema),
});

const BandLimit = z
  .number({ error: 'expected an amount' })
  .positive({ error: 'must be more than 0' });

/** Graduated bands: each `up_to` is where its band ends; the last band has none. */
function bandsSchema<T extends z.ZodType>(band: T, what: string) {
  return z
    .array(band)
    .min(1, { error: `list at least one ${what} band` })
    .superRefine((bands, ctx) => {
      let last = 0;
      bands.forEach((b, i) => {
        const upTo = (b as { up_to?: number }).up_to;
        const final = i === bands.length - 1;
        if (final && upTo !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'up_to'],
            message: 'the last band has no up_to: it takes everything above the band before',
          });
        } else if (!final && upTo === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: 'every band but the last needs up_to',
          });
        } else if (upTo !== undefined && upTo <= last) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'up_to'],
            message: `up_to must be above the band before (${last})`,
          });
        }
        if (upTo !== undefined) last = upTo;
      });
    });
}

const RateBandSchema = z.strictObject({ up_to: z.optional(BandLimit), per_unit: MoneySchema });

/**
 * What usage above the included amount costs: `per_unit`, `package` (a price for each started
 * pack of `size` units) or `graduated` (bands over the units above the included amount).
 */
export const OverageSchema = z
  .strictObject({
    per_unit: z.optional(MoneySchema),
    package: z.optional(
      z.strictObject({
        size: z
          .int({ error: 'expected a whole number of units' })
          .positive({ error: 'must be more than 0' }),
        price: MoneySchema,
      }),
    ),
    graduated: z.optional(bandsSchema(RateBandSchema, 'rate')),
  })
  .refine((o) => [o.per_unit, o.package, o.graduated].filter((x) => x !== undefined).length === 1, {
    error: 'an overage states one charge model: per_unit, package or graduated',
  })
  .transform((o): OverageCharge => {
    if (o.per_unit !== undefined) return { model: 'per-unit', per_unit: o.per_unit };
    if (o.package !== undefined)
      return { model: 'package', size: o.package.size, price: o.package.price };
    return {
      model: 'graduated',
      bands: o.graduated!.map((b) => ({ up_to: b.up_to ?? null, per_unit: b.per_unit })),
    };
  });

export type OverageCharge =
  | { model: 'per-unit'; per_unit: number }
  | { model: 'package'; size: number; price: number }
  | { model: 'graduated'; bands: { up_to: number | null; per_unit: number }[] };

/** A plan's allowance of one meter: what is included, and what more costs (none: a hard limit). */
export const AllowanceSchema = z.strictObject({
  included: z.union(
    [z.number().min(0, { error: 'must not be negative' }), z.literal('unlimited')],
    {
      error: 'expected an amount (0 or more) or "unlimited"',
    },
  ),
  overage: z.optional(OverageSchema),
});

const SpendBandSchema = z.strictObject({ up_to: z.optional(BandLimit), percent: PercentSchema });

export const PRICE_MODELS = ['flat', 'per-seat', 'from', 'share-of-spend', 'contact-us'] as const;
export type PriceModel = (typeof PRICE_MODELS)[number];

/**
 * How a plan is priced each month. `flat` (the default; 0 is free), `per-seat` (times the
 * seats the customer has, at least `minimum_seats`), `from` (a starting price, the rest
 * quoted), `share-of-spend` (graduated shares of the customer's monthly product spend, never
 * below `minimum`), or `contact-us` (also written as the bare word).
 */
export const PriceSchema = z
  .union(
    [
      z.literal('contact-us').transform(() => ({ model: 'contact-us' as const })),
      z.strictObject({
        model: z
          .enum(PRICE_MODELS, { error: `expected one of: ${PRICE_MODELS.join(', ')}` })
          .default('flat'),
        /** Per month (per seat, for per-seat), billed monthly. */
        monthly: z.optional(MoneySchema),
        /** Per month when billed annually, if offered. */
        annual_monthly: z.optional(MoneySchema),
        /** per-seat: what is counted, `{ one: seat, other: seats }` unless given. */
        seat: z.optional(UnitNameSchema),
        minimum_seats: z.optional(z.int().min(1, { error: 'must be at least 1' })),
        /** share-of-spend: the least charged in a month. */
        minimum: z.optional(MoneySchema),
        bands: z.optional(bandsSchema(SpendBandSchema, 'spend')),
      }),
    ],
    {
      error:
        'expected a price such as { monthly: 99 }, { model: per-seat, monthly: 12 } or "contact-us"',
    },
  )
  .superRefine((p, ctx) => {
    const need = (key: string) =>
      ctx.addIssue({ code: 'custom', path: [key], message: `a ${p.model} price needs "${key}"` });
    const refuse = (key: string) =>
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `"${key}" does not apply to a ${p.model} price`,
      });
    if (p.model === 'contact-us') return;
    const given = p as Record<string, unknown>;
    const allowed: Record<Exclude<PriceModel, 'contact-us'>, string[]> = {
      flat: ['monthly', 'annual_monthly'],
      from: ['monthly', 'annual_monthly'],
      'per-seat': ['monthly', 'annual_monthly', 'seat', 'minimum_seats'],
      'share-of-spend': ['minimum', 'bands'],
    };
    const required: Record<Exclude<PriceModel, 'contact-us'>, string[]> = {
      flat: ['monthly'],
      from: ['monthly'],
      'per-seat': ['monthly'],
      'share-of-spend': ['minimum', 'bands'],
    };
    for (const key of required[p.model]) if (given[key] === undefined) need(key);
    for (const key of ['monthly', 'annual_monthly', 'seat', 'minimum_seats', 'minimum', 'bands']) {
      if (given[key] !== undefined && !allowed[p.model].includes(key)) refuse(key);
    }
  })
  .transform((p): Price<string | Translations> => {
    if (p.model === 'contact-us') return { model: 'contact-us' };
    const q = p as Exclude<typeof p, { model: 'contact-us' }>;
    const annual = q.annual_monthly !== undefined ? { annual_monthly: q.annual_monthly } : {};
    switch (q.model) {
      case 'flat':
      case 'from':
        return { model: q.model, monthly: q.monthly!, ...annual };
      case 'per-seat':
        return {
          model: 'per-seat',
          monthly: q.monthly!,
          ...annual,
          seat: q.seat ?? { one: 'seat', other: 'seats' },
          minimum_seats: q.minimum_seats ?? 1,
        };
      case 'share-of-spend':
        return {
          model: 'share-of-spend',
          minimum: q.minimum!,
          bands: q.bands!.map((b) => ({ up_to: b.up_to ?? null, percent: b.percent })),
        };
      default:
        throw new Error(`unknown price model ${String(q.model)}`);
    }
  });

/** A plan's price; `Text` is `string | Translations` as parsed, a string in the Catalog. */
export type Price<Text = string> =
  | { model: 'contact-us' }
  | { model: 'flat' | 'from'; monthly: number; annual_monthly?: number }
  | {
      model: 'per-seat';
      monthly: number;
      annual_monthly?: number;
      seat: { one: Text; other: Text };
      minimum_seats: number;
    }
  | {
      model: 'share-of-spend';
      minimum: number;
      bands: { up_to: number | null; percent: number }[];
    };

export const PlanSchema = z.strictObject({
  id: IdSchema,
  /** The support tier this plan includes. */
  tier: IdSchema,
  price: PriceSchema,
  /** Keyed by meter id: every declared meter, once. */
  usage: z.record(IdSchema, AllowanceSchema),
  /**
   * The plan card's button: its words and where it leads (`https://` or `mailto:`), such as
   * `{ label: Start a trial, href: "https://app.example.com/trial" }`. Without one, the card
   * asks readers to contact sales at the company's sales contact.
   */
  cta: z.optional(z.strictObject({ label: TextSchema, href: ActionUrlSchema })),
  /** Intended exceptions to the pricing lint rules, against the plan below. */
  lint_exceptions: LintExceptionsSchema,
});

/** What an add-on costs: a flat monthly amount, an amount per unit taken, or on request. */
export const AddOnPriceSchema = z.union(
  [
    z.literal('contact-us').transform(() => ({ model: 'contact-us' as const })),
    z
      .strictObject({ monthly: MoneySchema })
      .transform((p) => ({ model: 'flat' as const, monthly: p.monthly })),
    z
      .strictObject({ per_unit: MoneySchema, unit: UnitNameSchema })
      .transform((p) => ({ model: 'per-unit' as const, per_unit: p.per_unit, unit: p.unit })),
  ],
  {
    error:
      'expected { monthly: AMOUNT }, { per_unit: AMOUNT, unit: { one, other } } or "contact-us"',
  },
);

export type AddOnPrice = Localized<z.output<typeof AddOnPriceSchema>>;

/** A priced extra some plans can take: premium support, a designated engineer, storage packs. */
export const AddOnSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  description: TextSchema,
  /** Plan ids that can take it. */
  available_for: z.array(IdSchema).min(1, { error: 'name at least one plan' }),
  price: AddOnPriceSchema,
  adds: z
    .strictObject({
      /** What it adds, in words. */
      features: z.optional(z.array(TextSchema)),
      /** More of a meter, keyed by meter id (per unit taken, for a per-unit add-on). */
      included: z.optional(
        z.record(IdSchema, z.number().positive({ error: 'must be more than 0' })),
      ),
      /** Faster first responses, keyed by severity id, as durations ("30m"). */
      first_response: z.optional(z.record(IdSchema, DurationSchema)),
    })
    .refine((a) => a.features?.length || a.included || a.first_response, {
      error: 'say what the add-on adds: features, included or first_response',
    }),
});

export const BILLING_PERIODS = ['monthly', 'annual'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const PricingFileSchema = z
  .strictObject({
    meters: z.array(MeterSchema).min(1, { error: 'declare at least one meter' }),
    plans: z.array(PlanSchema).min(1, { error: 'define at least one plan' }),
    add_ons: z.array(AddOnSchema).default([]),
    /** Usage alerts as a percentage of each included amount. */
    usage_alerts: z
      .strictObject({ soft: PercentSchema, hard: PercentSchema })
      .refine((a) => a.soft < a.hard, { error: 'the soft alert must be below the hard alert' }),
    /**
     * The prices the plan cards show first, `monthly` unless `annual` is given; readers can
     * switch. Annual needs a plan with an `annual_monthly` price.
     */
    billing_default: z
      .enum(BILLING_PERIODS, { error: 'expected "monthly" or "annual"' })
      .default('monthly'),
  })
  .superRefine((file, ctx) => {
    const annual = file.plans.some(
      (p) => 'annual_monthly' in p.price && p.price.annual_monthly !== undefined,
    );
    if (file.billing_default === 'annual' && !annual)
      ctx.addIssue({
        code: 'custom',
        path: ['billing_default'],
        message:
          'no plan has an annual_monthly price to show first; give one, or leave billing_default out',
      });
  });

export type Meter = Localized<z.output<typeof MeterSchema>>;
export type Allowance = Localized<z.output<typeof AllowanceSchema>>;
export type Plan = Localized<z.output<typeof PlanSchema>>;
export type AddOn = Localized<z.output<typeof AddOnSchema>>;
export type PricingFile = Localized<z.output<typeof PricingFileSchema>>;
