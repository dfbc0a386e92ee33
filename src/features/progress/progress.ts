/**
 * Reading progress kept in the browser: parsing what was stored or imported, changing it, merging two
 * copies and working out how far along a path someone is.
 *
 * The format is specified by `ProgressSchema` (src/features/progress/schema.ts). This module checks the same
 * rules by hand, because every chapter page reads stored progress and zod would cost far more than the
 * reading pages' script budget (measured: zod ≈ 92 KB gzipped, zod/mini ≈ 7 KB; this check ≈ 1 KB).
 * tests/unit/progress/progress.test.ts proves both accept exactly the same documents.
 */
import type { Progress } from './schema.ts';
import { slug } from '../../common/slug.ts';
import { LIMITS } from '../../common/limits.ts';

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

/** A chapter id: lowercase words joined by hyphens, e.g. `leads-versus-targets`. */
export const CHAPTER_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A step key: `<path id>/<step>`, e.g. `new-rep-first-30-days/task-build-your-list`. */
export const STEP_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Progress with nothing done and nothing visited. */
export const EMPTY_PROGRESS: Progress = Object.freeze({
  format: PROGRESS_FORMAT,
  version: PROGRESS_VERSION,
  chapters: Object.freeze({}),
  steps: Object.freeze({}),
}) as Progress;

/** True for a chapter id that a progress document may hold. */
export function isChapterId(value: string): boolean {
  return value.length <= PROGRESS_LIMITS.chapterId && CHAPTER_ID_PATTERN.test(value);
}

/** True for a step key that a progress document may hold. */
export function isStepKey(value: string): boolean {
  return value.length <= PROGRESS_LIMITS.stepKey && STEP_KEY_PATTERN.test(value);
}

/** True for a UTC time as `Date.toISOString()` writes it (milliseconds optional) that names a real moment. */
export function isIsoDate(value: string): boolean {
  if (value.length > PROGRESS_LIMITS.date || !ISO_DATE_PATTERN.test(value)) return false;
  const time = Date.parse(value);
  // Date.parse rolls 31 April over into May; a real date reads back unchanged.
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** The outcome of reading a progress document: the progress, or why it is not one. */
export type ProgressParse = { ok: true; progress: Progress } | { ok: false; reason: string };

type Json = Record<string, unknown>;

/**
 * A JSON value as a person reads it in a message, worded like `describeValue` in validation-messages.ts;
 * kept here because that module would add a kilobyte to every chapter page.
 */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return value === null || typeof value !== 'object' ? String(value) : 'an object';
}
type Failure = { ok: false; reason: string };

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const fail = (field: string, expected: string, given: unknown): Failure => ({
  ok: false,
  reason: `${field ? `field "${field}"` : 'the content'}: expected ${expected}; given ${describe(given)}`,
});

const FIELDS = new Set(['format', 'version', 'chapters', 'steps', 'lastVisited']);
const DATE_WORDS = 'a time such as "2026-03-01T09:30:00.000Z"';

/** Reads `{ key: date }`, building a fresh object so nothing of the input (prototypes included) is kept. */
function readDates(
  value: unknown,
  field: string,
  max: number,
  keyOk: (key: string) => boolean,
  keyWords: string,
): { ok: true; dates: Record<string, string> } | Failure {
  if (!isRecord(value)) return fail(field, 'an object of ids and the times they were done', value);
  const keys = Object.keys(value);
  if (keys.length > max) return fail(field, `at most ${max} entries`, `${keys.length} entries`);
  const dates: Record<string, string> = {};
  for (const key of keys) {
    if (!keyOk(key)) return fail(`${field}.${key.slice(0, 60)}`, keyWords, key);
    const date = value[key];
    if (typeof date !== 'string' || !isIsoDate(date)) return fail(`${field}.${key}`, DATE_WORDS, date);
    dates[key] = date;
  }
  return { ok: true, dates };
}

