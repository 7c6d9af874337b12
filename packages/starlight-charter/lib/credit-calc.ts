import type { CreditSchedule } from '../schemas/credits.ts';
import { creditFor, creditThreshold, describeBand, type CreditResult } from './credits.ts';
import { formatPercent } from './format.ts';
import { english, type Translate } from './i18n.ts';
import { formatMoney, type Micros, type MoneyFormat } from './money.ts';

/** The service-credit calculator's result in words, built on the same functions as the SLA page. */

/** A measured uptime for people, with enough digits that it never rounds onto a band edge. */
export function formatUptime(uptime: number, locale = 'en-US'): string {
  return formatPercent(uptime, locale, 6);
}

export interface ExplainedCredit extends CreditResult {
  /** One or two sentences saying why the credit is what it is. */
  explanation: string;
}

/** The credit for `uptime` on `schedule` with a monthly `fee`, with the reason in words. */
export function explainCredit(
  schedule: CreditSchedule,
  capPercent: number,
  uptime: number,
  fee: Micros,
  money: MoneyFormat,
  t: Translate = english,
): ExplainedCredit {
  const result = creditFor(schedule, capPercent, uptime, fee, money.currency);
  const { locale } = money;
  const shown = formatUptime(uptime, locale);
  const pct = (n: number) => formatUptime(n, locale);
  if (result.band === null) {
    const target = creditThreshold(schedule);
    return {
      ...result,
      explanation: t('charter.credit.noneDue', {
        uptime: shown,
        target: pct(target),
        schedule: schedule.name,
      }),
    };
  }
  const values = {
    uptime: shown,
    band: describeBand(result.band, locale, t),
    bandPercent: pct(result.bandPercent),
    cap: pct(capPercent),
    percent: pct(result.percent),
    fee: formatMoney(fee, money),
    amount: formatMoney(result.amount, money),
  };
  const explanation = result.capped
    ? t('charter.credit.explainedCapped', values)
    : t('charter.credit.explained', values);
  return { ...result, explanation };
}
