import type { Scenario } from '../fields.ts';
import { MODEL_IDS, MODEL_LABELS, type Evaluation, type ModelId } from '../model/cost-model.ts';
import type { UncertaintyResult } from '../model/uncertainty.ts';
import type { WhatWouldHaveToBeTrue } from '../model/what-would-have-to-be-true.ts';
import { objectName } from './answer.ts';
import { fieldName, formatFieldValue } from './wording.ts';
import type { Formatters } from '../../../common/format.ts';
import { rangeChart, type RangeBar, type SvgNode } from './svg-chart.ts';

/**
 * The slower half of the answer, computed off the typing path: how sure it is (the seeded
 * uncertainty run) and what would have to be true for each other option to be as cheap. Pure
 * wording of the model's results; the browser computes them when typing pauses, the server for the
 * defaults, so the page without a script and the printed memo have them too.
 */

/** The uncertainty and "what would have to be true" of one scenario, as the page shows them. */
export interface AnalysisView {
  /** One sentence for the answer: how sure it is, or why that is not known. */
  sure: string;
  /** False when the uncertainty run is off (0 runs) or no option took part: the table is hidden. */
  hasRanges: boolean;
  /** Per option: name, P10–P90 range, base value, chance of being cheapest. */
  ranges: string[][];
  /** The same ranges drawn: one bar per option, cheapest on the inputs first (the table is its text alternative). */
  chart: SvgNode;
  /** The heading over "what would have to be true", e.g. "For the others to match the agency ($2,258 per opportunity), with everything else as it is:". */
  whatIfIntro: string;
  /** Per other option: a heading and one sentence per deciding input. */
  whatIf: { model: ModelId; title: string; items: string[] }[];
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "in 87% of 2,000 runs". */
const share = (probability: number, runs: number, fmt: Formatters): string => `${fmt.percent(probability)} of ${fmt.number(runs, 0)} runs`;

/**
 * How sure the answer is: which option comes out cheapest how often when the uncertain inputs move
 * within their spreads, and whether that could change the answer. `models` are the options the
 * chosen question compares.
 */
export function sureSentence(evaluation: Evaluation, uncertainty: UncertaintyResult, scenario: Scenario, models: readonly ModelId[], fmt: Formatters): string {
  const runs = scenario.uncertainty.runs;
  if (runs === 0) return 'How sure: not measured, because the uncertainty run is off (0 runs). Set the number of runs above 0 to see it.';
  const taking = MODEL_IDS.filter((m) => uncertainty[m] !== null);
  if (taking.length === 0) return 'How sure: not measured, because no option can be costed per opportunity with these inputs.';
  const chance = (m: ModelId) => uncertainty[m]?.probabilityLowest ?? 0;
  const cost = (m: ModelId) => (evaluation[m].error ? null : evaluation[m].costPerOpportunity);
  const compared = models.filter((m) => uncertainty[m] !== null);
  const base = compared.filter((m) => cost(m) !== null).sort((a, b) => (cost(a) ?? 0) - (cost(b) ?? 0))[0];
  const likeliest = [...compared].sort((a, b) => chance(b) - chance(a))[0];
  if (base === undefined || likeliest === undefined) return 'How sure: not measured for these options.';
  const all = compared.length === taking.length;
  const among = all ? '' : ` (of all ${taking.length} options)`;
  const parts = [...compared]
    .sort((a, b) => chance(b) - chance(a))
    .slice(0, 3)
    .map((m, i) => (i === 0 ? `${objectName(m)} in ${share(chance(m), runs, fmt)}` : `${objectName(m)} in ${fmt.percent(chance(m))}`));
  const changes =
    likeliest !== base && chance(likeliest) > chance(base)
      ? ` The uncertainty could change the answer: ${objectName(likeliest)} comes out cheapest more often than ${objectName(base)}.`
      : chance(base) >= 0.8
        ? ' The answer holds in most runs.'
        : ' The answer is not settled: it depends on inputs you are unsure of.';
  return `How sure: with the uncertain inputs varied within their spreads, the cheapest${among} was ${listOf(parts)}.${changes}`;
}

/** The range table: each option's P10–P90 cost per opportunity, its base value and how often it is cheapest. */
export function rangeRows(evaluation: Evaluation, uncertainty: UncertaintyResult, scenario: Scenario, fmt: Formatters): string[][] {
  const runs = scenario.uncertainty.runs;
  return MODEL_IDS.filter((m) => uncertainty[m] !== null).map((m) => {
    const u = uncertainty[m];
    const range =
      u && u.p10 !== null && u.p90 !== null ? `${fmt.money(u.p10)} – ${fmt.money(u.p90)}` : `${fmt.money(u?.p10 ?? null)} – no opportunities in some runs`;
    return [MODEL_LABELS[m], range, fmt.money(evaluation[m].costPerOpportunity), `Cheapest in ${share(u?.probabilityLowest ?? 0, runs, fmt)}`];
  });
}

/** The width the range chart is drawn at when its holder's is not known (the server's). */
export const RANGE_CHART_WIDTH = 560;

/**
 * The range chart: each option taking part, cheapest on the person's own inputs first, as a bar from
 * P10 to P90 of its cost per opportunity with that base value marked, and how often it was cheapest.
 * `width` is its holder's (280–900 pixels; 0 or unknown draws it at the server's width).
 */
export function rangeChartView(evaluation: Evaluation, uncertainty: UncertaintyResult, fmt: Formatters, width = RANGE_CHART_WIDTH, compact = false): SvgNode {
  const base = (m: ModelId): number | null => (evaluation[m].error ? null : evaluation[m].costPerOpportunity);
  const order = (m: ModelId): number => base(m) ?? Number.POSITIVE_INFINITY;
  const bars: RangeBar[] = MODEL_IDS.filter((m) => uncertainty[m] !== null)
    .sort((a, b) => order(a) - order(b) || MODEL_IDS.indexOf(a) - MODEL_IDS.indexOf(b))
    .map((m) => {
      const u = uncertainty[m];
      return {
        id: m,
        label: MODEL_LABELS[m],
        low: u?.p10 ?? null,
        high: u?.p90 ?? null,
        base: base(m),
        // The base value in words too, so that the chart alone (as printed) carries the table's figures.
        note: `${base(m) === null ? '' : `${fmt.money(base(m))} on your inputs · `}cheapest in ${fmt.percent(u?.probabilityLowest ?? 0)}`,
      };
    });
  return rangeChart({
    titleId: 'range-chart-title',
    title: 'Range of cost per opportunity per option, P10 to P90, with the value on your inputs marked. The table below has the same figures.',
    bars,
    width: Math.round(Math.min(900, Math.max(280, width || RANGE_CHART_WIDTH))),
    format: (value) => fmt.moneyCompact(value),
    compact,
  });
}

/** "What would have to be true", in sentences with the current value next to the value that would tie. */
export function whatIfView(result: WhatWouldHaveToBeTrue, fmt: Formatters): Pick<AnalysisView, 'whatIfIntro' | 'whatIf'> {
  if (result.status !== 'found') return { whatIfIntro: result.reason, whatIf: [] };
  const winner = objectName(result.cheapest);
  return {
    whatIfIntro: `${capitalise(winner)} cost${result.cheapest === 'outsourced' ? 's' : ''} the least per opportunity (${fmt.money(result.costPerOpportunity)}). For each other option to cost as little, everything else as it is, one of these would have to be true:`,
    whatIf: result.options.map((option) => ({
      model: option.model,
      title: `${MODEL_LABELS[option.model]} (now ${fmt.money(option.costPerOpportunity)} per opportunity)`,
      items: option.requirements.map((r) => {
        const name = fieldName(r.path);
        const now = formatFieldValue(r.path, r.baseValue, fmt);
        if (r.status === 'value') return `${name}: ${formatFieldValue(r.path, r.value, fmt)} (it is ${now} now).`;
        return `${name}: not within the allowed range (it is ${now} now).`;
      }),
    })),
  };
}

/** Everything the analysis shows for one scenario. */
export function analysisView(
  evaluation: Evaluation,
  uncertainty: UncertaintyResult,
  whatIf: WhatWouldHaveToBeTrue,
  scenario: Scenario,
  models: readonly ModelId[],
  fmt: Formatters,
  chartWidth = RANGE_CHART_WIDTH,
  compactChart = false,
): AnalysisView {
  const ranges = rangeRows(evaluation, uncertainty, scenario, fmt);
  return {
    sure: sureSentence(evaluation, uncertainty, scenario, models, fmt),
    hasRanges: scenario.uncertainty.runs > 0 && ranges.length > 0,
    ranges,
    chart: rangeChartView(evaluation, uncertainty, fmt, chartWidth, compactChart),
    ...whatIfView(whatIf, fmt),
  };
}
