import { z } from 'astro/zod';

/** A section of the playbook: `sections/<id>.yaml`. Field descriptions feed docs/authoring.md. */
export const SectionSchema = z.strictObject({
  title: z.string().min(1).max(80).describe('Shown in navigation and as the section page’s heading, e.g. "The first conversation".'),
  order: z.number().int().min(0).max(1000).describe('Reading order among sections, lowest first.'),
  summary: z.string().min(1).max(400).describe('One or two sentences shown on the home page and the section page.'),
});

/** A validated section. */
export type Section = z.infer<typeof SectionSchema>;
