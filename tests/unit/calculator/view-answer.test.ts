import { describe, expect, test } from 'vitest';
import { comparisonFor, comparisons, capacitySentence, headline, requiredProspectingShare } from '../../../src/features/calculator/view/answer.ts';
import { verdict } from '../../../src/features/calculator/view/wording.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { V1_FIGURES, scenarioWith } from './fixtures.ts';

const fmt = createFormatters('en-US', 'USD');
// The leader from the issue, on the version-1 defaults they used (no bridge): SDR base 70,000, 4 SDRs, agency 12,000 a rep a month.
const leader = scenarioWith({ inHouse: { seats: 4, baseSalary: 70000 }, outsourced: { monthlyFeePerSeat: 12000 } }, V1_FIGURES);

describe('the question a leader asks', () => {
  test('the page offers all options and each pair a leader debates', () => {
    expect(comparisons().map((c) => [c.id, c.label])).toEqual([
      ['all', 'Which is cheapest? (all four)'],
      ['inHouse-outsourced', 'SDRs or an agency?'],
      ['inHouse-fullCycle', 'SDRs or full-cycle AEs?'],
      ['outsourced-fullCycle', 'An agency or full-cycle AEs?'],
      ['inHouse-bridge', 'SDRs alone or with an agency bridge?'],
      ['outsourced-bridge', 'An agency, or SDRs with an agency bridge?'],
    ]);
  });

  test('an unknown question falls back to all options', () => {
    expect(comparisonFor('<script>').id).toBe('all');
    expect(comparisonFor('bridge-inHouse').id).toBe('all');
    expect(comparisonFor('inHouse-bridge').models).toEqual(['inHouse', 'bridge']);
  });

  test('SDRs or an agency, 1.4 % apart, is too close to call, with both figures', () => {
    // $2,977 vs $3,019 per opportunity: the numbers the issue reports for this leader.
    expect(headline(evaluate(leader), comparisonFor('inHouse-outsourced'), fmt)).toBe(
      'SDRs or an agency? Too close to call on these inputs: in-house SDRs $2,977 and the agency $3,019 per opportunity, 1.4% apart.',
    );
  });

  test('a clear answer names the cheaper option with the gap in money and percent', () => {
    // v2 defaults: 6 SDRs at $2,962 per opportunity against 4 agency reps at $2,258; 704 / 2,962 = 23.8 %.
    expect(headline(evaluate(scenarioWith({})), comparisonFor('inHouse-outsourced'), fmt)).toBe(
      'SDRs or an agency? The agency: $2,258 per opportunity, $703 (24%) less than in-house SDRs.',
    );
  });

  test('without a bridge, option D is left out of the answer rather than shown as a tie with the in-house team', () => {
    const answer = verdict(evaluate(leader), leader, fmt, comparisonFor('all'));
    expect(answer.figures.map((f) => f.model)).toEqual(['inHouse', 'outsourced', 'fullCycle']);
    const pair = verdict(evaluate(leader), leader, fmt, comparisonFor('inHouse-bridge'));
    expect(pair.details).toContain('The agency bridge is off (0 months), so in-house with a bridge is the in-house team alone.');
  });

  test('the bridge says how many agency reps cover the first months', () => {
    const s = scenarioWith({});
    expect(capacitySentence(evaluate(s), s, 'bridge', fmt)).toBe(
      '6 SDRs (sized for the target), with 4 agency reps for the first 6 months, make about 23.5 opportunities a month at full strength, against a target of 20.',
    );
  });

  test('the verdict answers only the chosen question', () => {
    const answer = verdict(evaluate(leader), leader, fmt, comparisonFor('inHouse-outsourced'));
    expect(answer.figures.map((f) => f.model)).toEqual(['inHouse', 'outsourced']);
    expect(answer.details).toEqual([
      '4 SDRs make about 18 opportunities a month against a target of 20: 2 short (10%).',
      '5 agency reps (sized for the target) make about 21 opportunities a month at full strength, against a target of 20.',
    ]);
  });
});

describe('what each team makes against the target', () => {
  test('full-cycle sized for the target: how many AEs, their share and full-time equivalents', () => {
    const s = scenarioWith({});
    expect(capacitySentence(evaluate(s), s, 'fullCycle', fmt)).toBe(
      'Full-cycle needs 20 AEs each prospecting 20% of their time (4 full-time equivalents) to make 20 opportunities a month.',
    );
  });

  test('a fixed full-cycle team: the share of time it would need', () => {
    const s = scenarioWith({ fullCycle: { seats: 5 } });
    expect(capacitySentence(evaluate(s), s, 'fullCycle', fmt)).toBe(
      'Your 5 AEs prospecting 20% of their time (1 full-time equivalent) make about 5.2 opportunities a month against a target of 20: 14.8 short (74%); they would need to spend 77.3% of their time prospecting.',
    );
  });

  test('more than all of their time is not reachable by these AEs alone', () => {
    const s = scenarioWith({ fullCycle: { seats: 2 } });
    expect(requiredProspectingShare(s, 2)).toBeGreaterThan(1);
    expect(capacitySentence(evaluate(s), s, 'fullCycle', fmt)).toMatch(
      /would need to spend 193\.2% of their time prospecting: not reachable by these AEs alone\.$/,
    );
  });

  test('AEs who book no meetings: no share of time would reach the target, and no NaN', () => {
    const s = scenarioWith({ fullCycle: { seats: 3, meetingsPerProspectingDay: 0 } });
    expect(requiredProspectingShare(s, 3)).toBeNull();
    expect(capacitySentence(evaluate(s), s, 'fullCycle', fmt)).toMatch(/they book no meetings, so no share of their time would reach it\.$/);
  });

  test('a team that cannot be computed has no sentence (its error is shown instead)', () => {
    const s = scenarioWith({ inHouse: { meetingsPerMonth: 0 } });
    expect(capacitySentence(evaluate(s), s, 'inHouse', fmt)).toBeNull();
  });

  test('a team that meets the target is not said to be short', () => {
    const s = scenarioWith({ inHouse: { seats: 6 } });
    expect(capacitySentence(evaluate(s), s, 'inHouse', fmt)).toBe('6 SDRs make about 23.5 opportunities a month against a target of 20.');
  });
});
