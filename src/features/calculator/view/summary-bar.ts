import type { AnswerFigure } from './answer.ts';
import { MISSING } from '../../../common/format.ts';
import { plural } from '../../../common/plural.ts';

/**
 * The one line that stays in view at the foot of the screen on phones and tablets while the inputs
 * are edited: the cheapest option of the chosen question and its cost per opportunity (the
 * verdict's own measure), and whether the answer is out of date. Pure; render.ts shows it as text.
 */

/** What the bar says for the answer's figures; `waiting` counts inputs to fix or values to confirm. */
export function summaryLine(figures: readonly AnswerFigure[], waiting: { errors: number; unconfirmed: number } = { errors: 0, unconfirmed: 0 }): string {
  const cheapest = figures.filter((f) => f.cheapest);
  const costed = figures.filter((f) => f.cost !== MISSING);
  let line: string;
  if (cheapest.length > 0) {
    const names = cheapest.map((f) => f.label).join(' and ');
    line = `${cheapest.length > 1 ? 'Cheapest, tied' : 'Cheapest'}: ${names}, ${cheapest[0]?.cost} per opportunity.`;
  } else if (costed.length === 1 && costed[0]) {
    line = `Only ${costed[0].label} can be costed: ${costed[0].cost} per opportunity.`;
  } else {
    line = 'No option can be costed per opportunity with these inputs.';
  }
  const reasons = [
    waiting.errors > 0 ? `${plural(waiting.errors, 'input')} to fix` : '',
    waiting.unconfirmed > 0 ? `${plural(waiting.unconfirmed, 'value')} to confirm` : '',
  ].filter(Boolean);
  return reasons.length > 0 ? `Out of date (${reasons.join(', ')}). ${line}` : line;
}