/** Checks a parsed JSON value against the progress format; never throws. */
export function parseProgressValue(value: unknown): ProgressParse {
  if (!isRecord(value) || value['format'] !== PROGRESS_FORMAT) {
    return fail('format', `"${PROGRESS_FORMAT}" (this is not progress saved by this playbook)`, isRecord(value) ? value['format'] : value);
  }
  const version = value['version'];
  if (version !== PROGRESS_VERSION) {
    const newer = typeof version === 'number' && version > PROGRESS_VERSION;
    return fail('version', `${PROGRESS_VERSION}${newer ? ' (it was saved by a newer version of this site)' : ''}`, version);
  }
  for (const key of Object.keys(value)) {
    if (!FIELDS.has(key)) return fail(key.slice(0, 60), 'no such field (the progress format does not have it)', value[key]);
  }
  const chapters = readDates(value['chapters'], 'chapters', PROGRESS_LIMITS.chapters, isChapterId, 'a chapter id such as "leads-versus-targets"');
  if (!chapters.ok) return chapters;
  const steps = readDates(value['steps'], 'steps', PROGRESS_LIMITS.steps, isStepKey, 'a step key such as "new-rep/task-first-call"');
  if (!steps.ok) return steps;
  const progress: Progress = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: chapters.dates, steps: steps.dates };
  const visited = value['lastVisited'];
  if (visited !== undefined) {
    if (!isRecord(visited)) return fail('lastVisited', 'an object with "chapter" and "at"', visited);
    for (const key of Object.keys(visited)) {
      if (key !== 'chapter' && key !== 'at' && key !== 'title') {
        return fail(`lastVisited.${key.slice(0, 60)}`, 'no such field (only "chapter", "at" and "title")', visited[key]);
      }
    }
    const chapter = visited['chapter'];
    if (typeof chapter !== 'string' || !isChapterId(chapter)) return fail('lastVisited.chapter', 'a chapter id such as "leads-versus-targets"', chapter);
    const at = visited['at'];
    if (typeof at !== 'string' || !isIsoDate(at)) return fail('lastVisited.at', DATE_WORDS, at);
    const title = visited['title'];
    if (title !== undefined && !isVisitedTitle(title)) {
      return fail('lastVisited.title', `a chapter title of 1 to ${PROGRESS_LIMITS.title} characters without control characters`, title);
    }
    progress.lastVisited = title === undefined ? { chapter, at } : { chapter, at, title };
  }
  return { ok: true, progress };
}

