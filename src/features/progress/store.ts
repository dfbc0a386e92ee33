import { persistentAtom } from '@nanostores/persistent';
import { atom } from 'nanostores';
import '../../browser/storage.ts'; // installs the safe storage engine before the store below is created
import { importProgressText, isEmptyProgress, setChapterDone, setStepDone, setVisited, type Imported } from './progress.ts';
import { EMPTY_PROGRESS, readStoredProgress } from './parse.ts';
import type { Progress } from './schema.ts';
import { refuse, type Result } from '../../common/problems.ts';
import { siteBase } from '../../browser/data-attrs.ts';
import { setAside } from '../../browser/set-aside.ts';
import { pendingStorageKey, progressStorageKey } from '../../browser/storage-keys.ts';
import { isRecord } from '../../common/formats.ts';
import { PROGRESS_LIMITS } from './format.ts';

// Where progress lives in localStorage: one key per site base path (browser/storage-keys.ts).
export { pendingStorageKey, progressStorageKey };

/** A message for the reader about their stored progress (unreadable data, storage full); undefined when all is well. */
export const $notice = atom<string | undefined>(undefined);

/**
 * True while what is stored could not be read in full and no copy of it could be set aside (storage
 * full): browsing then leaves it alone; only a deliberate change replaces it.
 */
let unreadable = false;

function decode(text: string): Progress {
  const { progress, notice, damaged } = readStoredProgress(text);
  // The raw text goes under a key of its own before anything can write over the original.
  unreadable = damaged === true && !setAside(progressStorageKey(siteBase()), text);
  $notice.set(notice);
  return progress;
}

// Empty progress removes the key rather than storing an empty document (but what was un-marked, and when, is kept).
const encode = (progress: Progress): string | undefined => (isEmptyProgress(progress) && !progress.undone ? undefined : JSON.stringify(progress));

/**
 * This browser's reading progress. Kept in localStorage through the pure parser, so damaged or foreign
 * data becomes empty progress and a `$notice`; other tabs' changes arrive through storage events.
 */
export const $progress = persistentAtom<Progress>(progressStorageKey(siteBase()), EMPTY_PROGRESS, { encode, decode });

const now = (): string => new Date().toISOString();

// pendingStorageKey is where a chapter page notes the visit, and a mark made before this store has
// loaded (progress-peek.ts, which stays small by not reading the document): `{ visit?: { chapter, at,
// title }, marks?: { <chapter id>: <date> | null } }`. The store applies it when it loads, through the
// same checks as every change, then removes it.

/** Stores `next`; `force` stores it even when unchanged; `browsing` (a visit) leaves a notice about set-aside data up. */
function save(next: Progress, force = false, browsing = false): boolean {
  if (next === $progress.get() && !force) return true;
  try {
    $progress.set(next);
  } catch {
    $notice.set('Your progress could not be saved in this browser (its storage is full or blocked).');
    return false;
  }
  unreadable = false;
  if (!browsing) $notice.set(undefined);
  return true;
}

/** Marks a chapter done now (keeping the first time it was marked). */
export function markChapter(id: string, at: string = now()): void {
  save(setChapterDone($progress.get(), id, at));
}

/** Marks a chapter not done (remembering when, so an older copy imported later does not bring it back). */
export function unmarkChapter(id: string, at: string = now()): void {
  save(setChapterDone($progress.get(), id, undefined, at));
}

/** Marks a path step (by its step key) done now, or not done with `done` false. */
export function markStep(key: string, done = true, at: string = now()): void {
  save(setStepDone($progress.get(), key, done ? at : undefined, done ? undefined : at));
}

/** Records the chapter being read, unless the stored progress could not be read (it is kept for the reader to decide). */
export function visit(chapter: string, title?: string, at: string = now()): void {
  if (unreadable) return;
  save(setVisited($progress.get(), chapter, at, title), false, true);
}

/**
 * Merges an imported file's text into this browser's progress; returns what it added, or why not
 * (the file's problems, or `not_saved` when this browser would not store the result). Word it with
 * transfer-wording.ts.
 */
export function importProgress(text: string, known?: ReadonlySet<string>): Result<Imported> {
  const result = importProgressText($progress.get(), text, known);
  if (result.ok && !save(result.value.progress)) {
    return refuse({ code: 'not_saved', field: '', expected: 'storage this browser lets the site use', given: 'storage that is full or blocked' });
  }
  return result;
}

/** Forgets all progress in this browser, including stored data that could not be read. */
export function reset(): void {
  save(EMPTY_PROGRESS, true);
}

/** Applies what chapter pages noted under `pendingStorageKey`, and each tab's marks under it (anything malformed is skipped), then removes them. */
export function applyPending(): void {
  const key = pendingStorageKey(siteBase());
  let keys: string[];
  try {
    keys = [key];
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name?.startsWith(`${key}#`)) keys.push(name);
    }
  } catch {
    return; // no storage here: nothing was noted
  }
  for (const name of keys) {
    let text: string | null;
    try {
      text = localStorage.getItem(name);
    } catch {
      return;
    }
    if (text === null) continue;
    applyNoted(text);
    // Removed once applied: a tab that sees it gone sees the progress that holds it.
    try {
      localStorage.removeItem(name);
    } catch {
      /* left for the next page */
    }
  }
}

/** Applies one noted text: `{ visit?, marks? }`. */
function applyNoted(text: string): void {
  if (!text || text.length > PROGRESS_LIMITS.text) return;
  let pending: unknown;
  try {
    pending = JSON.parse(text);
  } catch {
    return;
  }
  if (!isRecord(pending)) return;
  const { marks, visit: visited } = pending;
  if (isRecord(marks)) {
    for (const [chapter, at] of Object.entries(marks).slice(0, PROGRESS_LIMITS.chapters)) {
      if (typeof at === 'string') markChapter(chapter, at);
      else if (at === null) unmarkChapter(chapter);
    }
  }
  if (isRecord(visited) && typeof visited['chapter'] === 'string' && typeof visited['at'] === 'string') {
    visit(visited['chapter'], typeof visited['title'] === 'string' ? visited['title'] : undefined, visited['at']);
  }
}

applyPending();
