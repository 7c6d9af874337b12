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
import { english, type Translate } from './i18n.ts';

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
export function amountText(
  unit: UnitName,
  n: number,
  locale: string,
  t: Translate = english,
): string {
  return t('charter.price.amount', {
    amount: formatCount(n, locale),
    unit: unitWord(unit, n, locale),
  });
}

/** " per month", " per year", or nothing for a limit that never resets. */
export function periodSuffix(meter: Meter, t: Translate = english): string {
  if (meter.resets === 'never') return '';
  return meter.resets === 'month'
    ? t('charter.price.perMonthSuffix')
    : t('charter.price.perYearSuffix');
}

/** "5,000 build minutes per month", "2 TB", "Unlimited restore requests" or "Not included". */
export function includedText(
  meter: Meter,
  allowance: Allowance,
  locale: string,
  t: Translate = english,
): string {
  if (allowance.included === 'unlimited')
    return t('charter.price.unlimited', { unit: meter.unit.other });
  if (allowance.included === 0 && allowance.overage === undefined)
    return t('charter.price.notIncluded');
  return `${amountText(meter.unit, allowance.included, locale, t)}${periodSuffix(meter, t)}`;
}

/** "€0.02 per build minute", "€500 per 10 restore requests", or the graduated bands in one sentence. */
export function chargeText(
  charge: OverageCharge,
  unit: UnitName,
  money: MoneyFormat,
  t: Translate = english,
): string {
  const rate = (micros: number) =>
    t('charter.price.perUnit', { price: formatRate(micros, money), unit: unit.one });
  switch (charge.model) {
    case 'per-unit':
      return rate(charge.per_unit);
    case 'package':
      return t('charter.price.package', {
        price: formatPrice(charge.price, money),
        amount: amountText(unit, charge.size, money.locale, t),
      });
    case 'graduated': {
      const n = (x: number) => formatCount(x, money.locale);
      const parts = charge.bands.map((band, i) => {
        const from = i === 0 ? 0 : charge.bands[i - 1]!.up_to!;
        if (band.up_to === null)
          return i === 0
            ? rate(band.per_unit)
            : t('charter.price.bandThen', { rate: rate(band.per_unit) });
        return i === 0
          ? t('charter.price.bandFirst', { rate: rate(band.per_unit), upTo: n(band.up_to) })
          : t('charter.price.bandFrom', {
              rate: rate(band.per_unit),
              from: n(from),
              upTo: n(band.up_to),
            });
      });
      return parts.join(t('charter.price.listSeparator'));
    }
  }
}

/** What usage above the included amount costs, or why there is none, in words. */
export function overageText(
  meter: Meter,
  allowance: Allowance,
  money: MoneyFormat,
  t: Translate = english,
): string {
  if (allowance.included === 'unlimited') return t('charter.price.noLimit');
  if (allowance.overage !== undefined) return chargeText(allowance.overage, meter.unit, money, t);
  if (allowance.included === 0) return t('charter.price.notAvailable');
  return t('charter.price.hardLimit', {
    amount: amountText(meter.unit, allowance.included, money.locale, t),
    period: periodSuffix(meter, t),
  });
}

/** The charge model's name, for tables and the JSON. */
export function chargeModelName(charge: OverageCharge | undefined): string {
  if (charge === undefined) return 'hard limit';
  return { 'per-unit': 'per unit', package: 'per package', graduated: 'graduated' }[charge.model];
}

/** "$1,200 per month", "From €299 per month", "€12 per seat per month", "Free" or "Contact us". */
export function priceText(price: Price, money: MoneyFormat, t: Translate = english): string {
  switch (price.model) {
    case 'contact-us':
      return t('charter.price.contactUs');
    case 'flat':
      return price.monthly === 0
        ? t('charter.price.free')
        : t('charter.price.perMonth', { price: formatPrice(price.monthly, money) });
    case 'from':
      return t('charter.price.from', { price: formatPrice(price.monthly, money) });
    case 'per-seat':
      return t('charter.price.perSeat', {
        price: formatPrice(price.monthly, money),
        seat: price.seat.one,
      });
    case 'share-of-spend':
      return t('charter.price.shareOfSpend', {
        percent: formatPercent(price.bands[0]!.percent, money.locale),
        minimum: formatPrice(price.minimum, money),
      });
  }
}

