import type { OverageCharge, Price } from '../schemas/pricing.ts';
import { multiply, roundToMinor, type Micros } from './money.ts';

/**
 * The charge models of a plan's price and of its overage, as usage-billing systems define them
 * (Stripe's per-unit, package and graduated prices; the cloud vendors' share of spend). Every
 * amount is in micro-units and rounded to the currency's minor unit once per charge, as an
 * invoice line would be.
 */

/** Overage for `over` units above the included amount. */
export function overageAmount(charge: OverageCharge, over: number, currency: string): Micros {
  if (!(over >= 0) || !Number.isFinite(over))
    throw new RangeError(`units above the quota must be 0 or more: ${over}`);
  if (over === 0) return 0;
  switch (charge.model) {
    case 'per-unit':
      return roundToMinor(multiply(charge.per_unit, over), currency);
    case 'package':
      // Every pack started is charged in full.
      return roundToMinor(charge.price * Math.ceil(over / charge.size), currency);
    case 'graduated':
      return roundToMinor(
        graduatedParts(charge.bands, over).reduce(
          (sum, part) => sum + multiply(part.band.per_unit, part.units),
          0,
        ),
        currency,
      );
  }
}

export interface BandPart<B> {
  band: B;
  /** Where this band starts and ends, in units. */
  from: number;
  to: number | null;
  /** How much of the quantity falls in this band. */
  units: number;
}

/** Splits `quantity` over graduated bands (each `up_to` ends its band); bands it does not reach are left out. */
export function graduatedParts<B extends { up_to: number | null }>(
  bands: readonly B[],
  quantity: number,
): BandPart<B>[] {
  const parts: BandPart<B>[] = [];
  let from = 0;
  for (const band of bands) {
    if (quantity <= from) break;
    const to = band.up_to;
    const units = (to === null ? quantity : Math.min(quantity, to)) - from;
    parts.push({ band, from, to, units });
    if (to === null) break;
    from = to;
  }
  return parts;
}

export interface SpendShare {
  /** Each band's share of the spend, rounded to the minor unit. */
  parts: (BandPart<{ up_to: number | null; percent: number }> & { amount: Micros })[];
  /** The bands added up. */
  share: Micros;
  /** What is charged: the share, or the minimum when that is more. */
  amount: Micros;
  minimumApplies: boolean;
}

/** A share-of-spend price for a month in which the customer spent `spend` (micro-units). */
export function spendShare(
  price: Extract<Price, { model: 'share-of-spend' }>,
  spend: Micros,
  currency: string,
): SpendShare {
  if (!(spend >= 0) || !Number.isFinite(spend))
    throw new RangeError(`monthly spend must be 0 or more: ${spend}`);
  // Band limits are in the currency's major unit, as written in the data.
  const bands = price.bands.map((b) => ({
    ...b,
    up_to: b.up_to === null ? null : b.up_to * 1_000_000,
  }));
  const parts = graduatedParts(bands, spend).map((part, i) => ({
    ...part,
    band: price.bands[i]!,
    amount: roundToMinor(Math.round((part.units * part.band.percent) / 100), currency),
  }));
  const share = parts.reduce((sum, p) => sum + p.amount, 0);
  const minimum = roundToMinor(price.minimum, currency);
  return { parts, share, amount: Math.max(share, minimum), minimumApplies: minimum > share };
}

/** What a plan's price needs from the customer to be worked out. */
export interface PriceInput {
  /** Seats, for a per-seat price (at least the plan's minimum is charged). */
  seats?: number;
  /** Monthly product spend in micro-units, for a share-of-spend price. */
  spend?: Micros;
  /** Annual billing, where the plan offers a lower monthly price for it. */
  annual?: boolean;
}

/** The seats a per-seat price charges for: what the customer has, or the plan's minimum. */
export function chargedSeats(price: Extract<Price, { model: 'per-seat' }>, seats = 0): number {
  if (!(seats >= 0) || !Number.isInteger(seats))
    throw new RangeError(`seats must be a whole number, 0 or more: ${seats}`);
  return Math.max(seats, price.minimum_seats);
}

/**
 * The plan's price for one month, or null when it is priced on request. A `from` price gives
 * its starting amount; callers say "from".
 */
export function basePrice(price: Price, input: PriceInput, currency: string): Micros | null {
  const monthly = (p: { monthly: number; annual_monthly?: number }) =>
    input.annual && p.annual_monthly !== undefined ? p.annual_monthly : p.monthly;
  switch (price.model) {
    case 'contact-us':
      return null;
    case 'flat':
    case 'from':
      return roundToMinor(monthly(price), currency);
    case 'per-seat':
      return roundToMinor(monthly(price) * chargedSeats(price, input.seats), currency);
    case 'share-of-spend':
      return spendShare(price, input.spend ?? 0, currency).amount;
  }
}

/** A monthly amount to compare plans by, for ordering checks: per seat, at the minimum, or infinite on request. */
export function listPrice(price: Price): number {
  switch (price.model) {
    case 'contact-us':
      return Infinity;
    case 'share-of-spend':
      return price.minimum;
    default:
      return price.monthly;
  }
}
