import { z } from 'astro/zod';
import { IdSchema } from '../../common/schemas.ts';

/** A glossary term: `glossary/<id>.yaml`; the id is the term's anchor on the glossary page. */
export const GlossaryTermSchema = z.strictObject({
  term: z.string().min(1).max(100).describe('The term as displayed, e.g. "Sales development representative (SDR)".'),
  definition: z.string().min(1).max(800).describe('One to three plain sentences.'),
  related: z.array(IdSchema).max(6).default([]).describe('Ids of chapters that explain the term further.'),
});

/** A validated glossary term. */
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
