import { describe, expect, test } from 'vitest';
import { findBreakEven } from '../../../src/features/calculator/model/break-even.ts';
import { evaluate, modelsAffectedBy } from '../../../src/features/calculator/model/cost-model.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

// In-house: one ramped SDR, no attrition, hiring or management; 60,000 a year = 5,000 a month;
// 10 meetings → 5 opportunities a month: 1,000 per opportunity.
// Agency: one rep, no onboarding, set-up, oversight or term; 10 meetings → 5 opportunities a month:
// cost per opportunity = (setup + H · fee) / (5 · H).
const SIMPLE = scenarioWith({
  horizonMonths: 12,
  inHouse: {
    seats: 1,
    teamStartsRamped: true,
    annualAttrition: 0,
    rampMonths: 0,
    baseSalary: 60000,
    variableAtTarget: 0,
    burdenRate: 0,
    toolsPerSeatPerMonth: 0,
    managerAnnualCost: 0,
    daysOutPerYear: 0,
    meetingsPerMonth: 10,
    meetingToOpportunity: 0.5,
  },
  outsourced: {
    seats: 1,
    monthlyFeePerSeat: 4000,
    onboardingMonths: 0,
    setupFee: 0,
    pricePerMeeting: 0,
    oversightHoursPerMonth: 0,
    minimumTermMonths: 0,
    meetingsPerSeatPerMonth: 10,
    meetingToOpportunity: 0.5,
  },
});

describe('break-even', () => {
  test('agency fee: fee / 5 = 1,000 at a fee of 5,000', () => {
    const result = findBreakEven(SIMPLE, { path: 'outsourced.monthlyFeePerSeat', models: ['inHouse', 'outsourced'] });
    expect(result.status).toBe('crossing');
    if (result.status !== 'crossing') return;
    expect(result.value).toBeCloseTo(5000, 6);
    expect(result.costPerOpportunity).toBeCloseTo(1000, 9);
    // Below 5,000 the agency is cheaper; above it, the in-house team.
    expect(result).toMatchObject({ below: 'outsourced', above: 'inHouse', baseValue: 4000 });
    expect(result.crossings).toHaveLength(1);
  });

  test('in-house salary: base / 12 / 5 = 800 (the agency at 4,000 a month) at 48,000', () => {
    const result = findBreakEven(SIMPLE, { path: 'inHouse.baseSalary', models: ['inHouse', 'outsourced'] });
    expect(result.status === 'crossing' && result.value).toBeCloseTo(48000, 5);
    expect(result).toMatchObject({ below: 'inHouse', above: 'outsourced' });
  });

  test.each([
    // 6,000 set-up: 6,000 / (5H) + 800 = 1,000 exactly at H = 6.
    { setupFee: 6000, value: 6 },
    // 6,500 set-up: 1,300 / H + 800 = 1,000 at H = 6.5; whole months: from month 7 on.
    { setupFee: 6500, value: 7 },
  ])('horizon with a set-up fee of $setupFee: $value months', ({ setupFee, value }) => {
    const scenario = scenarioWith({ outsourced: { setupFee } }, SIMPLE);
    const result = findBreakEven(scenario, { path: 'horizonMonths', models: ['inHouse', 'outsourced'] });
    expect(result).toMatchObject({ status: 'crossing', value, below: 'inHouse', above: 'outsourced' });
  });

  test('the models order does not change the value', () => {
    const a = findBreakEven(SIMPLE, { path: 'outsourced.monthlyFeePerSeat', models: ['inHouse', 'outsourced'] });
    const b = findBreakEven(SIMPLE, { path: 'outsourced.monthlyFeePerSeat', models: ['outsourced', 'inHouse'] });
    expect(a.status === 'crossing' && b.status === 'crossing' && Math.abs(a.value - b.value)).toBeLessThan(1e-6);
  });

  test('an input that moves neither model: no crossing in range', () => {
    const result = findBreakEven(SIMPLE, { path: 'fullCycle.aeAnnualOte', models: ['inHouse', 'outsourced'] });
    expect(result).toMatchInlineSnapshot(`
      {
        "baseValue": 190000,
        "cheaper": "outsourced",
        "models": [
          "inHouse",
          "outsourced",
        ],
        "path": "fullCycle.aeAnnualOte",
        "range": {
          "max": 1000000000,
          "min": 0,
        },
        "reason": "No crossing in range: the cost per opportunity is lower with Outsourced agency for every value of fullCycle.aeAnnualOte from 0 to 1000000000.",
        "status": "no-crossing",
      }
    `);
  });

  test('a narrower range can exclude the crossing', () => {
    const result = findBreakEven(SIMPLE, {
      path: 'outsourced.monthlyFeePerSeat',
      models: ['inHouse', 'outsourced'],
      range: { min: 6000, max: 9000 },
    });
    expect(result).toMatchObject({ status: 'no-crossing', cheaper: 'inHouse', range: { min: 6000, max: 9000 } });
  });

  test('a model with no opportunities cannot break even', () => {
    const scenario = scenarioWith({ inHouse: { meetingsPerMonth: 0 } }, SIMPLE);
    const result = findBreakEven(scenario, { path: 'outsourced.monthlyFeePerSeat', models: ['inHouse', 'outsourced'] });
    expect(result).toMatchObject({ status: 'no-crossing', cheaper: null });
    expect(result.status === 'no-crossing' && result.reason).toMatch(/cannot be computed/);
  });

  test('the same model twice', () => {
    const result = findBreakEven(SIMPLE, { path: 'horizonMonths', models: ['inHouse', 'inHouse'] });
    expect(result).toMatchObject({ status: 'no-crossing', reason: 'Choose two different models to compare.' });
  });

  test('seats as the input: the fixed set-up cost spreads over more reps', () => {
    // Agency with a 12,000 set-up over 12 months: per opportunity (12,000 + 12 · 4,000 · N) / (60 · N)
    // = 200 / N + 800; equals 1,000 at N = 1, and is cheaper from N = 2 on.
    const scenario = scenarioWith({ outsourced: { setupFee: 12000 } }, SIMPLE);
    const result = findBreakEven(scenario, { path: 'outsourced.seats', models: ['inHouse', 'outsourced'] });
    expect(result).toMatchObject({ status: 'crossing', value: 1, above: 'outsourced' });
  });
});

