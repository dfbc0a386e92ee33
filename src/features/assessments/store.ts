/**
 * The store of one self-assessment in this browser: `$saved` (answers, finished run, name, history;
 * the format is saved.ts) persisted under `pb-assessment:<base path><id>`, `$notice` for what could
 * not be read or saved, and the actions that change them.
 */
// Before anything builds a zod schema: see the module.
import '../../browser/zod-jitless.ts';
import { atom, type ReadableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import '../../browser/storage.ts'; // installs the safe storage engine before any store is created
import type { Assessment } from './schema.ts';
import { EMPTY_SAVED, MAX_HISTORY, readSaved, type HistoryEntry, type SavedAssessment } from './saved.ts';
import { siteBase } from '../../browser/data-attrs.ts';
import { assessmentStorageKey } from './started.ts';
import { setAside } from '../../browser/set-aside.ts';

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

/** localStorage key of an assessment's saved state, per site base path (started.ts). */
export const storageKey = assessmentStorageKey;

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
  const key = storageKey(siteBase(), assessment.id);
  const $persisted = persistentAtom<SavedAssessment>(key, EMPTY_SAVED, {
    encode: (value) => JSON.stringify(value),
    decode: (text) => {
      const read = readSaved(text, assessment);
      if (read.notice) $notice.set(read.notice);
      // The raw text goes under a key of its own before anything can write over the original; only
      // the reader's own actions write (browsing does not), so where storage is full it stays until then.
      if (read.damaged) setAside(key, text);
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