/** The whole rule in a sentence: minimums, seat counts and every spend band. */
export function priceRuleText(price: Price, money: MoneyFormat, t: Translate = english): string {
  const m = (x: number) => formatPrice(x, money);
  const pct = (x: number) => formatPercent(x, money.locale);
  switch (price.model) {
    case 'per-seat':
      return t('charter.price.perSeatRule', {
        price: m(price.monthly),
        seat: price.seat.one,
        seats: price.seat.other,
        minimum:
          price.minimum_seats > 1
            ? t('charter.price.atLeast', {
                amount: amountText(price.seat, price.minimum_seats, money.locale, t),
              })
            : '',
      });
    case 'share-of-spend': {
      const major = (x: number) => m(x * MICROS_PER_UNIT);
      const bands = price.bands.map((band, i) => {
        const from = i === 0 ? 0 : price.bands[i - 1]!.up_to!;
        const percent = pct(band.percent);
        if (band.up_to === null)
          return i === 0
            ? t('charter.price.spendAll', { percent })
            : t('charter.price.spendAbove', { percent, from: major(from) });
        return i === 0
          ? t('charter.price.spendFirst', { percent, upTo: major(band.up_to) })
          : t('charter.price.spendNext', { percent, size: major(band.up_to - from) });
      });
      return t('charter.price.spendRule', {
        minimum: m(price.minimum),
        bands: bands.join(t('charter.price.listSeparator')),
      });
    }
    case 'from':
      return t('charter.price.fromRule', { price: m(price.monthly) });
    default:
      return t('charter.price.sentence', { text: priceText(price, money, t) });
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
export function priceExampleText(
  price: Price,
  money: MoneyFormat,
  t: Translate = english,
): string | null {
  const fm = (x: number) => formatMoney(x, money);
  if (price.model === 'per-seat') {
    const seats = Math.max(10, price.minimum_seats);
    const total = price.monthly * chargedSeats(price, seats);
    return t('charter.price.seatExample', {
      amount: amountText(price.seat, seats, money.locale, t),
      seats: formatCount(seats, money.locale),
      price: formatPrice(price.monthly, money),
      total: fm(total),
    });
  }
  if (price.model === 'share-of-spend') {
    const spend = exampleSpend(price) * MICROS_PER_UNIT;
    const share = spendShare(price, spend, money.currency);
    const parts = share.parts.map((p) =>
      t('charter.price.spendPart', {
        percent: formatPercent(p.band.percent, money.locale),
        amount: fm(p.units),
        result: fm(p.amount),
      }),
    );
    const sum = `${parts.join(' + ')}${parts.length > 1 ? ` = ${fm(share.share)}` : ''}`;
    return share.minimumApplies
      ? t('charter.price.spendExampleMinimum', { spend: fm(spend), sum, amount: fm(share.amount) })
      : t('charter.price.spendExample', { spend: fm(spend), sum });
  }
  return null;
}

/** "$500 per month", "€40 per named contact per month" or "Contact us". */
export function addOnPriceText(
  price: AddOnPrice,
  money: MoneyFormat,
  t: Translate = english,
): string {
  switch (price.model) {
    case 'contact-us':
      return t('charter.price.contactUs');
    case 'flat':
      return t('charter.price.perMonth', { price: formatPrice(price.monthly, money) });
    case 'per-unit':
      return t('charter.price.perSeat', {
        price: formatPrice(price.per_unit, money),
        seat: price.unit.one,
      });
  }
}
