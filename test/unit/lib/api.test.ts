import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '~/data/load';
import {
  catalogPayload,
  creditsPayload,
  escalationPayload,
  plansPayload,
  slaPayload,
} from '~/lib/api';
import { formatDuration } from '~/lib/duration';
import { MICROS_PER_UNIT } from '~/lib/money';

const catalog = loadCatalog('data');
const builders = {
  plans: plansPayload,
  sla: slaPayload,
  credits: creditsPayload,
  escalation: escalationPayload,
  catalog: catalogPayload,
};

describe('JSON endpoint payloads', () => {
  test.each(Object.keys(builders))(
    'builds /api/%s.json that matches its exported JSON Schema',
    (name) => {
      const schema = JSON.parse(readFileSync(`public/schemas/api/${name}.json`, 'utf8'));
      const validate = new Ajv2020({ strict: false }).compile(schema);
      const ok = validate(builders[name as keyof typeof builders](catalog));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  test('rejects a payload with a renamed field', () => {
    const schema = JSON.parse(readFileSync('public/schemas/api/plans.json', 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const { usage_alerts, ...rest } = plansPayload(catalog);
    expect(validate({ ...rest, usageAlerts: usage_alerts })).toBe(false);
  });

  test('gives money as decimal amounts in the company currency', () => {
    const payload = plansPayload(catalog);
    expect(payload.currency).toBe(catalog.company.currency);
    payload.plans.forEach((plan, i) => {
      const source = catalog.pricing.plans[i]!;
      expect(plan.overage.queries).toBe(source.overage.queries / MICROS_PER_UNIT);
      expect(plan.price.contact_us).toBe(source.price === 'contact-us');
      if (source.price !== 'contact-us')
        expect(plan.price.monthly).toBe(source.price.monthly / MICROS_PER_UNIT);
    });
  });

  test('gives durations as minutes with their text', () => {
    const target = slaPayload(catalog).tiers[0]!.targets[0]!;
    expect(target.first_response.text).toBe(formatDuration(target.first_response.minutes));
  });

  test('lists one matrix entry per severity and level the data defines', () => {
    const count = Object.values(catalog.escalation.matrix).reduce(
      (n, row) => n + Object.keys(row).length,
      0,
    );
    expect(escalationPayload(catalog).matrix).toHaveLength(count);
  });
});
