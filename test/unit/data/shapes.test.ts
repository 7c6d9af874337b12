import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  catalogPayload,
  escalationPayload,
  plansPayload,
  slaPayload,
} from '../../../packages/starlight-charter/lib/api';
import { describeBand } from '../../../packages/starlight-charter/lib/credits';
import { displayedFigures } from '../../../packages/starlight-charter/lib/figures';
import {
  availabilityText,
  creditRows,
  escalationTriggerText,
  quotaText,
  overageText,
  updateIntervalText,
} from '../../../packages/starlight-charter/lib/kb-figures';
import {
  planCells,
  TARGET_FIELDS,
  targetCells,
} from '../../../packages/starlight-charter/lib/published';
import { makeShape, type Shape, type ShapeOptions } from '../../support/shapes';
import { SAMPLE, WEE } from '../../support/sites';

/**
 * Data sets of other shapes than the sample's four tiers and four severities: each loads, and
 * everything the pages compute from it without a build (table cells, figures, JSON payloads)
 * covers every tier and severity with real text. test/e2e/shapes.spec.ts builds a few of them.
 */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function shape(base: string, options: ShapeOptions): { shape: Shape; catalog: Catalog } {
  const s = makeShape(base, options);
  made.push(s.dir);
  return { shape: s, catalog: loadCatalog(s.dir) };
}

/** Text a page may show: never blank, never a number that went wrong. */
function expectShown(text: string | undefined, where: string): void {
  expect(text, where).toBeTypeOf('string');
  expect(text!.trim(), where).not.toBe('');
  expect(text, where).not.toMatch(/NaN|Infinity|undefined|null/);
}

const BASES = [SAMPLE.terms, WEE.terms];
const TIERS = [1, 3, 5, 6];
const SEVERITIES = [2, 3, 5];

describe.each(BASES)('shapes derived from %s', (base) => {
  it.each(TIERS.flatMap((t) => SEVERITIES.map((s) => [t, s] as const)))(
    '%i tiers × %i severities load, and every tier × severity cell has text',
    (tiers, severities) => {
      const { shape: s, catalog } = shape(base, { tiers, severities, kb: 'generated' });
      expect(catalog.tiers.tiers.map((t) => t.id)).toEqual(s.tierIds);
      expect(catalog.severities.severities.map((x) => x.id)).toEqual(s.severityIds);
      expect(catalog.pricing.plans).toHaveLength(tiers);
      expect(catalog.sla.tiers).toHaveLength(tiers);
      expect(Object.keys(catalog.escalation.matrix)).toEqual(s.severityIds);

      for (const tier of s.tierIds) {
        for (const sev of s.severityIds) {
          const cells = targetCells(catalog, tier, sev);
          for (const field of TARGET_FIELDS) expectShown(cells[field], `${tier} × ${sev} ${field}`);
        }
        expectShown(availabilityText(catalog, tier), `${tier} availability`);
        for (const meter of catalog.pricing.meters) {
          expectShown(quotaText(catalog, tier, meter.id), `${tier} ${meter.id} quota`);
          expectShown(overageText(catalog, tier, meter.id), `${tier} ${meter.id} overage`);
        }
        for (const row of creditRows(catalog, tier) ?? []) {
          expectShown(row.uptime, `${tier} credit band`);
          expectShown(row.credit, `${tier} credit`);
        }
      }
      for (const plan of catalog.pricing.plans) {
        for (const [field, text] of Object.entries(planCells(catalog, plan)))
          expectShown(text, `${plan.id} ${field}`);
      }
      for (const sev of s.severityIds) {
        expectShown(updateIntervalText(catalog, sev), `${sev} updates`);
        for (const level of s.levelIds) {
          if (catalog.escalation.matrix[sev]?.[level] !== undefined) {
            expectShown(escalationTriggerText(catalog, sev, level), `${sev} → ${level}`);
          }
        }
      }
      for (const figure of displayedFigures(catalog)) expectShown(figure, 'a displayed figure');
    },
  );

  it('the JSON endpoints list every tier and severity of a 6 × 5 shape', () => {
    const { shape: s, catalog } = shape(base, { tiers: 6, severities: 5 });
    const payloads = [
      slaPayload(catalog),
      plansPayload(catalog),
      escalationPayload(catalog),
      catalogPayload(catalog),
    ];
    // JSON would turn NaN into null, so the numbers are checked before they are written.
    const bad: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'number' && !Number.isFinite(value)) bad.push(path);
      else if (value === undefined) bad.push(path);
      else if (typeof value === 'string' && /NaN|Infinity|undefined/.test(value))
        bad.push(`${path}: ${value}`);
      else if (value && typeof value === 'object')
        Object.entries(value).forEach(([k, v]) => walk(v, `${path}.${k}`));
    };
    payloads.forEach((p, i) => walk(p, `payload ${i}`));
    expect(bad).toEqual([]);
    const json = JSON.stringify(payloads);
    for (const id of [...s.tierIds, ...s.severityIds, ...s.levelIds])
      expect(json).toContain(`"${id}"`);
  });
});

describe('counts of the other lists', () => {
  it.each([1, 2, 5, 6])(
    '%i escalation levels: every severity row starts at the first level and rises',
    (levels) => {
      const { shape: s, catalog } = shape(SAMPLE.terms, { tiers: 3, severities: 3, levels });
      expect(catalog.escalation.levels.map((l) => l.id)).toEqual(s.levelIds);
      for (const sev of s.severityIds) {
        const row = catalog.escalation.matrix[sev]!;
        const times = s.levelIds.filter((l) => row[l] !== undefined).map((l) => row[l]!);
        expect(times[0], sev).toBeGreaterThan(0);
        expect(times, sev).toEqual([...times].sort((a, b) => a - b));
        expect(new Set(times).size, sev).toBe(times.length);
      }
    },
  );

  it.each([1, 2, 6])(
    '%i credit bands per schedule: contiguous from the target down to 0 %%',
    (bands) => {
      const { catalog } = shape(SAMPLE.terms, { tiers: 4, severities: 2, bands });
      expect(catalog.credits.schedules.length).toBeGreaterThan(0);
      for (const sla of catalog.sla.tiers) {
        if (sla.credit_schedule === undefined) continue;
        const schedule = catalog.credits.schedules.find((x) => x.id === sla.credit_schedule)!;
        expect(schedule.bands).toHaveLength(bands);
        expect(schedule.bands[0]!.below).toBe(sla.availability);
        expect(schedule.bands.at(-1)!.at_least).toBe(0);
        schedule.bands
          .slice(1)
          .forEach((band, i) => expect(band.below).toBe(schedule.bands[i]!.at_least));
        for (const band of schedule.bands)
          expectShown(describeBand(band, catalog.company.locale), 'a band');
      }
    },
  );

  it.each([1, 3, 7])(
    '%i channels: every tier has one, and no tier fewer than the one below',
    (channels) => {
      const { shape: s, catalog } = shape(SAMPLE.terms, { tiers: 5, severities: 2, channels });
      expect(catalog.channels.channels).toHaveLength(channels);
      const counts = s.tierIds.map(
        (t) => catalog.channels.channels.filter((c) => c.tiers.includes(t)).length,
      );
      expect(Math.min(...counts)).toBeGreaterThan(0);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    },
  );
});

describe('a data set without a knowledge base', () => {
  it('loads with no categories and no auto-responses', () => {
    const { catalog } = shape(SAMPLE.terms, { tiers: 2, severities: 2, kb: 'empty' });
    expect(catalog.kb.categories).toEqual([]);
    expect(catalog.playbook.automation.rules).toEqual([]);
  });
});
