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
    z.strictObject({ kind: z.literal('calculator'), ...StepBase }),
    z.strictObject({ kind: z.literal('task'), ...StepBase, title: z.string().min(1).max(120) }),
  ],
  { error: 'one of chapter, assessment, calculator, task' },
);

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
    .describe('The steps in order. Each has `kind` (`chapter`, `assessment`, `calculator` or `task`), `ref` (chapter or assessment id), `description`, and `title` (required for tasks).'),
});

/** A validated onboarding path. */
export type OnboardingPath = z.infer<typeof OnboardingPathSchema>;
/** One validated step of a path. */
export type OnboardingPathStep = z.infer<typeof OnboardingPathStepSchema>;
