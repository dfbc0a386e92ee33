import type { Scenario } from '../fields.ts';
import { findBreakEven } from '../model/break-even.ts';
import type { Formatters } from '../../../common/format.ts';
import type { BreakEvenQuery } from './view-model.ts';
import { breakEvenText } from './wording.ts';

/**
 * The break-even sentence for a question (or why there is none: the same model twice). On its own so
 * that the page loads the break-even search (model/break-even.ts) only when a reader asks for it, or
 * once the inputs have changed from the defaults, whose sentence the server wrote.
 */
export function breakEvenSentence(scenario: Scenario, query: BreakEvenQuery, fmt: Formatters): string {
  const [a, b] = query.models;
  if (a === b) return 'Choose two different models to compare.';
  return breakEvenText(findBreakEven(scenario, { path: query.path, models: [a, b] }), fmt);
}
