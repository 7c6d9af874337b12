import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, type Catalog } from '../../../packages/starlight-charter/data/load';
import { roiProblems } from '../../../packages/starlight-charter/data/roi-checks';
import { localize } from '../../../packages/starlight-charter/data/text-maps';
import { pricingTerms } from '../../../packages/starlight-charter/lib/cost';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import {
  answerText,
  checkAnswers,
  expectedUsage,
  inputUnitText,
  numberRule,
  planInput,
  productOf,
  recommendPlan,
  roiContext,
  roiDefaults,
  roiFor,
  roiFormulas,
  ruleApplies,
  ruleConditionText,
  savingsPerMonth,
  tierName,
  type RoiAnswers,
  type RoiContext,
} from '../../../packages/starlight-charter/lib/roi';
import { PricingFileSchema, type Plan } from '../../../packages/starlight-charter/schemas/pricing';
import {
  RoiFileSchema,
  type RoiNumberInput,
} from '../../../packages/starlight-charter/schemas/roi';
import { SAMPLE, WEE } from '../../support/sites';

/** Terms parsed here, their texts as the Catalog holds them. */
const inEnglish = <T>(parsed: T) => localize(parsed, 'en', 'en');

const M = 1_000_000;
const usd = (major: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 0,
  }).format(major);

/*
 * A third company, written for the test: backups. What it saves is restores avoided, each worth
 * what a restore costs; its meters are restores (whole, monthly) and storage (fractional TB
 * that never resets); Business is priced per admin seat and Critical on request.
 */
const backupPricing = inEnglish(
  PricingFileSchema.parse({
    meters: [
      {
        id: 'restores',
        name: 'Restores',
        unit: { one: 'restore', other: 'restores' },
        resets: 'month',
      },
      {
        id: 'storage',
        name: 'Storage',
        unit: { one: 'TB', other: 'TB' },
        resets: 'never',
        whole: false,
      },
    ],
    plans: [
      {
        id: 'basic',
        tier: 'basic',
        price: { monthly: 200 },
        usage: { restores: { included: 2 }, storage: { included: 1, overage: { per_unit: 50 } } },
      },
      {
        id: 'business',
        tier: 'business',
        price: { model: 'per-seat', monthly: 30, minimum_seats: 5 },
        usage: { restores: { included: 10, overage: { per_unit: 40 } }, storage: { included: 10 } },
      },
      {
        id: 'critical',
        tier: 'critical',
        price: 'contact-us',
        usage: { restores: { included: 'unlimited' }, storage: { included: 100 } },
      },
    ],
    usage_alerts: { soft: 80, hard: 95 },
  }),
);
const backupRoiYaml = {
  inputs: [
    {
      id: 'incidents',
      label: 'Data-loss incidents a month',
      unit: { one: 'incident', other: 'incidents' },
      default: 4,
    },
    { id: 'avoided', label: 'Share of restores avoided', kind: 'percent', default: 75 },
    { id: 'restore_cost', label: 'Cost of one restore', kind: 'money', default: 1800 },
    {
      id: 'servers',
      label: 'Servers',
      unit: { one: 'server', other: 'servers' },
      default: 40,
      min: 1,
      max: 500,
    },
    { id: 'tb_per_server', label: 'TB per server', default: 0.25, decimals: 2 },
    { id: 'admins', label: 'Admins', default: 6, min: 1 },
    { id: 'strict_rto', label: 'We must be back within the hour', kind: 'yes-no' },
    {
      id: 'years',
      label: 'Years',
      unit: { one: 'year', other: 'years' },
      default: 3,
      min: 1,
      max: 10,
    },
  ],
  savings: {
    name: 'Restores avoided',
    unit: { one: 'restore', other: 'restores' },
    per_month: ['incidents', 'avoided'],
    value_each: 'restore_cost',
  },
  usage: { restores: ['incidents'], storage: ['servers', 'tb_per_server'] },
  plan_inputs: { seats: 'admins' },
  horizon: 'years',
  recommendation: {
    rules: [
      {
        field: 'strict_rto',
        equals: true,
        min_tier: 'critical',
        reason: 'Only Critical restores within the hour.',
      },
      {
        field: 'restores',
        at_least: 8,
        min_tier: 'business',
        reason: 'Eight restores a month need the restore desk.',
      },
      {
        field: 'restore_cost',
        at_least: 10000,
        min_tier: 'critical',
        reason: 'Restores this costly need Critical.',
      },
    ],
  },
};
const backup: RoiContext = {
  roi: inEnglish(RoiFileSchema.parse(backupRoiYaml)),
  plans: backupPricing.plans,
  tiers: [
    { id: 'basic', name: 'Basic' },
    { id: 'business', name: 'Business' },
    { id: 'critical', name: 'Critical' },
  ],
  terms: pricingTerms(backupPricing, 'USD'),
  money: { currency: 'USD', locale: 'en-US' },
};
const backupDefaults = (changes: RoiAnswers = {}): RoiAnswers => ({
  incidents: 4,
  avoided: 75,
  restore_cost: 1800 * M,
  servers: 40,
  tb_per_server: 0.25,
  admins: 6,
  strict_rto: false,
  years: 3,
  ...changes,
});

