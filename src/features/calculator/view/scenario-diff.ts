import { FIELD_SPECS, SCENARIO_FIELDS, SPREAD_KEYS, readField, type FieldPath, type Scenario } from '../fields.ts';
import { MODEL_IDS, MODEL_LABELS, evaluate, type Evaluation, type ModelId } from '../model/cost-model.ts';
import { createFormatters, type Formatters } from '../../../common/format.ts';
import { cheapestModel, fieldName, formatFieldValue } from './wording.ts';
import { spreadText } from './spreads.ts';

/**
 * Two saved scenarios side by side: the inputs that differ, with both values in their units and the
 * difference in words, and each option's results with what changed. Every difference is said in text
 * ("+$15,000 (+27%)", "Same"), so the highlight is never the only mark. Pure; the page loads this
 * module when a comparison is first asked for.
 */

/** One scenario to compare: its saved name and the scenario its link opens. */
export interface ComparedScenario {
  name: string;
  scenario: Scenario;
  /** How many values of its link could not be used (their defaults were used instead). */
  problems: number;
}

/** One row: a label, each scenario's value, and the difference in words. */
export interface DiffRow {
  label: string;
  a: string;
  b: string;
  /** "+$15,000 (+27%)", "changed", "Same", … */
  change: string;
  differs: boolean;
}

/** One option's results in both scenarios. */
export interface OptionDiff {
  model: ModelId;
  label: string;
  rows: DiffRow[];
}

/** What the comparison shows. */
export interface ScenarioDiff {
  names: readonly [string, string];
  /** Things to know first (values a saved link could not use, different currencies). */
  notes: string[];
  /** The inputs that differ, in form order (spreads after the fields). */
  inputs: DiffRow[];
  /** One sentence over the inputs, e.g. "2 inputs differ." or "The two have the same inputs." */
  inputsSummary: string;
  results: OptionDiff[];
  /** Which option is cheapest per opportunity in each. */
  cheapest: DiffRow;
}

const SAME = 'Same';
const sign = (value: number): string => (value > 0 ? '+' : value < 0 ? '−' : '');

/** "+27%" of a change against where it started; empty when the start is 0. */
function relative(from: number, to: number, fmt: Formatters): string {
  if (from === 0) return '';
  const ratio = (to - from) / Math.abs(from);
  return ` (${sign(ratio)}${fmt.percent(Math.abs(ratio))})`;
}

/** The difference between two values of one field, in words. */
function fieldChange(path: FieldPath, a: unknown, b: unknown, fmt: Formatters, sameCurrency: boolean): string {
  const spec = FIELD_SPECS[path];
  if (typeof a !== 'number' || typeof b !== 'number' || !('min' in spec)) return 'changed';
  const delta = b - a;
  if (spec.unit === 'share') return `${sign(delta)}${fmt.number(Math.abs(delta) * 100, 1)} percentage points`;
  if ((spec.unit === 'money' || spec.unit === 'moneyPerHour') && !sameCurrency) return 'changed (different currencies)';
  return `${sign(delta)}${formatFieldValue(path, Math.abs(delta), fmt)}${relative(a, b, fmt)}`;
}

function inputRows(a: Scenario, b: Scenario, fa: Formatters, fb: Formatters): DiffRow[] {
  const sameCurrency = a.currency === b.currency;
  const rows: DiffRow[] = [];
  for (const field of SCENARIO_FIELDS) {
    const va = readField(a, field.path);
    const vb = readField(b, field.path);
    if (Object.is(va, vb)) continue;
    rows.push({
      label: fieldName(field.path),
      a: formatFieldValue(field.path, va, fa),
      b: formatFieldValue(field.path, vb, fb),
      change: fieldChange(field.path, va, vb, fb, sameCurrency),
      differs: true,
    });
  }
  for (const key of SPREAD_KEYS) {
    const fa0 = a.uncertainty.spread[key] ?? 0;
    const fb0 = b.uncertainty.spread[key] ?? 0;
    if (fa0 === fb0) continue;
    const shown = (f: number, fmt: Formatters) => (f === 0 ? 'fixed' : `± ${spreadText(f, fmt.locale)} %`);
    rows.push({
      label: `How sure: ${fieldName(key)}`,
      a: shown(fa0, fa),
      b: shown(fb0, fb),
      change: `${sign(fb0 - fa0)}${fb.number(Math.abs(fb0 - fa0) * 100, 1)} percentage points`,
      differs: true,
    });
  }
  return rows;
}

