import type { Catalog } from '../data/load.ts';
import type { Meter, Plan } from '../schemas/pricing.ts';
import type { RoiFile, RoiInput, RoiNumberInput, RoiRule } from '../schemas/roi.ts';
import type { PriceInput } from './charges.ts';
import {
  covers,
  monthlyCost,
  pricingTerms,
  type MonthlyCost,
  type PricingTerms,
  type Usage,
} from './cost.ts';
import { formatCount, formatPercent } from './format.ts';
import { english, type Translate } from './i18n.ts';
import {
  formatPrice,
  MICROS_PER_UNIT,
  minorDigits,
  multiply,
  roundToMinor,
  type Micros,
  type MoneyFormat,
} from './money.ts';
import type { NumberRule } from './number-input.ts';
import { amountText, periodSuffix, unitWord } from './pricing-text.ts';

/**
 * Return on investment and plan recommendation from a company's own ROI model (roi.yaml):
 * every figure is a product of declared answers, so this module iterates over what the model
 * declares and names nothing of its own. roiFormulas says in words exactly what is computed here.
 */

/** Answers by input id: numbers (money in micro-units, percentages as 0–100) or yes/no. */
export type RoiAnswers = Record<string, number | boolean>;

/** What the model is computed against. */
export interface RoiContext {
  roi: RoiFile;
  plans: Plan[];
  /** Tiers lowest first. */
  tiers: { id: string; name: string }[];
  terms: PricingTerms;
  money: MoneyFormat;
}

export function roiContext(catalog: Catalog): RoiContext {
  const money = { currency: catalog.company.currency, locale: catalog.company.locale };
  return {
    roi: catalog.roi,
    plans: catalog.pricing.plans,
    tiers: catalog.tiers.tiers.map((t) => ({ id: t.id, name: t.name })),
    terms: pricingTerms(catalog.pricing, money.currency),
    money,
  };
}

/** The calculator's starting answers: each input's default. */
export function roiDefaults(roi: RoiFile): RoiAnswers {
  return Object.fromEntries(roi.inputs.map((input) => [input.id, input.default]));
}

function inputById(roi: RoiFile, id: string): RoiInput {
  const input = roi.inputs.find((i) => i.id === id);
  if (!input) throw new Error(`Charter: the ROI model has no input "${id}".`);
  return input;
}

/** Throws a RangeError unless every declared input has an answer of its kind; numbers must be finite and 0 or more. */
export function checkAnswers(roi: RoiFile, answers: RoiAnswers): void {
  for (const input of roi.inputs) {
    const value = answers[input.id];
    if (input.kind === 'yes-no') {
      if (typeof value !== 'boolean') throw new RangeError(`${input.id} must be yes or no`);
    } else if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`${input.id} must be a number, 0 or more`);
    }
  }
}

function numberAnswer(answers: RoiAnswers, id: string): number {
  const value = answers[id];
  if (typeof value !== 'number') throw new RangeError(`${id} must be a number`);
  return value;
}

/** Cleans binary noise from a product (0.07 × 100 is 7.000000000000001) before it is rounded up or shown. */
const clean = (n: number) => Number(n.toPrecision(12));

/** The product of the answers `ids` names; a percentage counts as a fraction (45 → 0.45). */
export function productOf(roi: RoiFile, ids: readonly string[], answers: RoiAnswers): number {
  let product = 1;
  let percents = 0;
  for (const id of ids) {
    product *= numberAnswer(answers, id);
    if (inputById(roi, id).kind === 'percent') percents += 1;
  }
  return clean(product / 100 ** percents);
}

/** Units saved each month (hours, restores …): the product of `savings.per_month`. */
export function savingsPerMonth(roi: RoiFile, answers: RoiAnswers): number {
  return productOf(roi, roi.savings.per_month, answers);
}

/** Expected usage of each meter the model names, rounded up to whole units for meters counted whole. */
export function expectedUsage(roi: RoiFile, meters: Meter[], answers: RoiAnswers): Usage {
  const usage: Usage = {};
  for (const [id, factors] of Object.entries(roi.usage)) {
    const meter = meters.find((m) => m.id === id);
    if (!meter)
      throw new Error(
        `Charter: the ROI model names meter "${id}", which pricing does not declare.`,
      );
    const amount = productOf(roi, factors, answers);
    usage[id] = meter.whole ? Math.ceil(amount) : amount;
  }
  return usage;
}