/** Parses progress text (stored or from a file): size, then JSON, then the format. Never throws. */
export function parseProgressText(text: unknown): ProgressParse {
  if (typeof text !== 'string') return fail('', 'text', text);
  if (text.length > PROGRESS_LIMITS.text) {
    return { ok: false, reason: `it is ${text.length} characters long; progress is at most ${PROGRESS_LIMITS.text}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  return parseProgressValue(value);
}

/** Progress read from this browser's storage, with a notice for the reader when it could not be used. */
export interface StoredProgress {
  progress: Progress;
  /** Set when something was stored but could not be read; the stored text was ignored. */
  notice?: string;
}

/**
 * Reads the text stored in this browser. Nothing stored means empty progress; anything unreadable
 * (damaged, foreign, from a newer version, far too large) means empty progress and a notice. Never throws.
 */
export function readStoredProgress(text: string | null | undefined): StoredProgress {
  if (text === null || text === undefined) return { progress: EMPTY_PROGRESS };
  try {
    const parsed = parseProgressText(text);
    if (parsed.ok) return { progress: parsed.progress };
    return { progress: EMPTY_PROGRESS, notice: storedNotice(parsed.reason) };
  } catch {
    return { progress: EMPTY_PROGRESS, notice: storedNotice('it could not be read') };
  }
}

const storedNotice = (reason: string): string =>
  `The progress saved in this browser could not be read (${reason}), so it is not shown. It is left as it is until you mark something done, import a progress file or reset.`;

/** The message shown when an imported file is refused. */
export function importRefusal(fileName: string, reason: string): string {
  return `“${fileName.slice(0, 80)}” is not a progress file from this playbook (${reason}). Nothing was imported.`;
}

const earlier = (a: string, b: string): string => (Date.parse(b) < Date.parse(a) ? b : a);

function mergeDates(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): Record<string, string> {
  const merged: Record<string, string> = { ...a };
  for (const [key, date] of Object.entries(b)) merged[key] = has(merged, key) ? earlier(merged[key]!, date) : date;
  return merged;
}

/**
 * Combines two copies of progress (e.g. this browser's and an imported file): everything done in either,
 * each with the earliest time it was done; the most recent visit wins.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const merged: Progress = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    chapters: mergeDates(current.chapters, incoming.chapters),
    steps: mergeDates(current.steps, incoming.steps),
  };
  const a = current.lastVisited;
  const b = incoming.lastVisited;
  const visit = a && b ? (Date.parse(b.at) > Date.parse(a.at) ? b : a) : (a ?? b);
  if (visit) merged.lastVisited = { ...visit };
  return merged;
}

/** The result of importing a file: the merged progress and what it added, or why it was refused. */
export type ImportResult = { ok: true; progress: Progress; added: { chapters: number; steps: number } } | { ok: false; message: string };

/** Reads an imported file's text and merges it into the current progress. */
export function importProgressText(current: Progress, text: string, fileName: string): ImportResult {
  const parsed = parseProgressText(text);
  if (!parsed.ok) return { ok: false, message: importRefusal(fileName, parsed.reason) };
  const progress = mergeProgress(current, parsed.progress);
  const chapters = Object.keys(progress.chapters).length;
  const steps = Object.keys(progress.steps).length;
  if (chapters > PROGRESS_LIMITS.chapters || steps > PROGRESS_LIMITS.steps) {
    return {
      ok: false,
      message: `Importing “${fileName.slice(0, 80)}” would hold more than ${PROGRESS_LIMITS.chapters} chapters or ${PROGRESS_LIMITS.steps} steps. Nothing was imported; reset first to replace your progress with the file.`,
    };
  }
  return {
    ok: true,
    progress,
    added: { chapters: chapters - Object.keys(current.chapters).length, steps: steps - Object.keys(current.steps).length },
  };
}

/** True when nothing is done and nothing was visited. */
export function isEmptyProgress(progress: Progress): boolean {
  return Object.keys(progress.chapters).length === 0 && Object.keys(progress.steps).length === 0 && !progress.lastVisited;
}

function withDate(dates: Readonly<Record<string, string>>, key: string, at: string | undefined): Record<string, string> {
  const next = { ...dates };
  if (at === undefined) delete next[key];
  else if (!has(next, key)) next[key] = at;
  return next;
}

/**
 * Marks a chapter done at `at` (keeping the first time it was done) or, with `at` undefined, not done.
 * Invalid ids and additions beyond the limits leave the progress unchanged.
 */
export function setChapterDone(progress: Progress, id: string, at: string | undefined): Progress {
  if (!isChapterId(id) || (at !== undefined && !isIsoDate(at))) return progress;
  if (at !== undefined && !has(progress.chapters, id) && Object.keys(progress.chapters).length >= PROGRESS_LIMITS.chapters) return progress;
  return { ...progress, chapters: withDate(progress.chapters, id, at) };
}

/** Marks a path step done at `at` (keeping the first time) or, with `at` undefined, not done. Same limits. */
export function setStepDone(progress: Progress, key: string, at: string | undefined): Progress {
  if (!isStepKey(key) || (at !== undefined && !isIsoDate(at))) return progress;
  if (at !== undefined && !has(progress.steps, key) && Object.keys(progress.steps).length >= PROGRESS_LIMITS.steps) return progress;
  return { ...progress, steps: withDate(progress.steps, key, at) };
}

/** Whether `value` can be stored as the title of the chapter read last. */
export function isVisitedTitle(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= PROGRESS_LIMITS.title && !/[\u0000-\u001f\u007f-\u009f]/.test(value);
}

/** Records the chapter read last, with its title when it is a valid one. */
export function setVisited(progress: Progress, chapter: string, at: string, title?: string): Progress {
  if (!isChapterId(chapter) || !isIsoDate(at)) return progress;
  return { ...progress, lastVisited: isVisitedTitle(title) ? { chapter, at, title } : { chapter, at } };
}

/** What marks one step of a path done: its chapter (chapter steps) or its own step key (all others). */
export type StepTarget = { chapter: string } | { step: string };

/** The parts of a path step this module needs. */
export interface StepLike {
  kind: string;
  ref?: string | undefined;
  title?: string | undefined;
}


/**
 * What marks each step of a path done. A chapter step is done when its chapter is; any other step has
 * a key that survives reordering the path: `<path id>/<kind>-<assessment id or task title>`, with
 * `-2`, `-3`… on repeats. Throws when the path id is too long to make keys from.
 */
export function stepTargets(pathId: string, steps: readonly StepLike[]): StepTarget[] {
  if (!CHAPTER_ID_PATTERN.test(pathId) || pathId.length > PROGRESS_LIMITS.pathId) {
    throw new Error(`paths/${pathId}: the file name must be a lowercase-kebab id of at most ${PROGRESS_LIMITS.pathId} characters to keep progress; given "${pathId}" (${pathId.length} characters).`);
  }
  // Room for the path id, the slash and a repeat suffix such as "-12".
  const room = PROGRESS_LIMITS.stepKey - pathId.length - 1 - 4;
  const seen = new Map<string, number>();
  return steps.map((step) => {
    if (step.kind === 'chapter' && step.ref) return { chapter: step.ref };
    const detail = step.kind === 'assessment' ? (step.ref ?? '') : step.kind === 'task' ? slug(step.title ?? '') : '';
    const name = slug(`${step.kind} ${detail}`).slice(0, room).replace(/-+$/, '') || 'step';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { step: `${pathId}/${count === 1 ? name : `${name}-${count}`}` };
  });
}

/** Writes step targets into one attribute value: `c:<chapter id>` and `s:<step key>`, space-separated. */
export function encodeTargets(targets: readonly StepTarget[]): string {
  return targets.map((t) => ('chapter' in t ? `c:${t.chapter}` : `s:${t.step}`)).join(' ');
}

/** Reads one target written by `encodeTargets`; undefined for anything else. */
export function decodeTarget(token: string): StepTarget | undefined {
  if (token.startsWith('c:') && isChapterId(token.slice(2))) return { chapter: token.slice(2) };
  if (token.startsWith('s:') && isStepKey(token.slice(2))) return { step: token.slice(2) };
  return undefined;
}

/** Reads an attribute written by `encodeTargets`, skipping anything malformed. */
export function decodeTargets(text: string | null | undefined): StepTarget[] {
  return (text ?? '')
    .split(/\s+/)
    .slice(0, PROGRESS_LIMITS.steps)
    .flatMap((token) => decodeTarget(token) ?? []);
}

/** When a step or chapter was done, or undefined when it is not done. */
export function doneAt(progress: Progress, target: StepTarget): string | undefined {
  const [dates, key] = 'chapter' in target ? [progress.chapters, target.chapter] : [progress.steps, target.step];
  return has(dates, key) ? dates[key] : undefined;
}

/** How far along a path someone is. */
export interface PathCompletion {
  /** Steps done. */
  done: number;
  /** Steps in the path. */
  total: number;
  /** Whether each step is done, in path order. */
  steps: boolean[];
  /** Index of the first step not done yet; undefined when every step is done. */
  next: number | undefined;
}

/** Completion of a path given its step targets: a chapter step counts done when its chapter is done. */
export function pathCompletion(progress: Progress, targets: readonly StepTarget[]): PathCompletion {
  const steps = targets.map((t) => doneAt(progress, t) !== undefined);
  const next = steps.indexOf(false);
  return { done: steps.filter(Boolean).length, total: steps.length, steps, next: next < 0 ? undefined : next };
}
