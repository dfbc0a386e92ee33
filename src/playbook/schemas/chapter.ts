import { z } from 'astro/zod';
import { AudienceSchema, IdSchema } from '../../common/schemas.ts';

/** Frontmatter of a playbook chapter: `playbook/<id>.mdx`. Field descriptions feed docs/authoring.md. */
export const ChapterSchema = z.strictObject({
  title: z.string().min(1).max(100).describe('The chapter’s heading and page title.'),
  description: z.string().min(1).max(200).describe('One sentence for lists, search results and the page description.'),
  section: IdSchema.describe('Id of the section the chapter belongs to: a file name in `sections/` without `.yaml`.'),
  order: z.number().int().min(0).max(10000).describe('Reading order inside its section, lowest first.'),
  audience: AudienceSchema.default('both').describe('Who the chapter is written for: `rep`, `leader` or `both`.'),
  related: z.array(IdSchema).max(6).default([]).describe('Ids of up to six related chapters, shown at the end of the chapter.'),
  draft: z.boolean().default(false).describe('A draft shows while writing (`npm run dev`) and is left out of every build.'),
});

/** Validated chapter frontmatter. */
export type Chapter = z.infer<typeof ChapterSchema>;
