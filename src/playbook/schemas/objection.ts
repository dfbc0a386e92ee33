import { z } from 'astro/zod';
import { IdSchema } from '../../common/schemas.ts';

/** The kinds of objection the library groups by, in the order the objections page lists them. */
export const OBJECTION_CATEGORIES = ['brush-off', 'timing', 'budget', 'status-quo', 'authority', 'need', 'trust', 'competitor'] as const;

/** An objection's category. */
export type ObjectionCategory = (typeof OBJECTION_CATEGORIES)[number];

/** One turn of an objection's example exchange. */
export const ExchangeLineSchema = z.strictObject({
  speaker: z.enum(['buyer', 'rep']).describe('Who says the line: `buyer` or `rep`.'),
  line: z.string().min(1).describe('What they say.'),
});

/** An objection in the library: `objections/<id>.yaml`; the id is its anchor on the objections page. */
export const ObjectionSchema = z.strictObject({
  objection: z.string().min(1).max(160).describe('The objection as the buyer says it, e.g. "We already work with a vendor for this."'),
  category: z.enum(OBJECTION_CATEGORIES).describe('The group it is listed under on the objections page.'),
  behind: z.string().min(1).max(500).describe('What usually sits behind it, in one to three sentences.'),
  response: z.string().min(1).max(700).describe('The response pattern in one to four sentences: acknowledge, ask, reframe, offer a small next step.'),
  exchange: z
    .array(ExchangeLineSchema)
    .min(2)
    .max(8)
    .describe('An example exchange of 2–8 lines, each `{ speaker, line }`; it may end without the buyer agreeing.'),
  chapter: IdSchema.describe('The id of the chapter to read next (it must exist).'),
});

/** A validated objection. */
export type Objection = z.infer<typeof ObjectionSchema>;
