import { z } from 'astro/zod';

/** A section of the playbook: `src/content/sections/<id>.yaml`. */
export const SectionSchema = z.strictObject({
  /** Shown in navigation and as the section page's heading. @example "The first conversation" */
  title: z.string().min(1).max(80),
  /** Reading order among sections, lowest first. @example 2 */
  order: z.number().int().min(0).max(1000),
  /** One or two sentences shown on the home page and the section page. */
  summary: z.string().min(1).max(400),
});

/** A validated section. */
export type Section = z.infer<typeof SectionSchema>;
