/**
 * What this browser keeps for each self-assessment: the answers given so far (saved on every
 * change, so a reload or a return next week resumes), whether the last run was finished, an
 * optional name for exports, and a dated history of finished results.
 *
 * Stored under `pb-assessment:<id>` in localStorage and read back through `SavedAssessmentSchema`.
 * Storage is outside input (another tab, an old version of the site, a person editing it), so a
 * value that is not valid is dropped whole and `$notice` says so; answers that no longer fit the
 * assessment (a question removed, fewer options) are dropped one by one, also with a notice.
 *
 * zod/mini rather than `astro/zod`: this runs on every assessment page, and the full zod API costs
 * about 25 KB gzipped against a 30 KB page budget; zod/mini costs about 6 KB.
 */
import { atom, type ReadableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import '../../browser/storage.ts'; // installs the safe storage engine before any store is created
import * as z from 'zod/mini';
import type { Assessment } from './schema.ts';
import { LIMITS } from '../../common/limits.ts';

// Must run before any schema is built: zod would otherwise probe `new Function`, which the
// site's Content-Security-Policy (no 'unsafe-eval') reports as a violation.
z.config({ jitless: true });

/** The version of the stored format this code writes and reads. */
export const SAVED_VERSION = 1;
/** Most finished results kept per assessment; the oldest are dropped first. */
export const MAX_HISTORY = 50;
/** Longest stored text read back, in characters (a full history is well under this). */
export const MAX_SAVED_CHARS = 200_000;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

const QuestionIdSchema = z.string().check(z.maxLength(LIMITS.questionId), z.regex(KEBAB_ID));
const DateSchema = z.string().check(
  z.maxLength(30),
  z.refine((text) => ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)), 'a date-time such as 2025-03-04T09:30:00.000Z'),
);
// zod's record silently leaves out a `__proto__` key; stored answers carrying one are refused instead.
const hasProtoKey = (value: unknown): boolean => typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__');
/** Question id → index of the chosen option. */
const AnswersSchema = z.pipe(
  z.unknown().check(z.refine((value) => !hasProtoKey(value), 'answers keyed by question id')),
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

/** The outcome of reading stored text: what can be kept, and a sentence for the person when something was dropped. */
export interface SavedRead {
  saved: SavedAssessment;
  notice?: string;
}

const DROPPED = 'Your saved answers for this self-assessment could not be read, so they were set aside and you start afresh.';

/**
 * Reads what was stored for `assessment` (the raw localStorage text; undefined when none). Never
 * throws: text that is not a valid saved state is dropped whole; answers to questions the
 * assessment no longer has, or to options it no longer has, are dropped one by one; a finished
 * run whose answers are no longer complete goes back to the questionnaire. Pure.
 */
export function readSaved(text: string | null | undefined, assessment: Pick<Assessment, 'questions'>): SavedRead {
  if (text === undefined || text === null || text === '') return { saved: EMPTY_SAVED };
  if (text.length > MAX_SAVED_CHARS) return { saved: EMPTY_SAVED, notice: `${DROPPED} (It was too large to be saved answers.)` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { saved: EMPTY_SAVED, notice: `${DROPPED} (It was not readable data.)` };
  }
  let parsed: ReturnType<typeof SavedAssessmentSchema.safeParse>;
  try {
    parsed = SavedAssessmentSchema.safeParse(data);
  } catch {
    // zod's length checks also run on wrongly typed values and throw on some (a `length` that is an
    // object whose `toString` is not a function, which JSON can write): such text is not saved state.
    return { saved: EMPTY_SAVED, notice: `${DROPPED} (Something unexpected was found.)` };
  }
  const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
  if (!parsed.success && typeof version === 'number' && version > SAVED_VERSION) {
    return { saved: EMPTY_SAVED, notice: 'Your saved answers were made by a newer version of this site and cannot be read here. They are left as they are until you answer a question on this page.' };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.map(String).join('.')}"` : '';
    return { saved: EMPTY_SAVED, notice: `${DROPPED} (Something unexpected was found${where}.)` };
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
  const next: SavedAssessment = { ...rest, answers, ...(finishedAt !== undefined && complete ? { finishedAt } : {}) };
  if (dropped === 0) return { saved: next };
  return {
    saved: next,
    notice: `${dropped === 1 ? 'One saved answer no longer matches' : `${dropped} saved answers no longer match`} this self-assessment (it has changed since), so ${dropped === 1 ? 'it was' : 'they were'} cleared. Please answer again where a question is empty.`,
  };
}

/** The store of one assessment and the actions that change it. */
export interface AssessmentStore {
  /** What is kept for this assessment; changes are saved at once. */
  $saved: ReadableAtom<SavedAssessment>;
  /** A sentence to show when stored data was dropped or cannot be saved; empty otherwise. */
  $notice: ReadableAtom<string>;
  /** Records an answer (option index) to a question. */
  answer(questionId: string, index: number): void;
  /** Marks the current answers as finished and adds the result to the history. */
  finish(entry: HistoryEntry): void;
  /** Clears the answers for a new run; the history stays. */
  retake(): void;
  /** Remembers the name to put into exported results (blank clears it). */
  setName(name: string): void;
  /** Forgets everything kept for this assessment in this browser. */
  forget(): void;
}

const stores = new Map<string, AssessmentStore>();

/**
 * localStorage key of an assessment's saved state, per site base path, so two playbooks hosted
 * under different sub-paths of one intranet host keep separate answers,
 * e.g. `pb-assessment:/sales/playbook/prospecting-habits`.
 */
export function storageKey(base: string, assessmentId: string): string {
  return `pb-assessment:${base}${assessmentId}`;
}

const siteBase = (): string => (typeof document === 'undefined' ? '/' : (document.documentElement.dataset['base'] ?? '/'));

/**
 * The store of one assessment, created on first use. Saved state is read through `readSaved`
 * (so it fits `assessment`) and written back on every action; what could not be read is left in
 * storage until the first action replaces it (it may come from a newer version of the site in
 * another tab). When storage is blocked or full, everything keeps working for this page and
 * `$notice` says it is not being saved.
 */
export function assessmentStore(assessment: Pick<Assessment, 'id' | 'questions'>): AssessmentStore {
  const existing = stores.get(assessment.id);
  if (existing) return existing;

  const $notice = atom('');
  const $persisted = persistentAtom<SavedAssessment>(storageKey(siteBase(), assessment.id), EMPTY_SAVED, {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      const read = readSaved(text, assessment);
      if (read.notice) $notice.set(read.notice);
      return read.saved;
    },
  });
  // The page works from this copy, so a failed write (storage full or blocked) never loses an answer.
  const $saved = atom<SavedAssessment>($persisted.get());
  $persisted.listen((value) => $saved.set(value));

  function save(next: SavedAssessment): void {
    $saved.set(next);
    try {
      $persisted.set(next);
      $notice.set('');
    } catch {
      $notice.set('Your answers cannot be saved in this browser (its storage is full or blocked), so they will be lost when you leave this page.');
    }
  }

  const store: AssessmentStore = {
    $saved,
    $notice,
    answer(questionId, index) {
      const current = $saved.get();
      save({ ...current, answers: { ...current.answers, [questionId]: index } });
    },
    finish(entry) {
      const current = $saved.get();
      save({ ...current, finishedAt: entry.takenAt, history: [...current.history, entry].slice(-MAX_HISTORY) });
    },
    retake() {
      const { finishedAt: _finished, ...current } = $saved.get();
      save({ ...current, answers: {} });
    },
    setName(name) {
      const { name: _old, ...current } = $saved.get();
      const trimmed = name.trim().slice(0, 80);
      save(trimmed ? { ...current, name: trimmed } : current);
    },
    forget() {
      save(EMPTY_SAVED);
    },
  };
  stores.set(assessment.id, store);
  return store;
}
