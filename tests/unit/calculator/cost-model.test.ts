import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  MODEL_IDS,
  availability,
  evaluate,
  evaluateModel,
  inHouseSteadyStateMeetingsPerSeat,
  monthlyAttrition,
  rampProductivity,
} from '../../../src/features/calculator/model/cost-model.ts';
import { ScenarioSchema } from '../../../src/features/calculator/schema.ts';
import { METHODOLOGY_DEFAULTS, allNumbers, arbitraryScenario, scenarioWith } from './fixtures.ts';

/** Annual attrition whose monthly probability is exactly one half: 1 − (1/2)^12 = 4095/4096. */
const HALF_MONTHLY = 1 - 0.5 ** 12;

/** An in-house team with round numbers: 5,000 per filled seat-month, 1,000 per hire, 1,000 of management a month. */
const SIMPLE_IN_HOUSE = {
  baseSalary: 60000, // 60,000 / 12 = 5,000 a month
  variableAtTarget: 0,
  burdenRate: 0,
  toolsPerSeatPerMonth: 0,
  recruitingCostPerHire: 1000,
  onboardingCostPerHire: 0,
  sdrsPerManager: 2,
  managerAnnualCost: 12000,
  daysOutPerYear: 0, // u = 1
  meetingsPerMonth: 10,
  meetingToOpportunity: 0.5,
  opportunityWinRate: 0.2,
  teamStartsRamped: false,
} as const;

function pick<T extends object, K extends keyof T>(rows: readonly T[], key: K): T[K][] {
  return rows.map((row) => row[key]);
}

describe('building blocks', () => {
  test.each([
    // p(k) = (k − 0.5) / R for k ≤ R, else 1
    { k: 1, ramp: 3, expected: 0.5 / 3 },
    { k: 2, ramp: 3, expected: 1.5 / 3 },
    { k: 3, ramp: 3, expected: 2.5 / 3 },
    { k: 4, ramp: 3, expected: 1 },
    { k: 1, ramp: 0, expected: 1 },
    { k: 1, ramp: 1, expected: 0.5 },
  ])('ramp productivity p($k) with R = $ramp is $expected', ({ k, ramp, expected }) => {
    expect(rampProductivity(k, ramp)).toBeCloseTo(expected, 12);
  });

  test.each([
    { annual: 0, expected: 0 },
    { annual: 1, expected: 1 },
    { annual: HALF_MONTHLY, expected: 0.5 },
    // 0.7^(1/12) = e^(ln 0.7 / 12) = e^(−0.35667494 / 12) = e^(−0.02972291) = 0.97071447 → q = 0.02928553
    { annual: 0.3, expected: 0.02928553 },
  ])('monthly attrition of annual $annual is $expected', ({ annual, expected }) => {
    expect(monthlyAttrition(annual)).toBeCloseTo(expected, 8);
  });

  test('availability is 1 − days out / working days', () => {
    expect(availability(20, 250)).toBeCloseTo(0.92, 12);
  });
});

describe('in-house steady state', () => {
  test.each([
    // q = 0: M · u = 12 · (1 − 20/250) = 11.04
    { name: 'no attrition', M: 12, daysOut: 20, a: 0, R: 3, L: 2, expected: 11.04 },
    // q = ½, R = 2, L = 1: 10 · (p1 + p2·½ + ½²/½) / (1 + 2) = 10 · (0.25 + 0.375 + 0.5) / 3 = 3.75
    { name: 'ramp and backfill', M: 10, daysOut: 0, a: HALF_MONTHLY, R: 2, L: 1, expected: 3.75 },
    // R = 0: 10 · (1/½) / (1 + 2) = 20/3
    { name: 'no ramp', M: 10, daysOut: 0, a: HALF_MONTHLY, R: 0, L: 1, expected: 20 / 3 },
    // R = 0, L = 0: a seat is never empty and always productive: 10
    { name: 'no ramp, instant backfill', M: 10, daysOut: 0, a: HALF_MONTHLY, R: 0, L: 0, expected: 10 },
    // q = 1, R = 3, L = 2: each SDR works one month at p(1) = 1/6, then the seat is empty 2 months:
    // 18 · (1/6 + 0 + 0 + 0/1) / (2 + 1) = 18 · (1/6) / 3 = 1
    { name: 'everyone leaves after a month', M: 18, daysOut: 0, a: 1, R: 3, L: 2, expected: 1 },
  ])('$name: $expected meetings per seat per month', ({ M, daysOut, a, R, L, expected }) => {
    const scenario = scenarioWith({
      inHouse: { meetingsPerMonth: M, daysOutPerYear: daysOut, annualAttrition: a, rampMonths: R, backfillMonths: L },
    });
    expect(inHouseSteadyStateMeetingsPerSeat(scenario)).toBeCloseTo(expected, 9);
  });
});

