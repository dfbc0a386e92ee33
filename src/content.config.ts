import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { ChapterSchema } from './schemas/chapter.ts';
import { GlossaryTermSchema } from './schemas/glossary.ts';
import { PathSchema } from './schemas/path.ts';
import { SectionSchema } from './schemas/section.ts';
import { SiteSettingsSchema } from './schemas/site.ts';
import { contentDir } from './integrations/content-dir.ts';
import { checkedGlob, checkedYamlFile } from './integrations/checked-loaders.ts';

const root = contentDir();

export const collections = {
  site: defineCollection({
    loader: checkedYamlFile({ file: join(root, 'site.yaml'), id: 'site', schema: SiteSettingsSchema }),
    schema: SiteSettingsSchema,
  }),
  sections: defineCollection({
    loader: checkedGlob({ base: join(root, 'sections'), pattern: '*.{yaml,yml}', schema: SectionSchema }),
    schema: SectionSchema,
  }),
  playbook: defineCollection({
    loader: checkedGlob({ base: join(root, 'playbook'), pattern: '**/[^_]*.mdx', schema: ChapterSchema }),
    schema: ChapterSchema,
  }),
  glossary: defineCollection({
    loader: checkedGlob({ base: join(root, 'glossary'), pattern: '*.{yaml,yml}', schema: GlossaryTermSchema }),
    schema: GlossaryTermSchema,
  }),
  paths: defineCollection({
    loader: checkedGlob({ base: join(root, 'paths'), pattern: '*.{yaml,yml}', schema: PathSchema }),
    schema: PathSchema,
  }),
};
