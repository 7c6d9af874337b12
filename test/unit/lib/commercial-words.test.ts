import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../../packages/starlight-charter/data/load';
import {
  bestEffortCreditHint,
  bestEffortDowntimeText,
} from '../../../packages/starlight-charter/lib/best-effort';
import { describeTarget, weekdayNames } from '../../../packages/starlight-charter/lib/catalog';
import { describeBand } from '../../../packages/starlight-charter/lib/credits';
import { excludingHolidaysText } from '../../../packages/starlight-charter/lib/holidays';
import { translator } from '../../../packages/starlight-charter/lib/i18n';
import { availabilityCells, targetCells } from '../../../packages/starlight-charter/lib/published';
import { includedText, priceText } from '../../../packages/starlight-charter/lib/pricing-text';
import { termsVersionText } from '../../../packages/starlight-charter/lib/terms';
import de from '../../../packages/starlight-charter/translations/de.json' with { type: 'json' };
import ja from '../../../packages/starlight-charter/translations/ja.json' with { type: 'json' };
import { WEE } from '../../support/sites';

/**
 * The commercial pages' words in German and Japanese: every expectation is the locale file's
 * pattern filled with numbers, money and dates as Intl writes them, never a typed translation
 * (except the phrases that prove a duration reads naturally).
 */

const LANGUAGES = [
  { language: 'de', words: de as Record<string, string>, locale: 'de-DE' },
  { language: 'ja', words: ja as Record<string, string>, locale: 'ja-JP' },
];

/** A locale file's pattern with its `{{name}}` placeholders filled. */
function fill(pattern: string | undefined, values: Record<string, string>): string {
  if (pattern === undefined) throw new Error('no such text in the locale file');
  return pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
}

const number = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);
/**
 * A percentage below 1,000 as each language writes one: German with a decimal comma and a
 * no-break space before the sign, Japanese as English, "99.9%".
 */
const percentAs = (n: number, locale: string) =>
  locale.startsWith('de') ? `${String(n).replace('.', ',')}\u00a0%` : `${n}%`;

describe.each(LANGUAGES)('in $language', ({ language, words, locale }) => {
  const t = translator(language);

  test('a business-hours target is counted in business hours', () => {
    expect(describeTarget(8 * 60, 'business', t)).toBe(
      fill(words['charter.target.business'], {
        businessDuration: fill(words['charter.duration.businessHours_other'], {
          count: number(8, locale),
        }),
      }),
    );
  });

  test('a round-the-clock target says its clock', () => {
    expect(describeTarget(30, 'calendar', t)).toBe(
      fill(words['charter.target.calendar'], {
        duration: fill(words['charter.duration.minutes_other'], { count: number(30, locale) }),
      }),
    );
  });

  test('a credit band', () => {
    const percent = (n: number) => percentAs(n, locale);
    expect(describeBand({ at_least: 99, below: 99.9, credit: 10 }, locale, t)).toBe(
      fill(words['charter.credits.band'], { atLeast: percent(99), below: percent(99.9) }),
    );
    expect(describeBand({ at_least: 0, below: 95, credit: 50 }, locale, t)).toBe(
      fill(words['charter.credits.bandBelow'], { below: percent(95) }),
    );
  });

  test('prices, in the words around the amount', () => {
    const money = { currency: 'EUR', locale };
    const euros = (n: number) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: 0,
      }).format(n);
    expect(priceText({ model: 'flat', monthly: 89_000_000 }, money, t)).toBe(
      fill(words['charter.price.perMonth'], { price: euros(89) }),
    );
    expect(priceText({ model: 'flat', monthly: 0 }, money, t)).toBe(words['charter.price.free']);
    expect(priceText({ model: 'contact-us' }, money, t)).toBe(words['charter.price.contactUs']);
  });

  test('an included amount of a meter that starts again each month', () => {
    const meter = {
      id: 'tickets',
      name: 'Tickets',
      unit: { one: 'ticket', other: 'tickets' },
      resets: 'month',
    } as const;
    expect(includedText(meter as never, { included: 5000 }, locale, t)).toBe(
      fill(words['charter.price.amount'], { amount: number(5000, locale), unit: 'tickets' }) +
        words['charter.price.perMonthSuffix'],
    );
    expect(includedText(meter as never, { included: 'unlimited' }, locale, t)).toBe(
      fill(words['charter.price.unlimited'], { unit: 'tickets' }),
    );
  });

  test('the terms line', () => {
    const stamp = { terms_version: '1.0', effective_date: '2026-09-01', locale };
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2026, 8, 1),
    );
    expect(termsVersionText(stamp, t)).toBe(
      fill(words['charter.terms.versionEffective'], { version: '1.0', date }),
    );
  });

  test('holidays a schedule leaves out', () => {
    const text = excludingHolidaysText(
      { sets: [{ id: 'x', name: 'Feiertage' }], dates: [], years: [2026] } as never,
      t,
    );
    expect(text).toBe(
      fill(words['charter.holidays.excluding'], {
        list: 'Feiertage',
        listed: fill(words['charter.holidays.listedFor'], { years: '2026' }),
      }),
    );
  });
});

describe("WEE's published cells", () => {
  const wee = loadCatalog(WEE.terms);
  const t = translator('de');

  test('say a best-effort target in German', () => {
    const lowest = wee.tiers.tiers[0]!.id;
    const severity = wee.severities.severities[0]!.id;
    const cells = targetCells(wee, lowest, severity, t);
    // WEE's lowest tier promises no resolution time.
    expect(cells.resolution).toBe(de['charter.bestEffort.target']);
  });

  test('write an availability target as the locale writes a number', () => {
    const tier = wee.sla.tiers.find((s) => s.availability !== null)!;
    expect(availabilityCells(wee, tier.tier, t).availability).toBe(
      percentAs(tier.availability!, wee.company.locale),
    );
  });
});

test('weekday names come from Intl in the locale', () => {
  expect(weekdayNames('en-US').mon).toBe('Mon');
  expect(weekdayNames('de-DE').mon).toBe(
    new Intl.DateTimeFormat('de-DE', { weekday: 'short', timeZone: 'UTC' }).format(
      Date.UTC(2024, 0, 1),
    ),
  );
});

test('durations read naturally: the acceptance phrases', () => {
  expect(describeTarget(240, 'business', translator('de'))).toBe('4 Geschäftsstunden');
  expect(describeTarget(240, 'business', translator('ja'))).toBe('4営業時間');
  expect(describeTarget(240, 'business')).toBe('4 business hours');
});

describe('best-effort hints name the tiers as the locale lists them', () => {
  test.each(LANGUAGES)('in $language', ({ language, words, locale }) => {
    const t = translator(language);
    const names = ['Community', 'Hobby'];
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
    const many = new Intl.PluralRules(language).select(2);
    expect(bestEffortCreditHint(names, locale, t)).toBe(
      fill(words[`charter.credit.bestEffortHint_${many}`], { tiers: list }),
    );
    expect(bestEffortDowntimeText(['Community'], locale, t)).toBe(
      fill(words[`charter.downtime.bestEffortHint_${new Intl.PluralRules(language).select(1)}`], {
        tiers: 'Community',
      }),
    );
    expect(bestEffortCreditHint([], locale, t)).toBeNull();
  });

  test('English keeps its Oxford comma and its verb agreement', () => {
    expect(bestEffortCreditHint(['A', 'B', 'C'])).toBe(
      'A, B, and C have no availability target (best effort), so no service credits.',
    );
    expect(bestEffortCreditHint(['A'])).toBe(
      'A has no availability target (best effort), so no service credits.',
    );
  });
});
