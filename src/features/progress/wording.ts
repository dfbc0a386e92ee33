/**
 * The sentences the progress views show, built from plain data so they are tested without a page;
 * the sentences of export and import are in transfer-wording.ts (only the progress page loads them).
 */
import { plural } from '../../common/plural.ts';

/** A path's count: "3 of 9 steps done". */
export function stepsDone(done: number, total: number): string {
  return `${done} of ${plural(total, 'step')} done`;
}
