import { z } from 'astro/zod';

/** Site settings: `site.yaml`. Field descriptions feed docs/authoring.md. */
export const SiteSettingsSchema = z.strictObject({
  name: z.string().min(1).max(60).describe('Shown in the header and in page titles.'),
  tagline: z.string().min(1).max(140).describe('A short line under the name on the home page.'),
  logo: z
    .string()
    .regex(/^[\w./-]+\.(svg|png|webp)$/, 'a file name in public/ ending in .svg, .png or .webp, e.g. "logo.svg"')
    .refine((value) => !value.includes('..'), 'a file name inside public/ (no "..")')
    .optional()
    .describe('A logo image in `public/` (SVG, PNG or WebP), shown beside the name; leave out for a text-only header.'),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a 6-digit hex colour such as "#1d4ed8"')
    .default('#1d4ed8')
    .describe('Brand colour for links and buttons; it is darkened or lightened as needed to stay readable in both themes.'),
  locale: z
    .string()
    .refine((value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    }, 'a BCP 47 locale such as "en-US" or "de-DE"')
    .default('en-US')
    .describe('Language of the site and format of numbers, money and dates, e.g. "en-GB".'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as "USD" or "EUR"')
    .default('USD')
    .describe('ISO 4217 code the calculator shows money in, e.g. "EUR".'),
  outboundLinks: z
    .enum(['allow', 'forbid'])
    .default('allow')
    .describe('`allow`: links out of the site are kept and marked as leaving it; `forbid`: a chapter linking out of the site fails the build.'),
});

/** Validated site settings. */
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;