describe('in-house cohort simulation', () => {
  test('a linear ramp without attrition', () => {
    // N = 1, R = 4, a = 0, M = 8, u = 1 − 50/250 = 0.8, so full productivity is 6.4 meetings a month.
    // p = 0.125, 0.375, 0.625, 0.875, 1, 1 → meetings 0.8, 2.4, 4.0, 5.6, 6.4, 6.4 (total 25.6).
    // Cost: 48,000/12 = 4,000 a month; hire 600 + 400 = 1,000 in month 1; manager (1/2) · 24,000/12 = 1,000.
    // Month 1: 4,000 + 1,000 + 1,000 = 6,000; months 2–6: 5,000; total 31,000.
    const scenario = scenarioWith({
      horizonMonths: 6,
      inHouse: {
        seats: 1,
        rampMonths: 4,
        annualAttrition: 0,
        meetingsPerMonth: 8,
        daysOutPerYear: 50,
        baseSalary: 48000,
        variableAtTarget: 0,
        burdenRate: 0,
        toolsPerSeatPerMonth: 0,
        recruitingCostPerHire: 600,
        onboardingCostPerHire: 400,
        sdrsPerManager: 2,
        managerAnnualCost: 24000,
        meetingToOpportunity: 0.5,
      },
    });
    const result = evaluateModel(scenario, 'inHouse');
    pick(result.months, 'meetings').forEach((value, i) => expect(value).toBeCloseTo([0.8, 2.4, 4, 5.6, 6.4, 6.4][i] ?? NaN, 10));
    expect(pick(result.months, 'cost')).toEqual([6000, 5000, 5000, 5000, 5000, 5000]);
    expect(pick(result.months, 'hires')).toEqual([1, 0, 0, 0, 0, 0]);
    expect(result.totalCost).toBe(31000);
    expect(result.meetings).toBeCloseTo(25.6, 10);
    // Steady state 6.4 · 0.5 = 3.2 opportunities; 90 % is 2.88: month 4 has 2.8, month 5 has 3.2.
    expect(result.steadyStateOpportunitiesPerMonth).toBeCloseTo(3.2, 12);
    expect(result.monthsToRunRate).toBe(5);
  });

  test('attrition with backfill, cohort by cohort', () => {
    // N = 2, R = 2 (p1 = 0.25, p2 = 0.75), q = ½, L = 1 (replacement starts two months after the
    // month of leaving), M = 10, u = 1. Cost = 5,000 · filled + 1,000 · hires + 1,000.
    // t1: hires 2 → tenure1 = 2. filled 2; meetings 2·0.25·10 = 5; cost 10,000 + 2,000 + 1,000 = 13,000.
    //     End: 1 leaves (replacement in t3); tenure2 = 1.
    // t2: filled 1; meetings 0.75·10 = 7.5; cost 5,000 + 1,000 = 6,000.
    //     End: 0.5 leaves (replacement in t4); ramped = 0.5.
    // t3: hires 1 → tenure1 = 1; ramped 0.5; filled 1.5; meetings 2.5 + 5 = 7.5; cost 7,500 + 1,000 + 1,000 = 9,500.
    //     End: 0.75 leaves (t5); tenure2 = 0.5; ramped = 0.25.
    // t4: hires 0.5 → tenure1 = 0.5; tenure2 0.5; ramped 0.25; filled 1.25;
    //     meetings 1.25 + 3.75 + 2.5 = 7.5; cost 6,250 + 500 + 1,000 = 7,750.
    //     End: 0.625 leaves (t6, beyond H); tenure2 = 0.25; ramped = (0.5 + 0.25)·½ = 0.375.
    // t5: hires 0.75 → tenure1 = 0.75; filled 0.75 + 0.25 + 0.375 = 1.375;
    //     meetings 1.875 + 1.875 + 3.75 = 7.5; cost 6,875 + 750 + 1,000 = 8,625.
    // Totals: cost 44,875; meetings 35; opportunities 17.5.
    const scenario = scenarioWith({
      horizonMonths: 5,
      inHouse: { ...SIMPLE_IN_HOUSE, seats: 2, rampMonths: 2, annualAttrition: HALF_MONTHLY, backfillMonths: 1 },
    });
    const result = evaluateModel(scenario, 'inHouse');
    const expected = [
      { hires: 2, filledSeats: 2, meetings: 5, cost: 13000 },
      { hires: 0, filledSeats: 1, meetings: 7.5, cost: 6000 },
      { hires: 1, filledSeats: 1.5, meetings: 7.5, cost: 9500 },
      { hires: 0.5, filledSeats: 1.25, meetings: 7.5, cost: 7750 },
      { hires: 0.75, filledSeats: 1.375, meetings: 7.5, cost: 8625 },
    ];
    result.months.forEach((row, i) => {
      const want = expected[i];
      for (const key of ['hires', 'filledSeats', 'meetings', 'cost'] as const) expect(row[key]).toBeCloseTo(want?.[key] ?? NaN, 9);
      expect(row.opportunities).toBeCloseTo((want?.meetings ?? NaN) * 0.5, 9);
    });
    expect(result.totalCost).toBeCloseTo(44875, 8);
    expect(result.meetings).toBeCloseTo(35, 9);
    expect(result.opportunities).toBeCloseTo(17.5, 9);
    expect(result.costPerMeeting).toBeCloseTo(44875 / 35, 8);
    expect(result.costPerOpportunity).toBeCloseTo(44875 / 17.5, 8);
    // The steady state is 2 · 3.75 = 7.5 meetings (3.75 opportunities): reached from month 2.
    expect(result.steadyStateOpportunitiesPerMonth).toBeCloseTo(3.75, 9);
    expect(result.monthsToRunRate).toBe(2);
  });

  test('a team that starts ramped has no initial hires and still loses people', () => {
    // N = 2 ramped, q = ½, L = 1, R = 2.
    // t1: filled 2, meetings 20, no hires; 1 leaves (replacement in t3); ramped 1.
    // t2: filled 1, meetings 10; 0.5 leaves (t4); ramped 0.5.
    // t3: hire 1 at p1 = 0.25 → 2.5 meetings; ramped 0.5 → 5; filled 1.5, meetings 7.5.
    const scenario = scenarioWith({
      horizonMonths: 3,
      inHouse: {
        ...SIMPLE_IN_HOUSE,
        teamStartsRamped: true,
        seats: 2,
        rampMonths: 2,
        annualAttrition: HALF_MONTHLY,
        backfillMonths: 1,
      },
    });
    const { months } = evaluateModel(scenario, 'inHouse');
    expect(pick(months, 'hires').map((x) => +x.toFixed(9))).toEqual([0, 0, 1]);
    expect(pick(months, 'filledSeats').map((x) => +x.toFixed(9))).toEqual([2, 1, 1.5]);
    expect(pick(months, 'meetings').map((x) => +x.toFixed(9))).toEqual([20, 10, 7.5]);
    // Month 1: 2 · 5,000 + no hiring + 1,000 management.
    expect(months[0]?.cost).toBeCloseTo(11000, 9);
  });
});

