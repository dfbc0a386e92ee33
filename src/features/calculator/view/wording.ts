import { FIELD_SPECS, isFieldPath, numericSpec, withField, type FieldGroup, type FieldPath, type NumericFieldPath, type Scenario } from '../fields.ts';
import type { BreakEvenResult } from '../model/break-even.ts';
import { MODEL_IDS, MODEL_LABELS, evaluateModel, type Evaluation, type ModelId, type ModelResult } from '../model/cost-model.ts';
import type { Formatters } from '../../../common/format.ts';
import { nounFor, plural } from '../../../common/plural.ts';
import type { SensitivityResult } from '../model/sensitivity.ts';
import { lineChart, tornadoChart, type SvgNode } from './svg-chart.ts';
import { DEFAULT_COMPARISON, answerFigures, capacitySentence, comparedModels, comparisonFor, headline, type AnswerFigure, type Comparison } from './answer.ts';

/**
 * What the calculator page says about an evaluation, as plain text: the comparison table, the
 * verdict, the break-even sentence, chart series and the monthly CSV. Pure, so the server render,
 * the browser and the tests share one wording (view-model.ts puts it together for a scenario).
 */

/** Form group headings. */
export const GROUP_LABELS: Readonly<Record<FieldGroup, string>> = {
  shared: 'Shared inputs',
  inHouse: MODEL_LABELS.inHouse,
  outsourced: MODEL_LABELS.outsourced,
  fullCycle: MODEL_LABELS.fullCycle,
  bridge: MODEL_LABELS.bridge,
  uncertainty: 'Uncertainty',
};

/** How a seat of each model is counted in sentences. */
export const SEAT_NOUNS: Readonly<Record<ModelId, readonly [string, string]>> = {
  inHouse: ['SDR', 'SDRs'],
  outsourced: ['agency rep', 'agency reps'],
  fullCycle: ['AE', 'AEs'],
  bridge: ['SDR', 'SDRs'],
};

const OBJECTS: Record<ModelId, string> = {
  inHouse: 'in-house SDRs',
  outsourced: 'the agency',
  fullCycle: 'full-cycle AEs',
  bridge: 'in-house SDRs with an agency bridge',
};
const GROUP_SHORT: Record<FieldGroup, string> = {
  shared: '',
  inHouse: 'in-house',
  outsourced: 'agency',
  fullCycle: 'full-cycle',
  bridge: 'bridge',
  uncertainty: 'uncertainty',
};

/** A field's name for sentences: its label, with the model it belongs to, e.g. "Ramp (in-house)". */
export function fieldName(path: FieldPath): string {
  const group = path.split('.')[0] as FieldGroup;
  const short = GROUP_SHORT[group] ?? '';
  return short ? `${FIELD_SPECS[path].label} (${short})` : FIELD_SPECS[path].label;
}

/** Replaces dotted field paths in a model message ("inHouse.meetingsPerMonth is 0") with their names. */
export function humanize(text: string): string {
  return text.replace(/\b(?:shared|inHouse|outsourced|fullCycle|bridge|uncertainty)\.[A-Za-z]+\b/g, (path) =>
    isFieldPath(path) ? `“${fieldName(path)}”` : path,
  );
}

/** A field's value as a person reads it: "$55,000", "45%", "3 months", "Yes", "sized for the target". */
export function formatFieldValue(path: FieldPath, value: unknown, fmt: Formatters): string {
  const spec = FIELD_SPECS[path];
  if (value === null) return path.endsWith('.dealValue') ? 'the shared average deal value' : 'sized for the target';
  switch (spec.unit) {
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'enum': {
      const index = (spec.options as readonly string[]).indexOf(String(value));
      return spec.optionLabels[index] ?? String(value);
    }
    case 'currency':
      return String(value);
    default: {
      if (typeof value !== 'number') return fmt.missing;
      switch (spec.unit) {
        case 'money':
          return fmt.money(value);
        case 'moneyPerHour':
          return `${fmt.money(value)} per hour`;
        case 'share':
          return fmt.percent(value);
        case 'months':
          return fmt.months(value);
        case 'integer':
        case 'number':
          return fmt.number(value, 2);
        default:
          return `${fmt.number(value, 2)} ${spec.unit}`;
      }
    }
  }
}

/** One cell of the comparison table; `note` says why a value is missing or how it was found. */
export interface Cell {
  text: string;
  note: string;
  /** The lowest cost per opportunity of the three. */
  best: boolean;
}

