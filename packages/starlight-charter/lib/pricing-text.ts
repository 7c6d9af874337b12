import type { AddOnPrice, Allowance, Meter, OverageCharge, Price } from '../schemas/pricing.ts';
import { chargedSeats, spendShare } from './charges.ts';
import { formatCount, formatPercent } from './format.ts';
import {
  formatMoney,
  formatPrice,
  formatRate,
  MICROS_PER_UNIT,
  type MoneyFormat,
} from './money.ts';

/**
 * Prices, included amounts and overage in words, as the pricing page, the calculators, the JSON
 * and the lint say them. Every unit name comes from the meter; nothing here knows a meter.
 */

type UnitName = { one: string; other: string };

/** "build minute" or "build minutes", by the locale's plural rule for `n`. */
export function unitWord(unit: UnitName, n: number, locale: string): string {
  return new Intl.PluralRules(locale).select(n) === 'one' ? unit.one : unit.other;
}

/** "1 build minute", "5,000 build minutes", "2.5 TB". */
export function amountText(unit: UnitName, n: number, locale: string): string {
  return `${formatCount(n, locale)} ${unitWord(unit, n, locale)}`;
}

/** " per month", " per year", or nothing for a limit that never resets. */
export function periodSuffix(meter: Meter): string {
  return meter.resets === 'never' ? '' : ` per ${meter.resets}`;
}

/** "5,000 build minutes per month", "2 TB", "Unlimited restore requests" or "Not included". */
export function includedText(meter: Meter, allowance: Allowance, locale: string): string {
  if (allowance.included === 'unlimited') return `Unlimited ${meter.unit.other}`;
  if (allowance.included === 0 && allowance.overage === undefined) return 'Not included';
  return `${amountText(meter.unit, allowance.included, locale)}${periodSuffix(meter)}`;
}

/** "€0.02 per build minute", "€500 per 10 restore requests", or the graduated bands in one sentence. */
export function chargeText(charge: OverageCharge, unit: UnitName, money: MoneyFormat): string {
  const rate = (micros: number) => `${formatRate(micros, money)} per ${unit.one}`;
  switch (charge.model) {
    case 'per-unit':
      return rate(charge.per_unit);
    case 'package':
      return `${formatPrice(charge.price, money)} per ${amountText(unit, charge.size, money.locale)}, each pack started charged in full`;
    case 'graduated': {
      const n = (x: number) => formatCount(x, money.locale);
      const parts = charge.bands.map((band, i) => {
        const from = i === 0 ? 0 : charge.bands[i - 1]!.up_to!;
        if (band.up_to === null)
          return i === 0 ? rate(band.per_unit) : `then ${rate(band.per_unit)}`;
        return i === 0
          ? `${rate(band.per_unit)} for the first ${n(band.up_to)} above the included amount`
          : `${rate(band.per_unit)} from ${n(from)} to ${n(band.up_to)}`;
      });
      return parts.join(', ');
    }
  }
}

/** What usage above the included amount costs, or why there is none, in words. */
export function overageText(meter: Meter, allowance: Allowance, money: MoneyFormat): string {
  if (allowance.included === 'unlimited') return 'No limit';
  if (allowance.overage !== undefined) return chargeText(allowance.overage, meter.unit, money);
  if (allowance.included === 0) return 'Not available on this plan';
  return `Hard limit: no more than ${amountText(meter.unit, allowance.included, money.locale)}${periodSuffix(meter)}`;
}

/** The charge model's name, for tables and the JSON. */
export function chargeModelName(charge: OverageCharge | undefined): string {
  if (charge === undefined) return 'hard limit';
  return { 'per-unit': 'per unit', package: 'per package', graduated: 'graduated' }[charge.model];
}

/** "$1,200 per month", "From €299 per month", "€12 per seat per month", "Free" or "Contact us". */
export function priceText(price: Price, money: MoneyFormat): string {
  switch (price.model) {
    case 'contact-us':
      return 'Contact us';
    case 'flat':
      return price.monthly === 0 ? 'Free' : `${formatPrice(price.monthly, money)} per month`;
    case 'from':
      return `From ${formatPrice(price.monthly, money)} per month`;
    case 'per-seat':
      return `${formatPrice(price.monthly, money)} per ${price.seat.one} per month`;
    case 'share-of-spend':
      return `${formatPercent(price.bands[0]!.percent, money.locale)} of monthly spend, at least ${formatPrice(price.minimum, money)} per month`;
  }
}