describe('the backup model (written for the test)', () => {
  test('is valid: its schema parses and nothing it refers to is missing', () => {
    expect(
      roiProblems(
        backup.roi,
        backupPricing.meters.map((m) => m.id),
      ),
    ).toEqual([]);
  });

  test('roiDefaults gives every default, money in micro-units and yes-no false unless given', () => {
    expect(roiDefaults(backup.roi)).toEqual(backupDefaults());
  });

  test('productOf multiplies answers and counts a percentage as a fraction', () => {
    expect(productOf(backup.roi, ['incidents', 'avoided'], backupDefaults())).toBe(3);
    // 7% of 100 is 7, not 7.000000000000001.
    expect(
      productOf(
        backup.roi,
        ['incidents', 'avoided'],
        backupDefaults({ incidents: 100, avoided: 7 }),
      ),
    ).toBe(7);
    expect(() => productOf(backup.roi, ['strict_rto'], backupDefaults())).toThrow(RangeError);
  });

  test('savingsPerMonth is restores avoided a month', () => {
    expect(savingsPerMonth(backup.roi, backupDefaults())).toBe(4 * 0.75);
  });

  test('expectedUsage rounds whole meters up and keeps fractions of fractional ones', () => {
    expect(
      expectedUsage(backup.roi, backup.terms.meters, backupDefaults({ tb_per_server: 0.33 })),
    ).toEqual({
      restores: 4,
      storage: 13.2,
    });
    expect(
      expectedUsage(backup.roi, backup.terms.meters, backupDefaults({ incidents: 2.5 })),
    ).toMatchObject({
      restores: 3,
    });
  });

  test('planInput passes the admins as seats', () => {
    expect(planInput(backup.roi, backupDefaults())).toEqual({ seats: 6 });
  });

  test('ruleApplies tests yes-no answers, meter usage and money answers', () => {
    const [rto, restores, costly] = backup.roi.recommendation.rules as [never, never, never];
    const usage = { restores: 8, storage: 1 };
    expect(ruleApplies(rto, backupDefaults({ strict_rto: true }), usage)).toBe(true);
    expect(ruleApplies(rto, backupDefaults(), usage)).toBe(false);
    expect(ruleApplies(restores, backupDefaults(), usage)).toBe(true);
    expect(ruleApplies(restores, backupDefaults(), { ...usage, restores: 7 })).toBe(false);
    // The rule says 10,000 in the currency; answers are micro-units.
    expect(ruleApplies(costly, backupDefaults({ restore_cost: 10_000 * M }), usage)).toBe(true);
    expect(ruleApplies(costly, backupDefaults({ restore_cost: 9_999.99 * M }), usage)).toBe(false);
  });

  test('recommendPlan picks the lowest plan that covers the usage and says why in its units', () => {
    // 4 restores a month: Basic includes 2, Business 10; 10 TB fits Business's 10 TB.
    const rec = recommendPlan(backup, backupDefaults());
    expect(rec.plan.id).toBe('business');
    expect(rec.fits).toBe(true);
    expect(rec.reasons).toEqual([
      'Business includes 10 restores per month and 10 TB, which covers 4 restores per month and 10 TB, and it is the lowest plan that does.',
    ]);
  });

  test('recommendPlan follows the rules, a meter rule included', () => {
    const rto = recommendPlan(backup, backupDefaults({ strict_rto: true }));
    expect(rto.plan.id).toBe('critical');
    expect(rto.reasons[0]).toBe('Only Critical restores within the hour.');
    expect(rto.reasons[1]).toBe(
      'Critical includes unlimited restores and 100 TB, which covers 4 restores per month and 10 TB.',
    );
    const small = backupDefaults({ servers: 2, incidents: 8 });
    expect(recommendPlan(backup, small).plan.id).toBe('business');
    expect(recommendPlan(backup, { ...small, incidents: 2 }).plan.id).toBe('basic');
  });

  test('recommendPlan falls back to the largest plan when none covers the usage', () => {
    const rec = recommendPlan(backup, backupDefaults({ servers: 500, tb_per_server: 1 }));
    expect(rec.plan.id).toBe('critical');
    expect(rec.fits).toBe(false);
    expect(rec.reasons).toEqual([
      'No plan includes 4 restores per month and 500 TB; Critical is the largest, and usage above what it includes is billed as overage or needs a quote.',
    ]);
  });

  test('roiFor: savings, per-seat cost, ROI, payback and multi-year value', () => {
    const business = backup.plans[1]!;
    const r = roiFor(backup, business, backupDefaults());
    // 3 restores avoided × 1,800 × 12 = 64,800 a year; 6 admins × 30 × 12 = 2,160 a year.
    expect(r).toMatchObject({
      savedPerMonth: 3,
      annualSavings: 64_800 * M,
      annualCost: 2_160 * M,
      costIsMinimum: false,
      annualNet: 62_640 * M,
      roiPercent: 2_900,
      years: 3,
      multiYearValue: 187_920 * M,
    });
    expect(r.paybackMonths).toBeCloseTo((2_160 * 12) / 64_800, 10);
    // The per-seat minimum of 5 applies below it; restores above 10 are overage at 40 each.
    expect(roiFor(backup, business, backupDefaults({ admins: 2 })).annualCost).toBe(
      5 * 30 * 12 * M,
    );
    expect(roiFor(backup, business, backupDefaults({ incidents: 12 })).annualCost).toBe(
      (6 * 30 + 2 * 40) * 12 * M,
    );
  });

  test('roiFor has no cost for a plan priced on request or usage above a hard limit', () => {
    expect(roiFor(backup, backup.plans[2]!, backupDefaults())).toMatchObject({
      annualCost: null,
      roiPercent: null,
      paybackMonths: null,
      multiYearValue: null,
    });
    expect(roiFor(backup, backup.plans[0]!, backupDefaults()).annualCost).toBeNull();
  });

  test('roiFor has no payback when nothing is saved, and rounds savings to the cent', () => {
    const none = roiFor(backup, backup.plans[1]!, backupDefaults({ avoided: 0 }));
    expect(none).toMatchObject({ annualSavings: 0, paybackMonths: null, roiPercent: -100 });
    const odd = roiFor(
      backup,
      backup.plans[1]!,
      backupDefaults({ avoided: 33.3, restore_cost: 1_234_567 }),
    );
    expect(odd.annualSavings % 10_000).toBe(0);
  });

  test('checkAnswers and roiFor reject a negative, missing or wrong-kind answer', () => {
    expect(() => checkAnswers(backup.roi, backupDefaults())).not.toThrow();
    expect(() => checkAnswers(backup.roi, backupDefaults({ servers: -1 }))).toThrow(RangeError);
    expect(() => checkAnswers(backup.roi, backupDefaults({ strict_rto: 1 }))).toThrow(RangeError);
    const missing = backupDefaults();
    delete missing.admins;
    expect(() => roiFor(backup, backup.plans[1]!, missing)).toThrow(RangeError);
    expect(() =>
      roiFor(backup, backup.plans[1]!, backupDefaults({ incidents: Number.NaN })),
    ).toThrow(RangeError);
  });

  test('roiFor refuses answers whose figures cannot be shown', () => {
    const huge = backupDefaults({ incidents: 1e200, restore_cost: 1e200, tb_per_server: 0 });
    expect(() => roiFor(backup, backup.plans[1]!, huge)).toThrow(RangeError);
  });

  test('tierName names a tier, or gives the id of an unknown one', () => {
    expect(tierName(backup, 'business')).toBe('Business');
    expect(tierName(backup, 'gold')).toBe('gold');
  });

  test('inputUnitText, answerText and numberRule follow each input kind', () => {
    const input = (id: string) => backup.roi.inputs.find((i) => i.id === id)!;
    const numeric = (id: string) => input(id) as RoiNumberInput;
    expect(inputUnitText(input('servers'), 'USD')).toBe('servers');
    expect(inputUnitText(input('avoided'), 'USD')).toBe('%');
    expect(inputUnitText(input('restore_cost'), 'USD')).toBe('USD');
    expect(inputUnitText(input('strict_rto'), 'USD')).toBeUndefined();
    expect(inputUnitText(input('admins'), 'USD')).toBeUndefined();

    expect(answerText(input('servers'), 1, backup.money)).toBe('1 server');
    expect(answerText(input('servers'), 1500, backup.money)).toBe('1,500 servers');
    expect(answerText(input('avoided'), 75, backup.money)).toBe('75%');
    expect(answerText(input('restore_cost'), 1800 * M, backup.money)).toBe(usd(1800));
    expect(answerText(input('strict_rto'), true, backup.money)).toBe('Yes');
    expect(answerText(input('admins'), 6, backup.money)).toBe('6');

    // "at least 1 server" and "at most 500 servers" need different words: none is given.
    expect(numberRule(numeric('servers'), 'USD')).toEqual({ min: 1, max: 500, integer: true });
    expect(numberRule(numeric('incidents'), 'USD')).toEqual({ min: 0, integer: true });
    expect(numberRule(numeric('avoided'), 'USD')).toEqual({ min: 0, max: 100, unit: '%' });
    expect(numberRule(numeric('tb_per_server'), 'USD')).toEqual({ min: 0, decimals: 2 });
    expect(numberRule(numeric('restore_cost'), 'USD')).toEqual({
      min: 0,
      decimals: 2,
      unit: 'USD',
    });
    expect(numberRule(numeric('restore_cost'), 'JPY')).toEqual({
      min: 0,
      decimals: 0,
      unit: 'JPY',
    });
  });

  test.each(['de', 'ja'])(
    '%s: the reason and the formulas come from the locale file, the names from the data',
    (language) => {
      const words = messagesFor(language);
      const t = translator(language);
      const fill = (key: string, values: Record<string, string>) =>
        words[key]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
      const rec = recommendPlan(backup, backupDefaults({ servers: 500, tb_per_server: 1 }), t);
      expect(rec.reasons[0]).toMatch(
        new RegExp(`^${fill('charter.roi.noPlanCovers', { need: '(.+)', plan: 'Critical' })}$`),
      );
      const formulas = roiFormulas(backup, t);
      expect(formulas[1]).toEqual([
        words['charter.roi.annualSavings'],
        fill('charter.roi.annualSavingsHow', {
          saved: fill('charter.roi.perMonth', { name: 'Restores avoided' }),
          value: 'Cost of one restore',
        }),
      ]);
      expect(formulas.at(-2)).toEqual([
        words['charter.roi.payback'],
        words['charter.roi.paybackHow'],
      ]);
    },
  );

  test('German reads naturally', () => {
    const rec = recommendPlan(backup, backupDefaults(), translator('de'));
    expect(rec.reasons[0]).toMatch(
      /^Business enthält .+ und deckt damit .+ ab; es ist der niedrigste Tarif, der das leistet\.$/,
    );
  });

  test('roiFormulas names the model’s own inputs, meters and horizon', () => {
    expect(roiFormulas(backup)).toEqual([
      [
        'Restores avoided per month',
        'Data-loss incidents a month × (Share of restores avoided ÷ 100), in restores',
      ],
      ['Annual savings', 'Restores avoided per month × 12 × Cost of one restore'],
      [
        'Expected usage',
        'Restores: Data-loss incidents a month, rounded up to whole restores; Storage: Servers × TB per server',
      ],
      ['What the price takes', 'seats for a per-seat price: Admins'],
      [
        'Recommended plan',
        'the lowest plan at or above the tier the rules require whose included amounts cover the expected usage; the largest plan when none does',
      ],
      ['Annual cost', "(the plan's monthly price + overage for the expected usage) × 12"],
      ['ROI', '(annual savings − annual cost) ÷ annual cost × 100'],
      ['Payback', 'annual cost ÷ (annual savings ÷ 12), in months'],
      ['Multi-year value', '(annual savings − annual cost) × Years'],
    ]);
  });

  test('ruleConditionText says each rule’s condition in words', () => {
    const [rto, restores, costly] = backup.roi.recommendation.rules as [never, never, never];
    expect(ruleConditionText(backup, rto)).toBe('We must be back within the hour: yes');
    expect(ruleConditionText(backup, restores)).toBe(
      'Restores expected: at least 8 restores per month',
    );
    expect(ruleConditionText(backup, costly)).toBe(`Cost of one restore: at least ${usd(10_000)}`);
  });

  test('roiProblems reports a rule that tests a meter for equality and an input that shadows a meter', () => {
    const roi = inEnglish(
      RoiFileSchema.parse({
        ...backupRoiYaml,
        inputs: [...backupRoiYaml.inputs, { id: 'storage', label: 'Storage', default: 1 }],
        recommendation: {
          rules: [
            { field: 'restores', equals: true, min_tier: 'business', reason: 'x' },
            { field: 'storage', at_least: 5, min_tier: 'business', reason: 'y' },
          ],
        },
      }),
    );
    expect(roiProblems(roi, ['restores', 'storage']).map((p) => p.message)).toEqual([
      'meter "restores" is an amount; use "at_least"',
      '"storage" names both an input and a meter in usage; rename the input',
    ]);
  });
});

