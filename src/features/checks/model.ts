/**
 * Knowledge checks in the browser: scoring an attempt, and reading and changing what this browser
 * keeps about checks (attempts, best score, when it was passed, and the spaced-review schedule).
 *
 * DOM-free and zod-free: chapter pages load this, and their script budget is 10 KB gzipped. Stored
 * data is outside input, so it is read entry by entry: a damaged entry is set aside with a notice and
 * every other entry is kept.
 */
import { CONTROL_CHARS, ISO_INSTANT, KEBAB_ID, isRecord } from '../../common/formats.ts';

/** The `format` field of the stored document. */
export const CHECKS_FORMAT = 'pb-checks';
/** The version of the stored format this code writes and reads. */
export const CHECKS_VERSION = 1;
/** Bounds, so stored data never grows without limit. */
export const CHECKS_LIMITS = {
  checks: 2000,
  review: 10_000,
  text: 1_000_000,
  attempts: 1_000_000,
  questions: 5,
} as const;

/** A question as the scorer needs it: which options are correct. */
export interface ScorableQuestion {
  id: string;
  kind: 'single' | 'multiple';
  options: readonly { correct: boolean }[];
}

/** The outcome of one attempt. */
export interface AttemptScore {
  /** Questions answered right (a multiple-answer question is right when exactly the correct options are chosen). */
  correct: number;
  total: number;
  /** correct / total, 0–1. */
  share: number;
  passed: boolean;
  /** Per question, in order: whether it was answered right. */
  questions: { id: string; right: boolean }[];
}

/**
 * Scores an attempt. `chosen[i]` is the set of option indexes chosen for question i; unanswered is
 * wrong. A pass needs `share >= passMark` (compared in whole questions, so 4 of 5 passes 0.8).
 */
export function scoreAttempt(questions: readonly ScorableQuestion[], chosen: readonly (readonly number[])[], passMark: number): AttemptScore {
  const results = questions.map((q, i) => {
    const picked = new Set(chosen[i] ?? []);
    const right = q.options.length > 0 && q.options.every((o, j) => o.correct === picked.has(j));
    return { id: q.id, right };
  });
  const correct = results.filter((r) => r.right).length;
  const total = questions.length;
  const share = total === 0 ? 0 : correct / total;
  // Whole questions: the smallest count that reaches the mark, without floating-point surprises.
  const needed = Math.ceil(passMark * total - 1e-9);
  return {
    correct,
    total,
    share,
    passed: total > 0 && correct >= needed,
    questions: results,
  };
}

/** The smallest number of right answers that passes. */
export function neededToPass(total: number, passMark: number): number {
  return Math.ceil(passMark * total - 1e-9);
}

/** What this browser keeps about one chapter's check. */
export interface CheckRecord {
  attempts: number;
  /** Best number of right answers so far, and out of how many. */
  best: number;
  total: number;
  /** When the last attempt was submitted. */
  lastAt: string;
  /** When it was first passed; absent until then. */
  passedAt?: string;
}

/** A question due for review: when, and how many times in a row it has been answered right. */
export interface ReviewItem {
  /** The chapter whose check holds the question. */
  chapter: string;
  question: string;
  due: string;
  /** Right answers in a row, 0–5: the index into the review intervals. */
  streak: number;
}

/** Everything this browser keeps about checks. */
export interface ChecksState {
  format: typeof CHECKS_FORMAT;
  version: typeof CHECKS_VERSION;
  checks: Record<string, CheckRecord>;
  /** Keyed `<chapter>/<question>`. */
  review: Record<string, ReviewItem>;
}

/** Nothing attempted. */
export const EMPTY_CHECKS: ChecksState = Object.freeze({
  format: CHECKS_FORMAT,
  version: CHECKS_VERSION,
  checks: Object.freeze({}),
  review: Object.freeze({}),
}) as ChecksState;

/** True for a UTC time as `toISOString` writes it that names a real moment. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 30 || !ISO_INSTANT.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && KEBAB_ID.test(value);
const isCount = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;

/** Reads one stored check record; undefined when it is damaged. */
export function readCheckRecord(value: unknown): CheckRecord | undefined {
  if (!isRecord(value)) return undefined;
  for (const key of Object.keys(value)) if (!['attempts', 'best', 'total', 'lastAt', 'passedAt'].includes(key)) return undefined;
  const { attempts, best, total, lastAt, passedAt } = value;
  if (!isCount(attempts, CHECKS_LIMITS.attempts) || attempts < 1) return undefined;
  if (!isCount(total, CHECKS_LIMITS.questions) || total < 1 || !isCount(best, total)) return undefined;
  if (!isInstant(lastAt)) return undefined;
  if (passedAt !== undefined && !isInstant(passedAt)) return undefined;
  return passedAt === undefined ? { attempts, best, total, lastAt } : { attempts, best, total, lastAt, passedAt };
}

