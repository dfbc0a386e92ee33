/**
 * Reading progress kept in the browser: changing it, merging two copies and working out how far along
 * a path someone is. Reading stored or imported text is parse.ts; the format's rules are format.ts.
 */
import type { Progress } from './schema.ts';
import { PROGRESS_FORMAT, PROGRESS_LIMITS, PROGRESS_VERSION, isChapterId, isIsoDate, isStepKey, isVisitedTitle } from './format.ts';
import { parseProgressText } from './parse.ts';
import { ok, refuse, type Result } from '../../common/problems.ts';

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

type Dates = Readonly<Record<string, string>>;

/**
 * Merges the done and undone dates of one kind (chapters or steps): per item, the newer change wins
 * (marking done, or marking not done again); on a tie, `a`'s.
 */
function mergeChanges(aDone: Dates, aUndone: Dates, bDone: Dates, bUndone: Dates): { done: Record<string, string>; undone: Record<string, string> } {
  const done: Record<string, string> = {};
  const undone: Record<string, string> = {};
  const keys = new Set([...Object.keys(aDone), ...Object.keys(aUndone), ...Object.keys(bDone), ...Object.keys(bUndone)]);
  for (const key of keys) {
    let best: { at: number; date: string; done: boolean } | undefined;
    for (const [dates, isDone] of [
      [aDone, true],
      [aUndone, false],
      [bDone, true],
      [bUndone, false],
    ] as const) {
      if (!has(dates, key)) continue;
      const date = dates[key]!;
      const at = Date.parse(date);
      if (!best || at > best.at) best = { at, date, done: isDone };
    }
    if (best) (best.done ? done : undone)[key] = best.date;
  }
  return { done, undone };
}

const NONE: Dates = Object.freeze({});

/**
 * Combines two copies of progress (e.g. this browser's and an imported file): per chapter and step, the
 * newer change wins, so an older copy neither brings back what was marked not done since nor moves a
 * date back; the most recent visit wins.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const chapters = mergeChanges(current.chapters, current.undone?.chapters ?? NONE, incoming.chapters, incoming.undone?.chapters ?? NONE);
  const steps = mergeChanges(current.steps, current.undone?.steps ?? NONE, incoming.steps, incoming.undone?.steps ?? NONE);
  const merged: Progress = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: chapters.done, steps: steps.done };
  if (Object.keys(chapters.undone).length + Object.keys(steps.undone).length > 0) merged.undone = { chapters: chapters.undone, steps: steps.undone };
  const a = current.lastVisited;
  const b = incoming.lastVisited;
  const visit = a && b ? (Date.parse(b.at) > Date.parse(a.at) ? b : a) : (a ?? b);
  if (visit) merged.lastVisited = { ...visit };
  return merged;
}

/** An imported file merged into the current progress: the result, how much it added, and what it held for chapters this playbook does not have. */
export interface Imported {
  progress: Progress;
  /** Chapters (of this playbook) and steps newly marked done. */
  added: { chapters: number; steps: number };
  /** Chapters marked done in the file that this playbook does not have: kept aside, not counted. */
  unknown: number;
}

const countKnown = (dates: Dates, known: ReadonlySet<string> | undefined): number =>
  known ? Object.keys(dates).filter((id) => known.has(id)).length : Object.keys(dates).length;

/**
 * Reads an imported file's text and merges it into the current progress. With `known` (this playbook's
 * chapter ids), chapters it does not have are kept in the progress (they count again if the playbook
 * gains them) but not counted as added, and a last visit to one of them is not taken over. Refused when
 * the text is not progress (parse.ts's problems), or with a `conflict` when the merge would hold more
 * than the format's limits. Word a refusal with `importRefused` (transfer-wording.ts).
 */
export function importProgressText(current: Progress, text: string, known?: ReadonlySet<string>): Result<Imported> {
  const parsed = parseProgressText(text);
  if (!parsed.ok) return parsed;
  const incoming = parsed.value;
  if (known && incoming.lastVisited && !known.has(incoming.lastVisited.chapter)) delete incoming.lastVisited;
  const progress = mergeProgress(current, incoming);
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
  const unknown = known ? Object.keys(incoming.chapters).filter((id) => !known.has(id)).length : 0;
  return ok({
    progress,
    added: {
      chapters: Math.max(0, countKnown(progress.chapters, known) - countKnown(current.chapters, known)),
      steps: Math.max(0, steps - Object.keys(current.steps).length),
    },
    unknown,
  });
}

/** True when nothing is done and nothing was visited. */
export function isEmptyProgress(progress: Progress): boolean {
  return Object.keys(progress.chapters).length === 0 && Object.keys(progress.steps).length === 0 && !progress.lastVisited;
}

/** Marks `key` done at `at` (keeping the first time) or, with `at` undefined, not done since `undoneAt`. */
function withChange(progress: Progress, kind: 'chapters' | 'steps', key: string, at: string | undefined, undoneAt: string | undefined): Progress {
  const dates = { ...progress[kind] };
  const undone = { chapters: { ...progress.undone?.chapters }, steps: { ...progress.undone?.steps } };
  if (at === undefined) {
    // Recorded even when the item is not done here: a mark made and taken back before it was stored
    // (a chapter page notes both before the store loads) must still outrank an older copy imported later.
    if (undoneAt !== undefined && (has(undone[kind], key) || Object.keys(undone[kind]).length < PROGRESS_LIMITS[kind])) undone[kind][key] = undoneAt;
    delete dates[key];
  } else {
    if (!has(dates, key)) dates[key] = at;
    delete undone[kind][key];
  }
  const { undone: _old, ...rest } = progress;
  const next: Progress = { ...rest, [kind]: dates };
  return Object.keys(undone.chapters).length + Object.keys(undone.steps).length > 0 ? { ...next, undone } : next;
}

/**
 * Marks a chapter done at `at` (keeping the first time it was done) or, with `at` undefined, not done,
 * remembering `undoneAt` (when it was un-marked) so an older copy merged later does not bring it back.
 * Invalid ids and additions beyond the limits leave the progress unchanged.
 */
export function setChapterDone(progress: Progress, id: string, at: string | undefined, undoneAt?: string): Progress {
  if (!isChapterId(id) || (at !== undefined && !isIsoDate(at)) || (undoneAt !== undefined && !isIsoDate(undoneAt))) return progress;
  if (at !== undefined && !has(progress.chapters, id) && Object.keys(progress.chapters).length >= PROGRESS_LIMITS.chapters) return progress;
  return withChange(progress, 'chapters', id, at, undoneAt);
}

/** Marks a path step done at `at` (keeping the first time) or, with `at` undefined, not done since `undoneAt`. Same limits. */
export function setStepDone(progress: Progress, key: string, at: string | undefined, undoneAt?: string): Progress {
  if (!isStepKey(key) || (at !== undefined && !isIsoDate(at)) || (undoneAt !== undefined && !isIsoDate(undoneAt))) return progress;
  if (at !== undefined && !has(progress.steps, key) && Object.keys(progress.steps).length >= PROGRESS_LIMITS.steps) return progress;
  return withChange(progress, 'steps', key, at, undoneAt);
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
