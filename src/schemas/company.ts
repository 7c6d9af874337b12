import { z } from 'zod';
import { IdSchema, TextSchema } from './shared.ts';

/** data/company.yaml — read by the layout, social cards, prices (currency) and contacts. */
export const CompanySchema = z.strictObject({
  name: TextSchema,
  product: TextSchema,
  tagline: TextSchema,
  /** Absolute URL the site is published at; used for canonical and og:image URLs. */
  site_url: z.url({ error: 'expected an absolute URL like https://support.example.com' }),
  /** ISO 4217 code; every amount in data/ is in this currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'expected a three-letter ISO currency code like "USD"' })
    .refine((code) => isKnownCurrency(code), { error: 'unknown currency code' }),
  /** BCP 47 locale for number, money and date formatting. */
  locale: z.string().refine((tag) => isKnownLocale(tag), { error: 'expected a locale like "en-US"' }),
  brand_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like "#4f46e5"' }),
  contacts: z
    .array(
      z.strictObject({
        id: IdSchema,
        label: TextSchema,
        email: z.email({ error: 'expected an email address' }),
      }),
    )
    .min(1, { error: 'list at least one contact' }),
  status_page: z.url({ error: 'expected an absolute URL' }).optional(),
});

function isKnownCurrency(code: string): boolean {
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return true;
  }
}

function isKnownLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export type CompanyUserConfig = z.input<typeof CompanySchema>;
export type Company = z.output<typeof CompanySchema>;
