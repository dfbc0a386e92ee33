import { join } from 'node:path';
import type { z } from 'astro/zod';
import { defineCollection } from 'astro:content';
import { AssessmentSchema } from './features/assessments/schema.ts';
import { ChapterSchema } from './playbook/schemas/chapter.ts';
import { GlossaryTermSchema } from './playbook/schemas/glossary.ts';
import { ObjectionSchema } from './playbook/schemas/objection.ts';
import { OnboardingPathSchema } from './playbook/schemas/onboarding-path.ts';
import { CalculatorDefaultsSchema } from './features/calculator/schema.ts';
import { KnowledgeCheckSchema } from './features/checks/schema.ts';
import { SectionSchema } from './playbook/schemas/section.ts';
import { SiteSettingsSchema } from './playbook/schemas/site.ts';
import { contentDir, contentFile } from './common/content-dir.ts';
import { LIMITS } from './common/limits.ts';
import { checkedGlob, checkedYamlFile } from './loaders/checked-loaders.ts';
import { ASSESSMENT_ROUTE } from './loaders/assessment-file.ts';
import { renderedMdx } from './loaders/mdx-loader.ts';

const root = contentDir();

/** How a folder's entries are checked besides their schema. */
interface FolderRules {
  /** The folder may be left out: the collection is then empty, quietly. Without it, a missing folder fails the build. */
  optional?: boolean;
  /** Each entry's `id` must be its file name; the site folder its pages live in. */
  idRoute?: string;
  /** The longest file name (the id the browser stores progress under). */
  maxId?: number;
}

/** A folder of entries, each checked against `schema` and `rules`. */
const folder = <S extends z.ZodType>(name: string, pattern: string, schema: S, rules: FolderRules = {}) =>
  defineCollection({ loader: checkedGlob({ base: join(root, name), pattern, schema, ...rules }), schema });

/** One YAML file (its full path) as a single entry. */
const single = <S extends z.ZodType>(file: string, id: string, schema: S) => defineCollection({ loader: checkedYamlFile({ file, id, schema }), schema });

export const collections = {
  site: single(join(root, 'site.yaml'), 'site', SiteSettingsSchema),
  sections: folder('sections', '*.{yaml,yml}', SectionSchema),
  // Chapters are rendered once here and kept in the content layer's cache, not compiled into a module
  // each (src/loaders/mdx-loader.ts). CHAPTER_RENDERING=modules renders them with Astro's MDX modules
  // instead; the build tests check that both write the same pages.
  playbook: defineCollection({
    loader:
      process.env['CHAPTER_RENDERING'] === 'modules'
        ? checkedGlob({ base: join(root, 'playbook'), pattern: '**/[^_]*.mdx', schema: ChapterSchema, maxId: LIMITS.chapterId })
        : renderedMdx(checkedGlob({ base: join(root, 'playbook'), pattern: '**/[^_]*.mdx', schema: ChapterSchema, maxId: LIMITS.chapterId }), {
            glossaryDir: join(root, 'glossary'),
            calculatorDefaults: contentFile('calculator/defaults.yaml', root),
            siteSettings: join(root, 'site.yaml'),
          }),
    schema: ChapterSchema,
  }),
  // Only the sections and chapters are required; a team's playbook may leave out any of the other folders.
  glossary: folder('glossary', '*.{yaml,yml}', GlossaryTermSchema, { optional: true }),
  assessments: folder('assessments', '*.{yaml,yml}', AssessmentSchema, { optional: true, idRoute: ASSESSMENT_ROUTE, maxId: LIMITS.assessmentId }),
  // A team's content folder may leave out the calculator defaults and keep the generator's own.
  calculator: single(contentFile('calculator/defaults.yaml', root), 'defaults', CalculatorDefaultsSchema),
  checks: folder('checks', '*.{yaml,yml}', KnowledgeCheckSchema, { optional: true }),
  paths: folder('paths', '*.{yaml,yml}', OnboardingPathSchema, { optional: true }),
  objections: folder('objections', '*.{yaml,yml}', ObjectionSchema, { optional: true }),
};
