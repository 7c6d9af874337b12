import type { Catalog } from '../data/load.ts';
import { english, type CharterKey, type Translate } from './i18n.ts';
import {
  EngagementSchema,
  isCalendarDate,
  type Engagement,
  type SowDraft,
} from '../schemas/engagement.ts';
import type { ServicesFile } from '../schemas/services.ts';
import { formatPercent } from './format.ts';
import { addDays } from './terms.ts';
import {
  MICROS_PER_UNIT,
  minorDigits,
  multiply,
  percentOf,
  roundToMinor,
  toMicros,
  type Micros,
} from './money.ts';

/**
 * Statement of Work logic shared by the generator page, the SOW template, `charter sow` and
 * tests: the catalog slice a SOW needs, drafts, validation with a path per problem, and totals.
 */

/** The part of the Catalog a SOW reads; small and plain, so pages embed it for the browser. */
export interface SowCatalog {
  company: {
    name: string;
    currency: string;
    locale: string;
    terms_version: string;
    effective_date: string;
  };
  services: Pick<
    ServicesFile,
    | 'pricing_models'
    | 'rate_card'
    | 'retainer'
    | 'default_payment_schedule'
    | 'acceptance_criteria'
    | 'change_management'
    | 'ip_terms'
  >;
}

export function sowCatalog(catalog: Catalog): SowCatalog {
  const { name, currency, locale, terms_version, effective_date } = catalog.company;
  const s = catalog.services;
  return {
    company: { name, currency, locale, terms_version, effective_date },
    services: {
      pricing_models: s.pricing_models,
      rate_card: s.rate_card,
      retainer: s.retainer,
      default_payment_schedule: s.default_payment_schedule,
      acceptance_criteria: s.acceptance_criteria,
      change_management: s.change_management,
      ip_terms: s.ip_terms,
    },
  };
}

export type SowPath = (string | number)[];

/** How long a quote stays valid when the engagement does not say: thirty days from issue. */
export const QUOTE_VALID_DAYS = 30;

/**
 * The issue date and the last valid day of a SOW's quote, YYYY-MM-DD: the draft's own, else
 * `today` and QUOTE_VALID_DAYS after the issue date. Null where a date given is not a real one.
 */
export function quoteDates(
  quote: SowDraft['quote'],
  today: string,
): { issued: string | null; validUntil: string | null } {
  const given = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const issued = given(quote.issued) ?? today;
  const issuedOk = isCalendarDate(issued) ? issued : null;
  const until = given(quote.valid_until);
  const validUntil =
    until !== undefined
      ? isCalendarDate(until)
        ? until
        : null
      : issuedOk && addDays(issuedOk, QUOTE_VALID_DAYS);
  return { issued: issuedOk, validUntil };
}

/** One problem with an engagement, at the field it belongs to. */
export interface SowIssue {
  path: SowPath;
  message: string;
  /** True when the field is simply not filled in yet. */
  missing: boolean;
}

/** A blank draft: one empty row where a section needs rows, and the data's defaults. */
export function emptyDraft(cat: SowCatalog): SowDraft {
  const models = cat.services.pricing_models.map((m) => m.id);
  return {
    project: { name: '', reference: '' },
    client: { name: '', contact: '', email: '' },
    provider_contact: { name: '', email: '' },
    dates: { start: '', end: '' },
    quote: { issued: '', valid_until: '' },
    objectives: [],
    deliverables: [{ id: 'D1', name: '', description: '', due: '' }],
    out_of_scope: [],
    technical_requirements: { prerequisites: [], environments: [], stack: [] },
    phases: [{ name: '', duration: '', milestones: [] }],
    resources: {
      provider: [
        { role: cat.services.rate_card[0]?.id ?? '', name: '', hours: null, allocation: null },
      ],
      client: [],
    },
    pricing: {
      model: models.includes('time-and-materials') ? 'time-and-materials' : (models[0] ?? ''),
      amount: null,
      months: null,
      discount_percent: null,
      tax_percent: null,
    },
    payment_schedule: cat.services.default_payment_schedule.map((p) => ({
      milestone: p.milestone,
      percent: p.percent,
      due: '',
    })),
    assumptions: [],
    acceptance_criteria: [...cat.services.acceptance_criteria],
    change_management: [...cat.services.change_management],
  };
}

/**
 * The draft as an engagement file would say it: empty text, nulls and blank lines left out,
 * so required fields that are still empty read as missing.
 */
