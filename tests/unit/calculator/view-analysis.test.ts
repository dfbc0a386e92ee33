import { describe, expect, test } from 'vitest';
import { analysisView, rangeRows, sureSentence, whatIfView } from '../../../src/features/calculator/view/analysis.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import type { UncertaintyResult } from '../../../src/features/calculator/model/uncertainty.ts';
import { runUncertainty } from '../../../src/features/calculator/model/uncertainty.ts';
import { whatWouldHaveToBeTrue } from '../../../src/features/calculator/model/what-would-have-to-be-true.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { scenarioWith } from './fixtures.ts';

const fmt = createFormatters('en-US', 'USD');
const range = (probabilityLowest: number) => ({ p10: 2000, p50: 2500, p90: 3100.4, probabilityLowest });

describe('how sure the answer is', () => {
  const s = scenarioWith({});
  const evaluation = evaluate(s); // the agency is cheapest on the v2 defaults

  test('the cheapest option wins most runs: the answer holds', () => {
    const u: UncertaintyResult = { inHouse: range(0.05), outsourced: range(0.9), fullCycle: range(0), bridge: range(0.05) };
    expect(sureSentence(evaluation, u, s, ['inHouse', 'outsourced', 'fullCycle', 'bridge'], fmt)).toBe(
      'How sure: with the uncertain inputs varied within their spreads, the cheapest was the agency in 90% of 2,000 runs, in-house SDRs in 5% and SDRs with an agency bridge in 5%. The answer holds in most runs.',
    );
  });

  test('another option wins more runs: the uncertainty could change the answer', () => {
    const u: UncertaintyResult = { inHouse: range(0.55), outsourced: range(0.4), fullCycle: range(0), bridge: range(0.05) };
    expect(sureSentence(evaluation, u, s, ['inHouse', 'outsourced'], fmt)).toBe(
      'How sure: with the uncertain inputs varied within their spreads, the cheapest (of all 4 options) was in-house SDRs in 55% of 2,000 runs and the agency in 40%. The uncertainty could change the answer: in-house SDRs comes out cheapest more often than the agency.',
    );
  });

  test('no runs: said plainly, and the range table is hidden', () => {
    const off = scenarioWith({ uncertainty: { ...s.uncertainty, runs: 0 } });
    const u: UncertaintyResult = { inHouse: null, outsourced: null, fullCycle: null, bridge: null };
    const view = analysisView(evaluate(off), u, whatWouldHaveToBeTrue(off), off, ['inHouse', 'outsourced'], fmt);
    expect(view.sure).toBe('How sure: not measured, because the uncertainty run is off (0 runs). Set the number of runs above 0 to see it.');
    expect(view.hasRanges).toBe(false);
  });

  test('the range table rounds money and counts the runs', () => {
    const u: UncertaintyResult = {
      inHouse: range(0.25),
      outsourced: { p10: 1500, p50: 2000, p90: null, probabilityLowest: 0.75 },
      fullCycle: null,
      bridge: null,
    };
    expect(rangeRows(evaluation, u, s, fmt)).toEqual([
      ['In-house SDR team', '$2,000 – $3,100', '$2,962', 'Cheapest in 25% of 2,000 runs'],
      ['Outsourced agency', '$1,500 – no opportunities in some runs', '$2,258', 'Cheapest in 75% of 2,000 runs'],
    ]);
  });

  test('the real run on the defaults gives sentences without NaN or Infinity', () => {
    const view = analysisView(evaluation, runUncertainty(s, evaluation), whatWouldHaveToBeTrue(s, evaluation), s, ['inHouse', 'outsourced'], fmt);
    expect(JSON.stringify(view)).not.toMatch(/NaN|Infinity|undefined/);
    expect(view.ranges).toHaveLength(4);
  });
});

describe('what would have to be true', () => {
  test('each requirement is a sentence with the tie value next to the current value', () => {
    const view = whatIfView(
      {
        status: 'found',
        cheapest: 'outsourced',
        costPerOpportunity: 2258.3,
        options: [
          {
            model: 'inHouse',
            costPerOpportunity: 2962,
            requirements: [
              { path: 'inHouse.meetingsPerMonth', baseValue: 12, status: 'value', value: 15.74, costPerOpportunity: 2258.3 },
              { path: 'inHouse.meetingToOpportunity', baseValue: 0.45, status: 'value', value: 0.5903, costPerOpportunity: 2258.3 },
              { path: 'inHouse.baseSalary', baseValue: 55000, status: 'not-within-range', reason: 'x' },
            ],
          },
        ],
      },
      fmt,
    );
    expect(view).toEqual({
      whatIfIntro:
        'The agency costs the least per opportunity ($2,258). For each other option to cost as little, everything else as it is, one of these would have to be true:',
      whatIf: [
        {
          model: 'inHouse',
          title: 'In-house SDR team (now $2,962 per opportunity)',
          items: [
            'Meetings per SDR per month (in-house): 15.74 meetings (it is 12 meetings now).',
            'Meeting to opportunity (in-house): 59% (it is 45% now).',
            'Base salary (in-house): not within the allowed range (it is $55,000 now).',
          ],
        },
      ],
    });
  });

  test('when no option can be costed, the reason is shown instead', () => {
    expect(whatIfView({ status: 'no-cheapest', reason: 'No option can be costed.' }, fmt)).toEqual({ whatIfIntro: 'No option can be costed.', whatIf: [] });
  });
});
