import { z } from 'astro/zod';
import { IdSchema } from '../../common/schemas.ts';

const StepBase = {
  description: z.string().min(1).max(400).describe('Why this step, or what to do, in a sentence or two.'),
  title: z.string().min(1).max(120).optional().describe('Overrides the title taken from what the step points at (required for `task`).'),
};

/** One step of an onboarding path. */
export const OnboardingPathStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('chapter'), ref: IdSchema.describe('The chapter id.'), ...StepBase }),
    z.strictObject({ kind: z.literal('assessment'), ref: IdSchema.describe('The assessment id.'), ...StepBase }),
    z.strictObject({ kind: z.literal('check'), ref: IdSchema.describe('The chapter whose knowledge check must be passed.'), ...StepBase }),
    z.strictObject({ kind: z.literal('calculator'), ...StepBase }),
    z.strictObject({ kind: z.literal('task'), ...StepBase, title: z.string().min(1).max(120) }),
  ],
  { error: 'one of chapter, assessment, check, calculator, task' },
);

/** `all`, or a list of chapter ids. */
const AllOrIds = z.union([z.literal('all'), z.array(IdSchema).min(1).max(200)], { error: 'the word all, or a list of chapter ids' });

/** What completing a path requires, for its self-issued certificate. */
export const CertificationSchema = z.strictObject({
  title: z.string().min(1).max(100).describe('The certificate\'s title, e.g. "Certified: new rep onboarding".'),
  chapters: AllOrIds.describe('`all` chapter steps of the path, or a list of chapter ids that must be marked done.'),
  checks: AllOrIds.describe("`all` checks of the path's chapters, or a list of chapter ids whose check must be passed."),
  assessments: z
    .array(
      z.strictObject({
        id: IdSchema.describe('The assessment id.'),
        minScore: z.number().min(0).max(100).optional().describe('Lowest overall score (0–100) that counts; any finished result counts when left out.'),
      }),
    )
    .max(50)
    .default([])
    .describe('Assessments that must be finished, each `id` with an optional `minScore` (0–100).'),
});

/** A validated certification block. */
export type Certification = z.infer<typeof CertificationSchema>;

/** An onboarding path: `paths/<id>.yaml`. Field descriptions feed docs/authoring.md. */
export const OnboardingPathSchema = z.strictObject({
  title: z.string().min(1).max(100).describe('e.g. "New rep: your first 30 days".'),
  audience: z.enum(['rep', 'leader']).describe('Who the path is for: `rep` or `leader`.'),
  order: z.number().int().min(0).max(1000).describe('Order among paths, lowest first.'),
  summary: z.string().min(1).max(400).describe('One or two sentences.'),
  steps: z
    .array(OnboardingPathStepSchema)
    .min(1)
    .max(100)
    .describe(
      'The steps in order. Each has `kind` (`chapter`, `assessment`, `check`, `calculator` or `task`), `ref` (chapter or assessment id; for `check`, the chapter whose check must be passed), `description`, and `title` (required for tasks).',
    ),
  certification: CertificationSchema.optional().describe(
    'What completing the path requires, for its self-issued certificate: `title`, `chapters`, `checks`, `assessments`.',
  ),
});

/** A validated onboarding path. */
export type OnboardingPath = z.infer<typeof OnboardingPathSchema>;
/** One validated step of a path. */
export type OnboardingPathStep = z.infer<typeof OnboardingPathStepSchema>;