export function normalizeDraft(draft: SowDraft): unknown {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(clean);
      return value.every((v) => typeof v === 'string')
        ? items.filter((v) => v !== undefined)
        : items;
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const c = clean(v);
        if (c !== undefined) out[key] = c;
      }
      return out;
    }
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    return value === null ? undefined : value;
  };
  return clean(draft);
}

/** Reads any engagement-shaped value (a parsed YAML file) into a full draft; wrong types become empty. */
export function draftFromInput(input: unknown): SowDraft {
  const obj = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const str = (v: unknown): string =>
    typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  const num = (v: unknown): number | null =>
    typeof v === 'number' && Number.isFinite(v) ? v : null;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
  const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
  const root = obj(input);
  const project = obj(root.project);
  const client = obj(root.client);
  const contact = obj(root.provider_contact);
  const dates = obj(root.dates);
  const quote = obj(root.quote);
  const tech = obj(root.technical_requirements);
  const resources = obj(root.resources);
  const pricing = obj(root.pricing);
  return {
    project: { name: str(project.name), reference: str(project.reference) },
    client: { name: str(client.name), contact: str(client.contact), email: str(client.email) },
    provider_contact: { name: str(contact.name), email: str(contact.email) },
    dates: { start: str(dates.start), end: str(dates.end) },
    quote: { issued: str(quote.issued), valid_until: str(quote.valid_until) },
    objectives: list(root.objectives),
    deliverables: rows(root.deliverables).map((d) => ({
      id: str(d.id),
      name: str(d.name),
      description: str(d.description),
      due: str(d.due),
    })),
    out_of_scope: list(root.out_of_scope),
    technical_requirements: {
      prerequisites: list(tech.prerequisites),
      environments: list(tech.environments),
      stack: list(tech.stack),
    },
    phases: rows(root.phases).map((p) => ({
      name: str(p.name),
      duration: str(p.duration),
      milestones: list(p.milestones),
    })),
    resources: {
      provider: rows(resources.provider).map((r) => ({
        role: str(r.role),
        name: str(r.name),
        hours: num(r.hours),
        allocation: num(r.allocation),
      })),
      client: rows(resources.client).map((r) => ({
        role: str(r.role),
        name: str(r.name),
        responsibilities: str(r.responsibilities),
      })),
    },
    pricing: {
      model: str(pricing.model),
      amount: num(pricing.amount),
      months: num(pricing.months),
      discount_percent: num(pricing.discount_percent),
      tax_percent: num(pricing.tax_percent),
    },
    payment_schedule: rows(root.payment_schedule).map((p) => ({
      milestone: str(p.milestone),
      percent: num(p.percent),
      due: str(p.due),
    })),
    assumptions: list(root.assumptions),
    acceptance_criteria: list(root.acceptance_criteria),
    change_management: list(root.change_management),
  };
}

/** The engagement schema's messages (schemas/engagement.ts, in English) by their key. */
const SCHEMA_MESSAGES: Record<string, CharterKey> = {
  'expected text': 'charter.sowSchema.text',
  'must not be empty': 'charter.sowSchema.notEmpty',
  'expected a list of items': 'charter.sowSchema.list',
  'expected a date like 2027-01-31': 'charter.sowSchema.date',
  'expected an email address': 'charter.sowSchema.email',
  'list at least one objective': 'charter.sowSchema.objective',
  'list at least one deliverable': 'charter.sowSchema.deliverable',
  'list at least one milestone': 'charter.sowSchema.milestone',
  'list at least one phase': 'charter.sowSchema.phase',
  'list at least one role': 'charter.sowSchema.role',
  'list at least one payment': 'charter.sowSchema.payment',
  'expected a number of hours': 'charter.sowSchema.hours',
  'hours must be more than 0': 'charter.sowSchema.hoursPositive',
  'hours must be at most 100,000': 'charter.sowSchema.hoursMax',
  'expected fixed-price, time-and-materials or retainer': 'charter.sowSchema.model',
  'expected a number of months': 'charter.sowSchema.months',
  'expected a whole number of months': 'charter.sowSchema.wholeMonths',
  'a retainer runs at least 1 month': 'charter.sowSchema.retainerMin',
  'a retainer runs at most 120 months': 'charter.sowSchema.retainerMax',
  'text is too long': 'charter.sowSchema.textTooLong',
  'expected a list of lines': 'charter.sowSchema.lines',
  'expected a number or null': 'charter.sowSchema.numberOrNull',
  'expected a list of rows': 'charter.sowSchema.rows',
};

