/**
 * Reading progress documents (stored in this browser or imported from a file): size, then JSON, then
 * the format. The format is specified by `ProgressSchema` (schema.ts); this module checks the same
 * rules by hand, because every chapter page reads stored progress and zod would cost far more than the
 * reading pages' script budget (measured: zod ≈ 92 KB gzipped, zod/mini ≈ 7 KB; this check ≈ 1 KB).
 * tests/unit/progress/progress.test.ts proves both accept exactly the same documents.
 */
import type { Progress } from './schema.ts';
import { PROGRESS_FORMAT, PROGRESS_LIMITS, PROGRESS_VERSION, isChapterId, isIsoDate, isStepKey, isVisitedTitle } from './format.ts';
import { describeValue, ok, refuse, type Problem, type ProblemCode, type Result } from '../../common/problems.ts';
import { isRecord } from '../../common/formats.ts';

/** Progress with nothing done and nothing visited. */
export const EMPTY_PROGRESS: Progress = Object.freeze({
  format: PROGRESS_FORMAT,
  version: PROGRESS_VERSION,
  chapters: Object.freeze({}),
  steps: Object.freeze({}),
}) as Progress;

type Refusal = { ok: false; problems: Problem[] };

const fail = (code: ProblemCode, field: string, expected: string, given: unknown): Refusal => refuse({ code, field, expected, given: describeValue(given) });

/** `missing` when there is nothing, else `otherwise`. */
const absentOr = (value: unknown, otherwise: ProblemCode): ProblemCode => (value === undefined ? 'missing' : otherwise);

const FIELDS = new Set(['format', 'version', 'chapters', 'steps', 'undone', 'lastVisited']);
const DATE_WORDS = 'a time such as "2026-03-01T09:30:00.000Z"';

/** Reads `{ key: date }`, building a fresh object so nothing of the input (prototypes included) is kept. */
function readDates(value: unknown, field: string, max: number, keyOk: (key: string) => boolean, keyWords: string): Result<Record<string, string>> {
  if (!isRecord(value)) return fail(absentOr(value, 'wrong_type'), field, 'an object of ids and the times they were done', value);
  const keys = Object.keys(value);
  if (keys.length > max) return fail('out_of_range', field, `at most ${max} entries`, `${keys.length} entries`);
  const dates: Record<string, string> = {};
  for (const key of keys) {
    if (!keyOk(key)) return fail('bad_format', `${field}.${key.slice(0, 60)}`, keyWords, key);
    const date = value[key];
    if (typeof date !== 'string' || !isIsoDate(date)) return fail(absentOr(date, 'bad_format'), `${field}.${key}`, DATE_WORDS, date);
    dates[key] = date;
  }
  return ok(dates);
}

