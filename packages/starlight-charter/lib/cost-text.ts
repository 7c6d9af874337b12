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
import { english, type Translate } from './i18n.ts';
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
export function alertText(
  line: CostLine,
  alerts: Alerts,
  locale: string,
  t: Translate = english,
): string {
  if (line.included === 'unlimited') return t('charter.cost.noLimit');
  if (line.alert === 'over')
    return line.charge === null ? t('charter.cost.overHardLimit') : t('charter.cost.overIncluded');
  if (line.alert === 'hard')
    return t('charter.cost.hardAlert', { percent: formatPercent(alerts.hard, locale) });
  if (line.alert === 'soft')
    return t('charter.cost.softAlert', { percent: formatPercent(alerts.soft, locale) });
  return t('charter.cost.belowSoftAlert', { percent: formatPercent(alerts.soft, locale) });
}

/** "A and B" (or "A or B") in the locale's words for joining a list. */
function joined(items: string[], locale: string, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale, { type }).format(items);
}

/** Usage as a share of the included amount, to two decimals. */
export function ratioText(line: CostLine, locale: string, t: Translate = english): string {
  if (line.included === 'unlimited') return t('charter.cost.noLimit');
  if (line.ratio === null) return t('charter.cost.aboveZero');
  return formatPercent(Math.round(line.ratio * 100) / 100, locale);
}

/** "no more than 1 build minute per month", or "no build minutes" when the plan includes none. */
export function limitText(
  meter: Meter,
  included: number,
  locale: string,
  t: Translate = english,
): string {
  return included === 0
    ? t('charter.cost.limitNone', { unit: meter.unit.other })
    : t('charter.cost.limitAtMost', {
        amount: `${amountText(meter.unit, included, locale, t)}${periodSuffix(meter, t)}`,
      });
}

/** A meter's overage with how it was worked out, or why the plan cannot take the usage. */
export function meterChargeText(
  meter: Meter,
  line: CostLine,
  planName: string,
  money: MoneyFormat,
  t: Translate = english,
): string {
  const m = (x: number) => formatMoney(x, money);
  const { locale } = money;
  if (line.included === 'unlimited') return t('charter.cost.chargeNoLimit', { amount: m(0) });
  const charge = line.charge;
  if (line.over === 0)
    return charge === null
      ? t('charter.cost.withinHardLimit', { amount: m(0) })
      : t('charter.cost.withinIncluded', { amount: m(0) });
  if (charge === null)
    return t('charter.cost.notAvailable', {
      plan: planName,
      limit: limitText(meter, line.included, locale, t),
    });
  const over = amountText(meter.unit, line.over, locale, t);
  const values = { amount: m(line.amount), model: chargeModelName(charge), over };
  switch (charge.model) {
    case 'per-unit':
      return t('charter.cost.perUnitCharge', {
        ...values,
        rate: formatRate(charge.per_unit, money),
      });
    case 'package':
      return t('charter.cost.packageCharge', {
        ...values,
        packs: formatCount(Math.ceil(line.over / charge.size), locale),
        price: formatPrice(charge.price, money),
        size: amountText(meter.unit, charge.size, locale, t),
      });
    case 'graduated': {
      const parts = graduatedParts(charge.bands, line.over).map(
        (part) =>
          `${amountText(meter.unit, part.units, locale, t)} × ${formatRate(part.band.per_unit, money)}`,
      );
      return t('charter.cost.graduatedCharge', { ...values, parts: parts.join(' + ') });
    }
  }
}

/** The plan's price this month with how it was worked out: "€120.00 (12 seats × €10)", "From €299.00". */
export function baseText(
  cost: MonthlyCost,
  input: CostInput,
  money: MoneyFormat,
  t: Translate = english,
): string {
  const m = (x: number) => formatMoney(x, money);
  const price = cost.plan.price;
  if (price.model === 'contact-us' || cost.base === null) return t('charter.cost.onRequest');
  const yearly = billedAnnually(cost.plan, input);
  switch (price.model) {
    case 'flat':
      return yearly ? t('charter.cost.baseAnnual', { amount: m(cost.base) }) : m(cost.base);
    case 'from':
      return yearly
        ? t('charter.cost.fromAnnual', { amount: m(cost.base) })
        : t('charter.cost.from', { amount: m(cost.base) });
    case 'per-seat': {
      const seats = chargedSeats(price, input.seats ?? 0);
      const rate =
        yearly && price.annual_monthly !== undefined ? price.annual_monthly : price.monthly;
      // Fewer than the minimum are charged as the minimum, and the line says so.
      const minimum = seats > (input.seats ?? 0);
      const values = {
        amount: m(cost.base),
        seats: amountText(price.seat, seats, money.locale, t),
        rate: formatPrice(rate, money),
      };
      if (minimum && yearly) return t('charter.cost.seatsMinimumAnnual', values);
      if (minimum) return t('charter.cost.seatsMinimum', values);
      if (yearly) return t('charter.cost.seatsAnnual', values);
      return t('charter.cost.seats', values);
    }
    case 'share-of-spend': {
      const share = spendShare(price, input.spend ?? 0, money.currency);
      const parts = share.parts.map((p) =>
        t('charter.cost.shareOf', {
          percent: formatPercent(p.band.percent, money.locale),
          amount: m(p.units),
        }),
      );
      const sum = parts.length > 0 ? parts.join(' + ') : t('charter.cost.noSpend');
      return share.minimumApplies
        ? t('charter.cost.spendMinimum', { amount: m(cost.base), sum, share: m(share.share) })
        : t('charter.cost.spend', { amount: m(cost.base), sum });
    }
  }
}