/** A schema message in the page's words; one the table lacks stays as the schema wrote it. */
export function schemaMessage(message: string, t: Translate = english): string {
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return t('charter.sowSchema.tooLong', { count: Number(tooLong[1]) });
  const key = SCHEMA_MESSAGES[message];
  return key ? t(key) : message;
}

/**
 * Validates an engagement (a parsed YAML file or a normalised draft) against the schema and
 * the data: rate-card roles, pricing model, dates and the payment schedule. Every problem
 * carries the path of its field.
 */
export function validateEngagement(
  input: unknown,
  cat: SowCatalog,
  t: Translate = english,
): { engagement: Engagement | null; issues: SowIssue[] } {
  const issues: SowIssue[] = [];
  const result = EngagementSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          issues.push({
            path: [...path, key],
            message: t('charter.sow.unknownKey', { key }),
            missing: false,
          });
      } else if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
        issues.push({
          path,
          message: t('charter.sow.missingField', { field: String(path.at(-1)) }),
          missing: true,
        });
      } else {
        issues.push({ path, message: schemaMessage(issue.message, t), missing: false });
      }
    }
  }
  const seen = new Set(issues.map((i) => i.path.join('.')));
  // Checks against the data run on whatever is filled in, so a half-done draft still hears
  // that its schedule is off; a field the schema already rejected is not reported twice.
  for (const issue of checkDraft(draftFromInput(input), cat, t)) {
    if (!seen.has(issue.path.join('.'))) issues.push(issue);
  }
  const ok = result.success && issues.length === 0;
  return { engagement: ok ? result.data : null, issues };
}

/** Checks that need the data or span fields; skips whatever is not filled in yet. */
export function checkDraft(draft: SowDraft, cat: SowCatalog, t: Translate = english): SowIssue[] {
  const issues: SowIssue[] = [];
  const add = (path: SowPath, message: string) => issues.push({ path, message, missing: false });
  const { start, end } = draft.dates;
  const startOk = isCalendarDate(start);
  const endOk = isCalendarDate(end);
  if (startOk && endOk && end <= start) add(['dates', 'end'], t('charter.sow.endBeforeStart'));
  const { issued, valid_until } = draft.quote;
  if (isCalendarDate(issued) && isCalendarDate(valid_until) && valid_until <= issued)
    add(['quote', 'valid_until'], t('charter.sow.quoteValidity'));
  draft.deliverables.forEach((d, i) => {
    if (startOk && endOk && isCalendarDate(d.due) && (d.due < start || d.due > end)) {
      add(['deliverables', i, 'due'], t('charter.sow.dueOutside', { due: d.due, start, end }));
    }
  });

  const roles = cat.services.rate_card.map((r) => r.id);
  draft.resources.provider.forEach((r, i) => {
    if (r.role !== '' && !roles.includes(r.role)) {
      add(
        ['resources', 'provider', i, 'role'],
        t('charter.sow.unknownRole', { role: r.role, roles: roles.join(', ') }),
      );
    }
  });

  const models = cat.services.pricing_models.map((m) => m.id);
  const model = draft.pricing.model;
  if (model !== '' && !models.includes(model as never)) {
    add(['pricing', 'model'], t('charter.sow.unknownModel', { model, models: models.join(', ') }));
  }
  if (model === 'fixed-price' && draft.pricing.amount === null) {
    add(['pricing', 'amount'], t('charter.sow.fixedNeedsAmount'));
  }
  if (model === 'retainer') {
    if (draft.pricing.months === null)
      add(['pricing', 'months'], t('charter.sow.retainerNeedsMonths'));
    const minimum = cat.services.retainer.minimum_monthly_hours;
    const hours = monthlyHours(draft);
    if (hours !== null && hours < minimum) {
      add(
        ['resources', 'provider'],
        t('charter.sow.retainerMinimum', { count: minimum, minimum, hours }),
      );
    }
  }

  const sum = schedulePercent(draft);
  if (sum !== null && Math.abs(sum - 100) > 1e-9) {
    add(
      ['payment_schedule'],
      t('charter.sow.scheduleSum', {
        sum: formatPercent(round4(sum), cat.company.locale),
        full: formatPercent(100, cat.company.locale),
      }),
    );
  }
  return issues;
}

/** Sum of the schedule's percentages, or null while a row has none. */
export function schedulePercent(draft: Pick<SowDraft, 'payment_schedule'>): number | null {
  const percents = draft.payment_schedule.map((p) => p.percent);
  if (percents.length === 0 || percents.some((p) => p === null)) return null;
  return (percents as number[]).reduce((a, b) => a + b, 0);
}

