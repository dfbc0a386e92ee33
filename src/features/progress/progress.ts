/**
 * Reading progress kept in the browser: changing it, merging two copies and working out how far along
 * a path someone is. Reading stored or imported text is parse.ts; the format's rules are format.ts.
 */
import type { Progress } from './schema.ts';
import { PROGRESS_FORMAT, PROGRESS_LIMITS, PROGRESS_VERSION, isChapterId, isIsoDate, isStepKey, isVisitedTitle } from './format.ts';
import { parseProgressText } from './parse.ts';
import { ok, refuse, type Result } from '../../common/problems.ts';

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

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

/** An imported file merged into the current progress: the result and how much it added. */
export interface Imported {
  progress: Progress;
  added: { chapters: number; steps: number };
}

/**
 * Reads an imported file's text and merges it into the current progress. Refused when the text is
 * not progress (parse.ts's problems), or with a `conflict` when the merge would hold more than the
 * format's limits. Word a refusal with `importRefused` (transfer-wording.ts).
 */
export function importProgressText(current: Progress, text: string): Result<Imported> {
  const parsed = parseProgressText(text);
  if (!parsed.ok) return parsed;
  const progress = mergeProgress(current, parsed.value);
  const chapters = Object.keys(progress.chapters).length;
  const steps = Object.keys(progress.steps).length;
  if (chapters > PROGRESS_LIMITS.chapters || steps > PROGRESS_LIMITS.steps) {
    return refuse({
      code: 'conflict',
      field: '',
      expected: `at most ${PROGRESS_LIMITS.chapters} chapters and ${PROGRESS_LIMITS.steps} steps once merged with this browser’s progress`,
      given: `${chapters} chapters and ${steps} steps`,
    });
  }
  return ok({ progress, added: { chapters: chapters - Object.keys(current.chapters).length, steps: steps - Object.keys(current.steps).length } });
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

/** Records the chapter read last, with its title when it is a valid one. */
export function setVisited(progress: Progress, chapter: string, at: string, title?: string): Progress {
  if (!isChapterId(chapter) || !isIsoDate(at)) return progress;
  return { ...progress, lastVisited: isVisitedTitle(title) ? { chapter, at, title } : { chapter, at } };
}

/** What marks one step of a path done: its chapter (chapter steps) or its own step key (all others). */
export type StepTarget = { chapter: string } | { step: string };

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