/** Each company's model and pricing, read from its YAML by hand for the expectations. */
function company(dir: string) {
  const catalog: Catalog = loadCatalog(dir);
  const raw = parse(readFileSync(`${dir}/roi.yaml`, 'utf8')) as {
    inputs: {
      id: string;
      kind?: string;
      default?: number | boolean;
      label: string | Record<string, string>;
    }[];
    savings: { per_month: string[]; value_each: string };
    usage: Record<string, string[]>;
    plan_inputs?: { seats?: string; spend?: string; annual?: string };
    horizon: string;
    recommendation: {
      rules: { field: string; equals?: boolean; at_least?: number; min_tier: string }[];
    };
  };
  // A label written by language ({ de: …, en: … }) reads in the company's language.
  const language = new Intl.Locale(catalog.company.locale).language;
  for (const input of raw.inputs)
    if (typeof input.label !== 'string') input.label = input.label[language]!;
  const ctx = roiContext(catalog);
  // The defaults as written: money in the currency, percentages as written.
  const written = Object.fromEntries(
    raw.inputs.map((i) => [i.id, i.default ?? (i.kind === 'yes-no' ? false : undefined)]),
  ) as Record<string, number | boolean>;
  const kind = (id: string) => raw.inputs.find((i) => i.id === id)!.kind ?? 'number';
  const answers = (w: Record<string, number | boolean>): RoiAnswers =>
    Object.fromEntries(
      Object.entries(w).map(([id, v]) => [
        id,
        kind(id) === 'money' ? Math.round((v as number) * M) : v,
      ]),
    );
  const product = (w: Record<string, number | boolean>, ids: string[]) =>
    ids.reduce((p, id) => p * (w[id] as number) * (kind(id) === 'percent' ? 0.01 : 1), 1);
  const usageFor = (w: Record<string, number | boolean>) =>
    Object.fromEntries(
      Object.entries(raw.usage).map(([meter, ids]) => {
        const whole = catalog.pricing.meters.find((m) => m.id === meter)!.whole;
        const amount = Number(product(w, ids).toFixed(9));
        return [meter, whole ? Math.ceil(amount) : amount];
      }),
    );
  const rank = (tier: string) => catalog.tiers.tiers.findIndex((t) => t.id === tier);
  /** The expected recommendation, worked out step by step from the rules and included amounts. */
  const expectedPlan = (w: Record<string, number | boolean>): Plan => {
    const usage = usageFor(w);
    let floor = -1;
    for (const rule of raw.recommendation.rules) {
      const value = rule.field in w ? w[rule.field] : usage[rule.field];
      const applies =
        rule.equals !== undefined ? value === rule.equals : (value as number) >= rule.at_least!;
      if (applies) floor = Math.max(floor, rank(rule.min_tier));
    }
    const byTier = [...catalog.pricing.plans].sort((a, b) => rank(a.tier) - rank(b.tier));
    const fits = (p: Plan) =>
      Object.entries(usage).every(([m, n]) => {
        const inc = p.usage[m]!.included;
        return inc === 'unlimited' || inc >= n;
      });
    return byTier.find((p) => rank(p.tier) >= floor && fits(p)) ?? byTier.at(-1)!;
  };
  /** A flat-priced plan's annual cost with per-unit overage, in micro-units, rounded to the cent each month. */
  const annualCost = (plan: Plan, w: Record<string, number | boolean>): number | null => {
    const price = plan.price;
    if (price.model !== 'flat' && price.model !== 'from') return null;
    const annual = raw.plan_inputs?.annual;
    const monthly =
      annual && w[annual] === true && price.annual_monthly !== undefined
        ? price.annual_monthly
        : price.monthly;
    let overage = 0;
    for (const [m, n] of Object.entries(usageFor(w))) {
      const a = plan.usage[m]!;
      if (a.included === 'unlimited' || n <= a.included) continue;
      if (a.overage?.model !== 'per-unit') return null;
      overage += Math.round(((n - a.included) * a.overage.per_unit) / 10_000) * 10_000;
    }
    return (monthly + overage) * 12;
  };
  return { catalog, raw, ctx, written, answers, product, usageFor, expectedPlan, annualCost, kind };
}