/** One row of the comparison table. */
export interface ComparisonRow {
  id: string;
  label: string;
  cells: Record<ModelId, Cell>;
}

type RowSpec = {
  id: string;
  label: (scenario: Scenario) => string;
  cell: (result: ModelResult, model: ModelId, fmt: Formatters) => { text: string; note?: string | undefined };
};

const ratio = (key: 'costPerMeeting' | 'costPerOpportunity' | 'costPerWin') => (result: ModelResult, _m: ModelId, fmt: Formatters) => ({
  text: fmt.money(result[key]),
  note: result[key] === null && !result.error ? humanize(result.nullReasons[key] ?? '') : undefined,
});

const ROWS: readonly RowSpec[] = [
  {
    id: 'seats',
    label: () => 'Seats',
    cell: (r, m, fmt) => ({
      text: r.error ? fmt.missing : `${fmt.number(r.seats, 0)} ${nounFor(r.seats, SEAT_NOUNS[m])}`,
      note: r.error ? 'Cannot reach the target: see below.' : r.solved ? 'sized for the target' : 'as entered',
    }),
  },
  {
    id: 'runRate',
    label: () => 'Opportunities a month at run rate',
    cell: (r, _m, fmt) => ({ text: r.error ? fmt.missing : fmt.number(r.steadyStateOpportunitiesPerMonth, 1) }),
  },
  {
    id: 'totalCost',
    label: (s) => `Total cost over ${plural(s.horizonMonths, 'month')}`,
    cell: (r, _m, fmt) => ({
      text: r.error ? fmt.missing : fmt.money(r.totalCost),
      note: r.committedFees > 0 ? `includes ${fmt.money(r.committedFees)} of fees owed after the horizon` : undefined,
    }),
  },
  { id: 'costPerMeeting', label: () => 'Cost per meeting', cell: ratio('costPerMeeting') },
  { id: 'costPerOpportunity', label: () => 'Cost per opportunity', cell: ratio('costPerOpportunity') },
  { id: 'costPerWin', label: () => 'Cost per win', cell: ratio('costPerWin') },
  {
    id: 'roi',
    label: () => 'Return on cost',
    cell: (r, _m, fmt) => ({ text: fmt.percent(r.roi), note: r.roi === null && !r.error ? humanize(r.nullReasons.roi ?? '') : undefined }),
  },
  {
    id: 'monthsToRunRate',
    label: () => 'Months to run rate',
    cell: (r, _m, fmt) => ({
      text: r.monthsToRunRate === null ? fmt.missing : fmt.months(r.monthsToRunRate),
      note: r.monthsToRunRate === null && !r.error ? humanize(r.nullReasons.monthsToRunRate ?? '') : undefined,
    }),
  },
];

/** The ids of the comparison rows, in order. */
export const COMPARISON_ROW_IDS: readonly string[] = ROWS.map((row) => row.id);

/** The model with the lowest cost per opportunity (null if none can be computed). */
export function cheapestModel(evaluation: Evaluation): ModelId | null {
  let best: ModelId | null = null;
  for (const model of MODEL_IDS) {
    const cost = evaluation[model].costPerOpportunity;
    if (cost === null) continue;
    if (best === null || cost < (evaluation[best].costPerOpportunity ?? Infinity)) best = model;
  }
  return best;
}