describe('outsourced', () => {
  // N = 2 at 10,000; O = 1; 10 meetings per rep; 100 per meeting; set-up 5,000; oversight 10 h · 50.
  const agency = {
    seats: 2,
    monthlyFeePerSeat: 10000,
    onboardingMonths: 1,
    meetingsPerSeatPerMonth: 10,
    pricePerMeeting: 100,
    setupFee: 5000,
    oversightHoursPerMonth: 10,
    internalHourlyCost: 50,
    meetingToOpportunity: 0.5,
  };

  test('committed fees when the horizon ends before the minimum term', () => {
    // Month 1: 20,000 + 0 meetings + 5,000 set-up + 500 = 25,500.
    // Month 2: 20,000 + 100 · 20 + 500 = 22,500. Sum 48,000.
    // Committed: (6 − 2) · 2 · 10,000 = 80,000 → total 128,000.
    const result = evaluateModel(scenarioWith({ horizonMonths: 2, outsourced: { ...agency, minimumTermMonths: 6 } }), 'outsourced');
    expect(pick(result.months, 'cost')).toEqual([25500, 22500]);
    expect(pick(result.months, 'meetings')).toEqual([0, 20]);
    expect(result.committedFees).toBe(80000);
    expect(result.totalCost).toBe(128000);
    expect(result.costPerMeeting).toBe(6400); // 128,000 / 20
    expect(result.costPerOpportunity).toBe(12800); // 128,000 / 10
    expect(result.monthsToRunRate).toBe(2);
  });

  test.each([
    { horizon: 6, term: 6, committed: 0 },
    { horizon: 7, term: 6, committed: 0 },
    { horizon: 5, term: 6, committed: 20000 }, // (6 − 5) · 2 · 10,000
    { horizon: 1, term: 0, committed: 0 },
  ])('horizon $horizon, term $term: committed $committed', ({ horizon, term, committed }) => {
    const result = evaluateModel(scenarioWith({ horizonMonths: horizon, outsourced: { ...agency, minimumTermMonths: term } }), 'outsourced');
    expect(result.committedFees).toBe(committed);
    expect(result.totalCost).toBe(pick(result.months, 'cost').reduce((a, b) => a + b, 0) + committed);
  });
});

