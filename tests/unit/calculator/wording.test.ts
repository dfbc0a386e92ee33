import { describe, expect, test } from 'vitest';
import type { BreakEvenResult } from '../../../src/features/calculator/model/break-even.ts';
import { breakEvenText, comparisonRows, cumulative, formatFieldValue, humanize, tornadoRows, verdict } from '../../../src/features/calculator/view/wording.ts';
import { gapPercent } from '../../../src/features/calculator/view/answer.ts';
import { MODEL_IDS, evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { sensitivity } from '../../../src/features/calculator/model/sensitivity.ts';
import type { FieldPath } from '../../../src/features/calculator/fields.ts';
import { exportScenario, parseScenarioText } from '../../../src/features/calculator/codec.ts';
import { resultsJson } from '../../../src/features/calculator/results-file.ts';
import { METHODOLOGY_DEFAULTS, V1_FIGURES, allNumbers, scenarioWith as withFigures } from './fixtures.ts';

const fmt = createFormatters('en-US', 'USD');
// The figures below were worked out by hand for the version-1 defaults; V1_FIGURES keeps them, with
// no agency bridge, so option D is exactly the in-house team (its column repeats A's).
const D = V1_FIGURES;
const scenarioWith = (patch: Parameters<typeof withFigures>[0]) => withFigures(patch, V1_FIGURES);

describe('words', () => {
  test.each([
    ['Cannot size: inHouse.meetingsPerMonth is 0.', 'Cannot size: “Meetings per SDR per month (in-house)” is 0.'],
    [
      'fullCycle.prospectingShare and fullCycle.meetingToOpportunity are 0',
      '“Time spent prospecting (full-cycle)” and “Meeting to opportunity (full-cycle)” are 0',
    ],
    ['shared.workingDaysPerYear', '“Working days per year”'],
    ['inHouse.notAField stays', 'inHouse.notAField stays'],
  ])('humanize(%j)', (text, expected) => {
    expect(humanize(text)).toBe(expected);
  });

  test.each<[FieldPath, unknown, string]>([
    ['inHouse.baseSalary', 55000, '$55,000'],
    ['outsourced.pricePerMeeting', 12.5, '$12.50'],
    ['outsourced.internalHourlyCost', 75, '$75.00 per hour'],
    ['shared.grossMargin', 0.75, '75%'],
    ['horizonMonths', 24, '24 months'],
    ['inHouse.sdrsPerManager', 7.5, '7.5'],
    ['fullCycle.meetingsPerProspectingDay', 0.7, '0.7 meetings'],
    ['inHouse.teamStartsRamped', false, 'No'],
    ['fullCycle.aeTimeValuation', 'displacedMargin', 'Displaced gross margin'],
    ['inHouse.seats', null, 'sized for the target'],
    ['currency', 'EUR', 'EUR'],
  ])('%s = %j reads "%s"', (path, value, expected) => {
    expect(formatFieldValue(path, value, fmt)).toBe(expected);
  });
});

describe('the comparison and the verdict for the methodology defaults', () => {
  const evaluation = evaluate(D);

  test('the table, row by row', () => {
    const rows = comparisonRows(evaluation, D, fmt).map((row) => [row.label, ...MODEL_IDS.map((m) => row.cells[m].text)]);
    expect(rows).toEqual([
      // The last column is D: without a bridge it is the in-house team, figure for figure.
      ['Seats', '5 SDRs', '5 agency reps', '13 AEs', '5 SDRs'],
      ['Opportunities a month at run rate', '22.5', '21', '20.9', '22.5'],
      ['Total cost over 24 months', '$1,333,532', '$1,398,000', '$1,235,000', '$1,333,532'],
      ['Cost per meeting', '$1,182', '$1,013', '$1,475', '$1,182'],
      ['Cost per opportunity', '$2,627', '$2,894', '$2,459', '$2,627'],
      ['Cost per win', '$13,135', '$16,080', '$9,834', '$13,135'],
      ['Return on cost', '128.4%', '86.6%', '205.1%', '128.4%'],
      ['Months to run rate', '4 months', '2 months', '1 month', '4 months'],
    ]);
    const best = comparisonRows(evaluation, D, fmt).flatMap((row) => MODEL_IDS.filter((m) => row.cells[m].best).map((m) => `${row.id}:${m}`));
    expect(best).toEqual(['costPerOpportunity:fullCycle']);
  });

  test.each([
    [0.064, '6.4%'],
    [0.15, '15%'],
    [0.0004, 'less than 0.1%'],
    [0.996, 'more than 99%'],
    [0.99999, 'more than 99%'],
    [1, '100%'],
  ])('a gap of %s reads "%s", never 100%% from rounding', (share, text) => {
    expect(gapPercent(share, fmt)).toBe(text);
  });

  test('the verdict', () => {
    // 2,626.96 − 2,458.59 = 168 (6.4 % of 2,626.96); 2,894.41 − 2,458.59 = 436 (15.1 %); displaced margin: 13 AEs × 0.2 × 800,000 × 0.5 × 0.75 / 12 × 24 / 502.32.
    expect(verdict(evaluation, D, fmt)).toEqual({
      comparison: 'all',
      headline: 'Full-cycle AEs: $2,459 per opportunity, $168 (6.4%) less than in-house SDRs and $436 (15%) less than the agency.',
      details: [
        '5 SDRs (sized for the target) make about 22.5 opportunities a month at full strength, against a target of 20.',
        '5 agency reps (sized for the target) make about 21 opportunities a month at full strength, against a target of 20.',
        'Full-cycle needs 13 AEs each prospecting 20% of their time (2.6 full-time equivalents) to make 20 opportunities a month.',
        'The agency bridge is off (0 months), so in-house with a bridge is the in-house team alone.',
        'AE prospecting time is valued at its salary cost. Valued at the gross margin it displaces, full-cycle AEs would cost $3,106 per opportunity. That would change the answer.',
      ],
      figures: [
        { model: 'inHouse', label: 'In-house SDR team', cost: '$2,627', runRate: '22.5 a month', cheapest: false },
        { model: 'outsourced', label: 'Outsourced agency', cost: '$2,894', runRate: '21 a month', cheapest: false },
        { model: 'fullCycle', label: 'Full-cycle AEs', cost: '$2,459', runRate: '20.9 a month', cheapest: true },
      ],
      errors: [],
    });
  });

  test('a model that cannot reach the target is named with the reason; the others are compared', () => {
    const scenario = scenarioWith({ inHouse: { meetingsPerMonth: 0 } });
    const result = verdict(evaluate(scenario), scenario, fmt);
    expect(result.headline).toBe(
      'Full-cycle AEs: $2,459 per opportunity, $436 (15%) less than the agency. In-house SDRs cannot be costed per opportunity with these inputs: see why below.',
    );
    expect(result.errors).toEqual([
      {
        model: 'inHouse',
        message:
          'Cannot size In-house SDR team for 20 opportunities a month: one seat creates no opportunities at steady state (“Meetings per SDR per month (in-house)” is 0). Enter a number of seats or change that input.',
      },
      {
        model: 'bridge',
        message:
          'In-house with an agency bridge uses both teams, and one cannot be sized: Cannot size In-house SDR team for 20 opportunities a month: one seat creates no opportunities at steady state (“Meetings per SDR per month (in-house)” is 0). Enter a number of seats or change that input.',
      },
    ]);
    const seats = comparisonRows(evaluate(scenario), scenario, fmt)[0]!;
    expect(seats.cells.inHouse).toEqual({ text: '—', note: 'Cannot reach the target: see below.', best: false });
  });

  test('no model can be costed: said in words, and no number is ever NaN or infinite', () => {
    const scenario = scenarioWith({
      inHouse: { seats: 3, meetingsPerMonth: 0 },
      outsourced: { seats: 2, meetingsPerSeatPerMonth: 0 },
      fullCycle: { seats: 4, prospectingShare: 0 },
    });
    const evaluation = evaluate(scenario);
    const result = verdict(evaluation, scenario, fmt);
    expect(result.headline).toBe('None of the options can be costed per opportunity with these inputs: see why below.');
    const rows = comparisonRows(evaluation, scenario, fmt);
    const costPerOpportunity = rows.find((row) => row.id === 'costPerOpportunity')!;
    expect(costPerOpportunity.cells.inHouse).toEqual({
      text: '—',
      note: 'No meetings in the horizon: “Meetings per SDR per month (in-house)” is 0.',
      best: false,
    });
    expect(JSON.stringify(rows)).not.toMatch(/NaN|Infinity/);
  });

  test('entered seats are said to be entered, with what they reach', () => {
    const scenario = scenarioWith({ outsourced: { seats: 3 } });
    expect(verdict(evaluate(scenario), scenario, fmt).details[1]).toBe(
      '3 agency reps make about 12.6 opportunities a month against a target of 20: 7.4 short (37%).',
    );
  });
});

describe('break-even sentences', () => {
  const common = { path: 'outsourced.monthlyFeePerSeat', models: ['inHouse', 'outsourced'], baseValue: 11500, range: { min: 0, max: 1e9 } } as const;
  test.each<[string, BreakEvenResult, string]>([
    [
      'a crossing',
      {
        ...common,
        status: 'crossing',
        value: 10424.2,
        below: 'outsourced',
        above: 'inHouse',
        costPerOpportunity: 2627,
        crossings: [{ value: 10424.2, below: 'outsourced', above: 'inHouse' }],
      },
      'In-house SDRs and the agency cost the same per opportunity ($2,627) when “Monthly fee per rep (agency)” is about $10,424 (it is $11,500 now). Below that, the agency is cheaper; above it, in-house SDRs are cheaper.',
    ],
    [
      'a whole-number input',
      {
        ...common,
        path: 'inHouse.rampMonths',
        baseValue: 3,
        range: { min: 0, max: 24 },
        status: 'crossing',
        value: 6,
        below: 'inHouse',
        above: 'outsourced',
        costPerOpportunity: 2930,
        crossings: [{ value: 6, below: 'inHouse', above: 'outsourced' }],
      },
      'In-house SDRs and the agency cost the same per opportunity ($2,930) when “Ramp (in-house)” is 6 months (it is 3 months now). Below that, in-house SDRs are cheaper; above it, the agency is cheaper.',
    ],
    [
      'no crossing',
      {
        ...common,
        models: ['fullCycle', 'inHouse'],
        path: 'fullCycle.prospectingShare',
        baseValue: 0.2,
        range: { min: 0, max: 1 },
        status: 'no-crossing',
        cheaper: 'fullCycle',
        reason: '',
      },
      'No crossing in range: the cost per opportunity is lower with full-cycle AEs than with in-house SDRs for every “Time spent prospecting (full-cycle)” from 0% to 100%.',
    ],
    [
      'nothing computable',
      {
        ...common,
        status: 'no-crossing',
        cheaper: null,
        reason: 'Cost per opportunity cannot be computed for In-house SDR team and Outsourced agency anywhere in the range of outsourced.monthlyFeePerSeat.',
      },
      'No crossing in range. Cost per opportunity cannot be computed for In-house SDR team and Outsourced agency anywhere in the range of “Monthly fee per rep (agency)”.',
    ],
  ])('%s', (_name, result, expected) => {
    expect(breakEvenText(result, fmt)).toBe(expected);
  });
});

describe('series, tornado and files', () => {
  test('running totals', () => {
    expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
    expect(cumulative([])).toEqual([]);
  });

  test('the tornado keeps inputs that move the result, largest swing first, at most the limit', () => {
    const rows = tornadoRows(sensitivity(D), 'fullCycle', 20);
    expect(rows.map((row) => row.label)).not.toContain('Time spent prospecting (full-cycle)');
    expect(rows.every((row, i) => i === 0 || rows[i - 1]!.swing >= row.swing)).toBe(true);
    expect(rows[0]!.label).toBe('Working days per year');
    expect(tornadoRows(sensitivity(D), 'inHouse', 3)).toHaveLength(3);
  });

  test('the JSON export is the command line’s format', () => {
    const evaluation = evaluate(D);
    const parsed = JSON.parse(resultsJson(D, evaluation)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'inHouse', 'outsourced', 'fullCycle', 'bridge', 'scenario']);
    // The scenario is written whole: every spread too, 0 where the input is held fixed.
    expect(parsed['scenario']).toEqual(exportScenario(D));
    expect(parseScenarioText(JSON.stringify(parsed), METHODOLOGY_DEFAULTS)).toEqual({ ok: true, value: D });
    expect(allNumbers(parsed).filter(({ value }) => !Number.isFinite(value))).toEqual([]);
  });
});