/** What an add-on taken adds to the included amounts, for the quantity taken: "20 more seats". */
export function addOnIncludedText(
  line: AddOnLine,
  meters: readonly Meter[],
  locale: string,
  t: Translate = english,
): string {
  return meters
    .filter((meter) => line.addOn.adds.included?.[meter.id] !== undefined)
    .map((meter) => {
      const n = line.addOn.adds.included![meter.id]! * line.quantity;
      return t('charter.cost.more', {
        number: formatCount(n, locale),
        unit: unitWord(meter.unit, n, locale),
      });
    })
    .join(t('charter.calc.nameSeparator'));
}

/** "€138.00 (2 packs × €69)", "€149.00" or "Priced on request". */
export function addOnChargeText(
  line: AddOnLine,
  money: MoneyFormat,
  t: Translate = english,
): string {
  const price = line.addOn.price;
  if (line.amount === null) return t('charter.cost.onRequest');
  if (price.model !== 'per-unit') return formatMoney(line.amount, money);
  return t('charter.cost.addOnCharge', {
    amount: formatMoney(line.amount, money),
    quantity: amountText(price.unit, line.quantity, money.locale, t),
    rate: formatPrice(price.per_unit, money),
  });
}

/** Why the plan cannot take this usage, and the cheapest plan that can. Never a price. */
export function blockedText(
  cost: MonthlyCost,
  input: CostInput,
  ctx: CostContext,
  t: Translate = english,
): string {
  const { locale } = ctx.money;
  const limits = cost.lines
    .filter((line) => cost.blocked.includes(line.meter) && line.included !== 'unlimited')
    .map((line) =>
      limitText(
        ctx.terms.meters.find((m) => m.id === line.meter)!,
        line.included as number,
        locale,
        t,
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
      ? t('charter.cost.needsNoPlan')
      : other.cheapest
        ? t('charter.cost.needsCheapest', { plan: named(ctx, next.id).name })
        : t('charter.cost.needsOnRequest', { plan: named(ctx, next.id).name });
  // An add-on that raises a blocked limit on this plan is the other way to take the usage.
  const raising = ctx.terms.addOns.filter(
    (a) =>
      takesAddOn(cost.plan, a) && cost.blocked.some((meter) => (a.adds.included?.[meter] ?? 0) > 0),
  );
  const plan = named(ctx, cost.plan.id).name;
  const blocked = t('charter.cost.blocked', {
    plan,
    limits: joined(limits, locale, 'conjunction'),
    needs,
  });
  return raising.length
    ? t('charter.cost.blockedAddOn', {
        blocked,
        addOns: joined(
          raising.map((a) => a.name),
          locale,
          'disjunction',
        ),
        plan,
      })
    : blocked;
}

/** The month's total, "From …" for a starting price, or why there is none. */
export function totalText(
  cost: MonthlyCost,
  input: CostInput,
  ctx: CostContext,
  t: Translate = english,
): string {
  const m = (x: number) => formatMoney(x, ctx.money);
  if (cost.blocked.length > 0) return blockedText(cost, input, ctx, t);
  if (cost.total !== null)
    return cost.from ? t('charter.cost.from', { amount: m(cost.total) }) : m(cost.total);
  const known =
    (cost.base ?? 0) +
    cost.lines.reduce((sum, line) => sum + line.amount, 0) +
    cost.addOns.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  return known === 0
    ? t('charter.cost.onRequest')
    : t('charter.cost.onRequestPlus', { amount: m(known) });
}

/** The cheapest plan with a set price for this usage, and the plans priced from a starting price or on request that can also take it. */
export function cheapestText(input: CostInput, ctx: CostContext, t: Translate = english): string {
  const m = (x: number) => formatMoney(x, ctx.money);
  const best = cheapestPlan(ctx.plans, input, ctx.terms);
  const withAddOns = Object.keys(input.addOns ?? {}).length > 0;
  const found = best.cheapest
    ? t(withAddOns ? 'charter.cost.cheapestWithAddOns' : 'charter.cost.cheapest', {
        plan: named(ctx, best.cheapest.plan.id).name,
        amount: m(best.cheapest.total!),
      })
    : t(withAddOns ? 'charter.cost.noSetPriceWithAddOns' : 'charter.cost.noSetPrice');
  if (best.onRequest.length === 0) return found;
  const others = best.onRequest.map((plan) => {
    const cost = monthlyCost(plan, input, ctx.terms);
    const name = named(ctx, plan.id).name;
    return cost.from && cost.total !== null
      ? t('charter.cost.planFrom', { plan: name, amount: m(cost.total) })
      : t('charter.cost.planOnRequest', { plan: name });
  });
  const plans = joined(others, ctx.money.locale, 'conjunction');
  return best.cheapest
    ? t('charter.cost.othersToo', { found, plans })
    : t(withAddOns ? 'charter.cost.onlyOthersWithAddOns' : 'charter.cost.onlyOthers', { plans });
}
