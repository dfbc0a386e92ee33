import { FIELD_SPECS, NUMERIC_FIELD_PATHS, type NumericFieldPath, type Scenario } from '../fields.ts';
import { fieldBounds } from '../rules.ts';
import { MODEL_IDS, MODEL_LABELS, evaluate, type Evaluation, type ModelId } from '../model/cost-model.ts';
import { sensitivity } from '../model/sensitivity.ts';
import { isPercentField, rangeText, tidy, unitText } from './form.ts';
import type { SvgNode } from './svg-chart.ts';
import { DEFAULT_COMPARISON, comparisonFor } from './answer.ts';
import {
  comparisonRows,
  cumulativeChart,
  cumulativeTable,
  sensitivityChart,
  sensitivityTable,
  tornadoRows,
  verdict,
  type ComparisonRow,
  type Verdict,
} from './wording.ts';
import type { Formatters } from '../../../common/format.ts';

/**
 * Everything the calculator shows for one scenario, in one call: the server render
 * (Calculator.astro) and the browser (store.ts → render.ts) both draw from `calculatorView`, so the
 * page before and after its script runs cannot disagree. Pure.
 */

/** The model whose tornado the page shows first. */
export const DEFAULT_TORNADO_MODEL: ModelId = 'inHouse';

/** A break-even question: which input to move, and which two models to compare. */
export interface BreakEvenQuery {
  path: NumericFieldPath;
  models: readonly [ModelId, ModelId];
}

/** The break-even question the page starts with. */
export const DEFAULT_BREAK_EVEN: BreakEvenQuery = { path: 'outsourced.monthlyFeePerSeat', models: ['inHouse', 'outsourced'] };

/** How wide each chart's holder is, in CSS pixels (the browser measures; 0 when unknown). */
export interface ChartWidths {
  cost: number;
  opportunities: number;
  tornado: number;
  /** The range chart's (the analysis section); absent or 0 when unknown. */
  ranges?: number;
  /** True while printing: the range chart is drawn one line per option, low enough for the memo. */
  print?: boolean;
}

/** The server draws every chart at a typical desktop width. */
export const SERVER_CHART_WIDTHS: ChartWidths = { cost: 560, opportunities: 560, tornado: 560 };

/** A chart and the table with the same numbers. */
export interface ChartView {
  svg: SvgNode;
  table: string[][];
}

/** The tornado chart of one model. */
export interface TornadoView extends ChartView {
  model: ModelId;
  /** The model's name, printed above the chart. */
  name: string;
}

/** What a numeric field shows next to its input for this scenario, in the form's units. */
export interface FieldView {
  /** The allowed range, e.g. "0 to 149 days". */
  range: string;
  /** The unit after the label, e.g. "USD". */
  unit: string;
  /** The input's `min`, `max` and `step` attributes (percentages for shares). */
  min: number;
  max: number;
  step: number;
}

/** Everything shown for one scenario. */
export interface CalculatorView {
  evaluation: Evaluation;
  /** The comparison table. */
  rows: ComparisonRow[];
  verdict: Verdict;
  /** The line under each model's seats input. */
  seats: Record<ModelId, string>;
  fields: Record<NumericFieldPath, FieldView>;
  cost: ChartView;
  opportunities: ChartView;
  tornado: TornadoView;
}

/** Options for `calculatorView`. */
export interface ViewOptions {
  /** The scenario's evaluation, when already computed. */
  evaluation?: Evaluation;
  /** How wide the charts' holders are (default: the server's widths). */
  widths?: ChartWidths;
  /** Whose tornado to draw (default: DEFAULT_TORNADO_MODEL). */
  tornadoModel?: ModelId;
  /** The question the verdict answers (a comparison id; default: all options). */
  comparison?: string;
}

/** The width a chart is drawn at: what its holder offers, within 280-900 pixels. */
const drawWidth = (holder: number): number => Math.round(Math.min(900, Math.max(280, holder || 560)));

