import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  apiFile,
  apiFileHeader,
  apiSchemaUrl,
  catalogPayload,
  creditsPayload,
  escalationPayload,
  plansPayload,
  slaPayload,
} from '../../../packages/starlight-charter/lib/api';
import { moneyFormat, planPriceText } from '../../../packages/starlight-charter/lib/catalog';
import { formatDuration } from '../../../packages/starlight-charter/lib/duration';
import {
  addOnPriceText,
  includedText,
  overageText,
  priceRuleText,
} from '../../../packages/starlight-charter/lib/pricing-text';
import {
  API_ENDPOINTS,
  type ApiEndpointName,
  type PlansApi,
} from '../../../packages/starlight-charter/schemas/api';
import { loadFixtureCompany } from '../scripts/lint-fixtures';
import { SAMPLE, WEE } from '../../support/sites';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Every price and overage model in one small company (the lint fixture company's tiers and
 * severities), so the payload is checked for the models neither real company uses.
 */
const ALL_MODELS = `
meters:
  - id: messages
    name: Messages
    unit: { one: message, other: messages }
    resets: month
  - id: storage
    name: Storage
    unit: { one: GB, other: GB }
    resets: never
    whole: false
    description: What you keep with us.
plans:
  - id: basic
    tier: basic
    price: { model: share-of-spend, minimum: 10, bands: [{ up_to: 10000, percent: 10 }, { percent: 7.5 }] }
    usage:
      messages: { included: 100, overage: { graduated: [{ up_to: 1000, per_unit: 0.05 }, { per_unit: 0.0325 }] } }
      storage: { included: 1 }
  - id: plus
    tier: plus
    price: { model: per-seat, monthly: 12.5, annual_monthly: 10, seat: { one: agent, other: agents }, minimum_seats: 3 }
    usage:
      messages: { included: 1000, overage: { package: { size: 500, price: 15 } } }
      storage: { included: 10.5, overage: { per_unit: 0.125 } }
  - id: max
    tier: max
    price: { model: from, monthly: 400 }
    usage:
      messages: { included: unlimited }
      storage: { included: 0 }
add_ons:
  - id: fast-lane
    name: Fast lane
    description: Urgent answers sooner.
    available_for: [basic, plus]
    price: { monthly: 20 }
    adds:
      first_response: { normal: 90m, urgent: 2h }
  - id: storage-pack
    name: Storage pack
    description: More room.
    available_for: [plus, max]
    price: { per_unit: 4.99, unit: { one: pack, other: packs } }
    adds:
      included: { storage: 50 }
  - id: bespoke
    name: Bespoke work
    description: Built for you.
    available_for: [max]
    price: contact-us
    adds:
      features: [Anything you ask]
usage_alerts:
  soft: 75
  hard: 90
`;

interface Company {
  name: string;
  catalog: Catalog;
  /** The YAML files as plain data, read without Charter's loader. */
  raw: Record<'company' | 'tiers' | 'severities' | 'pricing', any>;
}

function fromDir(name: string, dir: string): Company {
  const read = (file: string) => parse(readFileSync(join(dir, `${file}.yaml`), 'utf8'));
  return {
    name,
    catalog: loadCatalog(dir),
    raw: {
      company: read('company'),
      tiers: read('tiers'),
      severities: read('severities'),
      pricing: read('pricing'),
    },
  };
}

function allModels(): Company {
  const dir = mkdtempSync(join(tmpdir(), 'charter-api-'));
  temps.push(dir);
  writeFileSync(join(dir, 'pricing.yaml'), ALL_MODELS);
  const base = 'test/fixtures/data/lint/company';
  const read = (file: string) => parse(readFileSync(join(base, `${file}.yaml`), 'utf8'));
  return {
    name: 'every model',
    catalog: loadFixtureCompany(join(dir, 'pricing.yaml')).catalog,
    raw: {
      company: read('company'),
      tiers: read('tiers'),
      severities: read('severities'),
      pricing: parse(ALL_MODELS),
    },
  };
}

const sample = fromDir('the sample', SAMPLE.terms);
const wee = fromDir('WEE', WEE.terms);
const companies = [sample, wee, allModels()];

