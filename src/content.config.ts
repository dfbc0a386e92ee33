import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { AssessmentSchema } from './features/assessments/schema.ts';
import { ChapterSchema } from './playbook/schemas/chapter.ts';
import { GlossaryTermSchema } from './playbook/schemas/glossary.ts';
import { PathSchema } from './playbook/schemas/onboarding-path.ts';
import { CalculatorDefaultsSchema } from './features/calculator/schema.ts';
import { SectionSchema } from './playbook/schemas/section.ts';
import { SiteSettingsSchema } from './playbook/schemas/site.ts';
import { contentDir } from './common/content-dir.ts';
import { LIMITS } from './common/limits.ts';
import { checkedGlob, checkedYamlFile } from './loaders/checked-loaders.ts';

const root = contentDir();
// A team's content folder may leave out the calculator defaults and keep the generator's own.
const calculatorDefaults = [join(root, 'calculator', 'defaults.yaml'), resolve('src/content/calculator/defaults.yaml')].find((f) => existsSync(f)) ?? join(root, 'calculator', 'defaults.yaml');

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
    loader: checkedGlob({ base: join(root, 'playbook'), pattern: '**/[^_]*.mdx', schema: ChapterSchema, maxId: LIMITS.chapterId }),
    schema: ChapterSchema,
  }),
  glossary: defineCollection({
    loader: checkedGlob({ base: join(root, 'glossary'), pattern: '*.{yaml,yml}', schema: GlossaryTermSchema }),
    schema: GlossaryTermSchema,
  }),
  assessments: defineCollection({
    loader: checkedGlob({ base: join(root, 'assessments'), pattern: '*.{yaml,yml}', schema: AssessmentSchema, maxId: LIMITS.assessmentId }),
    schema: AssessmentSchema,
  }),
  calculator: defineCollection({
    loader: checkedYamlFile({ file: calculatorDefaults, id: 'defaults', schema: CalculatorDefaultsSchema }),
    schema: CalculatorDefaultsSchema,
  }),
  paths: defineCollection({
    loader: checkedGlob({ base: join(root, 'paths'), pattern: '*.{yaml,yml}', schema: PathSchema }),
    schema: PathSchema,
  }),
};
