import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import { toMicros } from '../../../packages/starlight-charter/lib/money';
import {
  checkDraft,
  emptyDraft,
  normalizeDraft,
  priceEngagement,
  QUOTE_VALID_DAYS,
  quoteDates,
  scheduleAmounts,
  schemaMessage,
  sowCatalog,
  validateEngagement,
} from '../../../packages/starlight-charter/lib/sow';
import { SowDraftSchema } from '../../../packages/starlight-charter/schemas/engagement';
import type { SowDraft } from '../../../packages/starlight-charter/schemas/engagement';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import { SAMPLE } from '../../support/sites';

const catalog = loadCatalog(SAMPLE.terms);
const cat = sowCatalog(catalog);
const { currency } = cat.company;
const roles = cat.services.rate_card;
const unit = 1_000_000;

/** A complete, valid draft; tests change one thing. */
function makeDraft(overrides: (d: SowDraft) => void = () => {}): SowDraft {
  const d = emptyDraft(cat);
  d.project.name = 'Pipeline';
  d.client.name = 'Client Co';
  d.provider_contact.name = 'Pat';
  d.dates = { start: '2027-03-01', end: '2027-06-30' };
  d.objectives = ['Ship it'];
  d.deliverables = [{ id: 'D1', name: 'Design', description: 'A design', due: '2027-04-01' }];
  d.phases = [{ name: 'Build', duration: '4 weeks', milestones: ['Done'] }];
  d.resources.provider = [
    { role: roles[0]!.id, name: '', hours: 10, allocation: null },
    { role: roles[1]!.id, name: '', hours: 2.5, allocation: 50 },
  ];
  overrides(d);
  return d;
}

describe('priceEngagement', () => {
  test('totals time and materials as the sum of rate-card rate x hours', () => {
    const totals = priceEngagement(makeDraft(), cat)!;
    expect(totals.lines.map((l) => l.amount)).toEqual([
      roles[0]!.hourly * 10,
      roles[1]!.hourly * 2.5,
    ]);
    expect(totals.subtotal).toBe(roles[0]!.hourly * 10 + roles[1]!.hourly * 2.5);
    expect(totals.total).toBe(totals.subtotal);
  });

  test('totals a fixed price from the amount, whatever the hours', () => {
    const totals = priceEngagement(
      makeDraft((d) => {
        d.pricing.model = 'fixed-price';
        d.pricing.amount = 48_000.5;
      }),
      cat,
    )!;
    expect(totals.subtotal).toBe(48_000.5 * unit);
    expect(totals.total).toBe(48_000.5 * unit);
  });

  test('totals a retainer as monthly hours x rate less the data discount, times months', () => {
    const { discount_percent, minimum_monthly_hours } = cat.services.retainer;
    const totals = priceEngagement(
      makeDraft((d) => {
        d.pricing.model = 'retainer';
        d.pricing.months = 6;
        d.resources.provider = [
          { role: roles[0]!.id, name: '', hours: minimum_monthly_hours, allocation: null },
        ];
      }),
      cat,
    )!;
    const gross = roles[0]!.hourly * minimum_monthly_hours;
    const monthly = gross - Math.round((gross * discount_percent) / 100 / 10_000) * 10_000;
    expect(totals.retainer).toEqual({
      hours: minimum_monthly_hours,
      gross,
      discountPercent: discount_percent,
      monthly,
      months: 6,
    });
    expect(totals.total).toBe(monthly * 6);
  });

  test.each([
    // amount, discount %, tax %, expected discount, tax and total in cents (worked by hand)
    {
      amount: 1000.05,
      discount: 7.5,
      tax: 8.25,
      cents: { discount: 7500, tax: 7632, total: 100137 },
    },
    { amount: 999.99, discount: 0, tax: 20, cents: { discount: 0, tax: 20000, total: 119999 } },
    { amount: 0.1, discount: 33.3333, tax: 0, cents: { discount: 3, tax: 0, total: 7 } },
    { amount: 200, discount: 12.5, tax: 0.5, cents: { discount: 2500, tax: 88, total: 17588 } },
  ])(
    'rounds a $discount% discount then $tax% tax on $amount to the cent',
    ({ amount, discount, tax, cents }) => {
      const totals = priceEngagement(
        makeDraft((d) => {
          d.pricing = {
            model: 'fixed-price',
            amount,
            months: null,
            discount_percent: discount,
            tax_percent: tax,
          };
        }),
        cat,
      )!;
      const toCents = (m: number) => m / 10_000;
      expect({
        discount: toCents(totals.discount),
        tax: toCents(totals.tax),
        total: toCents(totals.total),
      }).toEqual(cents);
    },
  );

  test.each([
    {
      what: 'a time-and-materials role without hours',
      change: (d: SowDraft) => (d.resources.provider[0]!.hours = null),
    },
    {
      what: 'a fixed price without an amount',
      change: (d: SowDraft) => (d.pricing.model = 'fixed-price'),
    },
    { what: 'a retainer without months', change: (d: SowDraft) => (d.pricing.model = 'retainer') },
    { what: 'an unknown pricing model', change: (d: SowDraft) => (d.pricing.model = 'barter') },
  ])('returns null for $what', ({ change }) => {
    expect(priceEngagement(makeDraft(change), cat)).toBeNull();
  });
});

