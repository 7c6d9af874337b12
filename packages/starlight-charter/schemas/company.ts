import { z } from 'zod';
import { IdSchema, SiteUrlSchema, TextSchema, WebUrlSchema } from './shared.ts';

/** company.yaml — read by the layout, social cards, prices (currency) and contacts. */
export const CompanySchema = z.strictObject({
  name: TextSchema,
  product: TextSchema,
  tagline: TextSchema,
  /**
   * Absolute https:// URL the site is published at (http:// draws a lint warning); used for
   * canonical and og:image URLs. No query string or fragment: its path is the site's base path.
   */
  site_url: SiteUrlSchema,
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
  /** An https:// URL or a site path; not a contact, so no mailto: or tel:. */
  status_page: z.optional(WebUrlSchema),
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
