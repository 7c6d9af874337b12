import type { CreditSchedule } from '../schemas/credits.ts';
import { creditFor, creditThreshold, describeBand, type CreditResult } from './credits.ts';
import { formatMoney, type Micros, type MoneyFormat } from './money.ts';

/** The service-credit calculator's result in words, built on the same functions as the SLA page. */

/** A measured uptime for people, with enough digits that it never rounds onto a band edge. */
export function formatUptime(uptime: number, locale = 'en-US'): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(uptime)}%`;
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
): ExplainedCredit {
  const result = creditFor(schedule, capPercent, uptime, fee, money.currency);
  const { locale } = money;
  const shown = formatUptime(uptime, locale);
  const pct = (n: number) => formatUptime(n, locale);
  if (result.band === null) {
    const target = creditThreshold(schedule);
    return {
      ...result,
      explanation: `${shown} is at or above ${pct(target)}, the top of the ${schedule.name} credit schedule, so no credit is due.`,
    };
  }
  const feeText = formatMoney(fee, money);
  const amountText = formatMoney(result.amount, money);
  const where = `${shown} is ${describeBand(result.band, locale)}`;
  const explanation = result.capped
    ? `${where}, so the band's credit is ${pct(result.bandPercent)}; credits are capped at ${pct(capPercent)} of the monthly fee, so the credit is ${pct(result.percent)} of ${feeText} = ${amountText}.`
    : `${where}, so the credit is ${pct(result.percent)} of ${feeText} = ${amountText}.`;
  return { ...result, explanation };
}
