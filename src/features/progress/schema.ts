import { z } from 'astro/zod';
import { PROGRESS_FORMAT, PROGRESS_LIMITS, PROGRESS_VERSION, isChapterId, isIsoDate, isStepKey } from './format.ts';
import { CONTROL_CHARS, hasOwnProtoKey } from '../../common/formats.ts';

/** A UTC time as `Date.toISOString()` writes it. @example "2026-03-01T09:30:00.000Z" */
const DoneAtSchema = z.string().refine(isIsoDate, 'a time such as "2026-03-01T09:30:00.000Z"');

/** A chapter id, as in the chapter's file name. @example "leads-versus-targets" */
const ChapterKeySchema = z.string().refine(isChapterId, `a chapter id of at most ${PROGRESS_LIMITS.chapterId} characters`);

/** `<path id>/<step>`, stable when a path is reordered. @example "new-rep-first-30-days/task-week-2-build-your-first-target-list-of-50-accounts" */
const StepKeySchema = z.string().refine(isStepKey, `a step key of at most ${PROGRESS_LIMITS.stepKey} characters`);

const atMost = (max: number) => (dates: Record<string, string>) => Object.keys(dates).length <= max;

// zod drops a "__proto__" key from records without a word; such a document was not written by this site.
const NoProtoKey = z.custom<unknown>((value) => !hasOwnProtoKey(value), 'no "__proto__" key');

/** The title of the chapter read last, kept so pages can name it without listing every chapter. */
const VisitedTitleSchema = z
  .string()
  .min(1)
  .max(PROGRESS_LIMITS.title)
  .refine((text) => !CONTROL_CHARS.test(text), 'a title without control characters');

/**
 * Reading progress as this browser stores it under `pb-progress:<base path>` and as "Export progress"
 * writes it to a file. Parsed at runtime by `parseProgressValue` (src/features/progress/parse.ts), which the unit
 * tests hold to exactly this schema.
 */
export const ProgressSchema = z.strictObject({
  /** Always `"pb-progress"`: tells progress apart from any other JSON. */
  format: z.literal(PROGRESS_FORMAT),
  /** The format version; a newer version is refused rather than misread. */
  version: z.literal(PROGRESS_VERSION),
  /** Chapters marked done, with the first time each was marked. @example { "beyond-bant": "2026-03-01T09:30:00.000Z" } */
  chapters: NoProtoKey.pipe(z.record(ChapterKeySchema, DoneAtSchema)).refine(atMost(PROGRESS_LIMITS.chapters), `at most ${PROGRESS_LIMITS.chapters} chapters`),
  /** Path steps other than chapters (assessments, the calculator, tasks) marked done, by step key. */
  steps: NoProtoKey.pipe(z.record(StepKeySchema, DoneAtSchema)).refine(atMost(PROGRESS_LIMITS.steps), `at most ${PROGRESS_LIMITS.steps} steps`),
  /**
   * Chapters and steps marked not done again, with when, so merging an older copy (an import) does not
   * bring them back: per item, the newer change wins. Optional.
   */
  undone: z
    .strictObject({
      chapters: NoProtoKey.pipe(z.record(ChapterKeySchema, DoneAtSchema)).refine(
        atMost(PROGRESS_LIMITS.chapters),
        `at most ${PROGRESS_LIMITS.chapters} chapters`,
      ),
      steps: NoProtoKey.pipe(z.record(StepKeySchema, DoneAtSchema)).refine(atMost(PROGRESS_LIMITS.steps), `at most ${PROGRESS_LIMITS.steps} steps`),
    })
    .optional(),
  /** The chapter opened most recently, for "Continue where you left off". Optional. */
  lastVisited: z.strictObject({ chapter: ChapterKeySchema, at: DoneAtSchema, title: VisitedTitleSchema.optional() }).optional(),
});

/** Reading progress: chapters and steps done, and the chapter read last. */
export type Progress = z.infer<typeof ProgressSchema>;
