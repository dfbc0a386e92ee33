/**
 * The progress format's constants and the checks of its parts: the leaf both the zod spec
 * (schema.ts) and the hand-written parser (parse.ts) build on, so neither imports the other.
 */
import { LIMITS } from '../../common/limits.ts';
import { CONTROL_CHARS, ISO_INSTANT, KEBAB_ID } from '../../common/formats.ts';

/** The `format` field of every progress document. */
export const PROGRESS_FORMAT = 'pb-progress';
/** The version of the progress format this site writes and reads. */
export const PROGRESS_VERSION = 1;

/** Bounds on a progress document, so stored or imported data can never grow without limit. */
export const PROGRESS_LIMITS = {
  /** Chapters marked done (large playbooks have thousands). */
  chapters: 10_000,
  /** Path steps marked done. */
  steps: 2000,
  /** Characters in a chapter id. */
  chapterId: LIMITS.chapterId,
  /** Characters in a step key (`<path id>/<step>`). */
  stepKey: 160,
  /** Characters in a path id, so every step key fits. */
  pathId: 80,
  /** Characters in a date. */
  date: 30,
  /** Characters in the title of the chapter read last. */
  title: 200,
  /** Characters of stored or imported text. */
  text: 1_000_000,
} as const;

/** A step key: `<path id>/<step>`, e.g. `new-rep-first-30-days/task-build-your-list`. */
export const STEP_KEY_PATTERN = new RegExp(`^${KEBAB_ID.source.slice(1, -1)}/${KEBAB_ID.source.slice(1, -1)}$`);

/** True for a chapter id that a progress document may hold. */
export function isChapterId(value: string): boolean {
  return value.length <= PROGRESS_LIMITS.chapterId && KEBAB_ID.test(value);
}

/** True for a step key that a progress document may hold. */
export function isStepKey(value: string): boolean {
  return value.length <= PROGRESS_LIMITS.stepKey && STEP_KEY_PATTERN.test(value);
}

/** True for a UTC time as `Date.toISOString()` writes it (milliseconds optional) that names a real moment. */
export function isIsoDate(value: string): boolean {
  if (value.length > PROGRESS_LIMITS.date || !ISO_INSTANT.test(value)) return false;
  const time = Date.parse(value);
  // Date.parse rolls 31 April over into May; a real date reads back unchanged.
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Whether `value` can be stored as the title of the chapter read last. */
export function isVisitedTitle(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= PROGRESS_LIMITS.title && !CONTROL_CHARS.test(value);
}
