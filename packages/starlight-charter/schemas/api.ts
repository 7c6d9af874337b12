import { z } from 'zod';

/**
 * Shapes of the JSON endpoints under /api/ (output only). Field names are snake_case and
 * stable; money is a decimal amount in `currency`; durations carry minutes and their text.
 * These are exported to json-schemas/api/*.json and published at /schemas/api/.
 */

const Money = z.number().min(0).describe('Decimal amount in the catalogue currency');
const Percent = z.number().min(0).max(100);
const Text = z.string().min(1);

export const DurationApiSchema = z.strictObject({
  minutes: z.number().int().min(0),
  /** As the pages say it, e.g. "4 hours". */
  text: Text,
});

const TimedDuration = DurationApiSchema.extend({
  clock: z.enum(['business', 'calendar']),
  /** "business hours" or "24x7". */
  clock_label: Text,
});

const UnitNameApi = z.strictObject({
  /** The unit in the singular. */
  one: Text,
  /** The unit in the plural. */
  other: Text,
});

/** Where a graduated band ends (a quantity, or a monthly spend in `currency`); null for the last band. */
const BandEnd = z.number().positive().nullable();

/** Something the plans include an amount of. */
const MeterApi = z.strictObject({
  id: Text,
  name: Text,
  unit: UnitNameApi,
  /** When the included amount starts again; "never" for a standing limit. */
  resets: z.enum(['month', 'year', 'never']),
  /** True when usage comes in whole units only. */
  whole: z.boolean(),
  description: Text.nullable(),
});

/** The price in words (`text`, as the pricing table says it) and its whole rule in a sentence (`rule`). */
const PriceWords = { text: Text, rule: Text };

/** A plan's monthly price, one shape per `model`. */
const PlanPriceApi = z.discriminatedUnion('model', [
  z.strictObject({
    model: z.literal('flat'),
    /** Per month, billed monthly; 0 is free. */
    monthly: Money,
    /** Per month when billed annually; null when not offered. */
    annual_monthly: Money.nullable(),
    ...PriceWords,
  }),
  z.strictObject({
    model: z.literal('from'),
    /** The least it costs per month; the rest is quoted. */
    monthly: Money,
    annual_monthly: Money.nullable(),
    ...PriceWords,
  }),
  z.strictObject({
    model: z.literal('per-seat'),
    /** Per seat per month, billed monthly. */
    per_seat: Money,
    /** Per seat per month when billed annually; null when not offered. */
    annual_per_seat: Money.nullable(),
    /** What is counted, in the singular and the plural. */
    seat: UnitNameApi,
    /** The fewest seats charged. */
    minimum_seats: z.number().int().min(1),
    ...PriceWords,
  }),
  z.strictObject({
    model: z.literal('share-of-spend'),
    /** The least charged in a month. */
    minimum: Money,
    /** Graduated shares of the monthly product spend; `up_to` is in `currency`. */
    bands: z.array(z.strictObject({ up_to: BandEnd, percent: Percent })).min(1),
    ...PriceWords,
  }),
  z.strictObject({ model: z.literal('contact-us'), ...PriceWords }),
]);

/** What usage above the included amount costs, in words too (`text`). */
const OverageApi = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('per-unit'), per_unit: Money, text: Text }),
  z.strictObject({
    model: z.literal('package'),
    /** Units in a pack; every pack started is charged in full. */
    size: z.number().int().positive(),
    price: Money,
    text: Text,
  }),
  z.strictObject({
    model: z.literal('graduated'),
    /** Bands over the units above the included amount. */
    bands: z.array(z.strictObject({ up_to: BandEnd, per_unit: Money })).min(1),
    text: Text,
  }),
]);

/** A plan's allowance of one meter. */
const UsageApi = z.strictObject({
  /** The meter's id in `meters`. */
  meter: Text,
  included: z.union([z.number().min(0), z.literal('unlimited')]),
  included_text: Text,
  /** Null when no usage above the included amount is sold (a hard limit, or unlimited). */
  overage: OverageApi.nullable(),
  /** True when usage cannot go above the included amount. */
  hard_limit: z.boolean(),
});

const AddOnPriceApi = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('flat'), monthly: Money, text: Text }),
  z.strictObject({
    model: z.literal('per-unit'),
    /** Per unit taken, per month. */
    per_unit: Money,
    unit: UnitNameApi,
    text: Text,
  }),
  z.strictObject({ model: z.literal('contact-us'), text: Text }),
]);

const AddOnApi = z.strictObject({
  id: Text,
  name: Text,
  description: Text,
  /** Plan ids that can take it. */
  available_for: z.array(Text).min(1),
  price: AddOnPriceApi,
  adds: z.strictObject({
    features: z.array(Text),
    /** More of a meter (per unit taken, for a per-unit price). */
    included: z.array(z.strictObject({ meter: Text, amount: z.number().positive(), text: Text })),
    /** Faster first responses, on the clock of the plan's own target. */
    first_response: z.array(DurationApiSchema.extend({ severity: Text })),
  }),
});

export const PlansApiSchema = z.strictObject({
  currency: z.string().length(3),
  locale: Text,
  usage_alerts: z.strictObject({ soft_percent: Percent, hard_percent: Percent }),
  meters: z.array(MeterApi).min(1),
  plans: z.array(
    z.strictObject({
      id: Text,
      tier: Text,
      tier_name: Text,
      price: PlanPriceApi,
      /** One entry per meter, in the order of `meters`. */
      usage: z.array(UsageApi),
    }),
  ),
  add_ons: z.array(AddOnApi),
});