describe('full-cycle AEs', () => {
  // N = 3, s = 0.25, W = 250, 10 days out → 0.25 · 240 / 12 = 5 prospecting days a month;
  // 0.8 meetings a day → 3 · 5 · 0.8 = 12 meetings, 6 opportunities a month.
  const aes = {
    seats: 3,
    prospectingShare: 0.25,
    daysOutPerYear: 10,
    meetingsPerProspectingDay: 0.8,
    meetingToOpportunity: 0.5,
    aeAnnualOte: 240000,
    burdenRate: 0.5,
    annualQuota: 1200000,
    quotaAttainment: 0.5,
  };
  test.each([
    // 3 · 0.25 · 240,000/12 · 1.5 = 22,500 a month → 270,000; per opportunity 22,500 / 6 = 3,750
    { valuation: 'salary', monthly: 22500, perOpportunity: 3750 },
    // 3 · 0.25 · 1,200,000 · 0.5 · 0.8 / 12 = 30,000 a month → 360,000; per opportunity 5,000
    { valuation: 'displacedMargin', monthly: 30000, perOpportunity: 5000 },
  ] as const)('time valued at $valuation', ({ valuation, monthly, perOpportunity }) => {
    const scenario = scenarioWith({
      horizonMonths: 12,
      shared: { grossMargin: 0.8 },
      fullCycle: { ...aes, aeTimeValuation: valuation },
    });
    const result = evaluateModel(scenario, 'fullCycle');
    for (const row of result.months) {
      expect(row.cost).toBeCloseTo(monthly, 9);
      expect(row.meetings).toBeCloseTo(12, 12);
    }
    expect(result.totalCost).toBeCloseTo(monthly * 12, 8);
    expect(result.costPerOpportunity).toBeCloseTo(perOpportunity, 9);
    expect(result.monthsToRunRate).toBe(1);
  });

  test('displaced margin ignores the payroll burden; salary ignores quota', () => {
    const base = scenarioWith({ fullCycle: { ...aes, aeTimeValuation: 'displacedMargin' } });
    const moreBurden = scenarioWith({ fullCycle: { ...aes, aeTimeValuation: 'displacedMargin', burdenRate: 1.5 } });
    expect(evaluateModel(moreBurden, 'fullCycle').totalCost).toBe(evaluateModel(base, 'fullCycle').totalCost);
    const salary = scenarioWith({ fullCycle: { ...aes, aeTimeValuation: 'salary' } });
    const biggerQuota = scenarioWith({ fullCycle: { ...aes, aeTimeValuation: 'salary', annualQuota: 5e6 } });
    expect(evaluateModel(biggerQuota, 'fullCycle').totalCost).toBe(evaluateModel(salary, 'fullCycle').totalCost);
  });
});