/** Checks a parsed JSON value against the progress format; never throws. Stops at the first problem. */
export function parseProgressValue(value: unknown): Result<Progress> {
  if (!isRecord(value) || value['format'] !== PROGRESS_FORMAT) {
    const format = isRecord(value) ? value['format'] : value;
    return fail(absentOr(format, 'not_allowed'), 'format', `"${PROGRESS_FORMAT}" (this is not progress saved by this playbook)`, format);
  }
  const version = value['version'];
  if (version !== PROGRESS_VERSION) {
    const newer = typeof version === 'number' && version > PROGRESS_VERSION;
    return fail(
      newer ? 'unsupported_version' : absentOr(version, 'not_allowed'),
      'version',
      `${PROGRESS_VERSION}${newer ? ' (it was saved by a newer version of this site)' : ''}`,
      version,
    );
  }
  for (const key of Object.keys(value)) {
    if (!FIELDS.has(key)) return fail('unknown_field', key.slice(0, 60), 'no such field (the progress format does not have it)', value[key]);
  }
  const chapters = readDates(value['chapters'], 'chapters', PROGRESS_LIMITS.chapters, isChapterId, 'a chapter id such as "leads-versus-targets"');
  if (!chapters.ok) return chapters;
  const steps = readDates(value['steps'], 'steps', PROGRESS_LIMITS.steps, isStepKey, 'a step key such as "new-rep/task-first-call"');
  if (!steps.ok) return steps;
  const progress: Progress = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: chapters.value, steps: steps.value };
  const undone = value['undone'];
  if (undone !== undefined) {
    if (!isRecord(undone)) return fail('wrong_type', 'undone', 'an object with "chapters" and "steps"', undone);
    for (const key of Object.keys(undone)) {
      if (key !== 'chapters' && key !== 'steps')
        return fail('unknown_field', `undone.${key.slice(0, 60)}`, 'no such field (only "chapters" and "steps")', undone[key]);
    }
    const undoneChapters = readDates(
      undone['chapters'],
      'undone.chapters',
      PROGRESS_LIMITS.chapters,
      isChapterId,
      'a chapter id such as "leads-versus-targets"',
    );
    if (!undoneChapters.ok) return undoneChapters;
    const undoneSteps = readDates(undone['steps'], 'undone.steps', PROGRESS_LIMITS.steps, isStepKey, 'a step key such as "new-rep/task-first-call"');
    if (!undoneSteps.ok) return undoneSteps;
    progress.undone = { chapters: undoneChapters.value, steps: undoneSteps.value };
  }
  const visited = value['lastVisited'];
  if (visited !== undefined) {
    if (!isRecord(visited)) return fail('wrong_type', 'lastVisited', 'an object with "chapter" and "at"', visited);
    for (const key of Object.keys(visited)) {
      if (key !== 'chapter' && key !== 'at' && key !== 'title') {
        return fail('unknown_field', `lastVisited.${key.slice(0, 60)}`, 'no such field (only "chapter", "at" and "title")', visited[key]);
      }
    }
    const chapter = visited['chapter'];
    if (typeof chapter !== 'string' || !isChapterId(chapter))
      return fail(absentOr(chapter, 'bad_format'), 'lastVisited.chapter', 'a chapter id such as "leads-versus-targets"', chapter);
    const at = visited['at'];
    if (typeof at !== 'string' || !isIsoDate(at)) return fail(absentOr(at, 'bad_format'), 'lastVisited.at', DATE_WORDS, at);
    const title = visited['title'];
    if (title !== undefined && !isVisitedTitle(title)) {
      return fail('bad_format', 'lastVisited.title', `a chapter title of 1 to ${PROGRESS_LIMITS.title} characters without control characters`, title);
    }
    progress.lastVisited = title === undefined ? { chapter, at } : { chapter, at, title };
  }
  return ok(progress);
}

