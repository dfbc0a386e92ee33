import { describe, expect, test } from 'vitest';
import { summaryLine } from '../../../src/features/calculator/view/summary-bar.ts';
import { answerFigures, comparisonFor } from '../../../src/features/calculator/view/answer.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { scenarioWith } from './fixtures.ts';

const fmt = createFormatters('en-US', 'USD');
const figures = (id: string, scenario = scenarioWith({})) => answerFigures(evaluate(scenario), comparisonFor(id), fmt);

describe('the summary bar kept in view while editing', () => {
  test('names the cheapest option of the chosen question and its cost per opportunity', () => {
    // v2 defaults: the agency at $2,258 per opportunity is the cheapest of all four.
    expect(summaryLine(figures('all'))).toBe('Cheapest: Outsourced agency, $2,258 per opportunity.');
    // The question matters: of SDRs or full-cycle AEs, the SDRs ($2,962 against $3,824).
    expect(summaryLine(figures('inHouse-fullCycle'))).toBe('Cheapest: In-house SDR team, $2,962 per opportunity.');
  });

  test('says the answer is out of date while an input needs fixing or a value waits to be confirmed', () => {
    expect(summaryLine(figures('all'), { errors: 2, unconfirmed: 0 })).toBe(
      'Out of date (2 inputs to fix). Cheapest: Outsourced agency, $2,258 per opportunity.',
    );
    expect(summaryLine(figures('all'), { errors: 1, unconfirmed: 1 })).toBe(
      'Out of date (1 input to fix, 1 value to confirm). Cheapest: Outsourced agency, $2,258 per opportunity.',
    );
  });

  test('an option that cannot be costed is never called the cheapest', () => {
    // No agency meetings: the agency cannot be sized, so only in-house SDRs are left in this question.
    const noAgency = scenarioWith({ outsourced: { meetingsPerSeatPerMonth: 0 } });
    expect(summaryLine(figures('inHouse-outsourced', noAgency))).toBe('Only In-house SDR team can be costed: $2,962 per opportunity.');
    const nothing = scenarioWith({ outsourced: { meetingsPerSeatPerMonth: 0 }, inHouse: { meetingsPerMonth: 0 } });
    expect(summaryLine(figures('inHouse-outsourced', nothing))).toBe('No option can be costed per opportunity with these inputs.');
  });
});