describe.each([
  ['the sample company', SAMPLE.terms],
  ['WEE', WEE.terms],
])('with %s', (_, dir) => {
  const c = company(dir);
  const { ctx, raw, written } = c;

  test('roiDefaults are the defaults as written, money in micro-units', () => {
    expect(roiDefaults(ctx.roi)).toEqual(c.answers(written));
  });

  test('the model is valid against its own pricing', () => {
    expect(
      roiProblems(
        ctx.roi,
        c.catalog.pricing.meters.map((m) => m.id),
      ),
    ).toEqual([]);
  });

  test('expectedUsage and savingsPerMonth are the products the YAML names', () => {
    expect(expectedUsage(ctx.roi, ctx.terms.meters, c.answers(written))).toEqual(
      c.usageFor(written),
    );
    expect(savingsPerMonth(ctx.roi, c.answers(written))).toBeCloseTo(
      c.product(written, raw.savings.per_month),
      9,
    );
  });

  test('recommendPlan and roiFor match the figures worked out by hand from the defaults', () => {
    const plan = c.expectedPlan(written);
    const rec = recommendPlan(ctx, c.answers(written));
    expect(rec.plan.id).toBe(plan.id);
    expect(rec.fits).toBe(true);
    const r = roiFor(ctx, rec.plan, c.answers(written));
    const valueEach = (written[raw.savings.value_each] as number) * M;
    const savings =
      Math.round((c.product(written, raw.savings.per_month) * 12 * valueEach) / 10_000) * 10_000;
    expect(r.annualSavings).toBe(savings);
    const cost = c.annualCost(plan, written);
    expect(cost).not.toBeNull();
    expect(r.annualCost).toBe(cost);
    expect(r.annualNet).toBe(savings - cost!);
    expect(r.roiPercent).toBeCloseTo(((savings - cost!) / cost!) * 100, 9);
    expect(r.multiYearValue).toBe((savings - cost!) * (written[raw.horizon] as number));
  });

  test('every rule raises the recommendation to at least its tier, and gives its reason', () => {
    for (const [i, rule] of ctx.roi.recommendation.rules.entries()) {
      const w = {
        ...written,
        [rule.field]: raw.recommendation.rules[i]!.equals ?? raw.recommendation.rules[i]!.at_least!,
      };
      const rec = recommendPlan(ctx, c.answers(w));
      expect(rec.plan.id).toBe(c.expectedPlan(w).id);
      expect(c.ctx.tiers.findIndex((t) => t.id === rec.plan.tier)).toBeGreaterThanOrEqual(
        c.ctx.tiers.findIndex((t) => t.id === rule.min_tier),
      );
      expect(rec.reasons).toContain(rule.reason);
    }
  });

  test('the recommendation grows with each usage meter, up to a plan with no limit or the largest', () => {
    for (const [meter, ids] of Object.entries(raw.usage)) {
      // Scale the first factor so the usage is just above the lowest plan's included amount.
      const lowest = c.expectedPlan(written);
      const included = lowest.usage[meter]!.included;
      if (included === 'unlimited') continue;
      const w = {
        ...written,
        [ids[0]!]:
          (written[ids[0]!] as number) * Math.ceil((included + 1) / c.usageFor(written)[meter]!),
      };
      if (!Number.isFinite(w[ids[0]!] as number)) continue;
      const rec = recommendPlan(ctx, c.answers(w));
      expect(rec.plan.id).toBe(c.expectedPlan(w).id);
      expect(c.ctx.tiers.findIndex((t) => t.id === rec.plan.tier)).toBeGreaterThan(
        c.ctx.tiers.findIndex((t) => t.id === lowest.tier),
      );
    }
  });

  test('roiFormulas names the model’s own labels and every meter of the pricing', () => {
    const rows = roiFormulas(ctx);
    const text = rows.map(([a, b]) => `${a} ${b}`).join('\n');
    for (const id of [
      ...raw.savings.per_month,
      raw.savings.value_each,
      raw.horizon,
      ...Object.values(raw.usage).flat(),
    ]) {
      expect(text).toContain(raw.inputs.find((i) => i.id === id)!.label);
    }
    for (const meter of c.catalog.pricing.meters) expect(text).toContain(`${meter.name}:`);
    expect(text).not.toMatch(/undefined|NaN/);
  });

  test('planInput takes what plan_inputs names', () => {
    const p = raw.plan_inputs ?? {};
    const w = c.answers(written);
    const expected: Record<string, unknown> = {};
    if (p.seats) expected.seats = w[p.seats];
    if (p.spend) expected.spend = w[p.spend];
    if (p.annual) expected.annual = w[p.annual];
    expect(planInput(ctx.roi, w)).toEqual(expected);
  });

  test('ruleConditionText names the input or meter the rule tests', () => {
    for (const rule of ctx.roi.recommendation.rules) {
      const input = raw.inputs.find((i) => i.id === rule.field);
      const meter = c.catalog.pricing.meters.find((m) => m.id === rule.field);
      expect(ruleConditionText(ctx, rule)).toContain(input ? input.label : meter!.name);
    }
  });
});

