import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MODEL_IDS, evaluate, heldSeats } from '../../../src/features/calculator/model/cost-model.ts';
import { costsPerOpportunity, drawsOf, mulberry32, nearestRank, runUncertainty, triangular } from '../../../src/features/calculator/model/uncertainty.ts';
import type { Scenario } from '../../../src/features/calculator/fields.ts';
import { METHODOLOGY_DEFAULTS, arbitraryScenario, scenarioWith } from './fixtures.ts';

/** The methodology's random sequence, copied letter for letter from the contract (not imported). */
function contractMulberry32(a: number) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The methodology's triangular draw, copied from the contract. */
function contractTriangular(u: number, a: number, c: number, b: number): number {
  return b - a === 0 ? a : u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

describe('the random sequence', () => {
  test('mulberry32 with seed 1 gives the contract’s numbers', () => {
    // Printed by the contract's code, run on its own: these five numbers are the contract.
    const pinned = [0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741, 0.9683778982143849];
    const ours = mulberry32(1);
    const theirs = contractMulberry32(1);
    for (const value of pinned) {
      const next = ours();
      expect(next).toBe(value);
      expect(next).toBe(theirs());
    }
  });

  test('any seed: the same sequence as the contract’s code, always in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), (seed) => {
        const ours = mulberry32(seed);
        const theirs = contractMulberry32(seed);
        for (let i = 0; i < 20; i++) {
          const u = ours();
          expect(u).toBe(theirs());
          expect(u >= 0 && u < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    // a = 0, c = 5, b = 10: the mode is halfway, so u = 0.5 is the mode; u = 0.1 gives √(0.1 · 10 · 5) = √5.
    { u: 0.5, a: 0, c: 5, b: 10, x: 5 },
    { u: 0.1, a: 0, c: 5, b: 10, x: Math.sqrt(5) },
    // u = 0.9 above the mode: 10 − √(0.1 · 10 · 5) = 10 − √5.
    { u: 0.9, a: 0, c: 5, b: 10, x: 10 - Math.sqrt(5) },
    // A spread clamped to nothing: the value itself.
    { u: 0.7, a: 3, c: 3, b: 3, x: 3 },
    // The mode at the low end (a value at its field's minimum): b − √((1 − u) · (b − a)²).
    { u: 0.75, a: 0, c: 0, b: 4, x: 4 - Math.sqrt(0.25 * 16) },
  ])('triangular($u; $a, $c, $b) = $x', ({ u, a, c, b, x }) => {
    expect(triangular(u, a, c, b)).toBeCloseTo(x, 12);
    expect(triangular(u, a, c, b)).toBe(contractTriangular(u, a, c, b));
  });
});

describe('the inputs drawn', () => {
  test('keys with f > 0 in code-unit order, clamped to the field range', () => {
    const scenario = scenarioWith({
      shared: { grossMargin: 0.9 },
      uncertainty: { spread: { 'shared.grossMargin': 0.3, 'inHouse.rampMonths': 0.34, 'outsourced.meetingToOpportunity': 0, 'bridge.months': 0.5 } },
    });
    const draws = drawsOf(scenario);
    // JavaScript's default sort: 'b' < 'i' < 's'; the key at 0 is held fixed and not drawn.
    expect(draws.map((d) => d.key)).toEqual(['bridge.months', 'inHouse.rampMonths', 'shared.grossMargin']);
    // 0.9 · 1.3 = 1.17 is clamped to the field maximum 1.
    expect(draws[2]).toMatchObject({ low: 0.9 * 0.7, mode: 0.9, high: 1, integer: false });
    // Ramp 3 months: from 1.98 to 4.02, drawn values rounded to whole months.
    expect(draws[1]).toMatchObject({ low: 3 * (1 - 0.34), mode: 3, high: 3 * 1.34, integer: true });
  });
});

/** B's cost per opportunity with N reps held, computed directly from section B (a second implementation). */
function agencyCostPerOpportunity(s: Scenario, reps: number): number {
  const o = s.outsourced;
  let cost = 0;
  let opportunities = 0;
  for (let t = 1; t <= s.horizonMonths; t++) {
    const meetings = t <= o.onboardingMonths ? 0 : reps * o.meetingsPerSeatPerMonth;
    cost +=
      reps * o.monthlyFeePerSeat +
      o.programFeePerMonth +
      o.pricePerMeeting * meetings +
      (t === 1 ? o.setupFee : 0) +
      o.oversightHoursPerMonth * o.internalHourlyCost;
    opportunities += meetings * o.meetingToOpportunity;
  }
  cost += Math.max(0, o.minimumTermMonths - s.horizonMonths) * (reps * o.monthlyFeePerSeat + o.programFeePerMonth);
  return cost / opportunities;
}

describe('the Monte Carlo run', () => {
  test('the agency’s range, recomputed from the contract’s steps for one drawn input', () => {
    const runs = 11;
    const scenario = scenarioWith({ uncertainty: { runs, seed: 42, spread: { 'outsourced.meetingsPerSeatPerMonth': 0.5 } } });
    // Seats held at the base case: 20 / (12 · 0.45) → 4 reps.
    const random = contractMulberry32(42);
    const costs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const meetings = contractTriangular(random(), 6, 12, 18);
      costs.push(agencyCostPerOpportunity(scenarioWith({ outsourced: { meetingsPerSeatPerMonth: meetings } }, scenario), 4));
    }
    costs.sort((a, b) => a - b);
    // Nearest rank with 11 runs: p10 = sorted[⌈1.1⌉ − 1] = sorted[1], p50 = sorted[⌈5.5⌉ − 1] = sorted[5], p90 = sorted[⌈9.9⌉ − 1] = sorted[9].
    const result = runUncertainty(scenario).outsourced;
    expect(result?.p10).toBeCloseTo(costs[1]!, 9);
    expect(result?.p50).toBeCloseTo(costs[5]!, 9);
    expect(result?.p90).toBeCloseTo(costs[9]!, 9);
  });

  test('the same seed gives the same numbers; another seed, others', () => {
    const scenario = scenarioWith({ uncertainty: { runs: 300, seed: 7 } });
    expect(runUncertainty(scenario)).toEqual(runUncertainty(structuredClone(scenario)));
    expect(runUncertainty(scenario)).not.toEqual(runUncertainty(scenarioWith({ uncertainty: { seed: 8 } }, scenario)));
  });

  test('runs = 0 turns it off: every option null', () => {
    expect(runUncertainty(scenarioWith({ uncertainty: { runs: 0 } }))).toEqual({ inHouse: null, outsourced: null, fullCycle: null, bridge: null });
  });

  test('the percentiles are ordered and the chances add up to 1 when any option is finite', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 1, max: 60 }), fc.nat(), (base, runs, seed) => {
        const scenario = scenarioWith({ uncertainty: { runs, seed } }, base);
        const result = runUncertainty(scenario);
        let total = 0;
        let anyFinite = false;
        for (const model of MODEL_IDS) {
          const option = result[model];
          if (option === null) continue;
          total += option.probabilityLowest;
          if (option.p10 !== null && option.p90 !== null) expect(option.p10).toBeLessThanOrEqual(option.p90);
          if (option.p90 !== null) anyFinite = true;
          for (const value of [option.p10, option.p50, option.p90, option.probabilityLowest]) {
            if (value !== null) expect(Number.isFinite(value)).toBe(true);
          }
        }
        if (anyFinite) expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 60 },
    );
  });

  test('options exactly tied share each run: without a bridge, D is A to the bit', () => {
    const result = runUncertainty(scenarioWith({ bridge: { months: 0 }, uncertainty: { runs: 400 } }));
    expect(result.bridge).toEqual(result.inHouse);
    const total = MODEL_IDS.reduce((sum, model) => sum + (result[model]?.probabilityLowest ?? 0), 0);
    expect(total).toBeCloseTo(1, 9);
  });

  test('a run in which no option creates an opportunity credits no one; its percentiles are null', () => {
    const scenario = scenarioWith({
      inHouse: { seats: 2, meetingsPerMonth: 0 },
      outsourced: { seats: 2, meetingsPerSeatPerMonth: 0 },
      fullCycle: { seats: 2, meetingsPerProspectingDay: 0 },
      uncertainty: { runs: 50 },
    });
    const result = runUncertainty(scenario);
    for (const model of MODEL_IDS) expect(result[model]).toEqual({ p10: null, p50: null, p90: null, probabilityLowest: 0 });
  });

  test('options that cannot reach the target take no part', () => {
    // The agency converts nothing: B cannot be sized, and D (which needs B's reps) neither.
    const result = runUncertainty(scenarioWith({ outsourced: { meetingToOpportunity: 0 }, uncertainty: { runs: 100 } }));
    expect(result.outsourced).toBeNull();
    expect(result.bridge).toBeNull();
    expect((result.inHouse?.probabilityLowest ?? 0) + (result.fullCycle?.probabilityLowest ?? 0)).toBeCloseTo(1, 9);
  });

  test('nearest rank on whole numbers: 90 % of 10 runs is the 9th value', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([nearestRank(sorted, 10), nearestRank(sorted, 50), nearestRank(sorted, 90)]).toEqual([1, 5, 9]);
    expect(nearestRank(Float64Array.from([1, Infinity]), 90)).toBeNull();
  });
});

describe('the fast evaluator', () => {
  test('gives exactly the full model’s cost per opportunity, seats held', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const base = evaluate(scenario);
        const held = heldSeats(base);
        const seats = { inHouse: held.inHouse ?? 1, outsourced: held.outsourced ?? 1, fullCycle: held.fullCycle ?? 1 };
        const full = evaluate(scenario, { seats });
        const out = new Float64Array(4);
        costsPerOpportunity(scenario, seats, out);
        MODEL_IDS.forEach((model, i) => expect(out[i]).toBe(full[model].costPerOpportunity ?? Infinity));
      }),
      { numRuns: 300 },
    );
  });

  test('the defaults: 2,000 runs are done in well under a second here (the budget is checked by npm run bench:model)', () => {
    const start = performance.now();
    const result = runUncertainty(METHODOLOGY_DEFAULTS);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.inHouse?.p50).not.toBeNull();
  });
});
