import { z } from 'astro/zod';
import { IdSchema } from './common.ts';

/** A glossary term: `src/content/glossary/<id>.yaml`; the id is the term's anchor on the glossary page. */
export const GlossaryTermSchema = z.strictObject({
  /** The term as displayed. @example "Sales development representative (SDR)" */
  term: z.string().min(1).max(100),
  /** One to three plain sentences. */
  definition: z.string().min(1).max(800),
  /** Ids of chapters that explain the term further. @default [] */
  related: z.array(IdSchema).max(6).default([]),
});

/** A validated glossary term. */
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