describe('solving seats for the target', () => {
  test.each([
    // In-house without attrition: 12 · 0.92 · 0.45 = 4.968 a seat; 20 / 4.968 = 4.03 → 5.
    { model: 'inHouse', patch: { inHouse: { annualAttrition: 0 } }, seats: 5, perSeat: 4.968 },
    // Agency: 12 · 0.45 = 5.4 a seat; 20 / 5.4 = 3.70 → 4.
    { model: 'outsourced', patch: {}, seats: 4, perSeat: 5.4 },
    // AEs: 0.2 · 230 / 12 · 0.6 · 0.45 = 1.035 a seat; 20 / 1.035 = 19.32 → 20.
    { model: 'fullCycle', patch: {}, seats: 20, perSeat: 1.035 },
    // 12.6 / 4.2 is 3.0000000000000004 in floating point: still 3 seats.
    { model: 'outsourced', patch: { shared: { targetOpportunitiesPerMonth: 12.6 }, outsourced: { meetingToOpportunity: 0.35 } }, seats: 3, perSeat: 4.2 },
    // A tiny target still needs one seat: max(1, ⌈0.5 / 5.4⌉) = 1.
    { model: 'outsourced', patch: { shared: { targetOpportunitiesPerMonth: 0.5 } }, seats: 1, perSeat: 5.4 },
  ] as const)('$model needs $seats seats', ({ model, patch, seats, perSeat }) => {
    const result = evaluateModel(scenarioWith(patch), model);
    expect(result.solved).toBe(true);
    expect(result.seats).toBe(seats);
    expect(result.perSeatSteadyStateOpportunitiesPerMonth).toBeCloseTo(perSeat, 12);
    expect(result.steadyStateOpportunitiesPerMonth).toBeCloseTo(seats * perSeat, 12);
  });

  test('given seats are used as they are', () => {
    const result = evaluateModel(scenarioWith({ outsourced: { seats: 7 } }), 'outsourced');
    expect(result).toMatchObject({ seats: 7, solved: false });
  });

  test('a model that cannot reach the target carries an error; the others are computed', () => {
    const results = evaluate(scenarioWith({ inHouse: { meetingToOpportunity: 0 } }));
    expect(results.inHouse.error).toMatchInlineSnapshot(
      `"Cannot size In-house SDR team for 20 opportunities a month: one seat creates no opportunities at steady state (inHouse.meetingToOpportunity is 0). Enter a number of seats or change that input."`,
    );
    expect(results.inHouse).toMatchObject({ seats: 0, totalCost: 0, costPerOpportunity: null, roi: null });
    expect(results.inHouse.nullReasons.costPerOpportunity).toMatch(/cannot be sized/);
    expect(results.inHouse.months).toHaveLength(24);
    expect(results.outsourced.error).toBeUndefined();
    expect(results.outsourced.seats).toBe(4);
    expect(results.fullCycle.seats).toBe(20);
    // D needs A's team, so it cannot be sized either, and says why.
    expect(results.bridge.error).toMatch(/^In-house with an agency bridge uses both teams, and one cannot be sized: Cannot size In-house SDR team/);
  });

  test('an error names every input that is zero', () => {
    const results = evaluate(scenarioWith({ fullCycle: { prospectingShare: 0, meetingsPerProspectingDay: 0 } }));
    expect(results.fullCycle.error).toMatchInlineSnapshot(
      `"Cannot size Full-cycle AEs for 20 opportunities a month: one seat creates no opportunities at steady state (fullCycle.prospectingShare and fullCycle.meetingsPerProspectingDay are 0). Enter a number of seats or change those inputs."`,
    );
  });

  test('an absurdly large team is an error, not a number', () => {
    const results = evaluate(scenarioWith({ shared: { targetOpportunitiesPerMonth: 10000 }, outsourced: { meetingsPerSeatPerMonth: 1e-6 } }));
    expect(results.outsourced.error).toMatch(/more than 1,000,000 seats/);
  });
});

describe('zero denominators', () => {
  test('no meetings: every ratio is null with the reason', () => {
    const result = evaluateModel(scenarioWith({ inHouse: { seats: 3, meetingsPerMonth: 0 } }), 'inHouse');
    expect(result.meetings).toBe(0);
    expect([result.costPerMeeting, result.costPerOpportunity, result.costPerWin, result.monthsToRunRate]).toEqual([null, null, null, null]);
    expect(result.roi).toBe(-1); // cost without any return: (0 − cost) / cost
    expect(result.nullReasons).toMatchInlineSnapshot(`
      {
        "costPerMeeting": "No meetings in the horizon: inHouse.meetingsPerMonth is 0.",
        "costPerOpportunity": "No meetings in the horizon: inHouse.meetingsPerMonth is 0.",
        "costPerWin": "No meetings in the horizon: inHouse.meetingsPerMonth is 0.",
        "monthsToRunRate": "There is no run rate to reach: steady-state opportunities are 0.",
      }
    `);
  });

  test('meetings but no opportunities, opportunities but no wins', () => {
    const noOpps = evaluateModel(scenarioWith({ inHouse: { seats: 3, meetingToOpportunity: 0 } }), 'inHouse');
    expect(noOpps.costPerMeeting).toBeGreaterThan(0);
    expect(noOpps.costPerOpportunity).toBeNull();
    expect(noOpps.nullReasons.costPerOpportunity).toBe('No opportunities in the horizon: inHouse.meetingToOpportunity is 0.');
    const noWins = evaluateModel(scenarioWith({ fullCycle: { seats: 2, opportunityWinRate: 0 } }), 'fullCycle');
    expect(noWins.costPerOpportunity).toBeGreaterThan(0);
    expect(noWins.costPerWin).toBeNull();
    expect(noWins.nullReasons.costPerWin).toBe('No wins: fullCycle.opportunityWinRate is 0.');
  });

  test('the agency onboarding covers the whole horizon', () => {
    const result = evaluateModel(scenarioWith({ horizonMonths: 2, outsourced: { onboardingMonths: 2 } }), 'outsourced');
    expect(result.costPerMeeting).toBeNull();
    expect(result.nullReasons.costPerMeeting).toBe("No meetings in the horizon: the agency's 2-month onboarding covers the whole 2-month horizon.");
    expect(result.nullReasons.monthsToRunRate).toMatch(/within the 2-month horizon/);
  });

  test('zero total cost: no ROI, and a cost per meeting of 0', () => {
    const free = { monthlyFeePerSeat: 0, pricePerMeeting: 0, setupFee: 0, oversightHoursPerMonth: 0 };
    const result = evaluateModel(scenarioWith({ outsourced: free }), 'outsourced');
    expect(result.totalCost).toBe(0);
    expect(result.roi).toBeNull();
    expect(result.nullReasons.roi).toBe('Total cost is 0, so there is no return on it to compute.');
    expect(result.costPerMeeting).toBe(0);
  });
});

