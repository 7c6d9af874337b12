import { describe, expect, test } from 'vitest';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import {
  describeTarget,
  moneyFormat,
  targetFor,
} from '../../../packages/starlight-charter/lib/catalog';
import { describeBand } from '../../../packages/starlight-charter/lib/credits';
import { formatDuration } from '../../../packages/starlight-charter/lib/duration';
import { formatPercent } from '../../../packages/starlight-charter/lib/format';
import { featureValueText } from '../../../packages/starlight-charter/lib/features';
import { formatPrice, MICROS_PER_UNIT } from '../../../packages/starlight-charter/lib/money';
import {
  addOnPriceText,
  includedText,
  overageText,
  priceText,
} from '../../../packages/starlight-charter/lib/pricing-text';
import { diffTerms } from '../../../packages/starlight-charter/lib/terms-diff';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import de from '../../../packages/starlight-charter/translations/de.json' with { type: 'json' };
import { SAMPLE, WEE } from '../../support/sites';

const sample = loadCatalog(SAMPLE.terms);
const locale = sample.company.locale;
const money = moneyFormat(sample);
const pct = (x: number) => formatPercent(x, locale);

/** A copy of the sample terms with one change made by `edit`. */
function changed(edit: (c: Catalog) => void): Catalog {
  const copy = structuredClone(sample);
  edit(copy);
  return copy;
}
const sentences = (before: Catalog, after: Catalog) =>
  diffTerms(before, after).map((c) => c.sentence);

/** The first plan with a flat, paid price, and its tier's name. */
const paidIndex = sample.pricing.plans.findIndex(
  (p) => p.price.model === 'flat' && p.price.monthly > 0,
);
const paid = sample.pricing.plans[paidIndex]!;
const paidTier = sample.tiers.tiers.find((t) => t.id === paid.tier)!;

