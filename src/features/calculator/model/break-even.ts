import { numericSpec, readNumber, withField, type NumericFieldPath, type Scenario } from '../fields.ts';
import { fieldBounds } from '../rules.ts';
import { MODEL_LABELS, evaluate, evaluateModel, heldSeats, modelsAffectedBy, type ModelId } from './cost-model.ts';

/** Options for `findBreakEven`. */
export interface BreakEvenOptions {
  /** The input to move, e.g. `outsourced.monthlyFeePerSeat` or `horizonMonths`. */
  path: NumericFieldPath;
  /** The two models to compare. */
  models: readonly [ModelId, ModelId];
  /** Hold each model's seats at the base case's (default true, as in the sensitivity chart). */
  holdSeats?: boolean;
  /** Search only inside this interval (it is intersected with the input's range). */
  range?: { min: number; max: number };
}

/** One value where the two models' costs per opportunity are equal. */
export interface Crossing {
  /** The break-even value (for whole-number inputs: the first value on the far side, or the exact tie). */
  value: number;
  /** The model that is cheaper per opportunity just below and just above the value. */
  below: ModelId | null;
  above: ModelId | null;
}

interface BreakEvenCommon {
  path: NumericFieldPath;
  models: readonly [ModelId, ModelId];
  /** The input's value in the scenario. */
  baseValue: number;
  /** The interval searched. */
  range: { min: number; max: number };
}

/** A crossing was found; `value` is the one nearest the base value, `crossings` lists all found. */
export interface BreakEvenFound extends BreakEvenCommon {
  status: 'crossing';
  value: number;
  below: ModelId | null;
  above: ModelId | null;
  /** The common cost per opportunity at `value` (first model's). */
  costPerOpportunity: number | null;
  crossings: Crossing[];
}

/** No crossing in range: `cheaper` is the model that is cheaper throughout (null if none computable). */
export interface BreakEvenNotFound extends BreakEvenCommon {
  status: 'no-crossing';
  cheaper: ModelId | null;
  reason: string;
}

/** The outcome of a break-even search. */
export type BreakEvenResult = BreakEvenFound | BreakEvenNotFound;

const LINEAR_POINTS = 200;
const LOG_POINTS = 160;
const MAX_INTEGER_SCAN = 2000;
const BISECTION_STEPS = 200;

/** The scan grid: linear over the range, plus log-spaced points for wide ranges (money), plus the base. */
function scanGrid(min: number, max: number, integer: boolean, base: number): number[] {
  const points = new Set<number>([min, max]);
  if (integer) {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (hi - lo <= MAX_INTEGER_SCAN) for (let x = lo; x <= hi; x++) points.add(x);
    else for (let i = 0; i <= MAX_INTEGER_SCAN; i++) points.add(Math.round(lo + ((hi - lo) * i) / MAX_INTEGER_SCAN));
  } else {
    for (let i = 0; i <= LINEAR_POINTS; i++) points.add(min + ((max - min) * i) / LINEAR_POINTS);
    const floor = Math.max(min, max * 1e-9);
    if (max > 0 && floor > 0 && max / floor > 100) {
      const ratio = Math.log(max / floor);
      for (let i = 0; i <= LOG_POINTS; i++) points.add(floor * Math.exp((ratio * i) / LOG_POINTS));
    }
  }
  if (base >= min && base <= max) points.add(base);
  return [...points].filter((x) => x >= min && x <= max).sort((a, b) => a - b);
}

/**
 * Finds the value of one input at which two models cost the same per opportunity, by scanning the
 * input's range and refining each sign change by bisection; or reports that there is no crossing.
 */
