import {
  FIELD_SPECS,
  NUMERIC_FIELD_PATHS,
  SCENARIO_FIELDS,
  numericSpec,
  readNumber,
  withField,
  type FieldGroup,
  type NumericFieldPath,
  type Scenario,
} from '../fields.ts';
import { fieldBounds } from '../rules.ts';
import { MODEL_IDS, evaluate, evaluateModel, heldSeats, modelsAffectedBy, seatsOf, type Evaluation, type ModelId } from './cost-model.ts';

/** Share by which each input is moved down and up (±20 %). */
export const SENSITIVITY_CHANGE = 0.2;

/** How one model's cost per opportunity responds to one input. */
export interface ModelSwing {
  /** Cost per opportunity in the base case, with the input lowered, and raised. */
  base: number | null;
  low: number | null;
  high: number | null;
  /** low − base and high − base (null when either side is null). */
  changeLow: number | null;
  changeHigh: number | null;
  /** |high − low|; null when either is null. */
  swing: number | null;
}

/** One bar of the tornado chart. */
export interface SensitivityEntry {
  path: NumericFieldPath;
  group: FieldGroup;
  label: string;
  /** The input's value in the base case and the values actually used (clamped, rounded). */
  baseValue: number;
  lowValue: number;
  highValue: number;
  models: Record<ModelId, ModelSwing>;
  /** The sort key: the largest swing of any model (or of `sortBy`'s); 0 when none can be computed. */
  maxSwing: number;
}

/** Tornado data: one entry per numeric input, largest driver first. */
export interface SensitivityResult {
  /** The seats every variation holds (the base case's, solved or given). */
  seats: Record<ModelId, number>;
  entries: SensitivityEntry[];
}

/** Options for `sensitivity`. */
export interface SensitivityOptions {
  /** Relative change (default 0.2). */
  change?: number;
  /** The base evaluation, if already computed (saves one evaluation). */
  base?: Evaluation;
  /** Sort by this model's swing instead of the largest swing of any model. */
  sortBy?: ModelId;
}

/**
 * The inputs of the cost model that a person might have wrong: every numeric field except seats
 * (held) and the uncertainty run's own settings (they change no option's cost).
 */
export const MODEL_INPUT_PATHS: readonly NumericFieldPath[] = NUMERIC_FIELD_PATHS.filter((path) => !path.startsWith('uncertainty.'));

/** The seats paths are held, never varied. */
const VARIED_PATHS = MODEL_INPUT_PATHS.filter((path) => !path.endsWith('.seats'));

/**
 * The value an input takes when moved by `factor` (0.8 or 1.2): clamped to the field's range in
 * this scenario; whole-number fields are rounded, and moved by at least one step when rounding
 * would leave a non-zero value unchanged (so a 2-month backfill still shows in the chart).
 */
export function movedValue(scenario: Scenario, path: NumericFieldPath, base: number, factor: number): number {
  const spec = numericSpec(path);
  const { min, max } = fieldBounds(scenario, path);
  // 12 significant digits: 12 × 0.8 is 9.6, not 9.600000000000001, in the chart and in links.
  let value = Number((base * factor).toPrecision(12));
  if (spec.integer) {
    value = Math.round(value);
    if (value === base && base !== 0) value = base + (factor > 1 ? 1 : -1);
  }
  if (spec.exclusiveMin && value <= min) return base;
  return Math.min(max, Math.max(min, value));
}

function swingOf(base: number | null, low: number | null, high: number | null): ModelSwing {
  const both = low !== null && high !== null;
  return {
    base,
    low,
    high,
    changeLow: low !== null && base !== null ? low - base : null,
    changeHigh: high !== null && base !== null ? high - base : null,
    swing: both ? Math.abs(high - low) : null,
  };
}

/**
 * Moves each numeric input ±20 % (seats held at the base case's) and records how each model's cost
 * per opportunity changes; entries are sorted by the largest swing, ties in form order.
 */
export function sensitivity(scenario: Scenario, options: SensitivityOptions = {}): SensitivityResult {
  const change = options.change ?? SENSITIVITY_CHANGE;
  const base = options.base ?? evaluate(scenario);
  const seats = seatsOf(base);
  // An option that could not be sized keeps failing in every variation: its seats are not held.
  const held = heldSeats(base);

  const entries: SensitivityEntry[] = [];
  for (const path of VARIED_PATHS) {
    const value = readNumber(scenario, path);
    // An empty deal value (null: the shared one is used) has nothing of its own to move.
    if (value === null) continue;
    const baseValue = value;
    const lowValue = movedValue(scenario, path, baseValue, 1 - change);
    const highValue = movedValue(scenario, path, baseValue, 1 + change);
    const lowScenario = withField(scenario, path, lowValue);
    const highScenario = withField(scenario, path, highValue);
    const affected = modelsAffectedBy(path);
    const models = {} as Record<ModelId, ModelSwing>;
    let maxSwing = 0;
    for (const model of MODEL_IDS) {
      const baseCost = base[model].costPerOpportunity;
      if (!affected.includes(model) || base[model].error !== undefined) {
        models[model] = swingOf(baseCost, baseCost, baseCost);
        continue;
      }
      const low = lowValue === baseValue ? baseCost : evaluateModel(lowScenario, model, { seats: held }).costPerOpportunity;
      const high = highValue === baseValue ? baseCost : evaluateModel(highScenario, model, { seats: held }).costPerOpportunity;
      models[model] = swingOf(baseCost, low, high);
      const swing = models[model].swing;
      if (swing !== null && (options.sortBy === undefined || options.sortBy === model)) maxSwing = Math.max(maxSwing, swing);
    }
    const spec = SCENARIO_FIELDS.find((field) => field.path === path);
    entries.push({ path, group: spec?.group ?? 'shared', label: FIELD_SPECS[path].label, baseValue, lowValue, highValue, models, maxSwing });
  }
  entries.sort((a, b) => b.maxSwing - a.maxSwing);
  return { seats, entries };
}
