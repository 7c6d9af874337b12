import type { Catalog } from '../../packages/starlight-charter/data/load';
import { english, type Translate } from '../../packages/starlight-charter/lib/i18n';
import type { Allowance, Meter, Plan } from '../../packages/starlight-charter/schemas/pricing';

/**
 * What the pricing page and the cost calculator should say, worked out here from the data with
 * Intl directly and the charge rules written out again, so a test never takes its expectation
 * from the code it checks. Price models a data set in these tests does not use throw, so a new
 * one is noticed rather than checked against nothing. The words around the figures come from
 * the locale file of the page's language through `t` (English unless a spec passes its site's).
 */
export function expectations(catalog: Catalog, t: Translate = english) {
  const { locale, currency } = catalog.company;
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const MICROS = 1_000_000;
  const perMinor = MICROS / 10 ** digits;
  const currencyFormat = (min: number, max: number) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: min,
      maximumFractionDigits: max,
    });

  /** Minor units (cents) → "€1,234.50" with every minor digit, as a result line shows money. */
  const money = (minor: number) => currencyFormat(digits, digits).format(minor / 10 ** digits);
  /** Micro-units of a set price → "€99" (or "€99.50" when it has cents). */
  const price = (micros: number) =>
    micros % MICROS === 0
      ? currencyFormat(0, digits).format(micros / MICROS)
      : currencyFormat(digits, digits).format(micros / MICROS);
  /** A unit rate with the digits it needs: "$0.015". */
  const rate = (micros: number) => currencyFormat(digits, 6).format(micros / MICROS);
  const count = (n: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const word = (unit: { one: string; other: string }, n: number) =>
    new Intl.PluralRules(locale).select(n) === 'one' ? unit.one : unit.other;
  const amount = (unit: { one: string; other: string }, n: number) =>
    t('charter.price.amount', { amount: count(n), unit: word(unit, n) });
  /** " per month" as the pricing page and the cost calculator say it, in its language. */
  const pagePeriod = (meter: Meter) =>
    meter.resets === 'never'
      ? ''
      : t(
          meter.resets === 'month' ? 'charter.price.perMonthSuffix' : 'charter.price.perYearSuffix',
        );
  /** Half away from zero, to the minor unit, from micro-units. */
  const toMinor = (micros: number) => Math.sign(micros) * Math.round(Math.abs(micros) / perMinor);

  function priceText(plan: Plan): string {
    const p = plan.price;
    if (p.model === 'contact-us') return t('charter.price.contactUs');
    if (p.model === 'flat')
      return p.monthly === 0
        ? t('charter.price.free')
        : t('charter.price.perMonth', { price: price(p.monthly) });
    if (p.model === 'from') return t('charter.price.from', { price: price(p.monthly) });
    if (p.model === 'per-seat')
      return t('charter.price.perSeat', { price: price(p.monthly), seat: p.seat.one });
    throw new Error(`no expectation written for a ${p.model} price`);
  }

  function includedText(meter: Meter, a: Allowance): string {
    if (a.included === 'unlimited') return t('charter.price.unlimited', { unit: meter.unit.other });
    if (a.included === 0 && a.overage === undefined) return t('charter.price.notIncluded');
    return `${amount(meter.unit, a.included)}${pagePeriod(meter)}`;
  }

  function overageText(meter: Meter, a: Allowance): string {
    if (a.included === 'unlimited') return t('charter.price.noLimit');
    const o = a.overage;
    if (o === undefined)
      return a.included === 0
        ? t('charter.price.notAvailable')
        : t('charter.price.hardLimit', {
            amount: amount(meter.unit, a.included),
            period: pagePeriod(meter),
          });
    if (o.model === 'per-unit')
      return t('charter.price.perUnit', { price: rate(o.per_unit), unit: meter.unit.one });
    if (o.model === 'package')
      return t('charter.price.package', {
        price: price(o.price),
        amount: amount(meter.unit, o.size),
      });
    throw new Error('no expectation written for graduated overage');
  }

  /** Overage in minor units for `over` units above the included amount. */
  function overageMinor(a: Allowance, over: number): number {
    const o = a.overage!;
    if (over === 0) return 0;
    if (o.model === 'per-unit') return toMinor(Math.round(o.per_unit * over));
    if (o.model === 'package') return toMinor(o.price * Math.ceil(over / o.size));
    let rest = over;
    let from = 0;
    let micros = 0;
    for (const band of o.bands) {
      const size = band.up_to === null ? rest : Math.min(rest, band.up_to - from);
      micros += Math.round(band.per_unit * size);
      rest -= size;
      if (band.up_to !== null) from = band.up_to;
      if (rest <= 0) break;
    }
    return toMinor(micros);
  }

  interface Cost {
    /** Base price in minor units, null on request. */
    base: number | null;
    /** Overage per meter in minor units. */
    lines: Record<string, number>;
    /** Add-on charges in minor units, null on request. */
    addOns: Record<string, number | null>;
    /** Meters whose usage is above a hard limit. */
    blocked: string[];
    total: number | null;
  }

  /** One month on `plan`: the price, overage per meter, add-ons (id → quantity), hard limits. */
  function cost(
    plan: Plan,
    usage: Record<string, number>,
    addOns: Record<string, number> = {},
    annual = false,
  ): Cost {
    const p = plan.price;
    let base: number | null;
    if (p.model === 'contact-us') base = null;
    else if (p.model === 'flat' || p.model === 'from')
      base = toMinor(annual && p.annual_monthly !== undefined ? p.annual_monthly : p.monthly);
    else throw new Error(`no expectation written for a ${p.model} price`);
    const extra: Record<string, number> = {};
    const addOnLines: Record<string, number | null> = {};
    for (const [id, quantity] of Object.entries(addOns)) {
      const addOn = catalog.pricing.add_ons.find((a) => a.id === id)!;
      if (!addOn.available_for.includes(plan.id)) throw new Error(`${plan.id} cannot take ${id}`);
      const ap = addOn.price;
      addOnLines[id] =
        ap.model === 'contact-us'
          ? null
          : toMinor(ap.model === 'flat' ? ap.monthly : ap.per_unit * quantity);
      for (const [meter, n] of Object.entries(addOn.adds.included ?? {}))
        extra[meter] = (extra[meter] ?? 0) + n * (ap.model === 'per-unit' ? quantity : 1);
    }
    const lines: Record<string, number> = {};
    const blocked: string[] = [];
    for (const meter of catalog.pricing.meters) {
      const a = plan.usage[meter.id]!;
      const used = usage[meter.id] ?? 0;
      if (a.included === 'unlimited') {
        lines[meter.id] = 0;
        continue;
      }
      const over = Math.max(0, used - (a.included + (extra[meter.id] ?? 0)));
      if (over > 0 && a.overage === undefined) blocked.push(meter.id);
      lines[meter.id] = a.overage === undefined ? 0 : overageMinor(a, over);
    }
    const known = Object.values(addOnLines);
    const total =
      base === null || blocked.length > 0 || known.includes(null)
        ? null
        : base +
          Object.values(lines).reduce((s, x) => s + x, 0) +
          (known as number[]).reduce((s, x) => s + x, 0);
    return { base, lines, addOns: addOnLines, blocked, total };
  }

  /** Whether a plan takes this usage without add-ons (no hard limit passed). */
  const takes = (plan: Plan, usage: Record<string, number>) =>
    cost(plan, usage).blocked.length === 0;

  /**
   * The plan the calculator should name for usage a plan cannot take: the cheapest with a set
   * (not "from") price, ties to the lower tier, else the first plan listed that takes it.
   */
  function cheapestName(usage: Record<string, number>): string | null {
    const able = catalog.pricing.plans.filter((p) => takes(p, usage));
    let best: { plan: Plan; total: number } | null = null;
    for (const plan of able) {
      if (plan.price.model !== 'flat') continue;
      const total = cost(plan, usage).total!;
      if (best === null || total < best.total) best = { plan, total };
    }
    const plan = best?.plan ?? able[0];
    return plan ? catalog.tiers.tiers.find((t) => t.id === plan.tier)!.name : null;
  }

  /** The cost calculator's label for a meter's input. */
  const meterLabel = (meter: Meter) =>
    meter.unit.other.toLowerCase() === meter.name.toLowerCase()
      ? `${meter.name}${pagePeriod(meter)}`
      : `${meter.name}${pagePeriod(meter)} (${meter.unit.other})`;

  return {
    money,
    price,
    rate,
    count,
    amount,
    period: pagePeriod,
    priceText,
    includedText,
    overageText,
    cost,
    takes,
    cheapestName,
    meterLabel,
    tierName: (plan: Plan) => catalog.tiers.tiers.find((t) => t.id === plan.tier)!.name,
  };
}

/** A pattern for any amount of money in `currency` as `locale` writes it, to prove none is shown. */
export function moneyPattern(locale: string, currency: string): RegExp {
  const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency')!.value;
  return new RegExp(`${symbol.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&')}|\\d\\s?${currency}`);
}