function monthlyHours(draft: SowDraft): number | null {
  const hours = draft.resources.provider.map((r) => r.hours);
  if (hours.length === 0 || hours.some((h) => h === null)) return null;
  return (hours as number[]).reduce((a, b) => a + b, 0);
}

/** One provider role priced from the rate card. */
export interface SowLine {
  role: string;
  roleName: string;
  hours: number;
  /** Hourly rate from the rate card. */
  rate: Micros;
  /** rate x hours, rounded to the minor unit. */
  amount: Micros;
}

/** What an engagement costs, every amount in micro-units rounded to the minor unit. */
export interface SowTotals {
  model: string;
  lines: SowLine[];
  /** Retainer only: hours a month, the fee before and after the retainer discount, months. */
  retainer?: {
    hours: number;
    gross: Micros;
    discountPercent: number;
    monthly: Micros;
    months: number;
  };
  subtotal: Micros;
  discountPercent: number;
  discount: Micros;
  taxPercent: number;
  tax: Micros;
  total: Micros;
}

/**
 * Prices an engagement: time and materials = sum of rate x hours; fixed price = the amount;
 * retainer = monthly rate x hours less the data's retainer discount, times months. Then the
 * engagement's discount, then tax on the discounted amount. Null while something is missing.
 */
export function priceEngagement(draft: SowDraft, cat: SowCatalog): SowTotals | null {
  const { currency } = cat.company;
  const p = draft.pricing;
  const lines: SowLine[] = [];
  for (const r of draft.resources.provider) {
    const role = cat.services.rate_card.find((c) => c.id === r.role);
    if (!role || r.hours === null || !(r.hours > 0)) continue;
    const amount = roundToMinor(multiply(role.hourly, r.hours), currency);
    lines.push({ role: role.id, roleName: role.role, hours: r.hours, rate: role.hourly, amount });
  }
  const sumLines = lines.reduce((a, l) => a + l.amount, 0);
  const complete = lines.length > 0 && lines.length === draft.resources.provider.length;
  let subtotal: Micros;
  let retainer: SowTotals['retainer'];
  if (p.model === 'time-and-materials') {
    if (!complete) return null;
    subtotal = sumLines;
  } else if (p.model === 'fixed-price') {
    const amount = p.amount === null || p.amount < 0 ? null : toMicros(p.amount);
    if (amount === null) return null;
    subtotal = roundToMinor(amount, currency);
  } else if (p.model === 'retainer') {
    if (!complete || p.months === null || !Number.isInteger(p.months) || p.months < 1) return null;
    const discountPercent = cat.services.retainer.discount_percent;
    const monthly = sumLines - percentOf(sumLines, discountPercent, currency);
    const hours = lines.reduce((a, l) => a + l.hours, 0);
    retainer = { hours, gross: sumLines, discountPercent, monthly, months: p.months };
    subtotal = monthly * p.months;
  } else {
    return null;
  }
  const discountPercent = clampPercent(p.discount_percent);
  const taxPercent = clampPercent(p.tax_percent);
  const discount = percentOf(subtotal, discountPercent, currency);
  const tax = percentOf(subtotal - discount, taxPercent, currency);
  return {
    model: p.model,
    lines,
    ...(retainer ? { retainer } : {}),
    subtotal,
    discountPercent,
    discount,
    taxPercent,
    tax,
    total: subtotal - discount + tax,
  };
}

/**
 * Splits a total by the schedule's percentages, rounded to the minor unit, with the rounding
 * remainder on the last payment so the amounts add up to the total exactly.
 */
export function scheduleAmounts(total: Micros, percents: number[], currency: string): Micros[] {
  // Every milestone but the last is its share rounded down to the minor unit; the last takes
  // the remainder. Rounding shares half-up could overshoot the total (6 cents split 5:5:1:1
  // would be 3 + 3 + 1 + 1) and leave the last payment negative.
  const step = MICROS_PER_UNIT / 10 ** minorDigits(currency);
  const amounts = percents.map((p) => Math.floor((total * p) / 100 / step + 1e-9) * step);
  if (amounts.length > 0) {
    const others = amounts.slice(0, -1).reduce((a, b) => a + b, 0);
    amounts[amounts.length - 1] = total - others;
  }
  return amounts;
}

function clampPercent(value: number | null): number {
  return value === null || !(value > 0) ? 0 : Math.min(value, 100);
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
