import { z } from 'astro/zod';
import { AudienceSchema, IdSchema } from './common.ts';

/** Frontmatter of a playbook chapter: `src/content/playbook/<id>.mdx`. */
export const ChapterSchema = z.strictObject({
  /** The chapter's heading and page title. @example "Leads are not targets" */
  title: z.string().min(1).max(100),
  /** One sentence for lists, search results and the meta description (at most 200 characters). */
  description: z.string().min(1).max(200),
  /** Id of the section the chapter belongs to (a file name in `sections/` without `.yaml`). @example "foundations" */
  section: IdSchema,
  /** Reading order inside its section, lowest first. @example 2 */
  order: z.number().int().min(0).max(10000),
  /** Who the chapter is written for: `rep`, `leader` or `both`. @default "both" */
  audience: AudienceSchema.default('both'),
  /** Ids of up to six related chapters, shown at the end of the chapter. @default [] */
  related: z.array(IdSchema).max(6).default([]),
  /** A draft is left out of the built site (it still shows with `npm run dev`). @default false */
  draft: z.boolean().default(false),
});

/** Validated chapter frontmatter. */
export type Chapter = z.infer<typeof ChapterSchema>;