describe('diffTerms', () => {
  test('the same terms: no change', () => {
    expect(diffTerms(sample, structuredClone(sample))).toEqual([]);
  });

  test('a price: "<tier> plan price: old → new", in the pricing page\'s words', () => {
    const after = changed((c) => {
      c.pricing.plans[paidIndex]!.price = { model: 'flat', monthly: 1234 * MICROS_PER_UNIT };
    });
    expect(sentences(sample, after)).toEqual([
      `${paidTier.name} plan price: ${priceText(paid.price, money)} → $1,234 per month`,
    ]);
    const change = diffTerms(sample, after)[0]!;
    expect(change).toMatchObject({
      kind: 'changed',
      file: 'pricing',
      path: ['plans', paidIndex, 'price'],
    });
  });

  test('a quota and an overage rate, each its own sentence', () => {
    const meter = sample.pricing.meters[0]!;
    const before = paid.usage[meter.id]!;
    const after = changed((c) => {
      const usage = c.pricing.plans[paidIndex]!.usage[meter.id]!;
      usage.included = (before.included as number) * 2;
      usage.overage = { model: 'per-unit', per_unit: 1 * MICROS_PER_UNIT };
    });
    const now = after.pricing.plans[paidIndex]!.usage[meter.id]!;
    expect(sentences(sample, after)).toEqual([
      `${paidTier.name} plan, ${meter.name} included: ${includedText(meter, before, locale)} → ${includedText(meter, now, locale)}`,
      `${paidTier.name} plan, ${meter.name} above the included amount: ${overageText(meter, before, money)} → ${overageText(meter, now, money)}`,
    ]);
  });

  test('a response target: "<tier> tier, <severity> first response: old → new"', () => {
    const sla = sample.sla.tiers.at(-1)!;
    const tier = sample.tiers.tiers.find((t) => t.id === sla.tier)!;
    const severity = sample.severities.severities[0]!;
    const was = targetFor(sample, tier.id, severity.id);
    const after = changed((c) => {
      c.sla.tiers.at(-1)!.targets[severity.id]!.first_response = was.firstResponse! + 60;
    });
    expect(sentences(sample, after)).toEqual([
      `${tier.name} tier, ${severity.name} first response: ${describeTarget(was.firstResponse!, was.clock)} → ${describeTarget(was.firstResponse! + 60, was.clock)}`,
    ]);
  });

  test('an availability target', () => {
    const sla = sample.sla.tiers.find((t) => t.availability !== null)!;
    const tier = sample.tiers.tiers.find((t) => t.id === sla.tier)!;
    const after = changed((c) => {
      c.sla.tiers.find((t) => t.tier === sla.tier)!.availability = 50;
    });
    expect(sentences(sample, after)).toEqual([
      `${tier.name} tier availability target: ${pct(sla.availability!)} → ${pct(50)}`,
    ]);
  });

  test("a credit band's credit, the credit cap and the claim window", () => {
    const schedule = sample.credits.schedules[0]!;
    const band = schedule.bands[0]!;
    const after = changed((c) => {
      c.credits.schedules[0]!.bands[0]!.credit = band.credit + 1;
      c.credits.cap_percent = sample.credits.cap_percent - 1;
      c.credits.claim.window_days = sample.credits.claim.window_days + 1;
    });
    expect(sentences(sample, after)).toEqual([
      `Service credit cap: ${pct(sample.credits.cap_percent)} of the monthly fee → ${pct(sample.credits.cap_percent - 1)} of the monthly fee`,
      `Service credit claim window: ${sample.credits.claim.window_days} days after the end of the affected month → ${sample.credits.claim.window_days + 1} days after the end of the affected month`,
      `${schedule.name} credit schedule, uptime ${describeBand(band, locale)}: ${pct(band.credit)} credit → ${pct(band.credit + 1)} credit`,
    ]);
  });

  test('a moved band edge: the old band is gone and the new one is new', () => {
    const schedule = sample.credits.schedules[0]!;
    const [first, second] = schedule.bands;
    const edge = (first!.at_least + first!.below) / 2;
    const after = changed((c) => {
      const bands = c.credits.schedules[0]!.bands;
      bands[0]!.at_least = edge;
      bands[1]!.below = edge;
    });
    const moved = after.credits.schedules[0]!.bands;
    expect(sentences(sample, after)).toEqual([
      `${schedule.name} credit schedule, uptime ${describeBand(moved[0]!, locale)}: ${pct(first!.credit)} credit (new)`,
      `${schedule.name} credit schedule, uptime ${describeBand(moved[1]!, locale)}: ${pct(second!.credit)} credit (new)`,
      `${schedule.name} credit schedule, uptime ${describeBand(first!, locale)}: no longer offered (was ${pct(first!.credit)} credit)`,
      `${schedule.name} credit schedule, uptime ${describeBand(second!, locale)}: no longer offered (was ${pct(second!.credit)} credit)`,
    ]);
  });

  test('an escalation time', () => {
    const severity = sample.severities.severities[0]!;
    const level = sample.escalation.levels[0]!;
    const was = sample.escalation.matrix[severity.id]![level.id]!;
    const after = changed((c) => {
      c.escalation.matrix[severity.id]![level.id] = was * 2;
    });
    expect(sentences(sample, after)).toEqual([
      `${severity.name}, escalation to ${level.name} (${level.role}): After ${formatDuration(was)} → After ${formatDuration(was * 2)}`,
    ]);
  });

  test('a feature of a tier, an add-on price, an hourly rate and an update interval', () => {
    const feature = sample.features.features[0]!;
    const tier = sample.tiers.tiers[0]!;
    const addOn = sample.pricing.add_ons.find((a) => a.price.model !== 'contact-us')!;
    const role = sample.services.rate_card[0]!;
    const severity = sample.severities.severities[0]!;
    const after = changed((c) => {
      c.features.features[0]!.values[tier.id] = { text: 'On request' };
      c.pricing.add_ons.find((a) => a.id === addOn.id)!.price = {
        model: 'flat',
        monthly: 7 * MICROS_PER_UNIT,
      };
      c.services.rate_card[0]!.hourly = role.hourly + MICROS_PER_UNIT;
      c.severities.severities[0]!.update_interval = null;
    });
    const text = sentences(sample, after);
    expect(text).toHaveLength(4);
    expect(text).toContain(
      `${tier.name} tier, ${feature.name}: ${featureValueText(feature.values[tier.id]!)} → On request`,
    );
    expect(text).toContain(
      `${addOn.name} add-on price: ${addOnPriceText(addOn.price, money)} → $7 per month`,
    );
    // As the rate card says it.
    expect(text).toContain(
      `${role.role} hourly rate: ${formatPrice(role.hourly, money)} per hour → ${formatPrice(role.hourly + MICROS_PER_UNIT, money)} per hour`,
    );
    expect(text).toContain(
      `${severity.name} updates: ${severity.update_interval === null ? 'As needed' : `Every ${formatDuration(severity.update_interval)}`} → As needed`,
    );
  });

  test('a new meter is one line, not one per plan', () => {
    const after = changed((c) => {
      c.pricing.meters.push({ ...c.pricing.meters[0]!, id: 'new-meter', name: 'Widgets' });
      for (const plan of c.pricing.plans) plan.usage['new-meter'] = { included: 1 };
    });
    expect(sentences(sample, after)).toEqual(['New meter: Widgets']);
    expect(diffTerms(sample, after)[0]).toMatchObject({ kind: 'added', file: 'pricing' });
  });

  test('a removed meter and a removed tier', () => {
    const meter = sample.pricing.meters.at(-1)!;
    const tier = sample.tiers.tiers.at(-1)!;
    const after = changed((c) => {
      c.pricing.meters.pop();
      for (const plan of c.pricing.plans) delete plan.usage[meter.id];
      c.tiers.tiers.pop();
      c.pricing.plans = c.pricing.plans.filter((p) => p.tier !== tier.id);
      c.sla.tiers = c.sla.tiers.filter((s) => s.tier !== tier.id);
      for (const f of c.features.features) delete f.values[tier.id];
    });
    expect(sentences(sample, after)).toEqual([
      `Removed tier: ${tier.name}`,
      `Removed meter: ${meter.name}`,
    ]);
  });

  test('a new tier, and a renamed one', () => {
    const after = changed((c) => {
      c.tiers.tiers.push({ ...c.tiers.tiers.at(-1)!, id: 'added-tier', name: 'Added' });
      c.tiers.tiers[0]!.name = 'Renamed';
    });
    expect(sentences(sample, after)).toEqual([
      `Tier renamed: ${sample.tiers.tiers[0]!.name} → Renamed`,
      'New tier: Added',
    ]);
  });

  test('a figure of another currency reads in that currency (WEE)', () => {
    const wee = loadCatalog(WEE.terms);
    const i = wee.pricing.plans.findIndex((p) => p.price.model === 'flat' && p.price.monthly > 0);
    const after = structuredClone(wee);
    after.pricing.plans[i]!.price = { model: 'flat', monthly: 1234 * MICROS_PER_UNIT };
    const [sentence] = sentences(wee, after);
    expect(sentence).toContain(priceText(after.pricing.plans[i]!.price, moneyFormat(wee)));
    expect(sentence).not.toContain('$');
  });
});

describe('diffTerms in German', () => {
  test('says a changed figure in the words of the locale file', () => {
    const sample = loadCatalog(SAMPLE.terms);
    const t = translator('de');
    const role = sample.services.rate_card[0]!;
    const later = {
      ...sample,
      services: {
        ...sample.services,
        rate_card: sample.services.rate_card.map((r) =>
          r.id === role.id ? { ...r, hourly: r.hourly + MICROS_PER_UNIT } : r,
        ),
      },
    };
    const money = { currency: sample.company.currency, locale: sample.company.locale };
    const perHour = (micros: number) =>
      fill(de['charter.termsFigures.perHour'], { price: formatPrice(micros, money) });
    expect(diffTerms(sample, later, t).map((c) => c.sentence)).toEqual([
      fill(de['charter.termsDiff.figureChanged'], {
        label: fill(de['charter.termsFigures.hourly'], { role: role.role }),
        was: perHour(role.hourly),
        text: perHour(role.hourly + MICROS_PER_UNIT),
      }),
    ]);
  });
});

/** A locale file's pattern with its `{{name}}` placeholders filled. */
function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
}
