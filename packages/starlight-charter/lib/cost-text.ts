import type { Meter, Plan } from '../schemas/pricing.ts';
import { chargedSeats, graduatedParts, spendShare } from './charges.ts';
import {
  cheapestPlan,
  monthlyCost,
  takesAddOn,
  type AddOnLine,
  type Alerts,
  type CostInput,
  type CostLine,
  type MonthlyCost,
  type PricingTerms,
} from './cost.ts';
import { formatCount, formatPercent } from './format.ts';
import { formatMoney, formatPrice, formatRate, type MoneyFormat } from './money.ts';
import { amountText, chargeModelName, periodSuffix, unitWord } from './pricing-text.ts';

/**
 * The monthly cost calculator's result in words: each line with how it was worked out (seats
 * times a rate, shares of spend, units times a rate, packs, graduated bands), the alert each
 * meter has reached, and why a plan with a hard limit cannot take the usage. The browser
 * script only places these strings; every name and unit comes from the data.
 */

export type NamedPlan = Plan & { name: string };

export interface CostContext {
  money: MoneyFormat;
  terms: PricingTerms;
  /** Every plan, lowest tier first, with its tier's name. */
  plans: NamedPlan[];
}

function named(ctx: CostContext, id: string): NamedPlan {
  const plan = ctx.plans.find((p) => p.id === id);
  if (!plan) throw new Error(`Charter: plan "${id}" is not defined in the data.`);
  return plan;
}

/** Whether this month is billed at the plan's annual rate: asked for, and offered by the plan. */
export function billedAnnually(plan: Plan, input: CostInput): boolean {
  return (
    input.annual === true &&
    'annual_monthly' in plan.price &&
    plan.price.annual_monthly !== undefined
  );
}

/** "Below the 80% soft alert", "Hard alert (at or above 95%)", "Over the hard limit", "No limit". */
export function alertText(line: CostLine, alerts: Alerts, locale: string): string {
  if (line.included === 'unlimited') return 'No limit';
  if (line.alert === 'over')
    return line.charge === null ? 'Over the hard limit' : 'Over the included amount';
  if (line.alert === 'hard')
    return `Hard alert (at or above ${formatPercent(alerts.hard, locale)})`;
  if (line.alert === 'soft')
    return `Soft alert (at or above ${formatPercent(alerts.soft, locale)})`;
  return `Below the ${formatPercent(alerts.soft, locale)} soft alert`;
}

/** Usage as a share of the included amount, to two decimals. */
export function ratioText(line: CostLine, locale: string): string {
  if (line.included === 'unlimited') return 'No limit';
  if (line.ratio === null) return 'Above an included amount of 0';
  return formatPercent(Math.round(line.ratio * 100) / 100, locale);
}

/** "no more than 1 build minute per month", or "no build minutes" when the plan includes none. */
export function limitText(meter: Meter, included: number, locale: string): string {
  return included === 0
    ? `no ${meter.unit.other}`
    : `no more than ${amountText(meter.unit, included, locale)}${periodSuffix(meter)}`;
}

/** A meter's overage with how it was worked out, or why the plan cannot take the usage. */
export function meterChargeText(
  meter: Meter,
  line: CostLine,
  planName: string,
  money: MoneyFormat,
): string {
  const m = (x: number) => formatMoney(x, money);
  const { locale } = money;
  if (line.included === 'unlimited') return `${m(0)} (no limit)`;
  const charge = line.charge;
  if (line.over === 0)
    return `${m(0)} (${charge === null ? 'within the hard limit' : 'within the included amount'})`;
  if (charge === null)
    return `Not available: ${planName} allows ${limitText(meter, line.included, locale)}`;
  const over = amountText(meter.unit, line.over, locale);
  const model = chargeModelName(charge);
  switch (charge.model) {
    case 'per-unit':
      return `${m(line.amount)} (${model}: ${over} × ${formatRate(charge.per_unit, money)})`;
    case 'package': {
      const packs = Math.ceil(line.over / charge.size);
      return (
        `${m(line.amount)} (${model}: ${over} above the included amount, ` +
        `${formatCount(packs, locale)} × ${formatPrice(charge.price, money)} per ${amountText(meter.unit, charge.size, locale)})`
      );
    }
    case 'graduated': {
      const parts = graduatedParts(charge.bands, line.over).map(
        (part) =>
          `${amountText(meter.unit, part.units, locale)} × ${formatRate(part.band.per_unit, money)}`,
      );
      return `${m(line.amount)} (${model}: ${parts.join(' + ')})`;
    }
  }
}

/** The plan's price this month with how it was worked out: "€120.00 (12 seats × €10)", "From €299.00". */
export function baseText(cost: MonthlyCost, input: CostInput, money: MoneyFormat): string {
  const m = (x: number) => formatMoney(x, money);
  const price = cost.plan.price;
  if (price.model === 'contact-us' || cost.base === null) return 'Priced on request';
  const yearly = billedAnnually(cost.plan, input);
  switch (price.model) {
    case 'flat':
      return `${m(cost.base)}${yearly ? ' (billed annually)' : ''}`;
    case 'from':
      return `From ${m(cost.base)}${yearly ? ' (billed annually)' : ''}`;
    case 'per-seat': {
      const seats = chargedSeats(price, input.seats ?? 0);
      const rate =
        yearly && price.annual_monthly !== undefined ? price.annual_monthly : price.monthly;
      // Fewer than the minimum are charged as the minimum, and the line says so.
      const minimum = seats > (input.seats ?? 0) ? ', at the minimum' : '';
      return (
        `${m(cost.base)} (${amountText(price.seat, seats, money.locale)} × ` +
        `${formatPrice(rate, money)}${minimum}${yearly ? ', billed annually' : ''})`
      );
    }
    case 'share-of-spend': {
      const share = spendShare(price, input.spend ?? 0, money.currency);
      const parts = share.parts.map(
        (p) => `${formatPercent(p.band.percent, money.locale)} of ${m(p.units)}`,
      );
      const sum = parts.length > 0 ? parts.join(' + ') : 'no spend';
      return share.minimumApplies
        ? `${m(cost.base)} (the minimum; ${sum} comes to ${m(share.share)})`
        : `${m(cost.base)} (${sum})`;
    }
  }
}

