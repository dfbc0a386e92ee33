import type { Scenario } from '../fields.ts';
import { MODEL_IDS, MODEL_LABELS, bridgeMonths, type Evaluation, type ModelId, type ModelResult } from '../model/cost-model.ts';
import type { Formatters } from '../../../common/format.ts';

/**
 * The answer to the question a leader came with: "SDRs or an agency?", "SDRs or full-cycle AEs?",
 * or "which is cheapest?". The headline answers that comparison in words with the gap in money and
 * percent (or says it is too close to call), and the capacity sentences say what each team makes
 * against the target. Pure: the server render and the browser share it through view-model.ts.
 * Written against the option ids as data, so a fourth option (the agency bridge) joins by its id.
 */

/** Two options closer than this share of the dearer one's cost per opportunity are "too close to call". */
export const CLOSE_CALL = 0.03;

/** A question the page can answer: the options it compares. */
export interface Comparison {
  id: string;
  /** The question as the leader asks it, e.g. "SDRs or an agency?". */
  label: string;
  models: readonly ModelId[];
}

/** The question the page starts with. */
export const DEFAULT_COMPARISON = 'all';

/** How each option is named inside a sentence. */
const OBJECT_NAMES: Readonly<Record<string, string>> = {
  inHouse: 'in-house SDRs',
  outsourced: 'the agency',
  fullCycle: 'full-cycle AEs',
  bridge: 'SDRs with an agency bridge',
};
/** How a seat of each option is counted. */
const NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  inHouse: ['SDR', 'SDRs'],
  outsourced: ['agency rep', 'agency reps'],
  fullCycle: ['AE', 'AEs'],
  bridge: ['SDR', 'SDRs'],
};
const PAIR_QUESTIONS: readonly (readonly [string, string, string])[] = [
  ['inHouse', 'outsourced', 'SDRs or an agency?'],
  ['inHouse', 'fullCycle', 'SDRs or full-cycle AEs?'],
  ['outsourced', 'fullCycle', 'An agency or full-cycle AEs?'],
  ['inHouse', 'bridge', 'SDRs alone or with an agency bridge?'],
  ['outsourced', 'bridge', 'An agency, or SDRs with an agency bridge?'],
];

/** An option's name inside a sentence ("in-house SDRs", "the agency"). */
export const objectName = (model: ModelId): string => OBJECT_NAMES[model] ?? MODEL_LABELS[model];
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const seatsText = (n: number, model: ModelId, fmt: Formatters): string => {
  const [one, many] = NOUNS[model] ?? ['seat', 'seats'];
  return `${fmt.number(n, 0)} ${n === 1 ? one : many}`;
};

/** The questions offered for the options this page has: all of them, then each pair a leader debates. */
export function comparisons(models: readonly ModelId[] = MODEL_IDS): Comparison[] {
  const has = (id: string) => (models as readonly string[]).includes(id);
  const all: Comparison = {
    id: 'all',
    label: `Which is cheapest? (all ${models.length === 4 ? 'four' : models.length === 3 ? 'three' : models.length})`,
    models,
  };
  const pairs = PAIR_QUESTIONS.filter(([a, b]) => has(a) && has(b)).map(([a, b, label]) => ({ id: `${a}-${b}`, label, models: [a, b] as ModelId[] }));
  return [all, ...pairs];
}

/**
 * The options a question compares for this scenario: without a bridge (0 months) option D is the
 * in-house team figure for figure, so it is left out rather than shown as a tie.
 */
export function comparedModels(comparison: Comparison, scenario: Scenario): ModelId[] {
  return comparison.models.filter((m) => m !== 'bridge' || bridgeMonths(scenario) > 0);
}

/** The comparison with this id, or the default one (an unknown id from a link or a stale page). */
export function comparisonFor(id: string, models: readonly ModelId[] = MODEL_IDS): Comparison {
  const offered = comparisons(models);
  return offered.find((c) => c.id === id) ?? (offered[0] as Comparison);
}