describe('version 2 inputs and the fourth option', () => {
  test('the agency’s programme fee at which it costs what the in-house team costs', () => {
    // B, 4 reps held: (24 · 46,750 + 24 · fee) / 496.8 opportunities; A does not move with the fee.
    const inHouse = evaluate(METHODOLOGY_DEFAULTS).inHouse.costPerOpportunity!;
    const found = findBreakEven(METHODOLOGY_DEFAULTS, { path: 'outsourced.programFeePerMonth', models: ['outsourced', 'inHouse'] });
    expect(found.status).toBe('crossing');
    if (found.status === 'crossing') expect(found.value).toBeCloseTo((inHouse * 496.8 - 24 * 46750) / 24, 4);
  });

  test('an in-house input moves D too: the bridge months at which D costs what A costs', () => {
    expect(modelsAffectedBy('inHouse.baseSalary')).toEqual(['inHouse', 'bridge']);
    expect(modelsAffectedBy('bridge.months')).toEqual(['bridge']);
    expect(modelsAffectedBy('shared.averageDealValue')).toEqual(['inHouse', 'outsourced', 'fullCycle', 'bridge']);
    // Without a bridge D is A: every month count from 0 up is a tie or a crossing at 0.
    const found = findBreakEven(METHODOLOGY_DEFAULTS, { path: 'bridge.months', models: ['bridge', 'inHouse'] });
    expect(found.status).toBe('crossing');
    if (found.status === 'crossing') expect(found.crossings[0]?.value).toBe(0);
  });
});