type Metric = { label: string; value: (e: Evaluation, m: ModelId) => number | null; show: (v: number | null, fmt: Formatters) => string; money: boolean };

const METRICS: readonly Metric[] = [
  { label: 'Cost per opportunity', value: (e, m) => e[m].costPerOpportunity, show: (v, fmt) => fmt.money(v), money: true },
  { label: 'Opportunities', value: (e, m) => (e[m].error ? null : e[m].opportunities), show: (v, fmt) => fmt.number(v, 0), money: false },
  { label: 'Total cost', value: (e, m) => (e[m].error ? null : e[m].totalCost), show: (v, fmt) => fmt.money(v), money: true },
];

/** A result's row: both values, and the change (Same, a signed difference with its share, or why there is none). */
function resultRow(metric: Metric, va: number | null, vb: number | null, fa: Formatters, fb: Formatters, sameCurrency: boolean): DiffRow {
  const a = metric.show(va, fa);
  const b = metric.show(vb, fb);
  if (va === null || vb === null) {
    const differs = (va === null) !== (vb === null);
    return { label: metric.label, a, b, change: differs ? 'changed (cannot be computed in one)' : SAME, differs };
  }
  // Compared as shown: a difference below the display's rounding is no difference to the reader.
  if (a === b && sameCurrency) return { label: metric.label, a, b, change: SAME, differs: false };
  if (metric.money && !sameCurrency) return { label: metric.label, a, b, change: 'not comparable (different currencies)', differs: true };
  const delta = vb - va;
  return { label: metric.label, a, b, change: `${sign(delta)}${metric.show(Math.abs(delta), fb)}${relative(va, vb, fb)}`, differs: true };
}

/** Compares two scenarios (the first is the reference the differences are measured from). */
export function diffScenarios(first: ComparedScenario, second: ComparedScenario, locale: string): ScenarioDiff {
  const a = first.scenario;
  const b = second.scenario;
  const fa = createFormatters(locale, a.currency);
  const fb = createFormatters(locale, b.currency);
  const ea = evaluate(a);
  const eb = evaluate(b);
  const sameCurrency = a.currency === b.currency;
  const notes: string[] = [];
  for (const { name, problems } of [first, second]) {
    if (problems > 0)
      notes.push(`“${name}” has ${problems === 1 ? 'a value' : `${problems} values`} this calculator could not use; the defaults were used instead.`);
  }
  if (!sameCurrency) notes.push(`The two are in different currencies (${a.currency} and ${b.currency}): their money is shown but not subtracted.`);
  const inputs = inputRows(a, b, fa, fb);
  const cheapA = cheapestModel(ea);
  const cheapB = cheapestModel(eb);
  const cheapName = (m: ModelId | null) => (m ? MODEL_LABELS[m] : 'none can be costed');
  return {
    names: [first.name, second.name],
    notes,
    inputs,
    inputsSummary:
      inputs.length === 0
        ? 'The two have the same inputs.'
        : `${inputs.length === 1 ? '1 input differs' : `${inputs.length} inputs differ`}; the rest are the same.`,
    results: MODEL_IDS.map((model) => ({
      model,
      label: MODEL_LABELS[model],
      rows: METRICS.map((metric) => resultRow(metric, metric.value(ea, model), metric.value(eb, model), fa, fb, sameCurrency)),
    })),
    cheapest: {
      label: 'Cheapest per opportunity',
      a: cheapName(cheapA),
      b: cheapName(cheapB),
      change: cheapA === cheapB ? 'Same answer' : 'Different answer',
      differs: cheapA !== cheapB,
    },
  };
}
