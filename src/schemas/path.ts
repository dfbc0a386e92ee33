import { z } from 'astro/zod';
import { IdSchema } from './common.ts';

const StepBase = {
  /** Why this step, in a sentence. */
  description: z.string().min(1).max(400),
  /** Overrides the title taken from what the step points at. */
  title: z.string().min(1).max(120).optional(),
};

/** One step of an onboarding path. */
export const PathStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('chapter'), ref: IdSchema, ...StepBase }),
  z.strictObject({ kind: z.literal('assessment'), ref: IdSchema, ...StepBase }),
  z.strictObject({ kind: z.literal('calculator'), ...StepBase }),
  z.strictObject({ kind: z.literal('task'), ...StepBase, title: z.string().min(1).max(120) }),
], { error: 'one of chapter, assessment, calculator, task' });

/** An onboarding path: `src/content/paths/<id>.yaml`. */
export const PathSchema = z.strictObject({
  /** @example "New rep: your first 30 days" */
  title: z.string().min(1).max(100),
  /** Who the path is for. */
  audience: z.enum(['rep', 'leader']),
  /** Order on the home page, lowest first. */
  order: z.number().int().min(0).max(1000),
  /** One or two sentences. */
  summary: z.string().min(1).max(400),
  /** The steps, in order. */
  steps: z.array(PathStepSchema).min(1).max(100),
});

/** A validated onboarding path. */
export type Path = z.infer<typeof PathSchema>;
/** One validated step of a path. */
export type PathStep = z.infer<typeof PathStepSchema>;
