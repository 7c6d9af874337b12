import { z } from 'zod';
import {
  DateSchema,
  IdSchema,
  SiteUrlSchema,
  TextSchema,
  WebUrlSchema,
  type Localized,
} from './shared.ts';

/** An image beside the terms files (`logo.svg`, `brand/icon.png`): a path inside the folder. */
const ImageFileSchema = z
  .string()
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w./-]+\.(?:svg|png|jpe?g|webp|avif|ico)$/i, {
    error:
      'expected an image file in the terms folder, such as "logo.svg" (svg, png, jpg, webp, avif or ico)',
  });

/** A terms version: two or three whole numbers joined by dots, compared number by number. */
export const TermsVersionSchema = z
  .string({ error: 'expected a version like "1.0" or "2.3.1"' })
  .regex(/^\d+\.\d+(?:\.\d+)?$/, { error: 'expected a version like "1.0" or "2.3.1"' });

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
  /**
   * The version of the published terms, as contracts cite it: numbers joined by dots ("1.0",
   * "2.3", "2026.1"). A changed commercial figure needs a new version (`npm run terms:release`).
   */
  terms_version: TermsVersionSchema,
  /** The day these terms take effect (YYYY-MM-DD). */
  effective_date: DateSchema,
  /** ISO 4217 code; every amount in data/ is in this currency. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'expected a three-letter ISO currency code like "USD"' })
    .refine((code) => isKnownCurrency(code), { error: 'unknown currency code' }),
  /** BCP 47 locale for number, money and date formatting. */
  locale: z
    .string()
    .refine((tag) => isKnownLocale(tag), { error: 'expected a locale like "en-US"' }),
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
  /**
   * The logo in the site's header, from files in the terms folder: one for light and dark
   * themes, or a `dark` one as well. `replaces_title` shows the logo instead of the site's name.
   */
  logo: z.optional(
    z.strictObject({
      light: ImageFileSchema,
      dark: z.optional(ImageFileSchema),
      replaces_title: z.boolean().default(false),
    }),
  ),
  /** The site's icon, a file in the terms folder (svg, png or ico); a plain one otherwise. */
  favicon: z.optional(
    ImageFileSchema.refine((file) => /\.(?:svg|png|ico)$/i.test(file), {
      error: 'expected an svg, png or ico file',
    }),
  ),
});

function isKnownCurrency(code: string): boolean {
  try {
    return Intl.supportedValuesOf('currency').includes(code);
  } catch {
    return true;
  }
}

export function isKnownLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export type CompanyUserConfig = z.input<typeof CompanySchema>;
export type Company = Localized<z.output<typeof CompanySchema>>;