/** Parses progress text (stored or from a file): size, then JSON, then the format. Never throws. */
export function parseProgressText(text: unknown): Result<Progress> {
  if (typeof text !== 'string') return fail('wrong_type', '', 'text', text);
  if (text.length > PROGRESS_LIMITS.text) {
    return refuse({ code: 'too_large', field: '', expected: `at most ${PROGRESS_LIMITS.text}`, given: `${text.length} characters` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse({ code: 'not_parseable', field: '', expected: 'JSON text', given: 'text that is not valid JSON' });
  }
  return parseProgressValue(value);
}

/**
 * Why progress was refused, as the clause the notices and import messages put in brackets, e.g.
 * `field "version": expected 1; given 2` or `it is not valid JSON`.
 */
export function progressReason(problems: readonly Problem[]): string {
  const [problem] = problems;
  if (problem === undefined) return 'it could not be read';
  switch (problem.code) {
    case 'not_parseable':
      return 'it is not valid JSON';
    case 'too_large':
      return `it is ${problem.given} long; progress is ${problem.expected}`;
    default:
      return `${problem.field ? `field "${problem.field}"` : 'the content'}: expected ${problem.expected}; given ${problem.given}`;
  }
}

/** Progress read from this browser's storage, with a notice for the reader when it could not all be used. */
export interface StoredProgress {
  progress: Progress;
  /** Set when something stored could not be read: what was left out and that a copy is kept. */
  notice?: string;
  /** True when the stored text was not read whole: the caller keeps a raw copy before anything is written. */
  damaged?: boolean;
}

const storedNotice = (reason: string): string =>
  `The progress saved in this browser could not be read (${reason}), so it is not shown. A copy of it is kept: download or discard it from the notice at the top of the page.`;

const salvagedNotice = (count: number): string =>
  `${count === 1 ? 'One entry' : `${count} entries`} of the progress saved in this browser could not be read and ${count === 1 ? 'was' : 'were'} set aside; everything else is shown. A copy of what was stored is kept: download or discard it from the notice at the top of the page.`;

/** Keeps the valid `{ key: date }` entries of `value`; counts the others. */
function salvageDates(value: unknown, max: number, keyOk: (key: string) => boolean): { dates: Record<string, string>; lost: number } {
  const dates: Record<string, string> = {};
  if (value === undefined) return { dates, lost: 0 };
  if (!isRecord(value)) return { dates, lost: 1 };
  let lost = 0;
  for (const key of Object.keys(value)) {
    const date = value[key];
    if (keyOk(key) && typeof date === 'string' && isIsoDate(date) && Object.keys(dates).length < max) dates[key] = date;
    else lost++;
  }
  return { dates, lost };
}

/**
 * Salvages a progress document that failed the strict check, entry by entry: every chapter and step
 * with a valid id and date is kept, the last visit when it is valid; undefined when the value is not
 * this site's progress at all (another format, a newer version).
 */
export function salvageProgressValue(value: unknown): { progress: Progress; lost: number } | undefined {
  if (!isRecord(value) || value['format'] !== PROGRESS_FORMAT || value['version'] !== PROGRESS_VERSION) return undefined;
  const chapters = salvageDates(value['chapters'], PROGRESS_LIMITS.chapters, isChapterId);
  const steps = salvageDates(value['steps'], PROGRESS_LIMITS.steps, isStepKey);
  let lost = chapters.lost + steps.lost + Object.keys(value).filter((key) => !FIELDS.has(key)).length;
  const progress: Progress = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: chapters.dates, steps: steps.dates };
  const undone = value['undone'];
  if (isRecord(undone)) {
    const undoneChapters = salvageDates(undone['chapters'], PROGRESS_LIMITS.chapters, isChapterId);
    const undoneSteps = salvageDates(undone['steps'], PROGRESS_LIMITS.steps, isStepKey);
    lost += undoneChapters.lost + undoneSteps.lost + Object.keys(undone).filter((key) => key !== 'chapters' && key !== 'steps').length;
    progress.undone = { chapters: undoneChapters.dates, steps: undoneSteps.dates };
  } else if (undone !== undefined) lost++;
  const visited = value['lastVisited'];
  if (visited !== undefined) {
    const checked = parseProgressValue({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: {}, steps: {}, lastVisited: visited });
    if (checked.ok && checked.value.lastVisited) progress.lastVisited = checked.value.lastVisited;
    else lost++;
  }
  return { progress, lost };
}

/**
 * Reads the text stored in this browser. Nothing stored means empty progress. A document with some bad
 * entries keeps every good one and says how many were set aside; anything not readable at all (damaged,
 * foreign, from a newer version, far too large) means empty progress and a notice. Either way `damaged`
 * asks the caller to keep the raw text. Never throws.
 */
export function readStoredProgress(text: string | null | undefined): StoredProgress {
  if (text === null || text === undefined) return { progress: EMPTY_PROGRESS };
  try {
    const parsed = parseProgressText(text);
    if (parsed.ok) return { progress: parsed.value };
    if (parsed.problems[0]?.code !== 'too_large' && parsed.problems[0]?.code !== 'not_parseable') {
      const salvaged = salvageProgressValue(JSON.parse(text));
      if (salvaged) return { progress: salvaged.progress, notice: salvagedNotice(Math.max(1, salvaged.lost)), damaged: true };
    }
    return { progress: EMPTY_PROGRESS, notice: storedNotice(progressReason(parsed.problems)), damaged: true };
  } catch {
    return { progress: EMPTY_PROGRESS, notice: storedNotice('it could not be read'), damaged: true };
  }
}