/** Reads one stored review item under its key; undefined when it is damaged or does not match its key. */
export function readReviewItem(key: string, value: unknown): ReviewItem | undefined {
  if (!isRecord(value)) return undefined;
  const { chapter, question, due, streak } = value;
  if (!isId(chapter) || !isId(question) || key !== `${chapter}/${question}`) return undefined;
  if (!isInstant(due) || !isCount(streak, 5)) return undefined;
  return { chapter, question, due, streak };
}

/** The outcome of reading stored checks: what could be used, what was set aside, and a notice for the reader. */
export interface ChecksRead {
  state: ChecksState;
  /** Entries that could not be read, by `checks.<id>` or `review.<key>`, kept as they were. */
  setAside: Record<string, unknown>;
  notice?: string;
}

/**
 * Reads the stored text: nothing stored is an empty state; a damaged document is set aside whole;
 * inside a readable document each damaged entry is set aside alone. Never throws.
 */
export function readStoredChecks(text: string | null | undefined): ChecksRead {
  if (text === null || text === undefined) return { state: EMPTY_CHECKS, setAside: {} };
  if (text.length > CHECKS_LIMITS.text) return whole(text, `it is ${text.length} characters long; at most ${CHECKS_LIMITS.text} are read`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return whole(text, 'it is not valid JSON');
  }
  if (!isRecord(value) || value['format'] !== CHECKS_FORMAT) return whole(text, 'it is not check results saved by this playbook');
  if (value['version'] !== CHECKS_VERSION)
    return whole(text, `it is version ${String(value['version']).slice(0, 20)}; this site reads version ${CHECKS_VERSION}`);
  const setAside: Record<string, unknown> = {};
  const checks: Record<string, CheckRecord> = {};
  const review: Record<string, ReviewItem> = {};
  const storedChecks = isRecord(value['checks']) ? value['checks'] : {};
  const storedReview = isRecord(value['review']) ? value['review'] : {};
  for (const [id, entry] of Object.entries(storedChecks).slice(0, CHECKS_LIMITS.checks)) {
    const record = isId(id) ? readCheckRecord(entry) : undefined;
    if (record) checks[id] = record;
    else setAside[`checks.${id.slice(0, 100)}`] = entry;
  }
  for (const [key, entry] of Object.entries(storedReview).slice(0, CHECKS_LIMITS.review)) {
    const item = readReviewItem(key, entry);
    if (item) review[key] = item;
    else setAside[`review.${key.slice(0, 200)}`] = entry;
  }
  const count = Object.keys(setAside).length;
  const state: ChecksState = {
    format: CHECKS_FORMAT,
    version: CHECKS_VERSION,
    checks,
    review,
  };
  if (count === 0) return { state, setAside };
  return {
    state,
    setAside,
    notice: `${count} saved knowledge-check ${count === 1 ? 'entry' : 'entries'} could not be read and ${count === 1 ? 'was' : 'were'} set aside (${Object.keys(setAside).slice(0, 3).join(', ')}${count > 3 ? ', …' : ''}). Everything else is kept.`,
  };
}

function whole(text: string, reason: string): ChecksRead {
  return {
    state: EMPTY_CHECKS,
    setAside: { all: text.slice(0, CHECKS_LIMITS.text) },
    notice: `The knowledge-check results saved in this browser could not be read (${reason}), so they were set aside and the checks start fresh.`,
  };
}

/** Records an attempt: one more attempt, the best score kept, the first pass remembered. */
export function recordAttempt(state: ChecksState, chapter: string, score: Pick<AttemptScore, 'correct' | 'total' | 'passed'>, at: string): ChecksState {
  if (!isId(chapter) || !isInstant(at) || score.total < 1) return state;
  const previous = Object.hasOwn(state.checks, chapter) ? state.checks[chapter] : undefined;
  if (!previous && Object.keys(state.checks).length >= CHECKS_LIMITS.checks) return state;
  const sameTotal = previous?.total === score.total;
  const record: CheckRecord = {
    attempts: Math.min((previous?.attempts ?? 0) + 1, CHECKS_LIMITS.attempts),
    best: sameTotal ? Math.max(previous.best, score.correct) : score.correct,
    total: score.total,
    lastAt: at,
  };
  const passedAt = previous?.passedAt ?? (score.passed ? at : undefined);
  if (passedAt) record.passedAt = passedAt;
  return { ...state, checks: { ...state.checks, [chapter]: record } };
}

/** Sets the review items (from `scheduleReview`) into the state. */
export function setReviewItems(state: ChecksState, items: readonly ReviewItem[]): ChecksState {
  const review = { ...state.review };
  for (const item of items) {
    const key = `${item.chapter}/${item.question}`;
    if (!Object.hasOwn(review, key) && Object.keys(review).length >= CHECKS_LIMITS.review) continue;
    review[key] = item;
  }
  return { ...state, review };
}

/** True when nothing is stored. */
export function isEmptyChecks(state: ChecksState): boolean {
  return Object.keys(state.checks).length === 0 && Object.keys(state.review).length === 0;
}

/** A reader's name for a certificate: 1–80 characters, no control characters. */
export function isPersonName(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length >= 1 && value.length <= 80 && !CONTROL_CHARS.test(value);
}