const MINUTES = { m: 1, h: 60, d: 1440, w: 10080 } as const;
const minutes = (text: string) => {
  const [, n, unit] = /^(\d+)([mhdw])$/.exec(text)!;
  return Number(n) * MINUTES[unit as keyof typeof MINUTES];
};

/** The price as the YAML writes it, in the payload's shape, without its words. */
function expectedPrice(raw: any) {
  if (raw === 'contact-us') return { model: 'contact-us' };
  const model = raw.model ?? 'flat';
  switch (model) {
    case 'flat':
    case 'from':
      return { model, monthly: raw.monthly, annual_monthly: raw.annual_monthly ?? null };
    case 'per-seat':
      return {
        model,
        per_seat: raw.monthly,
        annual_per_seat: raw.annual_monthly ?? null,
        // The schema's documented default when the data names no seat.
        seat: raw.seat ?? { one: 'seat', other: 'seats' },
        minimum_seats: raw.minimum_seats ?? 1,
      };
    case 'share-of-spend':
      return {
        model,
        minimum: raw.minimum,
        bands: raw.bands.map((b: any) => ({ up_to: b.up_to ?? null, percent: b.percent })),
      };
  }
  throw new Error(`unexpected price model ${model}`);
}

function expectedOverage(raw: any) {
  if (raw === undefined) return null;
  if (raw.per_unit !== undefined) return { model: 'per-unit', per_unit: raw.per_unit };
  if (raw.package !== undefined)
    return { model: 'package', size: raw.package.size, price: raw.package.price };
  return {
    model: 'graduated',
    bands: raw.graduated.map((b: any) => ({ up_to: b.up_to ?? null, per_unit: b.per_unit })),
  };
}

function expectedAddOnPrice(raw: any) {
  if (raw === 'contact-us') return { model: 'contact-us' };
  if (raw.monthly !== undefined) return { model: 'flat', monthly: raw.monthly };
  return { model: 'per-unit', per_unit: raw.per_unit, unit: raw.unit };
}

/** plansPayload as the YAML alone says it should be, leaving out the words. */
function expectedPlans({ raw }: Company) {
  const { pricing } = raw;
  // A text written by language ({ de: …, en: … }) is said in the company's language.
  const language = String(raw.company.locale).split('-')[0]!;
  const said = (text: any) => (typeof text === 'string' ? text : text?.[language]);
  const meterIds: string[] = pricing.meters.map((m: any) => m.id);
  const severityIds: string[] = raw.severities.severities.map((s: any) => s.id);
  return {
    currency: raw.company.currency,
    locale: raw.company.locale,
    usage_alerts: {
      soft_percent: pricing.usage_alerts.soft,
      hard_percent: pricing.usage_alerts.hard,
    },
    meters: pricing.meters.map((m: any) => ({
      id: m.id,
      name: said(m.name),
      unit: { one: said(m.unit.one), other: said(m.unit.other) },
      resets: m.resets,
      whole: m.whole ?? true,
      description: said(m.description) ?? null,
    })),
    plans: pricing.plans.map((p: any) => ({
      id: p.id,
      tier: p.tier,
      tier_name: said(raw.tiers.tiers.find((t: any) => t.id === p.tier).name),
      price: expectedPrice(p.price),
      usage: meterIds.map((id) => ({
        meter: id,
        included: p.usage[id].included,
        overage: expectedOverage(p.usage[id].overage),
        hard_limit: p.usage[id].overage === undefined && p.usage[id].included !== 'unlimited',
      })),
    })),
    add_ons: (pricing.add_ons ?? []).map((a: any) => ({
      id: a.id,
      name: said(a.name),
      description: said(a.description),
      available_for: a.available_for,
      price: expectedAddOnPrice(a.price),
      adds: {
        features: (a.adds.features ?? []).map(said),
        included: meterIds
          .filter((id) => a.adds.included?.[id] !== undefined)
          .map((id) => ({ meter: id, amount: a.adds.included[id] })),
        first_response: severityIds
          .filter((id) => a.adds.first_response?.[id] !== undefined)
          .map((id) => ({ severity: id, minutes: minutes(a.adds.first_response[id]) })),
      },
    })),
  };
}

/** The payload without its words, which are checked on their own. */
function withoutWords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWords);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['text', 'rule', 'included_text'].includes(key))
      .map(([key, v]) => [key, withoutWords(v)]),
  );
}

