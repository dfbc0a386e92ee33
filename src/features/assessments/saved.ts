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
import { droppedAnswers, salvagedEntries, savedRefusal } from './wording.ts';

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
  /** Entries (history results, answers, fields) that were not valid and were set aside; 0 when the text was read whole. */
  salvaged: number;
}

const safely = <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined => {
  try {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
const AnswerSchema = z.int().check(z.minimum(0), z.maximum(99));
const NameSchema = z.string().check(z.maxLength(80));

/**
 * Salvages saved state of this version that failed the whole check, entry by entry: each answer and
 * each history result that is valid is kept, the others counted in `lost`; undefined when it is not
 * saved state of this version at all.
 */
export function salvageSaved(data: unknown): { saved: SavedAssessment; lost: number } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || hasOwnProtoKey(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record['version'] !== SAVED_VERSION) return undefined;
  let lost = Object.keys(record).filter((key) => !['version', 'answers', 'finishedAt', 'name', 'history'].includes(key)).length;
  const answers: Record<string, number> = {};
  const given = record['answers'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given) && !hasOwnProtoKey(given)) {
    for (const [id, index] of Object.entries(given)) {
      const answer = safely(AnswerSchema, index);
      if (safely(QuestionIdSchema, id) !== undefined && answer !== undefined) answers[id] = answer;
      else lost++;
    }
  } else if (given !== undefined) lost++;
  const history: HistoryEntry[] = [];
  const entries = record['history'];
  if (Array.isArray(entries)) {
    lost += Math.max(0, entries.length - MAX_HISTORY);
    for (const entry of entries.slice(-MAX_HISTORY)) {
      const valid = safely(HistoryEntrySchema, entry);
      if (valid) history.push(valid);
      else lost++;
    }
  } else if (entries !== undefined) lost++;
  const saved: SavedAssessment = { version: SAVED_VERSION, answers, history };
  const finishedAt = safely(DateSchema, record['finishedAt']);
  if (finishedAt !== undefined) saved.finishedAt = finishedAt;
  else if (record['finishedAt'] !== undefined) lost++;
  const name = safely(NameSchema, record['name']);
  if (name !== undefined) saved.name = name;
  else if (record['name'] !== undefined) lost++;
  return { saved, lost: Math.max(1, lost) };
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
  // zod's length checks also run on wrongly typed values and throw on some (a `length` that is an
  // object whose `toString` is not a function, which JSON can write): such text is salvaged like any invalid one.
  const whole = safely(SavedAssessmentSchema, data);
  let salvaged = 0;
  let saved: SavedAssessment;
  if (whole) saved = whole;
  else {
    const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
    if (typeof version === 'number' && version > SAVED_VERSION) {
      return refuse({ code: 'unsupported_version', field: 'version', expected: `version ${SAVED_VERSION}`, given: `version ${version}` });
    }
    const rescued = salvageSaved(data);
    if (!rescued) return refuse(unexpected(''));
    ({ saved, lost: salvaged } = rescued);
  }
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
  return ok({ saved: { ...rest, answers, ...(finishedAt !== undefined && complete ? { finishedAt } : {}) }, dropped, salvaged });
}

/** The outcome of reading stored text: what can be kept, and a sentence for the person when something was dropped. */
export interface SavedRead {
  saved: SavedAssessment;
  notice?: string;
  /** True when the stored text was not read whole: the caller keeps a raw copy before anything is written. */
  damaged?: boolean;
}

/**
 * What the page starts from: the stored text read by `parseSaved` (undefined or empty when none),
 * or nothing answered when it is refused, with a notice whenever something was set aside. Never throws.
 */
export function readSaved(text: string | null | undefined, assessment: Pick<Assessment, 'questions'>): SavedRead {
  if (text === undefined || text === null || text === '') return { saved: EMPTY_SAVED };
  const parsed = parseSaved(text, assessment);
  if (!parsed.ok) return { saved: EMPTY_SAVED, notice: savedRefusal(parsed.problems), damaged: true };
  const { saved, dropped, salvaged } = parsed.value;
  if (salvaged > 0) return { saved, notice: salvagedEntries(salvaged), damaged: true };
  return dropped === 0 ? { saved } : { saved, notice: droppedAnswers(dropped) };
}
