import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, test } from 'vitest';
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { DataError, formatIssue } from '../../../packages/starlight-charter/data/issues';
import { loadCatalog, loadData, type Catalog } from '../../../packages/starlight-charter/data/load';
import { addOnTargetRows } from '../../../packages/starlight-charter/lib/add-ons';
import {
  apiFile,
  catalogPayload,
  creditsPayload,
  slaPayload,
} from '../../../packages/starlight-charter/lib/api';
import {
  BEST_EFFORT,
  BEST_EFFORT_TEXT,
  bestEffortCreditHint,
  bestEffortCreditText,
  bestEffortDowntimeText,
  bestEffortTierLabel,
  bestEffortTiers,
  NO_DEADLINE,
  NO_DOWNTIME_LIMIT,
  orBestEffort,
} from '../../../packages/starlight-charter/lib/best-effort';
import {
  describeTarget,
  slaForTier,
  targetFor,
} from '../../../packages/starlight-charter/lib/catalog';
import {
  allowedDowntime,
  formatDowntime,
  PERIODS,
} from '../../../packages/starlight-charter/lib/downtime';
import { displayedFigures } from '../../../packages/starlight-charter/lib/figures';
import { formatPercent } from '../../../packages/starlight-charter/lib/format';
import { availabilityText, creditRows } from '../../../packages/starlight-charter/lib/kb-figures';
import {
  AVAILABILITY_FIELDS,
  availabilityCells,
  NO_COMMITMENT,
  targetCells,
} from '../../../packages/starlight-charter/lib/published';
import { SlaApiSchema, CatalogApiSchema } from '../../../packages/starlight-charter/schemas/api';
import { copyTerms, SAMPLE } from '../../support/sites';

/**
 * A tier that promises nothing. The company is the sample's, copied, with its lowest tier's
 * SLA entry rewritten in the YAML to `best_effort` everywhere, so the schema, the cross-checks
 * and every function that shows a target are exercised on a best-effort tier as a company
 * would write one.
 */

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type SlaEdit = (entry: YAMLMap) => void;

/** Every target of the entry best effort, its availability too, and no credit schedule. */
const allBestEffort: SlaEdit = (entry) => {
  entry.set('availability', BEST_EFFORT);
  entry.delete('credit_schedule');
  for (const pair of (entry.get('targets') as YAMLMap).items) {
    const target = pair.value as YAMLMap;
    target.set('first_response', BEST_EFFORT);
    target.set('resolution', BEST_EFFORT);
  }
};

