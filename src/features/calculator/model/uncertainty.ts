import { FIELD_SPECS, readNumber, type Scenario, type SpreadKey } from '../fields.ts';
import {
  MODEL_IDS,
  bridgeMonths,
  committedFees,
  evaluate,
  fullCycleMonthlyCost,
  heldSeats,
  inHouseMonths,
  outsourcedMonth,
  prospectingDaysPerMonth,
  type Evaluation,
  type ModelId,
} from './cost-model.ts';

/**
 * The uncertainty run (methodology, "Uncertainty"): a seeded Monte Carlo over the inputs in
 * `uncertainty.spread`, with every option's seats held at the base case, giving each option's
 * p10/p50/p90 cost per opportunity and the chance that it is the cheapest. Specified to the bit: the
 * same scenario and seed give the same numbers in the page, the export and the command line, which
 * all call `runUncertainty`. Pure and DOM-free, so it also runs in a Web Worker.
 */

/** The methodology's random sequence, exactly as written there (do not "tidy" it: the numbers are the contract). */
export function mulberry32(a: number): () => number {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from the triangular distribution (low a, mode c, high b) for the uniform number u, exactly as the methodology writes it. */
export function triangular(u: number, a: number, c: number, b: number): number {
  return b - a === 0 ? a : u < (c - a) / (b - a) ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** One option's range of cost per opportunity and its chance of being the cheapest. */
export interface OptionUncertainty {
  /** Nearest-rank percentiles of cost per opportunity; null when that run's value is "none" (+∞: no opportunities). */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Share of runs in which this option is the cheapest per opportunity (ties shared equally). */
  probabilityLowest: number;
}

/** Every option's uncertainty; null for an option with an `error`, and for all when `runs` is 0. */
export type UncertaintyResult = Record<ModelId, OptionUncertainty | null>;

/** One input drawn in every run: where it is, and its triangular distribution. */
interface Draw {
  key: SpreadKey;
  group: string;
  field: string;
  low: number;
  mode: number;
  high: number;
  integer: boolean;
}

/** The inputs to draw, in the order the methodology fixes: spread keys with f > 0, sorted by code unit. */
export function drawsOf(scenario: Scenario): Draw[] {
  const spread = scenario.uncertainty.spread;
  const keys = (Object.keys(spread) as SpreadKey[]).filter((key) => (spread[key] ?? 0) > 0).sort();
  const draws: Draw[] = [];
  for (const key of keys) {
    const f = spread[key] ?? 0;
    const v = readNumber(scenario, key);
    // A deal value left empty has nothing of its own to vary (the schema refuses a spread on it).
    if (v === null) continue;
    const spec = FIELD_SPECS[key];
    const dot = key.indexOf('.');
    draws.push({
      key,
      group: key.slice(0, dot),
      field: key.slice(dot + 1),
      low: Math.max(spec.min, v * (1 - f)),
      mode: v,
      high: Math.min(spec.max, v * (1 + f)),
      integer: 'integer' in spec && spec.integer === true,
    });
  }
  return draws;
}

/** The seats an evaluation holds fixed for the fast evaluator (A's, B's and C's; D uses A's and B's). */
interface Seats {
  inHouse: number;
  outsourced: number;
  fullCycle: number;
}

/**
 * Cost per opportunity of every option with seats held, without building monthly rows: the Monte
 * Carlo's inner loop. It runs the full model's own month functions (`inHouseMonths`,
 * `outsourcedMonth`) and adds up in the same order as `evaluateModel`, so the numbers are identical to
 * the full model's (tests/unit/calculator/uncertainty.test.ts);
 * +∞ stands for "no cost per opportunity" (null in the full model). Writes into `out` in MODEL_IDS order.
 */
export function costsPerOpportunity(scenario: Scenario, seats: Seats, out: Float64Array): void {
  const horizon = scenario.horizonMonths;
  // A: the cohort simulation (the full model's own), keeping each month's cost and opportunities for D.
  const conversionA = scenario.inHouse.meetingToOpportunity;
  const costA = new Float64Array(horizon + 1);
  const oppsA = new Float64Array(horizon + 1);
  let totalCostA = 0;
  let totalOppsA = 0;
  inHouseMonths(scenario, seats.inHouse, (t, cost, meetings) => {
    const opportunities = meetings * conversionA;
    costA[t] = cost;
    oppsA[t] = opportunities;
    totalCostA += cost;
    totalOppsA += opportunities;
  });
  out[0] = perOpportunity(totalCostA + 0, totalOppsA);

  // B, and D's agency part (the same months up to the end of the bridge).
  const nB = seats.outsourced;
  const conversionB = scenario.outsourced.meetingToOpportunity;
  const engaged = Math.min(bridgeMonths(scenario), horizon);
  let totalCostB = 0;
  let totalOppsB = 0;
  let totalCostD = 0;
  let totalOppsD = 0;
  for (let t = 1; t <= horizon; t++) {
    const { cost, meetings } = outsourcedMonth(scenario, nB, t);
    const opportunities = meetings * conversionB;
    totalCostB += cost;
    totalOppsB += opportunities;
    const inHouseCost = costA[t] ?? 0;
    const inHouseOpps = oppsA[t] ?? 0;
    totalCostD += t <= engaged ? inHouseCost + cost : inHouseCost + 0;
    totalOppsD += t <= engaged ? inHouseOpps + opportunities : inHouseOpps + 0;
  }
  out[1] = perOpportunity(totalCostB + committedFees(scenario, nB), totalOppsB);

  // C: the same cost and meetings every month.
  const nC = seats.fullCycle;
  const meetingsC = nC * prospectingDaysPerMonth(scenario) * scenario.fullCycle.meetingsPerProspectingDay;
  const costC = fullCycleMonthlyCost(scenario, nC);
  const oppsC = meetingsC * scenario.fullCycle.meetingToOpportunity;
  let totalCostC = 0;
  let totalOppsC = 0;
  for (let t = 1; t <= horizon; t++) {
    totalCostC += costC;
    totalOppsC += oppsC;
  }
  out[2] = perOpportunity(totalCostC + 0, totalOppsC);

  out[3] = perOpportunity(totalCostD + (engaged > 0 ? committedFees(scenario, nB, engaged) : 0), totalOppsD);
}

/** totalCost / opportunities as the full model computes it, with +∞ for its null. */
function perOpportunity(totalCost: number, opportunities: number): number {
  if (opportunities === 0) return Infinity;
  const value = totalCost / opportunities;
  return Number.isFinite(value) ? value : Infinity;
}

/** Nearest rank: sorted[⌈k/100 · runs⌉ − 1], computed on whole numbers so that 90 % of 10 runs is exactly the 9th. */
export function nearestRank(sorted: Float64Array, k: number): number | null {
  const value = sorted[Math.ceil((k * sorted.length) / 100) - 1] ?? Infinity;
  return Number.isFinite(value) ? value : null;
}

/**
 * Runs the methodology's Monte Carlo: `runs` draws of the spread inputs from mulberry32(seed),
 * every option evaluated with seats held at the base case, options with an error left out.
 * `base` saves the base evaluation when the caller already has it.
 */
export function runUncertainty(scenario: Scenario, base: Evaluation = evaluate(scenario)): UncertaintyResult {
  const none: UncertaintyResult = { inHouse: null, outsourced: null, fullCycle: null, bridge: null };
  const runs = scenario.uncertainty.runs;
  if (runs === 0) return none;
  const taking = MODEL_IDS.map((model) => base[model].error === undefined);
  if (!taking.some(Boolean)) return none;
  const held = heldSeats(base);
  const seats: Seats = { inHouse: held.inHouse ?? 0, outsourced: held.outsourced ?? 0, fullCycle: held.fullCycle ?? 0 };

  const draws = drawsOf(scenario);
  // One working copy whose drawn fields are overwritten in every run.
  const drawn = structuredClone(scenario);
  const groups = drawn as unknown as Record<string, Record<string, number>>;
  const random = mulberry32(scenario.uncertainty.seed);
  const costs = MODEL_IDS.map(() => new Float64Array(runs));
  const lowest = new Float64Array(MODEL_IDS.length);
  const out = new Float64Array(MODEL_IDS.length);

  for (let r = 0; r < runs; r++) {
    for (const draw of draws) {
      const u = random();
      const x = triangular(u, draw.low, draw.mode, draw.high);
      (groups[draw.group] as Record<string, number>)[draw.field] = draw.integer ? Math.round(x) : x;
    }
    costsPerOpportunity(drawn, seats, out);
    let min = Infinity;
    for (let i = 0; i < MODEL_IDS.length; i++) {
      if (!taking[i]) continue;
      const value = out[i] as number;
      (costs[i] as Float64Array)[r] = value;
      if (value < min) min = value;
    }
    // A run in which every option has no cost per opportunity credits no one; ties share the run.
    if (min === Infinity) continue;
    let tied = 0;
    for (let i = 0; i < MODEL_IDS.length; i++) if (taking[i] && out[i] === min) tied++;
    for (let i = 0; i < MODEL_IDS.length; i++) if (taking[i] && out[i] === min) lowest[i] = (lowest[i] ?? 0) + 1 / tied;
  }

  const result: UncertaintyResult = { ...none };
  MODEL_IDS.forEach((model, i) => {
    if (!taking[i]) return;
    const sorted = (costs[i] as Float64Array).slice().sort();
    result[model] = {
      p10: nearestRank(sorted, 10),
      p50: nearestRank(sorted, 50),
      p90: nearestRank(sorted, 90),
      probabilityLowest: (lowest[i] ?? 0) / runs,
    };
  });
  return result;
}