/** The whole rule in a sentence: minimums, seat counts and every spend band. */
export function priceRuleText(price: Price, money: MoneyFormat): string {
  const m = (x: number) => formatPrice(x, money);
  const pct = (x: number) => formatPercent(x, money.locale);
  switch (price.model) {
    case 'per-seat':
      return (
        `${m(price.monthly)} per ${price.seat.one} per month, times the ${price.seat.other} you have` +
        (price.minimum_seats > 1
          ? ` (at least ${amountText(price.seat, price.minimum_seats, money.locale)})`
          : '') +
        '.'
      );
    case 'share-of-spend': {
      const major = (x: number) => m(x * MICROS_PER_UNIT);
      const bands = price.bands.map((band, i) => {
        const from = i === 0 ? 0 : price.bands[i - 1]!.up_to!;
        if (band.up_to === null)
          return i === 0
            ? `${pct(band.percent)} of it`
            : `${pct(band.percent)} of everything above ${major(from)}`;
        return i === 0
          ? `${pct(band.percent)} of the first ${major(band.up_to)}`
          : `${pct(band.percent)} of the next ${major(band.up_to - from)}`;
      });
      return `The greater of ${m(price.minimum)} or a share of your monthly product spend: ${bands.join(', ')}.`;
    }
    case 'from':
      return `${m(price.monthly)} per month at the least; the final price is quoted for your usage.`;
    default:
      return `${priceText(price, money)}.`;
  }
}

/** A monthly spend that shows how a share-of-spend price adds up: halfway into the second band, or twice the first. */
export function exampleSpend(price: Extract<Price, { model: 'share-of-spend' }>): number {
  const [first, second] = price.bands;
  const firstEnd = first!.up_to;
  if (firstEnd === null)
    return Math.max(1, Math.ceil((price.minimum / MICROS_PER_UNIT / first!.percent) * 100 * 2));
  const secondEnd = second?.up_to ?? null;
  return secondEnd === null ? firstEnd * 2 : (firstEnd + secondEnd) / 2;
}

/**
 * A worked example computed from the data, or null for prices that need none:
 * "For 10 seats: 10 × €12 = €120 per month."
 */
export function priceExampleText(price: Price, money: MoneyFormat): string | null {
  const fm = (x: number) => formatMoney(x, money);
  if (price.model === 'per-seat') {
    const seats = Math.max(10, price.minimum_seats);
    const total = price.monthly * chargedSeats(price, seats);
    return `For ${amountText(price.seat, seats, money.locale)}: ${formatCount(seats, money.locale)} × ${formatPrice(price.monthly, money)} = ${fm(total)} per month.`;
  }
  if (price.model === 'share-of-spend') {
    const spend = exampleSpend(price) * MICROS_PER_UNIT;
    const share = spendShare(price, spend, money.currency);
    const parts = share.parts.map(
      (p) => `${formatPercent(p.band.percent, money.locale)} of ${fm(p.units)} = ${fm(p.amount)}`,
    );
    const sum = `${parts.join(' + ')}${parts.length > 1 ? ` = ${fm(share.share)}` : ''}`;
    return (
      `For a monthly spend of ${fm(spend)}: ${sum}` +
      (share.minimumApplies
        ? `, below the minimum, so ${fm(share.amount)} per month.`
        : ` per month.`)
    );
  }
  return null;
}

/** "$500 per month", "€40 per named contact per month" or "Contact us". */
export function addOnPriceText(price: AddOnPrice, money: MoneyFormat): string {
  switch (price.model) {
    case 'contact-us':
      return 'Contact us';
    case 'flat':
      return `${formatPrice(price.monthly, money)} per month`;
    case 'per-unit':
      return `${formatPrice(price.per_unit, money)} per ${price.unit.one} per month`;
  }
}