/** What an add-on taken adds to the included amounts, for the quantity taken: "20 more seats". */
export function addOnIncludedText(
  line: AddOnLine,
  meters: readonly Meter[],
  locale: string,
): string {
  return meters
    .filter((meter) => line.addOn.adds.included?.[meter.id] !== undefined)
    .map((meter) => {
      const n = line.addOn.adds.included![meter.id]! * line.quantity;
      return `${formatCount(n, locale)} more ${unitWord(meter.unit, n, locale)}`;
    })
    .join(', ');
}

/** "€138.00 (2 packs × €69)", "€149.00" or "Priced on request". */
export function addOnChargeText(line: AddOnLine, money: MoneyFormat): string {
  const price = line.addOn.price;
  if (line.amount === null) return 'Priced on request';
  if (price.model !== 'per-unit') return formatMoney(line.amount, money);
  return `${formatMoney(line.amount, money)} (${amountText(price.unit, line.quantity, money.locale)} × ${formatPrice(price.per_unit, money)})`;
}

/** Why the plan cannot take this usage, and the cheapest plan that can. Never a price. */
export function blockedText(cost: MonthlyCost, input: CostInput, ctx: CostContext): string {
  const limits = cost.lines
    .filter((line) => cost.blocked.includes(line.meter) && line.included !== 'unlimited')
    .map((line) =>
      limitText(
        ctx.terms.meters.find((m) => m.id === line.meter)!,
        line.included as number,
        ctx.money.locale,
      ),
    );
  // With the add-ons chosen where another plan can take them too, else on the usage alone.
  const withAddOns = cheapestPlan(ctx.plans, input, ctx.terms);
  const found = (c: typeof withAddOns) => c.cheapest !== null || c.onRequest.length > 0;
  const other = found(withAddOns)
    ? withAddOns
    : cheapestPlan(ctx.plans, { ...input, addOns: {} }, ctx.terms);
  const next = other.cheapest?.plan ?? other.onRequest[0];
  const needs =
    next === undefined
      ? 'It needs a higher plan, and no published plan takes this much: contact sales.'
      : other.cheapest
        ? `It needs a higher plan: the cheapest that can take it is ${named(ctx, next.id).name}.`
        : `It needs a higher plan: ${named(ctx, next.id).name} can take it; contact sales for a quote.`;
  // An add-on that raises a blocked limit on this plan is the other way to take the usage.
  const raising = ctx.terms.addOns.filter(
    (a) =>
      takesAddOn(cost.plan, a) && cost.blocked.some((meter) => (a.adds.included?.[meter] ?? 0) > 0),
  );
  const addOnHint = raising.length
    ? ` Or add ${raising.map((a) => a.name).join(' or ')} to ${named(ctx, cost.plan.id).name}.`
    : '';
  return `${named(ctx, cost.plan.id).name} cannot take this usage: it allows ${limits.join(' and ')}. ${needs}${addOnHint}`;
}

/** The month's total, "From …" for a starting price, or why there is none. */
export function totalText(cost: MonthlyCost, input: CostInput, ctx: CostContext): string {
  const m = (x: number) => formatMoney(x, ctx.money);
  if (cost.blocked.length > 0) return blockedText(cost, input, ctx);
  if (cost.total !== null) return cost.from ? `From ${m(cost.total)}` : m(cost.total);
  const known =
    (cost.base ?? 0) +
    cost.lines.reduce((sum, line) => sum + line.amount, 0) +
    cost.addOns.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  return known === 0
    ? 'Priced on request'
    : `Priced on request, plus ${m(known)} for the lines with a price`;
}

/** The cheapest plan with a set price for this usage, and the plans priced from a starting price or on request that can also take it. */
export function cheapestText(input: CostInput, ctx: CostContext): string {
  const m = (x: number) => formatMoney(x, ctx.money);
  const best = cheapestPlan(ctx.plans, input, ctx.terms);
  const chosen = Object.keys(input.addOns ?? {}).length > 0 ? ' with the add-ons chosen' : '';
  const found = best.cheapest
    ? `The cheapest plan for this usage${chosen} is ${named(ctx, best.cheapest.plan.id).name} at ${m(best.cheapest.total!)} a month.`
    : `No plan with a set price can take this usage${chosen}.`;
  if (best.onRequest.length === 0) return found;
  const others = best.onRequest.map((plan) => {
    const cost = monthlyCost(plan, input, ctx.terms);
    const name = named(ctx, plan.id).name;
    return cost.from && cost.total !== null
      ? `${name} (from ${m(cost.total)})`
      : `${name} (priced on request)`;
  });
  return best.cheapest
    ? `${found} ${others.join(' and ')} can take it too: contact sales for a quote.`
    : `No plan with a set price can take this usage${chosen}; ${others.join(' and ')} can: contact sales for a quote.`;
}