export function findBreakEven(scenario: Scenario, options: BreakEvenOptions): BreakEvenResult {
  const { path, models } = options;
  const [first, second] = models;
  const spec = numericSpec(path);
  const bounds = fieldBounds(scenario, path);
  const range = {
    min: Math.max(bounds.min, options.range?.min ?? bounds.min),
    max: Math.min(bounds.max, options.range?.max ?? bounds.max),
  };
  const baseEvaluation = evaluate(scenario);
  const baseValue =
    readNumber(scenario, path) ??
    (path.endsWith('.seats') ? baseEvaluation[path.split('.')[0] as ModelId]?.seats : undefined) ??
    scenario.shared.averageDealValue;
  const common: BreakEvenCommon = { path, models, baseValue, range };
  if (first === second) return { ...common, status: 'no-crossing', cheaper: null, reason: 'Choose two different models to compare.' };
  if (!(range.min <= range.max)) {
    return { ...common, status: 'no-crossing', cheaper: null, reason: 'The range to search is empty.' };
  }

  const held: Partial<Record<ModelId, number>> = options.holdSeats !== false ? heldSeats(baseEvaluation) : {};
  const seatsModel = path.endsWith('.seats') ? (path.split('.')[0] as ModelId) : null;
  // An option's own inputs cannot move another option (D reads A's and B's): its cost per opportunity is computed once.
  const affected = modelsAffectedBy(path);
  const constant = new Map<ModelId, number | null>();
  for (const model of models) {
    if (!affected.includes(model)) constant.set(model, evaluateModel(scenario, model, { seats: held }).costPerOpportunity);
  }
  const costAt = (x: number, model: ModelId): number | null => {
    const fixed = constant.get(model);
    if (fixed !== undefined) return fixed;
    if (seatsModel !== null) {
      return evaluateModel(scenario, model, { seats: { ...held, [seatsModel]: x } }).costPerOpportunity;
    }
    return evaluateModel(withField(scenario, path, x), model, { seats: held }).costPerOpportunity;
  };
  // Negative: the first model is cheaper per opportunity.
  const difference = (x: number): number | null => {
    const a = costAt(x, first);
    const b = costAt(x, second);
    return a === null || b === null ? null : a - b;
  };
  const cheaperFor = (d: number | null | undefined): ModelId | null => (d === null || d === undefined || d === 0 ? null : d < 0 ? first : second);

  const integer = spec.integer === true;
  const xs = scanGrid(range.min, range.max, integer, baseValue);
  const ds = xs.map(difference);
  const crossings: Crossing[] = [];

  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] ?? 0;
    const d = ds[i] ?? null;
    if (d === null) continue;
    if (d === 0) {
      if (i > 0 && ds[i - 1] === 0) continue;
      const next = ds.slice(i + 1).find((value) => value !== null && value !== 0);
      crossings.push({ value: x, below: cheaperFor(ds[i - 1]), above: cheaperFor(next) });
      continue;
    }
    const nextD = ds[i + 1] ?? null;
    const nextX = xs[i + 1];
    if (nextD === null || nextD === 0 || nextX === undefined || Math.sign(nextD) === Math.sign(d)) continue;
    crossings.push({ value: bisect(x, nextX, d, difference, integer), below: cheaperFor(d), above: cheaperFor(nextD) });
  }

  if (crossings.length === 0) {
    const defined = ds.filter((d): d is number => d !== null);
    const label = `${MODEL_LABELS[first]} and ${MODEL_LABELS[second]}`;
    if (defined.length === 0) {
      return {
        ...common,
        status: 'no-crossing',
        cheaper: null,
        reason: `Cost per opportunity cannot be computed for ${label} anywhere in the range of ${path}.`,
      };
    }
    const cheaper = cheaperFor(defined[0]);
    return {
      ...common,
      status: 'no-crossing',
      cheaper,
      reason: `No crossing in range: ${cheaper ? `the cost per opportunity is lower with ${MODEL_LABELS[cheaper]}` : 'the two models cost the same per opportunity'} for every value of ${path} from ${range.min} to ${range.max}.`,
    };
  }

  let chosen = crossings[0] as Crossing;
  for (const crossing of crossings) {
    if (Math.abs(crossing.value - baseValue) < Math.abs(chosen.value - baseValue)) chosen = crossing;
  }
  return {
    ...common,
    status: 'crossing',
    value: chosen.value,
    below: chosen.below,
    above: chosen.above,
    costPerOpportunity: costAt(chosen.value, first),
    crossings,
  };
}

/** Narrows a sign change between lo and hi; whole-number inputs return the first value past the change. */
function bisect(lo: number, hi: number, dLo: number, difference: (x: number) => number | null, integer: boolean): number {
  for (let step = 0; step < BISECTION_STEPS; step++) {
    if (integer && hi - lo <= 1) return hi;
    const mid = integer ? Math.floor((lo + hi) / 2) : lo + (hi - lo) / 2;
    if (!integer && (mid <= lo || mid >= hi)) break;
    const d = difference(mid);
    if (d === null) return mid;
    if (d === 0) return mid;
    if (Math.sign(d) === Math.sign(dLo)) lo = mid;
    else hi = mid;
    if (!integer && hi - lo <= 1e-10 * Math.max(1, Math.abs(lo), Math.abs(hi))) break;
  }
  return integer ? hi : lo + (hi - lo) / 2;
}