describe('WEE: annual billing, a starting price and unlimited calls', () => {
  const c = company(WEE.terms);
  const { ctx, written } = c;
  const callsInput = Object.entries(c.raw.usage)[0]![1][0]!;
  const annualInput = c.raw.plan_inputs!.annual!;

  test('annual billing uses the lower monthly price', () => {
    const w = { ...written, [annualInput]: true };
    const rec = recommendPlan(ctx, c.answers(w));
    expect(roiFor(ctx, rec.plan, c.answers(w)).annualCost).toBe(c.annualCost(c.expectedPlan(w), w));
    const price = rec.plan.price as { monthly: number; annual_monthly?: number };
    expect(price.annual_monthly).toBeLessThan(price.monthly);
  });

  test('each plan in turn as the expected usage grows, with a starting price counted as the least', () => {
    const seen: string[] = [];
    for (let calls = 0; calls <= 50; calls++) {
      const w = { ...written, [callsInput]: calls };
      const rec = recommendPlan(ctx, c.answers(w));
      expect(rec.plan.id).toBe(c.expectedPlan(w).id);
      if (seen.at(-1) !== rec.plan.id) seen.push(rec.plan.id);
      const r = roiFor(ctx, rec.plan, c.answers(w));
      expect(r.costIsMinimum).toBe(rec.plan.price.model === 'from');
      if (rec.plan.price.model === 'contact-us') expect(r.annualCost).toBeNull();
      else expect(r.annualCost).toBe(c.annualCost(rec.plan, w));
    }
    // Every plan whose tier is reachable by usage alone shows up, lowest first.
    const order = ctx.tiers.map((t) => t.id);
    expect([...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(seen);
    expect(seen.length).toBeGreaterThan(1);
  });
});