/** The side-by-side table: seats, opportunities, total cost, cost per meeting/opportunity/win, return, run rate. */
export function comparisonRows(evaluation: Evaluation, scenario: Scenario, fmt: Formatters): ComparisonRow[] {
  const cheapest = cheapestModel(evaluation);
  return ROWS.map((row) => {
    const cells = {} as Record<ModelId, Cell>;
    for (const model of MODEL_IDS) {
      const { text, note } = row.cell(evaluation[model], model, fmt);
      cells[model] = { text, note: note ?? '', best: row.id === 'costPerOpportunity' && model === cheapest };
    }
    return { id: row.id, label: row.label(scenario), cells };
  });
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function listOf(items: readonly string[], joiner = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

/** The plain-language verdict: a headline and a few supporting sentences. */
export interface Verdict {
  /** The question answered (the comparison's id). */
  comparison: string;
  headline: string;
  details: string[];
  /** Each compared option's cost per opportunity and run rate. */
  figures: AnswerFigure[];
  /** Why a model could not be computed, one sentence per failed model. */
  errors: { model: ModelId; message: string }[];
}

/**
 * The answer to the chosen question (answer.ts): the headline, what each compared team makes
 * against the target, and whether valuing AE time the other way would change it.
 */
export function verdict(evaluation: Evaluation, scenario: Scenario, fmt: Formatters, chosen: Comparison = comparisonFor(DEFAULT_COMPARISON)): Verdict {
  const models = comparedModels(chosen, scenario);
  const comparison = { ...chosen, models };
  const errors = MODEL_IDS.filter((m) => evaluation[m].error).map((model) => ({ model, message: humanize(evaluation[model].error ?? '') }));
  const cost = (m: ModelId) => (evaluation[m].error ? null : evaluation[m].costPerOpportunity);
  const ranked = models.filter((m) => cost(m) !== null).sort((a, b) => (cost(a) ?? 0) - (cost(b) ?? 0));
  const details: string[] = [];
  for (const model of models) {
    const sentence = capacitySentence(evaluation, scenario, model, fmt);
    if (sentence) details.push(sentence);
  }

  const fullCycle = evaluation.fullCycle;
  if (chosen.models.includes('bridge') && !models.includes('bridge')) {
    details.push('The agency bridge is off (0 months), so in-house with a bridge is the in-house team alone.');
  }
  if (models.includes('fullCycle') && !fullCycle.error && fullCycle.costPerOpportunity !== null) {
    const current = scenario.fullCycle.aeTimeValuation;
    const other = current === 'salary' ? 'displacedMargin' : 'salary';
    const alternative = evaluateModel(withField(scenario, 'fullCycle.aeTimeValuation', other), 'fullCycle', {
      seats: { fullCycle: fullCycle.seats },
    }).costPerOpportunity;
    if (alternative !== null) {
      const others = models.filter((m) => m !== 'fullCycle' && cost(m) !== null);
      const wasCheapest = ranked[0] === 'fullCycle';
      const wouldBeCheapest = others.every((m) => alternative < (cost(m) ?? Infinity));
      const changes = others.length > 0 && wasCheapest !== wouldBeCheapest ? 'That would change the answer.' : 'The answer would stay the same.';
      details.push(
        current === 'salary'
          ? `AE prospecting time is valued at its salary cost. Valued at the gross margin it displaces, full-cycle AEs would cost ${fmt.money(alternative)} per opportunity. ${changes}`
          : `AE prospecting time is valued at the gross margin it displaces. Valued at its salary cost, full-cycle AEs would cost ${fmt.money(alternative)} per opportunity. ${changes}`,
      );
    }
  }
  return { comparison: comparison.id, headline: headline(evaluation, comparison, fmt), details, figures: answerFigures(evaluation, comparison, fmt), errors };
}

const CHEAPER: Record<ModelId, string> = {
  inHouse: 'in-house SDRs are cheaper',
  outsourced: 'the agency is cheaper',
  fullCycle: 'full-cycle AEs are cheaper',
  bridge: 'the in-house team with an agency bridge is cheaper',
};

/** The break-even finding as one sentence. */
export function breakEvenText(result: BreakEvenResult, fmt: Formatters): string {
  const [first, second] = result.models;
  const name = `“${fieldName(result.path)}”`;
  const value = (x: number) => formatFieldValue(result.path, x, fmt);
  if (result.status === 'no-crossing') {
    if (result.cheaper === null) return `No crossing in range. ${humanize(result.reason)}`;
    const other = result.cheaper === first ? second : first;
    return `No crossing in range: the cost per opportunity is lower with ${OBJECTS[result.cheaper]} than with ${OBJECTS[other]} for every ${name} from ${value(result.range.min)} to ${value(result.range.max)}.`;
  }
  const cost = result.costPerOpportunity === null ? '' : ` (${fmt.money(result.costPerOpportunity)})`;
  const about = numericSpec(result.path).integer ? '' : 'about ';
  let sentence = `${capitalise(OBJECTS[first])} and ${OBJECTS[second]} cost the same per opportunity${cost} when ${name} is ${about}${value(result.value)} (it is ${value(result.baseValue)} now).`;
  if (result.below && result.above && result.below !== result.above) {
    sentence += ` Below that, ${CHEAPER[result.below]}; above it, ${CHEAPER[result.above]}.`;
  }
  if (result.crossings.length > 1) {
    sentence += ` The two cross ${result.crossings.length} times in the range; this is the crossing nearest the current value.`;
  }
  return sentence;
}

/** Running totals: [1, 2, 3] → [1, 3, 6]. */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((value) => (sum += value));
}

/** Cumulative cost or opportunities by month, per model. */
export function cumulativeSeries(evaluation: Evaluation, key: 'cost' | 'opportunities'): Record<ModelId, number[]> {
  const out = {} as Record<ModelId, number[]>;
  for (const model of MODEL_IDS) out[model] = cumulative(evaluation[model].months.map((row) => row[key]));
  return out;
}

/** One bar of the tornado: cost per opportunity with the input 20 % lower and higher. */
export interface TornadoRow {
  path: NumericFieldPath;
  label: string;
  lowValue: number;
  highValue: number;
  /** Cost per opportunity with the input lowered / raised. */
  low: number;
  high: number;
  swing: number;
}

/** The inputs that move one model's cost per opportunity most, largest first (at most `limit`). */
export function tornadoRows(result: SensitivityResult, model: ModelId, limit = 8): TornadoRow[] {
  const rows: TornadoRow[] = [];
  for (const entry of result.entries) {
    const swing = entry.models[model];
    // Swings within floating-point noise of the base are no swing at all.
    const noise = 1e-9 * Math.max(1, Math.abs(swing.base ?? 0));
    if (swing.low === null || swing.high === null || swing.swing === null || !(swing.swing > noise)) continue;
    rows.push({
      path: entry.path,
      label: fieldName(entry.path),
      lowValue: entry.lowValue,
      highValue: entry.highValue,
      low: swing.low,
      high: swing.high,
      swing: swing.swing,
    });
  }
  // Array.prototype.sort is stable: equal swings keep the form order.
  return rows.sort((a, b) => b.swing - a.swing).slice(0, limit);
}

/** Chart sizes: the browser passes the width it has; the server draws at a typical desktop width. */
export interface ChartSize {
  width: number;
  height: number;
}

const compactMoney = (fmt: Formatters) => (value: number) => fmt.moneyCompact(value);

/** The cumulative cost or opportunities chart of the three models. */
export function cumulativeChart(evaluation: Evaluation, key: 'cost' | 'opportunities', fmt: Formatters, size: ChartSize): SvgNode {
  const series = cumulativeSeries(evaluation, key);
  const months = evaluation.inHouse.months.length;
  const format = key === 'cost' ? compactMoney(fmt) : (value: number) => fmt.number(value, 0);
  const ends = MODEL_IDS.map((m) => `${MODEL_LABELS[m]} ${format(series[m][series[m].length - 1] ?? 0)}`);
  const what = key === 'cost' ? 'Cumulative cost' : 'Cumulative opportunities';
  return lineChart({
    titleId: `chart-${key}-title`,
    title: `${what} by month. After ${fmt.months(months)}: ${listOf(ends)}.`,
    series: MODEL_IDS.map((id) => ({ id, values: series[id] })),
    width: size.width,
    height: size.height,
    formatY: format,
  });
}

/** The table behind a cumulative chart: one row per month, one column per model. */
export function cumulativeTable(evaluation: Evaluation, key: 'cost' | 'opportunities', fmt: Formatters): string[][] {
  const series = cumulativeSeries(evaluation, key);
  const format = key === 'cost' ? (value: number) => fmt.money(value) : (value: number) => fmt.number(value, 1);
  return evaluation.inHouse.months.map((_, i) => [String(i + 1), ...MODEL_IDS.map((m) => format(series[m][i] ?? 0))]);
}

/** The tornado chart of one model's cost per opportunity. */
export function sensitivityChart(rows: readonly TornadoRow[], base: number | null, model: ModelId, fmt: Formatters, width: number): SvgNode {
  const top = rows[0];
  const summary =
    rows.length === 0 || base === null
      ? `No input moves the cost per opportunity of ${OBJECTS[model]}.`
      : `What moves the cost per opportunity of ${OBJECTS[model]} (now ${fmt.money(base)}) when each input is 20 % lower or higher. Largest: ${top?.label}, from ${fmt.money(top?.low ?? null)} to ${fmt.money(top?.high ?? null)}.`;
  return tornadoChart({
    titleId: 'chart-tornado-title',
    title: summary,
    bars: rows.map((row) => ({ label: row.label, low: row.low, high: row.high })),
    base: base ?? 0,
    width,
    format: compactMoney(fmt),
  });
}

/** The table behind the tornado: input, its lowered and raised values, and the results. */
export function sensitivityTable(rows: readonly TornadoRow[], fmt: Formatters): string[][] {
  return rows.map((row) => [
    row.label,
    `${formatFieldValue(row.path, row.lowValue, fmt)} → ${fmt.money(row.low)}`,
    `${formatFieldValue(row.path, row.highValue, fmt)} → ${fmt.money(row.high)}`,
    fmt.money(row.swing),
  ]);
}