describe('scheduleAmounts', () => {
  test.each([
    { total: 10, percents: [33.33, 33.33, 33.34], expected: [3.33, 3.33, 3.34] },
    { total: 0.1, percents: [33.33, 33.33, 33.34], expected: [0.03, 0.03, 0.04] },
    { total: 1000.01, percents: [30, 40, 30], expected: [300, 400, 300.01] },
    { total: 100, percents: [100], expected: [100] },
  ])(
    'splits $total by $percents with the remainder on the last payment',
    ({ total, percents, expected }) => {
      expect(scheduleAmounts(toMicros(total)!, percents, currency)).toEqual(
        expected.map((e) => toMicros(e)),
      );
    },
  );

  test('never gives a milestone a negative amount when shares round up', () => {
    // 6 cents split 5:5:1:1: rounding each share alone gives 3 + 3 + 1 + 1 = 8 cents.
    const weights = [5, 5, 1, 1];
    const percents = weights.map((w) => (w * 100) / 12);
    const amounts = scheduleAmounts(60_000, percents, currency);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(60_000);
    for (const a of amounts) expect(a).toBeGreaterThanOrEqual(0);
  });

  test('always adds up to the total exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (cents, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const percents = weights.map((w) => (w * 100) / sum);
          const total = cents * 10_000;
          const amounts = scheduleAmounts(total, percents, currency);
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const a of amounts) {
            expect(a).toBeGreaterThanOrEqual(0);
            expect(Math.abs(a % 10_000)).toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('checkDraft in the site’s language', () => {
  test.each(['de', 'ja'])('%s: each message is the locale file’s', (language) => {
    const words = messagesFor(language);
    const t = translator(language);
    const d = makeDraft();
    d.dates = { start: '2026-05-01', end: '2026-04-01' };
    d.pricing.model = 'no-such-model';
    const messages = checkDraft(d, cat, t).map((i) => i.message);
    expect(messages).toContain(words['charter.sow.endBeforeStart']);
    const models = cat.services.pricing_models.map((m) => m.id).join(', ');
    expect(messages).toContain(
      words['charter.sow.unknownModel']!.replace('{{model}}', 'no-such-model').replace(
        '{{models}}',
        models,
      ),
    );
  });
});

describe('checkDraft', () => {
  const messages = (d: SowDraft) =>
    checkDraft(d, cat).map((i) => `${i.path.join('.')}: ${i.message}`);

  test('accepts a complete draft', () => {
    expect(messages(makeDraft())).toEqual([]);
    expect(validateEngagement(normalizeDraft(makeDraft()), cat).issues).toEqual([]);
  });

  test.each([
    {
      what: 'a schedule under 100%',
      change: (d: SowDraft) =>
        (d.payment_schedule = [
          { milestone: 'A', percent: 50, due: '' },
          { milestone: 'B', percent: 40.5, due: '' },
        ]),
      expected: [
        'payment_schedule: the payment schedule adds up to 90.5%; it must add up to exactly 100%',
      ],
    },
    {
      what: 'a schedule over 100%',
      change: (d: SowDraft) =>
        (d.payment_schedule = [
          { milestone: 'A', percent: 60, due: '' },
          { milestone: 'B', percent: 60, due: '' },
        ]),
      expected: [
        'payment_schedule: the payment schedule adds up to 120%; it must add up to exactly 100%',
      ],
    },
    {
      what: 'an end date before the start',
      change: (d: SowDraft) => {
        d.dates.end = '2027-02-01';
        d.deliverables = [];
      },
      expected: ['dates.end: the end date must be after the start date'],
    },
    {
      what: 'a deliverable due after the end',
      change: (d: SowDraft) => (d.deliverables[0]!.due = '2027-07-01'),
      expected: [
        'deliverables.0.due: due date 2027-07-01 is outside the project (2027-03-01 to 2027-06-30)',
      ],
    },
    {
      what: 'a deliverable due before the start',
      change: (d: SowDraft) => (d.deliverables[0]!.due = '2027-02-28'),
      expected: [
        'deliverables.0.due: due date 2027-02-28 is outside the project (2027-03-01 to 2027-06-30)',
      ],
    },
    {
      what: 'a role that is not on the rate card',
      change: (d: SowDraft) => (d.resources.provider[0]!.role = 'astronaut'),
      expected: [
        `resources.provider.0.role: unknown rate-card role "astronaut"; expected one of: ${roles.map((r) => r.id).join(', ')}`,
      ],
    },
    {
      what: 'a retainer under the minimum monthly hours',
      change: (d: SowDraft) => {
        d.pricing.model = 'retainer';
        d.pricing.months = 3;
        d.resources.provider = [
          {
            role: roles[0]!.id,
            name: '',
            hours: cat.services.retainer.minimum_monthly_hours - 1,
            allocation: null,
          },
        ];
      },
      expected: [
        `resources.provider: a retainer reserves at least ${cat.services.retainer.minimum_monthly_hours} hours a month; these roles add up to ${cat.services.retainer.minimum_monthly_hours - 1}`,
      ],
    },
  ])('reports $what', ({ change, expected }) => {
    expect(messages(makeDraft(change))).toEqual(expected);
  });
});

describe('validateEngagement', () => {
  test('marks empty required fields as missing and keeps other problems', () => {
    const { engagement, issues } = validateEngagement(normalizeDraft(emptyDraft(cat)), cat);
    expect(engagement).toBeNull();
    const missing = issues.filter((i) => i.missing).map((i) => i.path.join('.'));
    expect(missing).toEqual(
      expect.arrayContaining(['project.name', 'client.name', 'dates.start', 'deliverables.0.name']),
    );
  });

  test('returns the engagement with money in micro-units when everything is right', () => {
    const d = makeDraft((x) => {
      x.pricing.model = 'fixed-price';
      x.pricing.amount = 1234.5;
    });
    expect(validateEngagement(normalizeDraft(d), cat).engagement?.pricing.amount).toBe(
      1234.5 * unit,
    );
  });
});

describe('quoteDates', () => {
  const DAY = 86_400_000;
  const later = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

  test('takes the dates the draft gives', () => {
    expect(quoteDates({ issued: '2027-02-08', valid_until: '2027-02-26' }, '2030-01-01')).toEqual({
      issued: '2027-02-08',
      validUntil: '2027-02-26',
    });
  });

  test('issues an undated quote today, valid for the standard number of days', () => {
    expect(QUOTE_VALID_DAYS).toBeGreaterThan(0);
    expect(quoteDates({ issued: '', valid_until: '' }, '2027-12-20')).toEqual({
      issued: '2027-12-20',
      validUntil: later('2027-12-20', QUOTE_VALID_DAYS),
    });
    expect(quoteDates({ issued: '2028-02-10', valid_until: ' ' }, '2030-01-01').validUntil).toBe(
      later('2028-02-10', QUOTE_VALID_DAYS),
    );
  });

  test('gives null for a date that is not a real one', () => {
    expect(quoteDates({ issued: '2027-02-30', valid_until: '' }, '2027-01-01')).toEqual({
      issued: null,
      validUntil: null,
    });
    expect(quoteDates({ issued: '', valid_until: 'next month' }, '2027-01-01')).toEqual({
      issued: '2027-01-01',
      validUntil: null,
    });
  });
});

describe('the quote of a draft', () => {
  const messages = (d: SowDraft) =>
    checkDraft(d, cat).map((i) => `${i.path.join('.')}: ${i.message}`);

  test('must stay valid until after it is issued', () => {
    const same = makeDraft((d) => (d.quote = { issued: '2027-02-08', valid_until: '2027-02-08' }));
    expect(messages(same)).toEqual([
      'quote.valid_until: the quote must stay valid until a day after it is issued',
    ]);
    const fine = makeDraft((d) => (d.quote = { issued: '2027-02-08', valid_until: '2027-02-09' }));
    expect(messages(fine)).toEqual([]);
  });

  test('rejects a date that is not a real one, at its field', () => {
    const bad = makeDraft((d) => (d.quote = { issued: '2027-02-29', valid_until: '' }));
    const { issues } = validateEngagement(normalizeDraft(bad), cat);
    expect(issues.map((i) => i.path.join('.'))).toContain('quote.issued');
  });

  test('a draft exported without a quote imports with the quote left to its defaults', () => {
    const { quote: _, ...older } = makeDraft();
    const parsed = SowDraftSchema.parse(older);
    expect(parsed.quote).toEqual({ issued: '', valid_until: '' });
  });
});

describe('schemaMessage', () => {
  const schema = readFileSync('packages/starlight-charter/schemas/engagement.ts', 'utf8');
  // Every message the engagement schema writes, as it writes it.
  const written = [...schema.matchAll(/(?:error: |atLeastOne\()'([^']+)'/g)].map((m) => m[1]!);
  test('knows every message the schema writes, in English as the schema says it', () => {
    expect(written.length).toBeGreaterThan(15);
    for (const message of written) expect(schemaMessage(message)).toBe(message);
    expect(schemaMessage('must be at most 4000 characters')).toBe(
      'must be at most 4000 characters',
    );
  });
  test('says each in German and Japanese, from the locale files', () => {
    for (const language of ['de', 'ja']) {
      const t = translator(language);
      for (const message of written) expect(schemaMessage(message, t), message).not.toBe(message);
    }
    expect(schemaMessage('must be at most 4000 characters', translator('de'))).toBe(
      translator('de')('charter.sowSchema.tooLong', { count: 4000 }),
    );
  });
  test('leaves a message it does not know as it is', () =>
    expect(schemaMessage('something else', translator('de'))).toBe('something else'));
});
