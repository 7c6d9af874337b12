import { z } from 'zod';

/**
 * Shapes of the JSON endpoints under /api/ (output only). Field names are snake_case and
 * stable; money is a decimal amount in `currency`; durations carry minutes and their text.
 * `npm run schema` exports these to public/schemas/api/*.json.
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

export const PlansApiSchema = z.strictObject({
  currency: z.string().length(3),
  locale: Text,
  usage_alerts: z.strictObject({ soft_percent: Percent, hard_percent: Percent }),
  plans: z.array(
    z.strictObject({
      id: Text,
      tier: Text,
      tier_name: Text,
      price: z.strictObject({
        contact_us: z.boolean(),
        monthly: Money.nullable(),
        annual_monthly: Money.nullable(),
        text: Text,
      }),
      included: z.strictObject({
        queries: z.number().int().min(0),
        ingest_gb: z.number().int().min(0),
        seats: z.number().int().min(0),
      }),
      overage: z.strictObject({ queries: Money, ingest_gb: Money, seats: Money.nullable() }),
    }),
  ),
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
      availability_percent: Percent,
      allowed_downtime_per_month: DurationApiSchema.extend({
        minutes: z.number().min(0),
        basis: Text,
      }),
      credit_schedule: Text.nullable(),
      targets: z.array(
        z.strictObject({
          severity: Text,
          first_response: TimedDuration,
          /** Null: no resolution commitment. */
          resolution: TimedDuration.nullable(),
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
  rate_card: z.array(z.strictObject({ id: Text, role: Text, hourly: Money })),
});

/** Every endpoint, by file name: /api/NAME.json, schema at /schemas/api/NAME.json. */
export const API_ENDPOINTS = {
  plans: PlansApiSchema,
  sla: SlaApiSchema,
  credits: CreditsApiSchema,
  escalation: EscalationApiSchema,
  catalog: CatalogApiSchema,
} as const;

export type ApiEndpointName = keyof typeof API_ENDPOINTS;
export type PlansApi = z.output<typeof PlansApiSchema>;
export type SlaApi = z.output<typeof SlaApiSchema>;
export type CreditsApi = z.output<typeof CreditsApiSchema>;
export type EscalationApi = z.output<typeof EscalationApiSchema>;
export type CatalogApi = z.output<typeof CatalogApiSchema>;
