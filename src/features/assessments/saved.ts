/**
 * What this browser keeps for each self-assessment: the answers given so far (saved on every
 * change, so a reload or a return next week resumes), whether the last run was finished, an
 * optional name for exports, and a dated history of finished results.
 *
 * Stored under `pb-assessment:<id>` in localStorage (store.ts) and read back through
 * `SavedAssessmentSchema`. Storage is outside input (another tab, an old version of the site, a
 * person editing it), so a value that is not valid is dropped whole; answers that no longer fit the
 * assessment (a question removed, fewer options) are dropped one by one.
 *
 * zod/mini rather than `astro/zod`: this runs on every assessment page, and the full zod API costs
 * about 25 KB gzipped against a 30 KB page budget; zod/mini costs about 6 KB. In the browser this
 * module is loaded through store.ts, which sets zod's `jitless` first.
 */
import * as z from 'zod/mini';
import type { Assessment } from './schema.ts';
import { ISO_INSTANT, KEBAB_ID, hasOwnProtoKey } from '../../common/formats.ts';
import { LIMITS } from '../../common/limits.ts';
import { ok, refuse, type Problem, type Result } from '../../common/problems.ts';
import { droppedAnswers, savedRefusal } from './wording.ts';

/** The version of the stored format this code writes and reads. */
export const SAVED_VERSION = 1;
/** Most finished results kept per assessment; the oldest are dropped first. */
export const MAX_HISTORY = 50;
/** Longest stored text read back, in characters (a full history is well under this). */
export const MAX_SAVED_CHARS = 200_000;

const QuestionIdSchema = z.string().check(z.maxLength(LIMITS.questionId), z.regex(KEBAB_ID));
const DateSchema = z.string().check(
  z.maxLength(30),
  z.refine((text) => ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text)), 'a date-time such as 2025-03-04T09:30:00.000Z'),
);
/** Question id → index of the chosen option. zod's record silently leaves out a `__proto__` key; stored answers carrying one are refused instead. */
const AnswersSchema = z.pipe(
  z.unknown().check(z.refine((value) => !hasOwnProtoKey(value), 'answers keyed by question id')),
  z.record(QuestionIdSchema, z.int().check(z.minimum(0), z.maximum(99))),
);

/** One finished result in the history: when, the answers, and the score and band as shown then. */
export const HistoryEntrySchema = z.strictObject({
  /** When it was finished (ISO date-time, UTC). */
  takenAt: DateSchema,
  /** The answers it was scored from. */
  answers: AnswersSchema,
  /** Overall score 0-100, as shown when it was finished. */
  overall: z.int().check(z.minimum(0), z.maximum(100)),
  /** The band label shown when it was finished. */
  band: z.string().check(z.maxLength(LIMITS.bandLabel)),
});

/** Everything kept for one assessment in this browser. */
export const SavedAssessmentSchema = z.strictObject({
  /** Stored format version, currently 1. */
  version: z.literal(SAVED_VERSION),
  /** Answers given so far (the current run). */
  answers: AnswersSchema,
  /** Set when the current run was finished and its result shown; cleared by a retake. */
  finishedAt: z.optional(DateSchema),
  /** Optional name the person typed, put into exported results. */
  name: z.optional(z.string().check(z.maxLength(80))),
  /** Finished results, oldest first (at most `MAX_HISTORY`). */
  history: z.array(HistoryEntrySchema).check(z.maxLength(MAX_HISTORY)),
});

/** Everything kept for one assessment in this browser. */
export type SavedAssessment = z.output<typeof SavedAssessmentSchema>;
/** One finished result in the history. */
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;

/** Nothing answered, nothing finished. */
export const EMPTY_SAVED: SavedAssessment = Object.freeze({ version: SAVED_VERSION, answers: {}, history: [] });

/** Stored state that fits the assessment, and how many stored answers had to be dropped for it. */
export interface SavedFit {
  saved: SavedAssessment;
  dropped: number;
}

// Stored state is this site's own: a person is not told what each field should be, only where it broke.
const unexpected = (field: string): Problem => ({ code: 'invalid', field, expected: 'saved answers as this site writes them', given: 'something else' });

/**
 * Reads what was stored for `assessment` (the raw localStorage text, not empty). Refuses text that
 * is not a valid saved state (`too_large`, `not_parseable`, `unsupported_version`, or `invalid` at
 * the first field that is wrong); drops answers to questions the assessment no longer has, or to
 * options it no longer has, one by one (counted in `dropped`); a finished run whose answers are no
 * longer complete goes back to the questionnaire. Never throws.
 */
export function parseSaved(text: string, assessment: Pick<Assessment, 'questions'>): Result<SavedFit> {
  if (text.length > MAX_SAVED_CHARS) {
    return refuse({ code: 'too_large', field: '', expected: `at most ${MAX_SAVED_CHARS} characters`, given: `${text.length} characters` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse({ code: 'not_parseable', field: '', expected: 'JSON text', given: 'text that is not valid JSON' });
  }
  let parsed: ReturnType<typeof SavedAssessmentSchema.safeParse>;
  try {
    parsed = SavedAssessmentSchema.safeParse(data);
  } catch {
    // zod's length checks also run on wrongly typed values and throw on some (a `length` that is an
    // object whose `toString` is not a function, which JSON can write): such text is not saved state.
    return refuse(unexpected(''));
  }
  if (!parsed.success) {
    const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
    if (typeof version === 'number' && version > SAVED_VERSION) {
      return refuse({ code: 'unsupported_version', field: 'version', expected: `version ${SAVED_VERSION}`, given: `version ${version}` });
    }
    return refuse(unexpected(parsed.error.issues[0]?.path.map(String).join('.') ?? ''));
  }
  const saved = parsed.data;
  const optionCount = new Map(assessment.questions.map((q) => [q.id, q.options.length]));
  const answers: Record<string, number> = {};
  let dropped = 0;
  for (const [id, index] of Object.entries(saved.answers)) {
    const count = optionCount.get(id);
    if (count !== undefined && index < count) answers[id] = index;
    else dropped++;
  }
  const complete = assessment.questions.every((q) => Object.hasOwn(answers, q.id));
  const { finishedAt, ...rest } = saved;
  return ok({ saved: { ...rest, answers, ...(finishedAt !== undefined && complete ? { finishedAt } : {}) }, dropped });
}

/** The outcome of reading stored text: what can be kept, and a sentence for the person when something was dropped. */
export interface SavedRead {
  saved: SavedAssessment;
  notice?: string;
}

/**
 * What the page starts from: the stored text read by `parseSaved` (undefined or empty when none),
 * or nothing answered when it is refused, with a notice whenever something was set aside. Never throws.
 */
export function readSaved(text: string | null | undefined, assessment: Pick<Assessment, 'questions'>): SavedRead {
  if (text === undefined || text === null || text === '') return { saved: EMPTY_SAVED };
  const parsed = parseSaved(text, assessment);
  if (!parsed.ok) return { saved: EMPTY_SAVED, notice: savedRefusal(parsed.problems) };
  const { saved, dropped } = parsed.value;
  return dropped === 0 ? { saved } : { saved, notice: droppedAnswers(dropped) };
}