/**
 * Whole percentages, one decimal below 10 %; "less than 0.1 %" rather than a misleading 0 %, and
 * never "100 %" for a gap that is not the whole cost (rounding must not say an option costs nothing).
 */
export function gapPercent(share: number, fmt: Formatters): string {
  if (share < 0.001) return `less than ${fmt.percent(0.001)}`;
  const rounded = share < 0.1 ? Math.round(share * 1000) / 1000 : Math.round(share * 100) / 100;
  if (rounded >= 1 && share < 1) return `more than ${fmt.percent(0.99)}`;
  return fmt.percent(rounded);
}

function listOf(items: readonly string[], joiner = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

const costOf = (evaluation: Evaluation, model: ModelId): number | null => {
  const result = evaluation[model];
  return result.error ? null : result.costPerOpportunity;
};

/** The headline for one question. */
export function headline(evaluation: Evaluation, comparison: Comparison, fmt: Formatters): string {
  const ranked = comparison.models.filter((m) => costOf(evaluation, m) !== null).sort((a, b) => (costOf(evaluation, a) ?? 0) - (costOf(evaluation, b) ?? 0));
  const missing = comparison.models.filter((m) => costOf(evaluation, m) === null);
  const question = comparison.id === 'all' ? '' : `${comparison.label} `;
  const money = (m: ModelId) => fmt.money(costOf(evaluation, m));
  const [best, second] = ranked;
  if (best === undefined) {
    return `${question}None of ${comparison.models.length === 2 ? 'them' : 'the options'} can be costed per opportunity with these inputs: see why below.`;
  }
  const cannot = missing.length > 0 ? ` ${capitalise(listOf(missing.map(objectName)))} cannot be costed per opportunity with these inputs: see why below.` : '';
  if (second === undefined) return `${question}${capitalise(objectName(best))}: ${money(best)} per opportunity.${cannot}`;

  const cost = (m: ModelId) => costOf(evaluation, m) ?? 0;
  const gapShare = (m: ModelId) => (cost(m) === 0 ? 0 : (cost(m) - cost(best)) / cost(m));
  if (gapShare(second) < CLOSE_CALL) {
    const close = ranked.filter((m) => gapShare(m) < CLOSE_CALL);
    const apart = gapPercent(gapShare(close[close.length - 1] ?? second), fmt);
    const rest = ranked.filter((m) => !close.includes(m));
    const others = rest.length > 0 ? ` ${capitalise(listOf(rest.map(objectName)))} ${rest.length === 1 ? 'costs' : 'cost'} more.` : '';
    return `${question}Too close to call on these inputs: ${listOf(close.map((m) => `${objectName(m)} ${money(m)}`))} per opportunity, ${apart} apart.${others}${cannot}`;
  }
  const gaps = ranked.slice(1).map((m) => `${fmt.money(cost(m) - cost(best))} (${gapPercent(gapShare(m), fmt)}) less than ${objectName(m)}`);
  return `${question}${capitalise(objectName(best))}: ${money(best)} per opportunity, ${listOf(gaps)}.${cannot}`;
}

/** The share of their time `seats` AEs would have to prospect to make the target (null when they book nothing). */
export function requiredProspectingShare(scenario: Scenario, seats: number): number | null {
  const fc = scenario.fullCycle;
  const perShare = ((seats * (scenario.shared.workingDaysPerYear - fc.daysOutPerYear)) / 12) * fc.meetingsPerProspectingDay * fc.meetingToOpportunity;
  return perShare > 0 ? scenario.shared.targetOpportunitiesPerMonth / perShare : null;
}

/** The model's full-cycle extras (v2 results) when present, else computed from the scenario. */
function fullCycleFacts(result: ModelResult, scenario: Scenario): { fte: number; required: number | null } {
  const extra = result as ModelResult & { fullTimeEquivalents?: number; requiredProspectingShare?: number | null };
  return {
    fte: typeof extra.fullTimeEquivalents === 'number' ? extra.fullTimeEquivalents : result.seats * scenario.fullCycle.prospectingShare,
    required: extra.requiredProspectingShare !== undefined ? extra.requiredProspectingShare : requiredProspectingShare(scenario, result.seats),
  };
}

/**
 * What one option's team makes against the target, in words: "4 SDRs make about 18 opportunities
 * a month against a target of 20: 2 short (10 %)." Null for an option that could not be computed.
 */
export function capacitySentence(evaluation: Evaluation, scenario: Scenario, model: ModelId, fmt: Formatters): string | null {
  const result = evaluation[model];
  if (result.error) return null;
  const target = scenario.shared.targetOpportunitiesPerMonth;
  const run = result.steadyStateOpportunitiesPerMonth;
  const about = `about ${fmt.number(run, 1)} ${run === 1 ? 'opportunity' : 'opportunities'} a month`;
  const against = `against a target of ${fmt.number(target, 2)}`;
  const short = run < target * 0.995 ? `: ${fmt.number(target - run, 1)} short (${gapPercent((target - run) / target, fmt)})` : '';
  if (model === 'fullCycle') {
    const { fte, required } = fullCycleFacts(result, scenario);
    const share = fmt.percent(scenario.fullCycle.prospectingShare);
    const ftes = `${fmt.number(fte, 1)} full-time ${fte === 1 ? 'equivalent' : 'equivalents'}`;
    if (result.solved) {
      return `Full-cycle needs ${seatsText(result.seats, model, fmt)} each prospecting ${share} of their time (${ftes}) to make ${fmt.number(target, 2)} opportunities a month.`;
    }
    const need =
      required === null
        ? 'they book no meetings, so no share of their time would reach it'
        : required > 1
          ? `they would need to spend ${fmt.percent(required)} of their time prospecting: not reachable by these AEs alone`
          : `they would need to spend ${fmt.percent(required)} of their time prospecting`;
    return `Your ${seatsText(result.seats, model, fmt)} prospecting ${share} of their time (${ftes}) make ${about} ${against}${short}; ${need}.`;
  }
  const team = seatsText(result.seats, model, fmt);
  const bridged = result as ModelResult & { agencySeats?: number };
  const months = bridgeMonths(scenario);
  const withAgency =
    model === 'bridge' && typeof bridged.agencySeats === 'number' && bridged.agencySeats > 0 && months > 0
      ? `, with ${seatsText(bridged.agencySeats, 'outsourced', fmt)} for the first ${fmt.months(Math.min(months, scenario.horizonMonths))},`
      : '';
  if (result.solved) return `${capitalise(team)} (sized for the target)${withAgency} make ${about} at full strength, ${against}.`;
  return `${capitalise(team)}${withAgency} make ${about} ${against}${short}.`;
}

/** One option's key figure in the answer. */
export interface AnswerFigure {
  model: ModelId;
  label: string;
  /** Cost per opportunity, formatted ("—" when it cannot be computed). */
  cost: string;
  /** Opportunities a month at run rate, formatted. */
  runRate: string;
  cheapest: boolean;
}

/** The figures under the headline: each compared option's cost per opportunity and run rate. */
export function answerFigures(evaluation: Evaluation, comparison: Comparison, fmt: Formatters): AnswerFigure[] {
  const costs = comparison.models.map((m) => costOf(evaluation, m)).filter((c): c is number => c !== null);
  const lowest = costs.length > 0 ? Math.min(...costs) : null;
  return comparison.models.map((model) => {
    const result = evaluation[model];
    const cost = costOf(evaluation, model);
    return {
      model,
      label: MODEL_LABELS[model],
      cost: fmt.money(cost),
      runRate: result.error ? fmt.missing : `${fmt.number(result.steadyStateOpportunitiesPerMonth, 1)} a month`,
      cheapest: cost !== null && cost === lowest && costs.length > 1,
    };
  });
}
