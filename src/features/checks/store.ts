/**
 * This browser's knowledge-check results and review schedule, kept in localStorage under
 * `pb-checks:<base path>` and read through `readStoredChecks`: damaged entries are set aside one by
 * one, the raw text is kept as a set-aside copy (browser/set-aside.ts) and `$checksNotice` says so.
 */
import { persistentAtom } from '@nanostores/persistent';
import { atom } from 'nanostores';
import { siteBase } from '../../browser/data-attrs.ts';
import { setAside } from '../../browser/set-aside.ts';
import { checksStorageKey } from '../../browser/storage-keys.ts';
import '../../browser/storage.ts'; // installs the safe storage engine before the store below is created
import { EMPTY_CHECKS, isEmptyChecks, readStoredChecks, recordAttempt, type AttemptScore, type ChecksState } from './model.ts';
import { nextReview } from '../review/schedule.ts';

// The localStorage key of the check results for a site hosted at `base` (browser/storage-keys.ts).
export { checksStorageKey };

const base = siteBase();

/** A message about stored check results (entries set aside, storage full); undefined when all is well. */
export const $checksNotice = atom<string | undefined>(undefined);

function decode(text: string): ChecksState {
  const { state, notice } = readStoredChecks(text);
  if (notice) {
    // The raw text goes under the site's set-aside key before anything can write over the original:
    // every page then offers the reader to download or discard it, as for progress and assessments.
    setAside(checksStorageKey(base), text);
    $checksNotice.set(notice);
  }
  return state;
}

const encode = (state: ChecksState): string | undefined => (isEmptyChecks(state) ? undefined : JSON.stringify(state));

/** Check results and review schedule in this browser. */
export const $checks = persistentAtom<ChecksState>(checksStorageKey(base), EMPTY_CHECKS, { encode, decode });

/**
 * Records a submitted attempt of `chapter`'s check: attempts, best score, first pass, and each
 * question's next review (wrong: tomorrow; right: the next interval).
 */
export function recordCheckAttempt(chapter: string, score: AttemptScore, at: Date = new Date()): void {
  const state = $checks.get();
  const next = recordAttempt(state, chapter, score, at.toISOString());
  const review = { ...next.review };
  for (const q of score.questions) {
    const key = `${chapter}/${q.id}`;
    const item = nextReview(Object.hasOwn(review, key) ? review[key] : undefined, chapter, q.id, q.right, at);
    if (item) review[key] = item;
    else delete review[key];
  }
  try {
    $checks.set({ ...next, review });
  } catch {
    $checksNotice.set('Your check results could not be saved in this browser (its storage is full or blocked).');
  }
}

/** Records a review answer for one question (from "Today's review"). */
export function recordReview(chapter: string, question: string, right: boolean, at: Date = new Date()): void {
  const state = $checks.get();
  const key = `${chapter}/${question}`;
  const review = { ...state.review };
  const item = nextReview(Object.hasOwn(review, key) ? review[key] : undefined, chapter, question, right, at);
  if (item) review[key] = item;
  else delete review[key];
  $checks.set({ ...state, review });
}
