import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { explainCredit, formatUptime } from '../../../packages/starlight-charter/lib/credit-calc';
import {
  availabilityFromDowntime,
  minutesInMonth,
} from '../../../packages/starlight-charter/lib/downtime';
import { describeBand } from '../../../packages/starlight-charter/lib/credits';
import { messagesFor, translator } from '../../../packages/starlight-charter/lib/i18n';
import type { CreditSchedule } from '../../../packages/starlight-charter/schemas/credits';

const schedule: CreditSchedule = {
  id: 'test',
  name: 'Test',
  bands: [
    { at_least: 99.0, below: 99.5, credit: 10 },
    { at_least: 95.0, below: 99.0, credit: 50 },
    { at_least: 0, below: 95.0, credit: 100 },
  ],
};
const money = { currency: 'USD', locale: 'en-US' };
const fee = 8_999_000_000;

describe('explainCredit', () => {
  test.each([
    [99.2, 10, 'is at least 99% and below 99.5%, so the credit is 10% of $8,999.00 = $899.90.'],
    [99.0, 10, 'is at least 99% and below 99.5%'],
    [98.99, 50, 'is at least 95% and below 99%'],
    [99.5, 0, 'is at or above 99.5%, the top of the Test credit schedule, so no credit is due.'],
    [99.49, 10, 'is at least 99% and below 99.5%'],
    [100, 0, 'no credit is due'],
    [0, 100, '0% is below 95%, so the credit is 100% of $8,999.00 = $8,999.00.'],
  ])('explains %s%% as a %s%% credit', (uptime, percent, text) => {
    const result = explainCredit(schedule, 100, uptime, fee, money);
    expect(result.percent).toBe(percent);
    expect(result.explanation).toContain(text);
  });
  test('mentions the cap when it lowers the credit', () => {
    expect(explainCredit(schedule, 30, 90, 1_000_000_000, money).explanation).toBe(
      "90% is below 95%, so the band's credit is 100%; credits are capped at 30% of the monthly fee, so the credit is 30% of $1,000.00 = $300.00.",
    );
  });
  test('reads a downtime in February and in a 31-day month against the real month length', () => {
    // 216 minutes is exactly 0.5% of a 30-day month, but more than that of February and less of January.
    const feb = availabilityFromDowntime(216, minutesInMonth(2026, 2));
    const jan = availabilityFromDowntime(216, minutesInMonth(2026, 1));
    expect(explainCredit(schedule, 100, feb, fee, money).percent).toBe(10);
    expect(explainCredit(schedule, 100, jan, fee, money).percent).toBe(0);
    expect(
      explainCredit(
        schedule,
        100,
        availabilityFromDowntime(216, minutesInMonth(2026, 4)),
        fee,
        money,
      ).percent,
    ).toBe(0);
  });
  test('never shows an uptime that rounds onto a different band edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40320 }), (down) => {
        const uptime = availabilityFromDowntime(down, minutesInMonth(2026, 2));
        const shown = Number(formatUptime(uptime).replace('%', '').replaceAll(',', ''));
        return (
          explainCredit(schedule, 100, shown, fee, money).percent ===
          explainCredit(schedule, 100, uptime, fee, money).percent
        );
      }),
    );
  });
});

describe('explainCredit in the site’s language', () => {
  test('German: the locale file’s sentence with German numbers and money', () => {
    const euro = { currency: 'EUR', locale: 'de-DE' };
    const t = translator('de');
    const result = explainCredit(schedule, 30, 90, 1_000_000_000, euro, t);
    const pct = (n: number) => formatUptime(n, 'de-DE');
    const money = (n: number) =>
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(n);
    expect(result.explanation).toBe(
      t('charter.credit.explainedCapped', {
        uptime: pct(90),
        band: describeBand(result.band!, 'de-DE', t),
        bandPercent: pct(result.bandPercent),
        cap: pct(30),
        percent: pct(30),
        fee: money(1000),
        amount: money(300),
      }),
    );
    expect(result.explanation).toMatch(/ 1\.000,00\s€ = 300,00\s€\.$/);
    const none = explainCredit(schedule, 100, 99.9, 1_000_000_000, euro, translator('ja'));
    expect(none.explanation).toBe(
      messagesFor('ja')
        ['charter.credit.noneDue']!.replace('{{uptime}}', pct(99.9))
        .replace('{{target}}', pct(99.5))
        .replace('{{schedule}}', 'Test'),
    );
  });
});
