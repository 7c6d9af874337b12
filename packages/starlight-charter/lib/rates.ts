import { percentOf, type Micros } from './money.ts';

/** An hourly rate after the retainer discount (in %), rounded to the currency's minor unit. */
export function retainerRate(hourly: Micros, discountPercent: number, currency: string): Micros {
  return hourly - percentOf(hourly, discountPercent, currency);
}