/** What a plan's price takes from the answers: seats, monthly spend, annual billing. */
export function planInput(roi: RoiFile, answers: RoiAnswers): PriceInput {
  const { seats, spend, annual } = roi.plan_inputs;
  const input: PriceInput = {};
  if (seats !== undefined) input.seats = numberAnswer(answers, seats);
  if (spend !== undefined) input.spend = numberAnswer(answers, spend);
  if (annual !== undefined) input.annual = answers[annual] === true;
  return input;
}

/** Whether a rule applies: its field is an answer, or else a meter's expected usage. */
export function ruleApplies(rule: RoiRule, answers: RoiAnswers, usage: Usage): boolean {
  const value = Object.hasOwn(answers, rule.field) ? answers[rule.field] : usage[rule.field];
  if (rule.equals !== undefined) return value === rule.equals;
  return typeof value === 'number' && value >= rule.at_least!;
}

export interface Recommendation {
  plan: Plan;
  /** Why this plan, as sentences. */
  reasons: string[];
  /** Whether the plan's included amounts cover the expected usage. */
  fits: boolean;
  usage: Usage;
}

/** "a", "a and b", "a, b, and c", as the locale joins a list. */
function listText(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

export function tierName(ctx: RoiContext, tierId: string): string {
  return ctx.tiers.find((t) => t.id === tierId)?.name ?? tierId;
}

/**
 * The plan to recommend. The rules that apply set a minimum tier (the first rule with the
 * highest minimum gives the reason); the recommendation is the lowest plan at or above it whose
 * included amounts cover the expected usage, or the largest plan when none does.
 */
export function recommendPlan(
  ctx: RoiContext,
  answers: RoiAnswers,
  t: Translate = english,
): Recommendation {
  const { roi, money } = ctx;
  const rank = (tier: string) => ctx.tiers.findIndex((t) => t.id === tier);
  let floor = -1;
  let reason: string | null = null;
  const usage = expectedUsage(roi, ctx.terms.meters, answers);
  for (const rule of roi.recommendation.rules) {
    if (ruleApplies(rule, answers, usage) && rank(rule.min_tier) > floor) {
      floor = rank(rule.min_tier);
      reason = rule.reason;
    }
  }
  const ordered = ctx.plans
    .filter((p) => rank(p.tier) >= 0)
    .sort((a, b) => rank(a.tier) - rank(b.tier));
  const found = ordered.find((p) => rank(p.tier) >= floor && covers(p, usage));
  const plan = found ?? ordered.at(-1)!;
  const name = tierName(ctx, plan.tier);
  const reasons = reason ? [reason] : [];

  const meters = Object.keys(usage).map((id) => ctx.terms.meters.find((m) => m.id === id)!);
  const amount = (meter: Meter, n: number) =>
    `${amountText(meter.unit, n, money.locale, t)}${periodSuffix(meter, t)}`;
  const need = listText(
    meters.map((m) => amount(m, usage[m.id]!)),
    money.locale,
  );
  if (meters.length === 0) {
    if (!reason) reasons.push(t('charter.roi.lowestPlan', { plan: name }));
  } else if (found) {
    const included = listText(
      meters.map((m) => {
        const inc = plan.usage[m.id]!.included;
        return inc === 'unlimited'
          ? t('charter.roi.unlimited', { unit: m.unit.other })
          : amount(m, inc);
      }),
      money.locale,
    );
    const values = { plan: name, included, need };
    reasons.push(reason ? t('charter.roi.covers', values) : t('charter.roi.coversLowest', values));
  } else {
    reasons.push(t('charter.roi.noPlanCovers', { plan: name, need }));
  }
  return { plan, reasons, fits: found !== undefined, usage };
}

export interface RoiResult {
  /** Units saved each month (savings.unit). */
  savedPerMonth: number;
  annualSavings: Micros;
  usage: Usage;
  cost: MonthlyCost;
  /** Null when the plan is priced on request or the usage does not fit it. */
  annualCost: Micros | null;
  /** True when the plan has a starting price: the cost is the least it can be. */
  costIsMinimum: boolean;
  /** Annual savings minus annual cost. */
  annualNet: Micros | null;
  /** Null when there is no annual cost to divide by. */
  roiPercent: number | null;
  /** Null when nothing is saved or the cost is unknown. */
  paybackMonths: number | null;
  /** The horizon's answer, in years. */
  years: number;
  multiYearValue: Micros | null;
}

/** The ROI figures for the answers on `plan`. */
export function roiFor(ctx: RoiContext, plan: Plan, answers: RoiAnswers): RoiResult {
  const { roi, terms } = ctx;
  checkAnswers(roi, answers);
  const savedPerMonth = savingsPerMonth(roi, answers);
  const valueEach = numberAnswer(answers, roi.savings.value_each);
  const annualSavings = roundToMinor(multiply(valueEach, savedPerMonth * 12), terms.currency);
  const usage = expectedUsage(roi, terms.meters, answers);
  const cost = monthlyCost(plan, { usage, ...planInput(roi, answers) }, terms);
  const annualCost = cost.total === null ? null : cost.total * 12;
  const annualNet = annualCost === null ? null : annualSavings - annualCost;
  const roiPercent =
    annualCost === null || annualCost === 0 ? null : (annualNet! / annualCost) * 100;
  const paybackMonths =
    annualCost === null || annualSavings === 0 ? null : (annualCost * 12) / annualSavings;
  const years = numberAnswer(answers, roi.horizon);
  const multiYearValue = annualNet === null ? null : annualNet * years;
  // Answers near the largest numbers people can type multiply past what a figure can show.
  for (const figure of [
    savedPerMonth,
    annualSavings,
    annualCost ?? 0,
    multiYearValue ?? 0,
    paybackMonths ?? 0,
  ]) {
    if (!Number.isFinite(figure)) throw new RangeError('the answers are too large to work out');
  }
  return {
    savedPerMonth,
    annualSavings,
    usage,
    cost,
    annualCost,
    costIsMinimum: cost.from,
    annualNet,
    roiPercent,
    paybackMonths,
    years,
    multiYearValue,
  };
}

/** What a field's label adds in brackets: "people", "%", "USD per hour"; none for yes-no. */
export function inputUnitText(
  input: RoiInput,
  currency: string,
  t: Translate = english,
): string | undefined {
  switch (input.kind) {
    case 'yes-no':
      return undefined;
    case 'percent':
      return '%';
    case 'money':
      return input.unit
        ? t('charter.roi.perUnit', { amount: currency, unit: input.unit.one })
        : currency;
    case 'number':
      return input.unit?.other;
  }
}

/** An answer in words: "20 people", "$120 per hour", "45%", "Yes". */
export function answerText(
  input: RoiInput,
  value: number | boolean,
  money: MoneyFormat,
  t: Translate = english,
): string {
  if (input.kind === 'yes-no') return value ? t('charter.roi.yes') : t('charter.roi.no');
  const n = value as number;
  switch (input.kind) {
    case 'percent':
      return formatPercent(n, money.locale);
    case 'money':
      return input.unit
        ? t('charter.roi.perUnit', { amount: formatPrice(n, money), unit: input.unit.one })
        : formatPrice(n, money);
    case 'number':
      return input.unit ? amountText(input.unit, n, money.locale, t) : formatCount(n, money.locale);
  }
}

/** How the form checks what is typed into a numeric field; money limits in the currency's major unit. */
export function numberRule(input: RoiNumberInput, currency: string): NumberRule {
  const money = input.kind === 'money';
  const major = (n: number) => (money ? n / MICROS_PER_UNIT : n);
  const rule: NumberRule = { min: major(input.min) };
  if (input.max !== null) rule.max = major(input.max);
  if (input.whole) rule.integer = true;
  const decimals = money ? (input.decimals ?? minorDigits(currency)) : input.decimals;
  if (decimals !== null) rule.decimals = decimals;
  if (input.kind === 'percent') rule.unit = '%';
  else if (money) rule.unit = currency;
  else if (input.unit) {
    // Messages say "at least 1 person" and "at most 500 people" with one word: give it only when both bounds agree.
    const bounds = [input.min > 0 ? input.min : null, input.max].filter(
      (b): b is number => b !== null,
    );
    const words = new Set(bounds.map((b) => unitWord(input.unit!, b, 'en-US')));
    if (words.size === 1) rule.unit = [...words][0]!;
  }
  return rule;
}

/** "Team size", or "(Automation rate ÷ 100)" for a percentage, as the formulas name an answer. */
function factorText(roi: RoiFile, id: string, t: Translate): string {
  const input = inputById(roi, id);
  return input.kind === 'percent'
    ? t('charter.roi.percentFactor', { label: input.label })
    : input.label;
}

/** The formulas, in words and in the order they are applied, naming the model's own inputs. */
export function roiFormulas(
  ctx: RoiContext,
  t: Translate = english,
): [figure: string, how: string][] {
  const { roi } = ctx;
  const product = (ids: readonly string[]) => ids.map((id) => factorText(roi, id, t)).join(' × ');
  const savedName = t('charter.roi.perMonth', { name: roi.savings.name });
  const rows: [string, string][] = [
    [
      savedName,
      t('charter.roi.savedHow', {
        product: product(roi.savings.per_month),
        unit: roi.savings.unit.other,
      }),
    ],
    [
      t('charter.roi.annualSavings'),
      t('charter.roi.annualSavingsHow', {
        saved: savedName,
        value: inputById(roi, roi.savings.value_each).label,
      }),
    ],
  ];
  const usage = ctx.terms.meters.map((meter) => {
    const factors = roi.usage[meter.id];
    if (!factors) return t('charter.roi.notEstimated', { meter: meter.name });
    const values = { meter: meter.name, product: product(factors), unit: meter.unit.other };
    return meter.whole ? t('charter.roi.usageRounded', values) : t('charter.roi.usageHow', values);
  });
  rows.push([t('charter.roi.expectedUsage'), usage.join('; ')]);
  const { seats, spend, annual } = roi.plan_inputs;
  const priced = [
    seats !== undefined
      ? t('charter.roi.seatsInput', { label: inputById(roi, seats).label })
      : null,
    spend !== undefined
      ? t('charter.roi.spendInput', { label: inputById(roi, spend).label })
      : null,
    annual !== undefined
      ? t('charter.roi.annualInput', { label: inputById(roi, annual).label })
      : null,
  ].filter((x): x is string => x !== null);
  if (priced.length > 0) rows.push([t('charter.roi.priceTakes'), priced.join('; ')]);
  rows.push(
    [t('charter.roi.recommendedPlan'), t('charter.roi.recommendedHow')],
    [t('charter.roi.annualCost'), t('charter.roi.annualCostHow')],
    [t('charter.roi.roi'), t('charter.roi.roiHow')],
    [t('charter.roi.payback'), t('charter.roi.paybackHow')],
    [
      t('charter.roi.multiYear'),
      t('charter.roi.multiYearHow', { label: inputById(roi, roi.horizon).label }),
    ],
  );
  return rows;
}

/** A rule's condition in words: "We run around the clock: yes", "Restores expected: at least 10 restores per month". */
export function ruleConditionText(ctx: RoiContext, rule: RoiRule, t: Translate = english): string {
  const input = ctx.roi.inputs.find((i) => i.id === rule.field);
  if (input) {
    if (rule.equals !== undefined)
      return t('charter.roi.ruleAnswer', {
        label: input.label,
        answer: rule.equals ? t('charter.roi.yesAnswer') : t('charter.roi.noAnswer'),
      });
    return t('charter.roi.ruleAtLeast', {
      label: input.label,
      amount: answerText(input, rule.at_least!, ctx.money, t),
    });
  }
  const meter = ctx.terms.meters.find((m) => m.id === rule.field);
  if (!meter) return rule.field;
  return t('charter.roi.ruleMeter', {
    meter: meter.name,
    amount: `${amountText(meter.unit, rule.at_least!, ctx.money.locale, t)}${periodSuffix(meter, t)}`,
  });
}
