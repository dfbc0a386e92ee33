import { describe, expect, test } from 'vitest';
import { findBreakEven } from '../../../src/features/calculator/model/break-even.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { sensitivity } from '../../../src/features/calculator/model/sensitivity.ts';
import type { Problem } from '../../../src/common/problems.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { STATUS, importTitle, problemItems, problemText, staleItems } from '../../../src/features/calculator/view/notices.ts';
import { DEFAULT_BREAK_EVEN, calculatorView } from '../../../src/features/calculator/view/view-model.ts';
import { breakEvenSentence } from '../../../src/features/calculator/view/break-even-sentence.ts';
import {
  breakEvenText,
  comparisonRows,
  cumulativeChart,
  cumulativeTable,
  sensitivityChart,
  sensitivityTable,
  tornadoRows,
  verdict,
} from '../../../src/features/calculator/view/wording.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

const D = METHODOLOGY_DEFAULTS;
const fmt = createFormatters('en-US', 'USD');

describe('calculatorView', () => {
  test('the server render shows exactly what the wording functions give for the defaults', () => {
    const view = calculatorView(D, fmt);
    const evaluation = evaluate(D);
    expect(view.evaluation).toEqual(evaluation);
    expect(view.rows).toEqual(comparisonRows(evaluation, D, fmt));
    expect(view.verdict).toEqual(verdict(evaluation, D, fmt));
    expect(view.cost).toEqual({ svg: cumulativeChart(evaluation, 'cost', fmt, { width: 560, height: 300 }), table: cumulativeTable(evaluation, 'cost', fmt) });
    const rows = tornadoRows(sensitivity(D, { base: evaluation }), 'inHouse');
    expect(view.tornado).toEqual({
      model: 'inHouse',
      name: 'In-house SDR team',
      svg: sensitivityChart(rows, evaluation.inHouse.costPerOpportunity, 'inHouse', fmt, 560),
      table: sensitivityTable(rows, fmt),
    });
  });

  test('charts are drawn at the width their holder offers, within 280-900 pixels', () => {
    const sizes = [0, 200, 400, 700, 2000].map((width) => calculatorView(D, fmt, { widths: { cost: width, opportunities: width, tornado: width } }));
    expect(sizes.map((view) => view.cost.svg.attrs['viewBox'])).toEqual(['0 0 560 300', '0 0 280 250', '0 0 400 250', '0 0 700 300', '0 0 900 300']);
  });

  test('field hints follow the scenario: the days-out range, the currency, percentages', () => {
    const view = calculatorView(scenarioWith({ currency: 'EUR', shared: { workingDaysPerYear: 150 } }), createFormatters('en-US', 'EUR'));
    expect(view.fields['inHouse.daysOutPerYear']).toEqual({ range: '0 to 149 days', unit: 'days', min: 0, max: 149, step: 1 });
    expect(view.fields['inHouse.baseSalary'].unit).toBe('EUR');
    expect(view.fields['shared.grossMargin']).toMatchObject({ range: '0 to 100 %', min: 0, max: 100, step: 1 });
  });

  test('the line under each seats input', () => {
    const scenario = scenarioWith({ inHouse: { seats: 3, meetingsPerMonth: 0 }, outsourced: { meetingsPerSeatPerMonth: 0 } });
    const view = calculatorView(scenario, fmt);
    expect(view.seats.inHouse).toBe('Entered by you');
    expect(view.seats.outsourced).toBe('Cannot be sized for the target: see the results.');
    expect(view.seats.fullCycle).toBe(`Sized for the target: ${fmt.number(view.evaluation.fullCycle.seats, 0)}`);
  });

  test('the break-even sentence', () => {
    expect(breakEvenSentence(D, DEFAULT_BREAK_EVEN, fmt)).toBe(breakEvenText(findBreakEven(D, DEFAULT_BREAK_EVEN), fmt));
    expect(breakEvenSentence(D, { path: 'horizonMonths', models: ['inHouse', 'inHouse'] }, fmt)).toBe('Choose two different models to compare.');
  });
});

describe('notices', () => {
  test('a field the calculator does not have is named by its code, whatever the wording', () => {
    const unknown: Problem = { code: 'unknown_field', field: 'inHouse.salary', expected: 'anything at all', given: '1' };
    expect(problemText(unknown, D, fmt, true)).toBe('“inHouse.salary” is not an input of the calculator (given 1); it was ignored.');
    const group: Problem = { code: 'wrong_type', field: 'inHouse', expected: 'an object', given: '"5"' };
    expect(problemText(group, D, fmt, true)).toBe('“inHouse”: expected an object; given "5".');
    const file: Problem = { code: 'not_parseable', field: '', expected: 'a JSON object', given: 'text' };
    expect(problemText(file, D, fmt, false)).toBe('The file: expected a JSON object; given text.');
  });

  test('a field of the calculator is named, with the default used instead (links only)', () => {
    const problem: Problem = { code: 'out_of_range', field: 'shared.grossMargin', expected: 'a number from 0 to 1', given: '5' };
    expect(problemText(problem, D, fmt, true)).toBe('Gross margin (shared.grossMargin): expected a number from 0 to 1; given 5. Using the default, 75%.');
    expect(problemText(problem, D, fmt, false)).toBe('Gross margin (shared.grossMargin): expected a number from 0 to 1; given 5.');
  });

  test('long lists are cut at twenty and counted; titles and status count', () => {
    const many = Array.from({ length: 23 }, (_, i): Problem => ({ code: 'unknown_field', field: `x${i}`, expected: '', given: '1' }));
    expect(problemItems(many, D, fmt, false).slice(-2)).toEqual(['“x19” is not an input of the calculator (given 1); it was ignored.', '…and 3 more.']);
    expect([importTitle('a.json', 1), importTitle('b.json', 2)]).toEqual([
      '“a.json” was not imported (1 problem); nothing was changed:',
      '“b.json” was not imported (2 problems); nothing was changed:',
    ]);
    expect([STATUS.stale(1), STATUS.stale(3)]).toEqual(['Out of date: 1 input needs fixing', 'Out of date: 3 inputs need fixing']);
    expect(staleItems(new Map([['shared.grossMargin', 'Too high. Allowed: 0 to 100 %.']]))).toEqual([
      { href: '#f-shared-grossMargin', text: 'Gross margin: Too high. Allowed: 0 to 100 %.' },
    ]);
  });
});
