import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  NO_COMMITMENT,
  planCells,
  planFields,
  targetCells,
} from '../../../packages/starlight-charter/lib/published';
import { expectations } from '../../e2e/pricing-expect';
import { SAMPLE, WEE } from '../../support/sites';

/**
 * The published tables' cells against the data, with the expected text built here: prices and
 * quotas with Intl directly (test/e2e/pricing-expect.ts), durations from the YAML's own words
 * ("4h", "2d") counted in minutes and written out again, so a formatter cannot agree with itself.
 */

const COMPANIES = [SAMPLE.terms, WEE.terms];

describe.each(COMPANIES)('planCells for the company in %s', (dir) => {
  const company = loadCatalog(dir);
  const expected = expectations(company);
  test.each(company.pricing.plans)('gives the price and every meter of plan $id', (plan) => {
    const cells = planCells(company, plan);
    expect(Object.keys(cells)).toEqual(planFields(company));
    expect(cells).toEqual({
      price: expected.priceText(plan),
      ...Object.fromEntries(
        company.pricing.meters.flatMap((meter) => [
          [`included-${meter.id}`, expected.includedText(meter, plan.usage[meter.id]!)],
          [`overage-${meter.id}`, expected.overageText(meter, plan.usage[meter.id]!)],
        ]),
      ),
    });
  });
});

/** Minutes in a duration as the data writes it: 30m, 4h, 1.5h, 2d (24 hours of its clock), 1w. */
function minutesOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(m|h|d|w)$/.exec(text);
  if (!match) throw new Error(`not a duration in the data: ${text}`);
  return (
    Number(match[1]) *
    { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 }[match[2] as 'm' | 'h' | 'd' | 'w']
  );
}

/**
 * "8 business hours", "1 hour 30 minutes (24x7)": hours are never folded into days, and a
 * business-hours target says so in its unit.
 */
function targetWords(minutes: number, clock: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const business = clock === 'business';
  const parts = [
    hours > 0 ? unit(hours, business ? 'business hour' : 'hour') : '',
    rest > 0 || hours === 0
      ? unit(rest, business && hours === 0 ? 'business minute' : 'minute')
      : '',
  ];
  const words = parts.filter(Boolean).join(' ');
  return business ? words : `${words} (24x7)`;
}

type RawTarget = { first_response: string; resolution?: string; clock?: string };
type RawSla = { tiers: { tier: string; clock: string; targets: Record<string, RawTarget> }[] };

describe.each(COMPANIES)('targetCells for the company in %s', (dir) => {
  const company = loadCatalog(dir);
  // The SLA file as written, not as the loader parsed it.
  const raw = parse(readFileSync(join(dir, 'sla.yaml'), 'utf8')) as RawSla;
  test.each(raw.tiers)('describes every target of tier $tier', (tier) => {
    expect(Object.keys(tier.targets)).toEqual(company.severities.severities.map((s) => s.id));
    for (const [severity, target] of Object.entries(tier.targets)) {
      const clock = target.clock ?? tier.clock;
      expect(targetCells(company, tier.tier, severity), `${tier.tier} ${severity}`).toEqual({
        first_response: targetWords(minutesOf(target.first_response), clock),
        resolution:
          target.resolution === undefined
            ? NO_COMMITMENT
            : targetWords(minutesOf(target.resolution), clock),
      });
    }
  });
});