/** The range, unit and input attributes of a numeric field in this scenario. */
export function fieldView(scenario: Scenario, path: NumericFieldPath, fmt: Formatters): FieldView {
  const spec = FIELD_SPECS[path];
  const bounds = fieldBounds(scenario, path);
  const scale = isPercentField(path) ? 100 : 1;
  return {
    range: rangeText(path, bounds, fmt, scenario.currency),
    unit: unitText(spec, scenario.currency),
    min: tidy(bounds.min * scale),
    max: tidy(bounds.max * scale),
    step: tidy(spec.step * scale),
  };
}

/** The line under a model's seats input: entered, sized for the target, or why it cannot be. */
export function seatsLine(scenario: Scenario, evaluation: Evaluation, model: ModelId, fmt: Formatters): string {
  if (model === 'bridge') return seatsLine(scenario, evaluation, 'inHouse', fmt);
  if (scenario[model].seats !== null) return 'Entered by you';
  const result = evaluation[model];
  return result.error ? 'Cannot be sized for the target: see the results.' : `Sized for the target: ${fmt.number(result.seats, 0)}`;
}

/** The two cumulative charts (cost, opportunities) with their tables. */
export function cumulativeViews(evaluation: Evaluation, fmt: Formatters, widths: ChartWidths): { cost: ChartView; opportunities: ChartView } {
  const chart = (key: 'cost' | 'opportunities'): ChartView => {
    const width = drawWidth(widths[key]);
    return {
      svg: cumulativeChart(evaluation, key, fmt, { width, height: width < 480 ? 250 : 300 }),
      table: cumulativeTable(evaluation, key, fmt),
    };
  };
  return { cost: chart('cost'), opportunities: chart('opportunities') };
}

// The sensitivity run (some hundred model evaluations) of the last scenario drawn: redrawing the same
// scenario at another width or for another model (the page does both) reuses it.
let lastSensitivity: { scenario: Scenario; evaluation: Evaluation; result: ReturnType<typeof sensitivity> } | null = null;
function sensitivityOf(scenario: Scenario, evaluation: Evaluation): ReturnType<typeof sensitivity> {
  if (lastSensitivity?.scenario !== scenario || lastSensitivity.evaluation !== evaluation) {
    lastSensitivity = { scenario, evaluation, result: sensitivity(scenario, { base: evaluation }) };
  }
  return lastSensitivity.result;
}

/** The tornado of one model: what moves its cost per opportunity when each input is 20 % lower or higher. */
export function tornadoView(scenario: Scenario, evaluation: Evaluation, model: ModelId, fmt: Formatters, width: number): TornadoView {
  const rows = tornadoRows(sensitivityOf(scenario, evaluation), model);
  return {
    model,
    name: MODEL_LABELS[model],
    svg: sensitivityChart(rows, evaluation[model].costPerOpportunity, model, fmt, drawWidth(width)),
    table: sensitivityTable(rows, fmt),
  };
}

/** Everything the page shows for a scenario, except the break-even sentence (found on request). */
export function calculatorView(scenario: Scenario, fmt: Formatters, options: ViewOptions = {}): CalculatorView {
  const evaluation = options.evaluation ?? evaluate(scenario);
  const widths = options.widths ?? SERVER_CHART_WIDTHS;
  const seats = {} as Record<ModelId, string>;
  for (const model of MODEL_IDS) seats[model] = seatsLine(scenario, evaluation, model, fmt);
  const fields = {} as Record<NumericFieldPath, FieldView>;
  for (const path of NUMERIC_FIELD_PATHS) fields[path] = fieldView(scenario, path, fmt);
  return {
    evaluation,
    rows: comparisonRows(evaluation, scenario, fmt),
    verdict: verdict(evaluation, scenario, fmt, comparisonFor(options.comparison ?? DEFAULT_COMPARISON)),
    seats,
    fields,
    ...cumulativeViews(evaluation, fmt, widths),
    tornado: tornadoView(scenario, evaluation, options.tornadoModel ?? DEFAULT_TORNADO_MODEL, fmt, widths.tornado),
  };
}
