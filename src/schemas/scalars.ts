import * as z from 'zod/mini';

/*
 * The scalar schemas the SOW generator also checks in the browser, written with zod/mini so
 * its page loads only the parts of zod they use (zod's full API comes whole). Every other
 * schema composes them as it does any other (zod and zod/mini schemas mix freely).
 */

/** A stable kebab-case identifier, e.g. `enterprise` or `sev-1`. */
export const IdSchema = z.string({ error: 'expected an id (kebab-case text)' }).check(
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'expected a kebab-case id like "enterprise" or "sev1"',
  }),
);

/** A percentage as a number between 0 and 100, e.g. `99.95`. */
export const PercentSchema = z
  .number({ error: 'expected a percentage as a number, e.g. 99.9' })
  .check(
    z.minimum(0, { error: 'a percentage must be at least 0' }),
    z.maximum(100, { error: 'a percentage must be at most 100' }),
  );

/**
 * An amount of money in the company currency, as a decimal (`3499`, `0.015`).
 * Parsed to integer micro-units (millionths of the major unit) so sums never drift.
 */
export const MoneySchema = z.pipe(
  z.number({ error: 'expected an amount of money as a number, e.g. 3499 or 0.015' }).check(
    z.minimum(0, { error: 'an amount of money must not be negative' }),
    z.maximum(1e9, { error: 'an amount of money must be below 1,000,000,000' }),
    z.refine(
      (n) =>
        Number.isInteger(Math.round(n * 1e6)) && Math.abs(n * 1e6 - Math.round(n * 1e6)) < 1e-3,
      { error: 'an amount of money may have at most 6 decimal places' },
    ),
  ),
  z.transform((n: number) => Math.round(n * 1e6)),
);

export type Id = z.output<typeof IdSchema>;