function validator(name: string) {
  const schema = JSON.parse(
    readFileSync(`packages/starlight-charter/json-schemas/api/${name}.json`, 'utf8'),
  );
  return new Ajv2020({ strict: false, allErrors: true }).compile(schema);
}

const builders = {
  plans: plansPayload,
  sla: slaPayload,
  credits: creditsPayload,
  escalation: escalationPayload,
  catalog: catalogPayload,
};

const NAMES = Object.keys(API_ENDPOINTS) as ApiEndpointName[];

describe.each(companies.slice(0, 2))('JSON endpoints of $name', ({ catalog, raw }) => {
  const site = new URL(raw.company.site_url);
  const schemaUrl = (name: string) => new URL(`schemas/api/${name}.json`, site).href;

  test.each(NAMES)('/api/%s.json matches its exported JSON Schema', (name) => {
    const validate = validator(name);
    const ok = validate(apiFile(name, catalog, schemaUrl(name)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test.each(NAMES)(
    '/api/%s.json states the terms version, effective date, currency and its schema first',
    (name) => {
      const file = apiFile(name, catalog, schemaUrl(name)) as Record<string, unknown>;
      expect(Object.keys(file).slice(0, 4)).toEqual([
        '$schema',
        'terms_version',
        'effective_date',
        'currency',
      ]);
      expect(file).toMatchObject({
        $schema: schemaUrl(name),
        terms_version: raw.company.terms_version,
        effective_date: raw.company.effective_date,
        currency: raw.company.currency,
      });
      // Then the endpoint's contents, unchanged.
      expect(file).toEqual({
        ...builders[name](catalog),
        $schema: schemaUrl(name),
        terms_version: raw.company.terms_version,
        effective_date: raw.company.effective_date,
        currency: raw.company.currency,
      });
    },
  );
});

describe('the header of the API files', () => {
  const { catalog } = sample;
  const url = 'https://example.com/schemas/api/sla.json';

  test.each(NAMES)('the %s schema rejects a file without its terms version or currency', (name) => {
    const validate = validator(name);
    const file = apiFile(name, catalog, url) as Record<string, unknown>;
    for (const field of ['$schema', 'terms_version', 'effective_date', 'currency']) {
      const { [field]: _, ...without } = file;
      expect(validate(without), field).toBe(false);
    }
    expect(validate({ ...file, effective_date: '1 October 2026' })).toBe(false);
  });

  test('takes only an absolute http(s) schema address', () => {
    expect(apiFileHeader(catalog, url).$schema).toBe(url);
    expect(() => apiFileHeader(catalog, '/schemas/api/sla.json')).toThrow();
    expect(() => apiFileHeader(catalog, 'javascript:alert(1)')).toThrow(/http/);
  });

  test('a schema lives under the path the site serves its schemas at', () => {
    expect(apiSchemaUrl('sla', 'https://example.com/', '/schemas/')).toBe(
      'https://example.com/schemas/api/sla.json',
    );
    expect(apiSchemaUrl('plans', 'https://example.com/support/', '/support/schemas/')).toBe(
      'https://example.com/support/schemas/api/plans.json',
    );
    // A site under a path given by Astro's base, with a root site_url.
    expect(apiSchemaUrl('credits', 'https://example.com', '/help/schemas')).toBe(
      'https://example.com/help/schemas/api/credits.json',
    );
  });
});

describe.each(companies)('/api/plans.json of $name', (company) => {
  const { catalog } = company;
  const payload = plansPayload(catalog);
  const money = moneyFormat(catalog);

  test('matches its exported JSON Schema', () => {
    const validate = validator('plans');
    const ok = validate(apiFile('plans', catalog, 'https://example.com/schemas/api/plans.json'));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('states every meter, price, allowance and add-on as the YAML does, money in decimals', () => {
    expect(withoutWords(payload)).toEqual(expectedPlans(company));
  });

  test('says each price as the pricing page does, with its whole rule', () => {
    payload.plans.forEach((plan, i) => {
      const source = catalog.pricing.plans[i]!;
      expect(plan.price.text).toBe(planPriceText(catalog, source));
      expect(plan.price.rule).toBe(priceRuleText(source.price, money));
      if ('monthly' in plan.price && plan.price.monthly > 0) {
        const amount = new Intl.NumberFormat(money.locale, {
          style: 'currency',
          currency: money.currency,
          maximumFractionDigits: Number.isInteger(plan.price.monthly) ? 0 : 2,
        }).format(plan.price.monthly);
        expect(plan.price.text).toContain(amount);
      }
    });
  });

  test('says each allowance and overage as the pricing table does', () => {
    payload.plans.forEach((plan, i) => {
      const source = catalog.pricing.plans[i]!;
      plan.usage.forEach((usage, k) => {
        const meter = catalog.pricing.meters[k]!;
        const allowance = source.usage[meter.id]!;
        expect(usage.included_text).toBe(includedText(meter, allowance, money.locale));
        if (typeof usage.included === 'number' && usage.included > 0)
          expect(usage.included_text).toContain(
            new Intl.NumberFormat(money.locale).format(usage.included),
          );
        if (usage.overage !== null)
          expect(usage.overage.text).toBe(overageText(meter, allowance, money));
      });
    });
  });

  test('says each add-on price and what it adds', () => {
    payload.add_ons.forEach((addOn, i) => {
      const source = catalog.pricing.add_ons[i]!;
      expect(addOn.price.text).toBe(addOnPriceText(source.price, money));
      for (const r of addOn.adds.first_response) expect(r.text).toBe(formatDuration(r.minutes));
      for (const inc of addOn.adds.included)
        expect(inc.text).toContain(new Intl.NumberFormat(money.locale).format(inc.amount));
    });
  });
});

describe('the plans schema', () => {
  const payload = apiFile('plans', sample.catalog, 'https://example.com/schemas/api/plans.json');
  const validate = validator('plans');

  test('rejects a renamed field', () => {
    const { usage_alerts, ...rest } = payload;
    expect(validate({ ...rest, usageAlerts: usage_alerts })).toBe(false);
  });

  test('takes meters as a list, not as fixed keys', () => {
    const [plan] = payload.plans as PlansApi['plans'];
    const keyed = Object.fromEntries(plan!.usage.map((u) => [u.meter, u]));
    expect(validate({ ...payload, plans: [{ ...plan, usage: keyed }] })).toBe(false);
  });

  test('rejects a price that mixes models', () => {
    const [plan] = payload.plans;
    const mixed = { ...plan!.price, model: 'per-seat' };
    expect(validate({ ...payload, plans: [{ ...plan, price: mixed }] })).toBe(false);
  });
});

describe('the other endpoints', () => {
  const { catalog } = sample;

  test('give durations as minutes with their text', () => {
    const timed = slaPayload(catalog)
      .tiers.flatMap((t) => t.targets)
      .flatMap((t) => (t.first_response ? [t.first_response] : []));
    expect(timed.length).toBeGreaterThan(0);
    for (const time of timed) expect(time.text).toBe(formatDuration(time.minutes));
  });

  test("list each schedule's holidays as sla.yaml gives them, with the years they cover", () => {
    const schedules = slaPayload(catalog).support_hours;
    const sets = catalog.sla.holiday_sets;
    expect(schedules.some((s) => s.holidays.length > 0)).toBe(true);
    catalog.sla.support_hours.forEach((hours, i) => {
      const named = sets.filter((set) => hours.holidays.includes(set.id));
      const fromSets = named.flatMap((set) =>
        Object.values(set.dates)
          .flat()
          .map((h) => ({ ...h, set: set.id })),
      );
      const single = hours.holidays
        .filter((e) => /^\d{4}-/.test(e))
        .map((date) => ({ date, name: null, set: null }));
      expect(schedules[i]!.holidays).toEqual(
        [...fromSets, ...single].sort((a, b) => a.date.localeCompare(b.date)),
      );
      expect(schedules[i]!.holiday_years).toEqual(
        named.length === 0 ? null : Object.keys(named[0]!.dates).map(Number),
      );
    });
  });

  test('list one matrix entry per severity and level the data defines', () => {
    const count = Object.values(catalog.escalation.matrix).reduce(
      (n, row) => n + Object.keys(row).length,
      0,
    );
    expect(escalationPayload(catalog).matrix).toHaveLength(count);
  });

  test('the catalogue carries the plans payload whole', () => {
    expect(catalogPayload(catalog).plans).toEqual(plansPayload(catalog));
  });
});
