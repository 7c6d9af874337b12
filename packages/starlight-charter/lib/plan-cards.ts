import type { Catalog } from '../data/load.ts';
import type { Company } from '../schemas/company.ts';
import type { Feature } from '../schemas/features.ts';
import type { Allowance, BillingPeriod, Meter, Plan, Price } from '../schemas/pricing.ts';
import type { Tier } from '../schemas/tiers.ts';
import { moneyFormat, tierById } from './catalog.ts';
import { allowanceOf } from './cost.ts';
import { featureValueText } from './features.ts';
import { formatPercent } from './format.ts';
import { formatPrice, type Micros, type MoneyFormat } from './money.ts';
import { english, type Translate } from './i18n.ts';
import { includedText, priceText } from './pricing-text.ts';

/**
 * What the pricing page's plan cards say: each plan's price billed monthly and billed
 * annually, the saving between them, what it includes, the features that sell its tier and
 * where its button leads. Every word comes from the data or the pricing text helpers.
 */

/** A card shows this many highlighted features at most. */
export const MAX_HIGHLIGHTS = 4;

/** The lower monthly price of annual billing, where the plan offers it. */
export function annualMonthly(price: Price): Micros | undefined {
  return 'annual_monthly' in price ? price.annual_monthly : undefined;
}

/**
 * How much less annual billing costs than monthly billing, as a whole percentage of the monthly
 * price, rounded down so the card never promises more than the reader saves (10.9 % → 10);
 * null when there is no saving of at least 1 %, no annual price, or nothing to save on.
 */
export function annualSavingPercent(monthly: Micros, annual: Micros | undefined): number | null {
  if (annual === undefined || monthly <= 0 || annual >= monthly) return null;
  // Whole micro-units, in BigInt: the product can pass 2^53 for the largest prices.
  const percent = Number((BigInt(monthly - annual) * 100n) / BigInt(monthly));
  return percent >= 1 ? percent : null;
}

/** The saving of a plan's price billed annually, or null (see annualSavingPercent). */
export function planSavingPercent(price: Price): number | null {
  return 'monthly' in price ? annualSavingPercent(price.monthly, annualMonthly(price)) : null;
}

/** A price's words split around its amount, so the amount can be set large: "From ", "€299", " per month". */
export interface PriceParts {
  before: string;
  amount: string;
  after: string;
}

/** `text` around the first `amount` in it; the whole text is the amount when it has none ("Free"). */
export function splitAmount(text: string, amount: string | null): PriceParts {
  const at = amount === null ? -1 : text.indexOf(amount);
  if (at < 0 || amount === null) return { before: '', amount: text, after: '' };
  return { before: text.slice(0, at), amount, after: text.slice(at + amount.length) };
}

/** One way of billing a plan, as its card shows it. */
export interface CardPrice {
  /** priceText() of the rate billed this way: "€89 per month", "Free", "Contact us". */
  text: string;
  parts: PriceParts;
}

function cardPrice(price: Price, money: MoneyFormat, t: Translate): CardPrice {
  const text = priceText(price, money, t);
  const amount =
    'monthly' in price && price.monthly > 0
      ? formatPrice(price.monthly, money)
      : price.model === 'share-of-spend'
        ? formatPrice(price.minimum, money)
        : null;
  return { text, parts: splitAmount(text, amount) };
}

/**
 * A meter's included amount as a card lists it: the amount alone when its unit is the meter's
 * name ("500 tickets per month"), else after the meter's name ("Storage: 5 TB per month",
 * "Restores: Not included").
 */
export function includedLine(
  meter: Meter,
  allowance: Allowance,
  locale: string,
  t: Translate = english,
): string {
  const text = includedText(meter, allowance, locale, t);
  const namesMeter =
    meter.unit.other.toLowerCase() === meter.name.toLowerCase() &&
    !(allowance.included === 0 && allowance.overage === undefined);
  return namesMeter ? text : t('charter.planCards.included', { meter: meter.name, text });
}

/**
 * The features a tier's card names: its `highlights` in their order, or else the first
 * MAX_HIGHLIGHTS in features.yaml that the tier has (any value but "no").
 */
export function highlightedFeatures(tier: Tier, features: readonly Feature[]): Feature[] {
  if (tier.highlights !== undefined)
    return tier.highlights.map((id) => {
      const feature = features.find((f) => f.id === id);
      if (!feature) throw new Error(`Charter: feature "${id}" is not defined in the data.`);
      return feature;
    });
  return features.filter((f) => f.values[tier.id] !== 'no').slice(0, MAX_HIGHLIGHTS);
}

