import { siteBase } from '../../browser/data-attrs.ts';

/**
 * What an assessment page's first script (assessment-start.ts) and its code (pb-assessment.ts, store.ts)
 * share: where this browser keeps the answers, the answers given before the code had started, and the
 * event that says it has. Small, so the first script stays small.
 */

/** Fired on `<pb-assessment>` once it has started (its `data-started` is then set): its listeners are in place, or it has said why it cannot score. */
export const STARTED_EVENT = 'pb-assessment-started';

/**
 * An assessment's saved state (store.ts), per site base path, so two playbooks hosted under different
 * sub-paths of one intranet host keep separate answers, e.g. `pb-assessment:/sales/playbook/prospecting-habits`.
 */
export const assessmentStorageKey = (base: string, assessmentId: string): string => `pb-assessment:${base}${assessmentId}`;

/** Answers given before the code had started, as `{ questionId: option index }`, applied and removed by the code when it starts. */
export const assessmentPendingKey = (base: string, assessmentId: string): string => `pb-assessment-pending:${base}${assessmentId}`;

type Pending = Record<string, number>;

function readPending(key: string): Pending {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Pending) : {};
  } catch {
    return {};
  }
}

/** Notes an answer given before the code has started, so that a reload meanwhile loses nothing. */
export function notePendingAnswer(assessmentId: string, question: string, index: number): void {
  const key = assessmentPendingKey(siteBase(), assessmentId);
  try {
    localStorage.setItem(key, JSON.stringify({ ...readPending(key), [question]: index }));
  } catch {
    // Storage turned off or full: the answer is still passed on once the code has started (first-act.ts).
  }
}

/** The answers noted before the code started, as [question, option index] pairs (whole numbers only), removed from storage. */
export function takePendingAnswers(assessmentId: string): [string, number][] {
  const key = assessmentPendingKey(siteBase(), assessmentId);
  const pending = readPending(key);
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
  return Object.entries(pending).filter((entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] >= 0);
}