export const SlaApiSchema = z.strictObject({
  support_hours: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      days: z.array(Text),
      start: Text,
      end: Text,
      time_zone: Text,
      /** Whole local days (in the schedule's zone) on which it is closed, sorted by date. */
      holidays: z.array(
        z.strictObject({
          date: Text,
          /** Null for a single date the schedule lists without a name. */
          name: Text.nullable(),
          /** The holiday set it comes from; null for a single date. */
          set: Text.nullable(),
        }),
      ),
      /** Years its holiday sets list dates for; null when it names no set. */
      holiday_years: z.array(z.number().int()).nullable(),
    }),
  ),
  severities: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      label: Text,
      criteria: z.array(Text),
      /** Null when updates are sent as needed. */
      update_interval: DurationApiSchema.nullable(),
    }),
  ),
  tiers: z.array(
    z.strictObject({
      tier: Text,
      tier_name: Text,
      clock: z.enum(['business', 'calendar']),
      support_hours: Text,
      /** Null: best effort, no availability target (and no service credits). */
      availability_percent: Percent.nullable(),
      /** As the SLA page says it: "99.9%", or "Best effort". */
      availability_text: Text,
      /** Null: best effort, no availability target to allow downtime against. */
      allowed_downtime_per_month: DurationApiSchema.extend({
        minutes: z.number().min(0),
        basis: Text,
      }).nullable(),
      credit_schedule: Text.nullable(),
      targets: z.array(
        z.strictObject({
          severity: Text,
          /** Null: best effort, no first-response commitment. */
          first_response: TimedDuration.nullable(),
          /** As the SLA page says it: "4 hours (business hours)", or "Best effort". */
          first_response_text: Text,
          /** Null: best effort, no resolution commitment. */
          resolution: TimedDuration.nullable(),
          /** As the SLA page says it, or "Best effort". */
          resolution_text: Text,
        }),
      ),
    }),
  ),
  exclusions: z.array(Text),
  reporting: z.array(Text),
});

export const CreditsApiSchema = z.strictObject({
  /** Bands are half-open: at_least <= uptime < below. */
  band_rule: Text,
  cap_percent: Percent,
  claim: z.strictObject({ window_days: z.number().int().min(0), steps: z.array(Text) }),
  schedules: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      tiers: z.array(Text),
      bands: z.array(
        z.strictObject({ at_least: Percent, below: Percent, credit_percent: Percent, text: Text }),
      ),
    }),
  ),
});

export const EscalationApiSchema = z.strictObject({
  when_to_escalate: z.array(Text),
  levels: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      role: Text,
      trigger: Text,
      contacts: z.array(Text),
      actions: z.array(Text),
    }),
  ),
  /** Time after the ticket opens, on the ticket's SLA clock, at which each level is engaged. */
  matrix: z.array(z.strictObject({ severity: Text, level: Text, after: DurationApiSchema })),
  customer_initiated: z.array(z.strictObject({ channel: Text, how: Text })),
  post_escalation: z.array(Text),
});

export const CatalogApiSchema = z.strictObject({
  company: z.strictObject({
    name: Text,
    product: Text,
    site_url: Text,
    currency: z.string().length(3),
    locale: Text,
    contacts: z.array(z.strictObject({ id: Text, label: Text, email: Text })),
  }),
  tiers: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      summary: Text,
      coverage: Text,
      best_for: z.array(Text),
    }),
  ),
  features: z.array(
    z.strictObject({
      id: Text,
      name: Text,
      /** Tier id → "yes" | "no" | "add-on" | "included" | free text. */
      values: z.record(
        z.string(),
        z.strictObject({ kind: z.enum(['yes', 'no', 'add-on', 'included', 'text']), text: Text }),
      ),
    }),
  ),
  channels: z.array(
    z.strictObject({ id: Text, name: Text, kind: Text, address: Text, tiers: z.array(Text) }),
  ),
  plans: PlansApiSchema,
  sla: SlaApiSchema,
  credits: CreditsApiSchema,
  escalation: EscalationApiSchema,
  /** Absent when the site publishes neither custom development nor SOWs. */
  rate_card: z.array(z.strictObject({ id: Text, role: Text, hourly: Money })).optional(),
});

/**
 * What every file under /api/ carries besides its contents: the terms it states and the schema
 * it follows. Within a major version of the terms, files only gain fields.
 */
const ApiFileHeader = {
  $schema: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .describe("The address of this file's JSON Schema, as the site publishes it"),
  terms_version: z
    .string()
    .regex(/^\d+\.\d+(?:\.\d+)?$/)
    .describe(
      'The version of the terms the figures are from; within a major version files only gain fields',
    ),
  effective_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('The day those terms take effect, YYYY-MM-DD'),
  currency: z.string().length(3).describe('ISO 4217 code of every amount of money in the file'),
};

/** Every endpoint, by file name: /api/NAME.json, schema at /schemas/api/NAME.json. */
export const API_ENDPOINTS = {
  plans: PlansApiSchema.extend(ApiFileHeader),
  sla: SlaApiSchema.extend(ApiFileHeader),
  credits: CreditsApiSchema.extend(ApiFileHeader),
  escalation: EscalationApiSchema.extend(ApiFileHeader),
  catalog: CatalogApiSchema.extend(ApiFileHeader),
} as const;

export type ApiEndpointName = keyof typeof API_ENDPOINTS;
export type PlansApi = z.output<typeof PlansApiSchema>;
export type SlaApi = z.output<typeof SlaApiSchema>;
export type CreditsApi = z.output<typeof CreditsApiSchema>;
export type EscalationApi = z.output<typeof EscalationApiSchema>;
export type CatalogApi = z.output<typeof CatalogApiSchema>;
export type ApiFileHeader = z.output<z.ZodObject<typeof ApiFileHeader>>;
/** A whole file under /api/, by endpoint name: its header and its contents. */
export type ApiFile<N extends ApiEndpointName> = z.output<(typeof API_ENDPOINTS)[N]>;