/** "Email support", "Custom development (add-on)" or "24/7 coverage: Severity 1 only". */
export function highlightText(feature: Feature, tierId: string, t: Translate = english): string {
  const value = feature.values[tierId];
  if (value === undefined || value === 'yes' || value === 'included') return feature.name;
  if (value === 'add-on') return t('charter.planCards.addOn', { feature: feature.name });
  return t('charter.planCards.featureValue', {
    feature: feature.name,
    value: featureValueText(value, t),
  });
}

/** The contact a card's default button writes to: the one with id `sales`, else the first. */
export function salesContact(company: Company): Company['contacts'][number] {
  return company.contacts.find((c) => c.id === 'sales') ?? company.contacts[0]!;
}

/** Where a card's button leads and what it says. */
export interface CallToAction {
  label: string;
  href: string;
  /** Where it leads as a printout says it: the email address of a mailto: link, else the URL. */
  address: string;
}

/** "sales@example.com" for `mailto:sales@example.com?subject=…`, the URL itself for a web link. */
export function linkAddress(href: string): string {
  if (!/^mailto:/i.test(href)) return href;
  return decodeURIComponent(href.slice('mailto:'.length).split('?')[0]!);
}

/**
 * The plan's own `cta`, or an email to sales with the plan in its subject: "Contact sales"
 * (or "Contact <label>" when the company has no sales contact).
 */
export function callToAction(
  plan: Plan,
  planName: string,
  company: Company,
  t: Translate = english,
): CallToAction {
  if (plan.cta) return { ...plan.cta, address: linkAddress(plan.cta.href) };
  const contact = salesContact(company);
  const label =
    contact.id === 'sales'
      ? t('charter.planCards.contactSales')
      : t('charter.planCards.contact', { label: contact.label });
  const subject = t('charter.planCards.subject', { plan: planName });
  const href = `mailto:${contact.email}?subject=${encodeURIComponent(subject)}`;
  return { label, href, address: contact.email };
}

export interface PlanCard {
  id: string;
  tierId: string;
  name: string;
  summary: string;
  bestFor: string[];
  monthly: CardPrice;
  /** The price billed annually; null when the plan offers no annual price. */
  annual: CardPrice | null;
  /** "10%" off when billed annually, or null. */
  saving: string | null;
  included: string[];
  highlights: string[];
  cta: CallToAction;
}

export function planCard(catalog: Catalog, plan: Plan, t: Translate = english): PlanCard {
  const tier = tierById(catalog, plan.tier);
  const money = moneyFormat(catalog);
  const { locale } = money;
  const yearly = annualMonthly(plan.price);
  const saving = planSavingPercent(plan.price);
  return {
    id: plan.id,
    tierId: tier.id,
    name: tier.name,
    summary: tier.summary,
    bestFor: [...tier.best_for],
    monthly: cardPrice(plan.price, money, t),
    // The same wording as the monthly price, at the lower rate (as the comparison table says it).
    annual:
      yearly === undefined
        ? null
        : cardPrice({ ...plan.price, monthly: yearly } as Price, money, t),
    saving: saving === null ? null : formatPercent(saving, locale),
    included: catalog.pricing.meters.map((m) =>
      includedLine(m, allowanceOf(plan, m.id), locale, t),
    ),
    highlights: highlightedFeatures(tier, catalog.features.features).map((f) =>
      highlightText(f, tier.id, t),
    ),
    cta: callToAction(plan, tier.name, catalog.company, t),
  };
}

/** The monthly/annual switch: shown only when a plan has an annual price. */
export interface BillingSwitch {
  shown: boolean;
  /** Which prices show first: the data's billing_default. */
  initial: BillingPeriod;
  /** "save 10%", or "save up to 12%" when plans save different shares; null when none saves. */
  saving: string | null;
}

export function billingSwitch(catalog: Catalog, t: Translate = english): BillingSwitch {
  const { plans, billing_default } = catalog.pricing;
  const savings = plans
    .map((p) => planSavingPercent(p.price))
    .filter((s): s is number => s !== null);
  const best = Math.max(...savings);
  const percent = formatPercent(best, catalog.company.locale);
  const upTo = savings.some((s) => s !== best);
  return {
    shown: plans.some((p) => annualMonthly(p.price) !== undefined),
    initial: billing_default,
    saving: savings.length
      ? t(upTo ? 'charter.planCards.saveUpTo' : 'charter.planCards.save', { percent })
      : null,
  };
}