describe('totals follow the shared formulas', () => {
  test('wins, revenue, pipeline and ROI', () => {
    // AEs from the valuation test: 72 opportunities over 12 months at 22,500 a month.
    const scenario = scenarioWith({
      horizonMonths: 12,
      shared: { averageDealValue: 10000, grossMargin: 0.8 },
      fullCycle: {
        seats: 3,
        prospectingShare: 0.25,
        daysOutPerYear: 10,
        meetingsPerProspectingDay: 0.8,
        meetingToOpportunity: 0.5,
        aeAnnualOte: 240000,
        burdenRate: 0.5,
        opportunityWinRate: 0.25,
      },
    });
    const r = evaluateModel(scenario, 'fullCycle');
    // 72 opportunities · 0.25 = 18 wins; 180,000 won; pipeline 720,000;
    // ROI = (180,000 · 0.8 − 270,000) / 270,000 = −0.4666…
    expect(r.opportunities).toBeCloseTo(72, 10);
    expect(r.wins).toBeCloseTo(18, 10);
    expect(r.wonRevenue).toBeCloseTo(180000, 6);
    expect(r.pipelineValue).toBeCloseTo(720000, 6);
    expect(r.roi).toBeCloseTo((144000 - 270000) / 270000, 10);
    expect(r.costPerWin).toBeCloseTo(15000, 8);
  });
});

