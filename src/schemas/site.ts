import { z } from 'astro/zod';

/** Site settings: `src/content/site.yaml`. */
export const SiteSettingsSchema = z.strictObject({
  /** Shown in the header and in page titles. @example "Acme Prospecting Playbook" */
  name: z.string().min(1).max(60),
  /** A short line under the name on the home page. */
  tagline: z.string().min(1).max(140),
  /** Path of a logo image inside `public/` (SVG or PNG), or omit for a text-only header. @example "logo.svg" */
  logo: z
    .string()
    .regex(/^[\w./-]+\.(svg|png|webp)$/, 'a file name in public/ ending in .svg, .png or .webp, e.g. "logo.svg"')
    .refine((value) => !value.includes('..'), 'a file name inside public/ (no "..")')
    .optional(),
  /** Accent colour as a 6-digit hex code; links and buttons use it (contrast is adjusted for dark mode). @example "#1d4ed8" */
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a 6-digit hex colour such as "#1d4ed8"').default('#1d4ed8'),
  /** BCP 47 locale for numbers, money and dates. @example "en-US" */
  locale: z
    .string()
    .refine((value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    }, 'a BCP 47 locale such as "en-US" or "de-DE"')
    .default('en-US'),
  /** ISO 4217 currency code used by the calculator. @example "USD" */
  currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as "USD" or "EUR"').default('USD'),
});

/** Validated site settings. */
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