/** A copy of the sample's terms whose lowest tier's SLA entry is changed by `edit`. */
function sampleWith(edit: SlaEdit): { dir: string; tierId: string } {
  const dir = copyTerms(SAMPLE);
  temps.push(dir);
  const tierId: string = parse(readFileSync(join(dir, 'tiers.yaml'), 'utf8')).tiers[0].id;
  const file = join(dir, 'sla.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const entry = (doc.get('tiers') as YAMLSeq<YAMLMap>).items.find((e) => e.get('tier') === tierId);
  if (!entry) throw new Error(`sla.yaml has no entry for the lowest tier "${tierId}"`);
  edit(entry);
  writeFileSync(file, doc.toString());
  return { dir, tierId };
}

/** The loader's messages for a folder, as `file:line:col path: message`. */
function problems(dir: string): string[] {
  try {
    loadData(dir, { displayDir: 'terms' });
  } catch (error) {
    if (error instanceof DataError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

const original = loadCatalog(SAMPLE.terms);
const { dir, tierId: free } = sampleWith(allBestEffort);
const company: Catalog = loadCatalog(dir);
const severities = company.severities.severities;
const others = company.tiers.tiers.filter((t) => t.id !== free);
const freeName = company.tiers.tiers.find((t) => t.id === free)!.name;

describe('the SLA schema', () => {
  test('reads best_effort as null: availability and first response', () => {
    const sla = slaForTier(company, free);
    expect(sla.availability).toBeNull();
    for (const s of severities) expect(sla.targets[s.id]!.first_response, s.id).toBeNull();
  });

  test('reads a best_effort resolution as an omitted one', () => {
    for (const s of severities) {
      const target = slaForTier(company, free).targets[s.id]!;
      expect('resolution' in target ? target.resolution : undefined, s.id).toBeUndefined();
    }
  });

  test('leaves the other tiers as written', () => {
    for (const t of others) expect(slaForTier(company, t.id)).toEqual(slaForTier(original, t.id));
  });

  test('names best_effort when availability is neither a percentage nor best_effort', () => {
    const { dir } = sampleWith((entry) => entry.set('availability', 'none'));
    const found = problems(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^terms\/sla\.yaml:\d+:\d+ tiers\[0\]\.availability: expected a percentage like 99\.9, or best_effort$/,
    );
  });

  test('still says a percentage over 100 is one', () => {
    const { dir } = sampleWith((entry) => entry.set('availability', 120));
    expect(problems(dir)).toEqual([
      expect.stringMatching(/ tiers\[0\]\.availability: a percentage must be at most 100$/),
    ]);
  });

  test('still says what a mistyped duration should look like', () => {
    const sev = severities[0]!.id;
    const { dir } = sampleWith((entry) =>
      (entry.get('targets') as YAMLMap).setIn([sev, 'first_response'], 'best effort'),
    );
    expect(problems(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          ` tiers\\[0\\]\\.targets\\.${sev}\\.first_response: expected a duration like "4h", got "best effort"$`,
        ),
      ),
    ]);
  });

  test('refuses service credits on a tier without an availability target, at the credit schedule', () => {
    const schedule = original.credits.schedules[0]!.id;
    const { dir } = sampleWith((entry) => {
      allBestEffort(entry);
      entry.set('credit_schedule', schedule);
    });
    const lines = readFileSync(join(dir, 'sla.yaml'), 'utf8').split('\n');
    const found = problems(dir);
    expect(found).toHaveLength(1);
    const [, line, col] = /^terms\/sla\.yaml:(\d+):(\d+) /.exec(found[0]!)!;
    expect(lines[Number(line) - 1]!.slice(Number(col) - 1)).toBe(schedule);
    expect(found[0]).toContain(
      'tiers[0].credit_schedule: a tier with best_effort availability earns no service credits',
    );
  });
});

describe('targetFor and targetCells', () => {
  test.each(severities.map((s) => s.id))(
    '%s on the best-effort tier: null targets, "Best effort" cells',
    (sev) => {
      const target = targetFor(company, free, sev);
      expect(target.firstResponse).toBeNull();
      expect(target.resolution).toBeNull();
      expect(targetCells(company, free, sev)).toEqual({
        first_response: BEST_EFFORT_TEXT,
        resolution: BEST_EFFORT_TEXT,
      });
      expect(NO_COMMITMENT).toBe(BEST_EFFORT_TEXT);
    },
  );

  test('the other tiers keep their figures', () => {
    for (const t of others) {
      for (const s of severities) {
        const target = targetFor(company, t.id, s.id);
        expect(target.firstResponse).toBeTypeOf('number');
        expect(targetCells(company, t.id, s.id).first_response).toBe(
          describeTarget(target.firstResponse!, target.clock),
        );
      }
    }
  });
});

describe('availabilityCells and the KB figures', () => {
  test('say best effort for the tier without a target', () => {
    expect(availabilityCells(company, free)).toEqual({
      availability: BEST_EFFORT_TEXT,
      downtime: NO_DOWNTIME_LIMIT,
    });
    expect(availabilityText(company, free)).toBe(BEST_EFFORT_TEXT);
    expect(creditRows(company, free)).toBeNull();
  });

  test.each(others.map((t) => t.id))('give tier %s its target and the downtime it allows', (id) => {
    const availability = slaForTier(company, id).availability!;
    const cells = availabilityCells(company, id);
    expect(Object.keys(cells)).toEqual([...AVAILABILITY_FIELDS]);
    expect(cells).toEqual({
      availability: formatPercent(availability, company.company.locale),
      downtime: formatDowntime(allowedDowntime(availability, PERIODS.month.minutes)),
    });
    expect(availabilityText(company, id)).toBe(cells.availability);
  });
});

describe('displayedFigures', () => {
  const figures = displayedFigures(company);
  test('lists no number for the best-effort tier, and nothing broken', () => {
    for (const f of figures) expect(f).not.toMatch(/NaN|null|undefined|Infinity/);
    expect(figures).not.toContain(BEST_EFFORT_TEXT);
  });
  test('still lists every other tier’s availability and targets', () => {
    for (const t of others) {
      const cells = availabilityCells(company, t.id);
      expect(figures).toContain(cells.availability);
      for (const s of severities)
        expect(figures).toContain(targetCells(company, t.id, s.id).first_response);
    }
  });
});

describe('addOnTargetRows', () => {
  test('a faster first response sold with a best-effort plan beside a tier target of null', () => {
    const plan = company.pricing.plans.find((p) => p.tier === free)!;
    const sev = severities[0]!.id;
    const withAddOn: Catalog = {
      ...company,
      pricing: {
        ...company.pricing,
        add_ons: [
          {
            id: 'answer-sooner',
            name: 'Answer sooner',
            description: 'A first-response target where the plan has none.',
            available_for: [plan.id],
            price: { model: 'contact-us' },
            adds: { first_response: { [sev]: 240 } },
          },
        ],
      },
    };
    expect(
      addOnTargetRows(withAddOn).map((r) => [r.plan.id, r.severity.id, r.own, r.withAddOn]),
    ).toEqual([[plan.id, sev, null, 240]]);
  });
});

describe('the JSON endpoints', () => {
  const payload = slaPayload(company);
  const entry = payload.tiers.find((t) => t.tier === free)!;

  test('give the best-effort tier nulls, each with the words the pages use', () => {
    expect(entry.availability_percent).toBeNull();
    expect(entry.availability_text).toBe(BEST_EFFORT_TEXT);
    expect(entry.allowed_downtime_per_month).toBeNull();
    expect(entry.credit_schedule).toBeNull();
    expect(entry.targets.map((t) => t.severity)).toEqual(severities.map((s) => s.id));
    for (const t of entry.targets) {
      expect(t).toMatchObject({
        first_response: null,
        first_response_text: BEST_EFFORT_TEXT,
        resolution: null,
        resolution_text: BEST_EFFORT_TEXT,
      });
    }
  });

  test('give the other tiers their figures and the same words as the SLA page', () => {
    for (const t of others) {
      const tier = payload.tiers.find((x) => x.tier === t.id)!;
      const availability = slaForTier(company, t.id).availability!;
      expect(tier.availability_percent).toBe(availability);
      expect(tier.availability_text).toBe(availabilityCells(company, t.id).availability);
      expect(tier.allowed_downtime_per_month?.minutes).toBe(
        allowedDowntime(availability, PERIODS.month.minutes),
      );
      for (const target of tier.targets) {
        const cells = targetCells(company, t.id, target.severity);
        expect(target.first_response?.minutes).toBe(
          targetFor(company, t.id, target.severity).firstResponse,
        );
        expect(target.first_response_text).toBe(cells.first_response);
        expect(target.resolution_text).toBe(cells.resolution);
      }
    }
  });

  test('list the best-effort tier under no credit schedule', () => {
    for (const schedule of creditsPayload(company).schedules)
      expect(schedule.tiers).not.toContain(free);
  });

  test('match their zod schemas and the exported JSON Schemas', () => {
    expect(SlaApiSchema.safeParse(payload).success).toBe(true);
    expect(CatalogApiSchema.safeParse(catalogPayload(company)).success).toBe(true);
    // Each as the site publishes it: the contents after the header every API file carries.
    const url = 'https://example.com/schemas/api/';
    for (const [name, value] of [
      ['sla', apiFile('sla', company, `${url}sla.json`)],
      ['catalog', apiFile('catalog', company, `${url}catalog.json`)],
    ] as const) {
      const schema = JSON.parse(
        readFileSync(`packages/starlight-charter/json-schemas/api/${name}.json`, 'utf8'),
      );
      const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
      expect(validate(value), name).toBe(true);
      expect(validate.errors ?? [], name).toEqual([]);
    }
  });

  test('the exported JSON Schema of sla.yaml accepts best_effort where the loader does', () => {
    const schema = JSON.parse(
      readFileSync('packages/starlight-charter/json-schemas/sla.json', 'utf8'),
    );
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    const yaml = parse(readFileSync(join(dir, 'sla.yaml'), 'utf8'));
    expect(validate(yaml)).toBe(true);
    expect(validate({ ...yaml, tiers: [{ ...yaml.tiers[0], availability: 'none' }] })).toBe(false);
  });
});

describe('the words', () => {
  test('bestEffortTiers lists the tiers without an availability target, lowest first', () => {
    expect(bestEffortTiers(company).map((t) => t.id)).toEqual([free]);
    expect(bestEffortTiers(original).map((t) => t.id)).toEqual([]);
  });

  test('the calculators’ sentences name the tier and say best effort', () => {
    for (const text of [bestEffortTierLabel(freeName), bestEffortCreditText(freeName)]) {
      expect(text).toContain(freeName);
      expect(text.toLowerCase()).toContain('best effort');
      expect(text).not.toMatch(/\d/);
    }
    expect(bestEffortCreditText(freeName)).toContain('no service credits');
    expect(NO_DEADLINE.toLowerCase()).toContain('best effort');
  });

  test('the notes by a tier list say "has" for one tier and "have" for several, and nothing for none', () => {
    const [a, b] = others.map((t) => t.name);
    expect(bestEffortCreditHint([])).toBeNull();
    expect(bestEffortDowntimeText([])).toBeNull();
    expect(bestEffortCreditHint([a!])).toBe(
      `${a} has no availability target (best effort), so no service credits.`,
    );
    expect(bestEffortDowntimeText([a!, b!])).toBe(
      `${a} and ${b} have no availability target (best effort), so there is no downtime budget to work out.`,
    );
  });

  test('orBestEffort describes a value and says best effort for null, 0 included', () => {
    expect(orBestEffort(null, String)).toBe(BEST_EFFORT_TEXT);
    expect(orBestEffort(0, (n) => `${n} minutes`)).toBe('0 minutes');
  });
});