describe('properties', () => {
  const explicitSeats = arbitraryScenario.map((s) => ({
    ...s,
    inHouse: { ...s.inHouse, seats: s.inHouse.seats ?? 3 },
    outsourced: { ...s.outsourced, seats: s.outsourced.seats ?? 3 },
    fullCycle: { ...s.fullCycle, seats: s.fullCycle.seats ?? 3 },
  }));

  test('the generated scenarios are valid', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => ScenarioSchema.safeParse(s).success),
      { numRuns: 200 },
    );
  });

  test('no result is ever NaN or ±Infinity', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const bad = allNumbers(evaluate(scenario)).filter(({ value }) => !Number.isFinite(value));
        expect(bad).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  test('a higher base salary never lowers the in-house cost', () => {
    fc.assert(
      fc.property(explicitSeats, fc.double({ min: 1000, max: 100000, noNaN: true }), (scenario, raise) => {
        const higher = { ...scenario, inHouse: { ...scenario.inHouse, baseSalary: Math.min(1e9, scenario.inHouse.baseSalary + raise) } };
        const before = evaluateModel(scenario, 'inHouse').totalCost;
        const after = evaluateModel(higher, 'inHouse').totalCost;
        expect(after).toBeGreaterThanOrEqual(before);
        // Strictly higher whenever the raise is not lost in floating-point rounding.
        if (before < 1e12 && higher.inHouse.baseSalary - scenario.inHouse.baseSalary >= 1) expect(after).toBeGreaterThan(before);
      }),
      { numRuns: 300 },
    );
  });

  test('more seats never mean fewer meetings', () => {
    fc.assert(
      fc.property(explicitSeats, fc.integer({ min: 1, max: 50 }), fc.constantFrom('inHouse', 'outsourced', 'fullCycle' as const), (scenario, extra, model) => {
        const seats = scenario[model].seats ?? 1;
        const more = evaluateModel(scenario, model, { seats: { [model]: seats + extra } });
        const fewer = evaluateModel(scenario, model, { seats: { [model]: seats } });
        expect(more.meetings).toBeGreaterThanOrEqual(fewer.meetings);
      }),
      { numRuns: 300 },
    );
  });

  test('the in-house simulation approaches the steady state over a long horizon', () => {
    fc.assert(
      fc.property(
        fc.record({
          annualAttrition: fc.double({ min: 0.1, max: 0.95, noNaN: true }),
          rampMonths: fc.integer({ min: 0, max: 24 }),
          backfillMonths: fc.integer({ min: 0, max: 12 }),
          teamStartsRamped: fc.boolean(),
          seats: fc.integer({ min: 1, max: 1000 }),
        }),
        (inHouse) => {
          // 600 months is outside the schema's 60, on purpose: the model itself has no limit.
          const scenario = scenarioWith({ horizonMonths: 600, inHouse });
          const result = evaluateModel(scenario, 'inHouse');
          const last = result.months.at(-1)?.opportunities ?? NaN;
          expect(Math.abs(last / result.steadyStateOpportunitiesPerMonth - 1)).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the results have the methodology format', () => {
    const results = evaluate(METHODOLOGY_DEFAULTS);
    for (const model of MODEL_IDS) {
      expect(Object.keys(results[model])).toEqual(
        expect.arrayContaining([
          'seats',
          'totalCost',
          'meetings',
          'opportunities',
          'wins',
          'wonRevenue',
          'pipelineValue',
          'costPerMeeting',
          'costPerOpportunity',
          'costPerWin',
          'roi',
          'steadyStateOpportunitiesPerMonth',
          'monthsToRunRate',
          'months',
        ]),
      );
      expect(Object.keys(results[model].months[0] ?? {})).toEqual(['month', 'cost', 'meetings', 'opportunities', 'hires', 'filledSeats']);
    }
  });
});

describe('version 2: the agency bridge, the programme fee, deal values, AE time', () => {
  // In-house: 2 SDRs, no ramp, nobody leaves: 2 · 5,000 pay + 1,000 management a month, plus 2 hires
  // · 1,000 in month 1 (13,000, then 11,000); 2 · 10 = 20 meetings, 10 opportunities a month.
  // Agency: 1 rep at 3,000 + a 500 programme fee + 2 h · 50 oversight = 3,600 a month, 200 set-up in
  // month 1; meetings from month 2: 8, 2 opportunities; a 4-month minimum term.
  const BRIDGED = scenarioWith({
    horizonMonths: 6,
    inHouse: { ...SIMPLE_IN_HOUSE, seats: 2, rampMonths: 0, annualAttrition: 0, backfillMonths: 0 },
    outsourced: {
      seats: 1,
      monthlyFeePerSeat: 3000,
      programFeePerMonth: 500,
      pricePerMeeting: 0,
      setupFee: 200,
      onboardingMonths: 1,
      minimumTermMonths: 4,
      meetingsPerSeatPerMonth: 8,
      oversightHoursPerMonth: 2,
      internalHourlyCost: 50,
      meetingToOpportunity: 0.25,
      opportunityWinRate: 0.1,
      dealValue: 20000,
    },
    bridge: { months: 2 },
  });

  test('D: the in-house team plus the agency for max(bridge, minimum term) months, by hand', () => {
    const d = evaluateModel(BRIDGED, 'bridge');
    // C = max(2, 4) = 4 months of agency: 13,000 + 3,800 | 11,000 + 3,600 (×3) | 11,000 (×2).
    expect(pick(d.months, 'cost')).toEqual([16800, 14600, 14600, 14600, 11000, 11000]);
    expect(pick(d.months, 'opportunities')).toEqual([10, 12, 12, 12, 10, 10]);
    expect(pick(d.months, 'meetings')).toEqual([20, 28, 28, 28, 20, 20]);
    expect(pick(d.months, 'hires')).toEqual([2, 0, 0, 0, 0, 0]);
    expect(pick(d.months, 'filledSeats')).toEqual([3, 3, 3, 3, 2, 2]);
    expect(d).toMatchObject({ seats: 2, agencySeats: 1, totalCost: 82600, committedFees: 0, opportunities: 66, meetings: 144 });
    // Wins per part: 60 · 0.2 = 12 in-house at V = 40,000; 6 · 0.1 = 0.6 from the agency at its own 20,000.
    expect(d.wins).toBeCloseTo(12.6, 12);
    expect(d.wonRevenue).toBeCloseTo(12 * 40000 + 0.6 * 20000, 6);
    expect(d.pipelineValue).toBeCloseTo(60 * 40000 + 6 * 20000, 6);
    expect(d.costPerOpportunity).toBeCloseTo(82600 / 66, 9);
    // Steady state is A's (the bridge ends): 2 seats · 5 opportunities; reached in month 1.
    expect(d.steadyStateOpportunitiesPerMonth).toBe(10);
    expect(d.monthsToRunRate).toBe(1);
  });

  test('D: a bridge cut short by the horizon owes the rest of the minimum term, programme fee included', () => {
    const d = evaluateModel(scenarioWith({ horizonMonths: 3 }, BRIDGED), 'bridge');
    // Engaged min(4, 3) = 3 months; (4 − 3) · (1 · 3,000 + 500) = 3,500 committed.
    expect(d.committedFees).toBe(3500);
    expect(d.totalCost).toBe(16800 + 14600 + 14600 + 3500);
  });

  test('D without a bridge is the in-house team, figure for figure', () => {
    const scenario = scenarioWith({ bridge: { months: 0 } }, BRIDGED);
    const { agencySeats, ...d } = evaluateModel(scenario, 'bridge');
    expect(agencySeats).toBe(1);
    expect(d).toEqual(evaluateModel(scenario, 'inHouse'));
    expect(d.totalCost).toBe(13000 + 5 * 11000);
  });

  test('B: the programme fee is paid every month and counts in the committed fees', () => {
    const b = evaluateModel(scenarioWith({ horizonMonths: 3 }, BRIDGED), 'outsourced');
    expect(pick(b.months, 'cost')).toEqual([3800, 3600, 3600]);
    expect(b.committedFees).toBe(3500);
    expect(b.totalCost).toBe(14500);
    // Opportunities 2 + 2 at the agency's own deal value.
    expect(b.pipelineValue).toBe(4 * 20000);
  });

  test('a deal value left empty is the shared one; a set one is the option’s own', () => {
    const own = evaluateModel(scenarioWith({ inHouse: { dealValue: 50000 } }, BRIDGED), 'inHouse');
    const shared = evaluateModel(BRIDGED, 'inHouse');
    expect(own.pipelineValue).toBe(own.opportunities * 50000);
    expect(own.wonRevenue).toBeCloseTo(own.wins * 50000, 6);
    expect(shared.pipelineValue).toBe(shared.opportunities * 40000);
    expect(own.costPerOpportunity).toBe(shared.costPerOpportunity);
  });

  test('C: full-time equivalents and the prospecting share the AEs would need', () => {
    const c = evaluateModel(scenarioWith({ fullCycle: { seats: 10 } }), 'fullCycle');
    // 10 AEs · 0.2 = 2 full-time equivalents; 20 / (10 · (250 − 20) / 12 · 0.6 · 0.45) = 20 / 51.75.
    expect(c.fullTimeEquivalents).toBeCloseTo(2, 12);
    expect(c.requiredProspectingShare).toBeCloseTo(20 / 51.75, 12);
    const none = evaluateModel(scenarioWith({ fullCycle: { seats: 10, meetingsPerProspectingDay: 0 } }), 'fullCycle');
    expect(none.requiredProspectingShare).toBeNull();
    expect(none.nullReasons.requiredProspectingShare).toBe('No prospecting share is enough: fullCycle.meetingsPerProspectingDay is 0.');
    // More than all their time: reported as it is (above 1), for the page to explain.
    const few = evaluateModel(scenarioWith({ fullCycle: { seats: 2 } }), 'fullCycle');
    expect(few.requiredProspectingShare).toBeCloseTo(20 / 10.35, 12);
  });

  test('the methodology defaults, sized by hand', () => {
    const results = evaluate(METHODOLOGY_DEFAULTS);
    // B: 20 / (12 · 0.45) = 3.7 → 4; C: 20 / (0.2 · 230 / 12 · 0.6 · 0.45) = 19.3 → 20; D: A's and B's.
    expect([results.outsourced.seats, results.fullCycle.seats]).toEqual([4, 20]);
    expect([results.bridge.seats, results.bridge.agencySeats]).toEqual([results.inHouse.seats, 4]);
    // D's months beyond the bridge (C = max(6, 3) = 6) cost what A's do.
    expect(results.bridge.months.slice(6).map((m) => m.cost)).toEqual(results.inHouse.months.slice(6).map((m) => m.cost));
    expect(results.bridge.months[0]!.cost).toBe(results.inHouse.months[0]!.cost + 4 * 11500 + 10 * 75);
  });
});
