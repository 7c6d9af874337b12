import { describe, expect, test } from 'vitest';
import { PlanSchema, PricingFileSchema } from '../../../packages/starlight-charter/schemas/pricing';
import { ActionUrlSchema } from '../../../packages/starlight-charter/schemas/shared';
import { TierSchema } from '../../../packages/starlight-charter/schemas/tiers';

/** What the plan cards read from the data: a plan's button, the billing shown first, a tier's highlights. */

type Schema = {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { message: string; path: PropertyKey[] }[] };
  };
};
const issues = (schema: Schema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const ONLY = 'expected an https:// URL or a mailto: address';

describe('a call to action leads to an https:// page or a mailto: address', () => {
  test.each([
    'https://app.example.com/trial?plan=pro',
    'HTTPS://EXAMPLE.COM/Signup',
    'mailto:sales@example.com',
    'mailto:sales@example.com?subject=Pro%20plan',
  ])('accepts %s', (href) => {
    expect(issues(ActionUrlSchema, href)).toEqual([]);
  });

  test.each([
    ['http://example.com/trial', `http: is sent unencrypted; ${ONLY}`],
    ['javascript:alert(1)', `javascript: links are not allowed here; ${ONLY}`],
    ['tel:+4930123456', `tel: links are not allowed here; ${ONLY}`],
    ['data:text/html,hi', `data: links are not allowed here; ${ONLY}`],
    ['/contact/', `"/contact/" is not absolute; ${ONLY}`],
    ['contact', `"contact" is not absolute; ${ONLY}`],
    ['//evil.example.com', `"//evil.example.com" is a protocol-relative URL; ${ONLY}`],
    ['https://user:pw@example.com', `a URL must not carry a user name or password; ${ONLY}`],
    ['https:example.com', `"https:example.com" lacks the "//" before its host; ${ONLY}`],
    ['mailto:', `a mailto: link needs an address after "mailto:"; ${ONLY}`],
  ])('refuses %s', (href, message) => {
    expect(issues(ActionUrlSchema, href)).toEqual([`: ${message}`]);
  });

  const plan = (cta: unknown) => ({
    id: 'pro',
    tier: 'pro',
    price: { monthly: 10 },
    usage: {},
    cta,
  });

  test('on a plan: a label and an href, nothing else', () => {
    expect(
      issues(PlanSchema, plan({ label: 'Start a trial', href: 'https://x.example/t' })),
    ).toEqual([]);
    expect(PlanSchema.parse(plan(undefined)).cta).toBeUndefined();
    expect(issues(PlanSchema, plan({ href: 'https://x.example/t' }))).toEqual([
      'cta.label: expected text, or the text by language: { de: "…", en: "…" }',
    ]);
    expect(issues(PlanSchema, plan({ label: 'Go', href: 'ftp://x.example' }))).toEqual([
      `cta.href: ftp: links are not allowed here; ${ONLY}`,
    ]);
    expect(
      issues(PlanSchema, plan({ label: 'Go', href: 'https://x.example', kind: 'trial' })),
    ).toHaveLength(1);
  });
});

describe('billing_default', () => {
  const file = (price: unknown, billing_default?: unknown) => ({
    meters: [
      { id: 'calls', name: 'Calls', unit: { one: 'call', other: 'calls' }, resets: 'month' },
    ],
    plans: [{ id: 'pro', tier: 'pro', price, usage: { calls: { included: 1 } } }],
    usage_alerts: { soft: 80, hard: 90 },
    ...(billing_default === undefined ? {} : { billing_default }),
  });

  test('is monthly unless the data says annual', () => {
    expect(PricingFileSchema.parse(file({ monthly: 10 })).billing_default).toBe('monthly');
    expect(
      PricingFileSchema.parse(file({ monthly: 10, annual_monthly: 9 }, 'annual')).billing_default,
    ).toBe('annual');
  });

  test('annual needs a plan with an annual price, and nothing but the two words is taken', () => {
    expect(issues(PricingFileSchema, file({ monthly: 10 }, 'annual'))).toEqual([
      'billing_default: no plan has an annual_monthly price to show first; give one, or leave billing_default out',
    ]);
    expect(issues(PricingFileSchema, file({ monthly: 10 }, 'yearly'))).toEqual([
      'billing_default: expected "monthly" or "annual"',
    ]);
  });
});

describe('a tier’s highlights', () => {
  const tier = (highlights: unknown) => ({
    id: 'pro',
    name: 'Pro',
    summary: 'For teams.',
    coverage: 'Email',
    best_for: ['Teams'],
    highlights,
  });

  test('are one to four feature ids', () => {
    expect(issues(TierSchema, tier(['email', 'phone']))).toEqual([]);
    expect(TierSchema.parse(tier(undefined)).highlights).toBeUndefined();
    expect(issues(TierSchema, tier([]))).toEqual([
      'highlights: name at least one feature, or leave highlights out',
    ]);
    expect(issues(TierSchema, tier(['a', 'b', 'c', 'd', 'e']))).toEqual([
      'highlights: name at most four features: a card shows the few that sell the tier',
    ]);
    expect(issues(TierSchema, tier(['Email Support']))).toEqual([
      'highlights.0: expected a kebab-case id like "enterprise" or "sev1"',
    ]);
  });
});
