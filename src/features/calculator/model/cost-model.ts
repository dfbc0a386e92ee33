import type { Scenario } from '../fields.ts';

/**
 * The pipeline cost model: one scenario in, the four options' results out, exactly as the
 * methodology (v2) defines them. Pure, deterministic and DOM-free; numbers are unrounded. No result
 * field is ever NaN or ±Infinity: a ratio that cannot be computed is `null` and `nullReasons` says why.
 */

/** The four ways of creating pipeline, in display order. */
export const MODEL_IDS = ['inHouse', 'outsourced', 'fullCycle', 'bridge'] as const;
/** One of the four options (A in-house, B agency, C full-cycle AEs, D in-house with an agency bridge). */
export type ModelId = (typeof MODEL_IDS)[number];
/** True for a model id; safe for any untrusted string. */
export const isModelId = (value: string): value is ModelId => (MODEL_IDS as readonly string[]).includes(value);

/** Display names of the models. */
export const MODEL_LABELS: Readonly<Record<ModelId, string>> = {
  inHouse: 'In-house SDR team',
  outsourced: 'Outsourced agency',
  fullCycle: 'Full-cycle AEs',
  bridge: 'In-house with an agency bridge',
};

/** The option groups whose inputs an option reads (D reads A's and B's, and its own). */
export const MODEL_INPUT_GROUPS: Readonly<Record<ModelId, readonly string[]>> = {
  inHouse: ['inHouse'],
  outsourced: ['outsourced'],
  fullCycle: ['fullCycle'],
  bridge: ['inHouse', 'outsourced', 'bridge'],
};

/** The options an input can change: those reading its group; every option for top-level and shared inputs. */
export function modelsAffectedBy(path: string): readonly ModelId[] {
  if (!path.includes('.')) return MODEL_IDS;
  const group = path.slice(0, path.indexOf('.'));
  if (group === 'shared') return MODEL_IDS;
  return MODEL_IDS.filter((model) => MODEL_INPUT_GROUPS[model].includes(group));
}

/** Share of the steady state that counts as "at run rate" for `monthsToRunRate`. */
export const RUN_RATE_SHARE = 0.9;

/** Solving for more seats than this is reported as an error instead of a number. */
export const MAX_SOLVED_SEATS = 1_000_000;

/** Relative tolerance when rounding the solved seat count up (ignores floating-point noise). */
const SOLVE_TOLERANCE = 1e-9;

/** One month of one model. */
export interface MonthResult {
  month: number;
  cost: number;
  meetings: number;
  opportunities: number;
  /** Expected hires starting this month (in-house and bridge; 0 for the other options). */
  hires: number;
  /** Expected filled seats (in-house); paid seats N for the agency and AEs N for full-cycle; D: both parts. */
  filledSeats: number;
}

/** Results that can be `null`, each with a reason when it is. */
export type NullableResult = 'costPerMeeting' | 'costPerOpportunity' | 'costPerWin' | 'roi' | 'monthsToRunRate' | 'requiredProspectingShare';

/** One model's results over the horizon. */
export interface ModelResult {
  /** Seats N used: the scenario's, or solved for the target; 0 when the model has an `error`. */
  seats: number;
  /** True when N was solved for the target (`seats: null`). */
  solved: boolean;
  /** Why the model could not be computed (only in solve mode); the other models are unaffected. */
  error?: string;
  /** D only: the agency's seats N_B during the bridge (`seats` is the in-house team's N_A). */
  agencySeats?: number;
  /** C only: N · s, how many whole AEs the prospecting time adds up to. */
  fullTimeEquivalents?: number;
  /** C only: the share of their time these N AEs would need to prospect to reach T (may exceed 1); null when nothing converts. */
  requiredProspectingShare?: number | null;
  /** Cost over the horizon, including committed fees. */
  totalCost: number;
  /** Agency fees owed for contract months beyond the horizon (already in totalCost). */
  committedFees: number;
  meetings: number;
  opportunities: number;
  /** Expected eventual wins of the opportunities created in the horizon. */
  wins: number;
  /** wins · V', where V' is the option's deal value or the shared one. */
  wonRevenue: number;
  /** opportunities · V'. */
  pipelineValue: number;
  costPerMeeting: number | null;
  costPerOpportunity: number | null;
  costPerWin: number | null;
  /** (wonRevenue · grossMargin − totalCost) / totalCost. */
  roi: number | null;
  steadyStateOpportunitiesPerMonth: number;
  /** Steady-state opportunities a month of one seat (the basis of solving). */
  perSeatSteadyStateOpportunitiesPerMonth: number;
  /** First month whose opportunities reach 90 % of the steady state. */
  monthsToRunRate: number | null;
  /** For every `null` result above, a sentence saying why. */
  nullReasons: Partial<Record<NullableResult, string>>;
  months: MonthResult[];
}

/** The four options side by side (the methodology's results format). */
export interface Evaluation {
  inHouse: ModelResult;
  outsourced: ModelResult;
  fullCycle: ModelResult;
  bridge: ModelResult;
}

/** Options for `evaluate` and `evaluateModel`. */
export interface EvaluateOptions {
  /**
   * Use these seat counts instead of the scenario's (sensitivity and uncertainty hold seats at the
   * base case). D's in-house team and agency take A's and B's entries.
   */
  seats?: Partial<Record<ModelId, number>>;
}

/** Monthly attrition probability q = 1 − (1 − a)^(1/12). */
export function monthlyAttrition(annualAttrition: number): number {
  return 1 - Math.pow(1 - annualAttrition, 1 / 12);
}

/** Availability u = 1 − daysOutPerYear / W. */
export function availability(daysOutPerYear: number, workingDaysPerYear: number): number {
  return 1 - daysOutPerYear / workingDaysPerYear;
}

/** Productivity in tenure month k (1-based) with a linear ramp of R months: (k − 0.5) / R, then 1. */
export function rampProductivity(tenureMonth: number, rampMonths: number): number {
  return tenureMonth <= rampMonths ? (tenureMonth - 0.5) / rampMonths : 1;
}

/**
 * Steady-state held meetings per in-house seat per month:
 * M · u · (Σ_{k=1..R} p(k)(1−q)^{k−1} + (1−q)^R / q) / (L + 1/q), or M · u when q = 0.
 */
export function inHouseSteadyStateMeetingsPerSeat(scenario: Scenario): number {
  const p = scenario.inHouse;
  const mu = p.meetingsPerMonth * availability(p.daysOutPerYear, scenario.shared.workingDaysPerYear);
  const q = monthlyAttrition(p.annualAttrition);
  if (q === 0) return mu;
  const keep = 1 - q;
  let sum = 0;
  let survive = 1;
  for (let k = 1; k <= p.rampMonths; k++) {
    sum += rampProductivity(k, p.rampMonths) * survive;
    survive *= keep;
  }
  sum += survive / q;
  return (mu * sum) / (p.backfillMonths + 1 / q);
}

/** Prospecting days per AE per month: s · (W − daysOutPerYear) / 12. */
export function prospectingDaysPerMonth(scenario: Scenario): number {
  const p = scenario.fullCycle;
  return (p.prospectingShare * (scenario.shared.workingDaysPerYear - p.daysOutPerYear)) / 12;
}

/** The deal value V' of an option: its own `dealValue`, or the shared average deal value when that is null. */
export function dealValueOf(scenario: Scenario, model: Exclude<ModelId, 'bridge'>): number {
  return scenario[model].dealValue ?? scenario.shared.averageDealValue;
}

/** Steady-state opportunities a month that one seat of an option creates (D: one in-house seat, as the bridge ends). */
export function perSeatSteadyStateOpportunities(scenario: Scenario, model: ModelId): number {
  switch (model) {
    case 'inHouse':
    case 'bridge':
      return inHouseSteadyStateMeetingsPerSeat(scenario) * scenario.inHouse.meetingToOpportunity;
    case 'outsourced':
      return scenario.outsourced.meetingsPerSeatPerMonth * scenario.outsourced.meetingToOpportunity;
    case 'fullCycle':
      return prospectingDaysPerMonth(scenario) * scenario.fullCycle.meetingsPerProspectingDay * scenario.fullCycle.meetingToOpportunity;
  }
}

/** The inputs whose value 0 makes a model's per-seat output 0, for error and reason sentences. */
function zeroProductivityInputs(scenario: Scenario, model: Exclude<ModelId, 'bridge'>): string[] {
  const checks: [string, number][] =
    model === 'inHouse'
      ? [
          ['inHouse.meetingsPerMonth', scenario.inHouse.meetingsPerMonth],
          ['inHouse.meetingToOpportunity', scenario.inHouse.meetingToOpportunity],
        ]
      : model === 'outsourced'
        ? [
            ['outsourced.meetingsPerSeatPerMonth', scenario.outsourced.meetingsPerSeatPerMonth],
            ['outsourced.meetingToOpportunity', scenario.outsourced.meetingToOpportunity],
          ]
        : [
            ['fullCycle.prospectingShare', scenario.fullCycle.prospectingShare],
            ['fullCycle.meetingsPerProspectingDay', scenario.fullCycle.meetingsPerProspectingDay],
            ['fullCycle.meetingToOpportunity', scenario.fullCycle.meetingToOpportunity],
          ];
  return checks.filter(([, value]) => value === 0).map(([path]) => path);
}

type SeatDecision = { seats: number; solved: boolean } | { error: string };

/** N = max(1, ⌈T / perSeat⌉) in solve mode, or the configured/overridden seats. */
function decideSeats(scenario: Scenario, model: Exclude<ModelId, 'bridge'>, perSeat: number, override: number | undefined): SeatDecision {
  if (override !== undefined) return { seats: override, solved: scenario[model].seats === null };
  const configured = scenario[model].seats;
  if (configured !== null) return { seats: configured, solved: false };
  const target = scenario.shared.targetOpportunitiesPerMonth;
  if (!(perSeat > 0)) {
    const zeros = zeroProductivityInputs(scenario, model);
    const cause = zeros.length > 0 ? `${zeros.join(' and ')} ${zeros.length === 1 ? 'is' : 'are'} 0` : 'its inputs round to 0';
    return {
      error: `Cannot size ${MODEL_LABELS[model]} for ${target} opportunities a month: one seat creates no opportunities at steady state (${cause}). Enter a number of seats or change ${zeros.length === 1 ? 'that input' : 'those inputs'}.`,
    };
  }
  const raw = target / perSeat;
  if (!(raw <= MAX_SOLVED_SEATS)) {
    return {
      error: `Cannot size ${MODEL_LABELS[model]} for ${target} opportunities a month: it would need more than ${MAX_SOLVED_SEATS.toLocaleString('en-US')} seats (one seat creates ${perSeat.toPrecision(3)} opportunities a month at steady state).`,
    };
  }
  return { seats: Math.max(1, Math.ceil(raw * (1 - SOLVE_TOLERANCE))), solved: true };
}

/** One month of the in-house team, as `inHouseMonths` reports it. */
export type InHouseMonthVisitor = (month: number, cost: number, meetings: number, hires: number, filledSeats: number) => void;

/**
 * The expected-value cohort simulation of the in-house team (methodology, section A), month by month:
 * `visit` receives each month's cost, meetings, hires and filled seats. The full model keeps them as
 * rows; the Monte Carlo (model/uncertainty.ts) only adds them up, through this same code.
 */
export function inHouseMonths(scenario: Scenario, seats: number, visit: InHouseMonthVisitor): void {
  const p = scenario.inHouse;
  const horizon = scenario.horizonMonths;
  const ramp = p.rampMonths;
  const q = monthlyAttrition(p.annualAttrition);
  const keep = 1 - q;
  const meetingsAtFull = p.meetingsPerMonth * availability(p.daysOutPerYear, scenario.shared.workingDaysPerYear);
  const costPerFilledSeat = ((p.baseSalary + p.variableAtTarget) / 12) * (1 + p.burdenRate) + p.toolsPerSeatPerMonth;
  const costPerHire = p.recruitingCostPerHire + p.onboardingCostPerHire;
  const managerCost = ((seats / p.sdrsPerManager) * p.managerAnnualCost) / 12;

  // ramping[k] = expected filled seats in tenure month k (1..R); `ramped` = tenure beyond R.
  const ramping = new Float64Array(ramp + 1);
  const productivity = new Float64Array(ramp + 1);
  for (let k = 1; k <= ramp; k++) productivity[k] = rampProductivity(k, ramp);
  let ramped = p.teamStartsRamped ? seats : 0;
  // scheduled[t] = hires starting in month t: the initial team, then replacements after L empty months.
  const scheduled = new Float64Array(horizon + 2);
  if (!p.teamStartsRamped) scheduled[1] = seats;

  for (let t = 1; t <= horizon; t++) {
    const hires = scheduled[t] ?? 0;
    if (ramp === 0) ramped += hires;
    else ramping[1] = (ramping[1] ?? 0) + hires;

    let filled = ramped;
    let productiveSeats = ramped;
    for (let k = 1; k <= ramp; k++) {
      const cohort = ramping[k] ?? 0;
      filled += cohort;
      productiveSeats += cohort * (productivity[k] ?? 1);
    }
    visit(t, filled * costPerFilledSeat + hires * costPerHire + managerCost, productiveSeats * meetingsAtFull, hires, filled);

    // End of month: a share q of every cohort leaves; each seat is refilled in month t + L + 1.
    const replacementMonth = t + p.backfillMonths + 1;
    if (replacementMonth <= horizon) scheduled[replacementMonth] = (scheduled[replacementMonth] ?? 0) + filled * q;
    if (ramp === 0) {
      ramped *= keep;
    } else {
      ramped = (ramped + (ramping[ramp] ?? 0)) * keep;
      for (let k = ramp; k >= 2; k--) ramping[k] = (ramping[k - 1] ?? 0) * keep;
      ramping[1] = 0;
    }
  }
}

/** The in-house team's months as rows (methodology, section A). */
function simulateInHouse(scenario: Scenario, seats: number): MonthResult[] {
  const conversion = scenario.inHouse.meetingToOpportunity;
  const months: MonthResult[] = [];
  inHouseMonths(scenario, seats, (month, cost, meetings, hires, filledSeats) =>
    months.push({ month, cost, meetings, opportunities: meetings * conversion, hires, filledSeats }),
  );
  return months;
}

/** The agency's cost and meetings in month `t` of its engagement, without committed fees (methodology, section B). */
export function outsourcedMonth(scenario: Scenario, seats: number, t: number): { cost: number; meetings: number } {
  const p = scenario.outsourced;
  const meetings = t <= p.onboardingMonths ? 0 : seats * p.meetingsPerSeatPerMonth;
  const retainer = seats * p.monthlyFeePerSeat + p.programFeePerMonth;
  return { cost: retainer + p.pricePerMeeting * meetings + (t === 1 ? p.setupFee : 0) + p.oversightHoursPerMonth * p.internalHourlyCost, meetings };
}

/**
 * The agency (methodology, section B), without committed fees; engaged for the months t ≤ `engaged`
 * (the whole horizon for B; D's bridge ends earlier) and nothing after.
 */
function simulateOutsourced(scenario: Scenario, seats: number, engaged = scenario.horizonMonths): MonthResult[] {
  const months: MonthResult[] = [];
  for (let t = 1; t <= scenario.horizonMonths; t++) {
    if (t > engaged) {
      months.push({ month: t, cost: 0, meetings: 0, opportunities: 0, hires: 0, filledSeats: 0 });
      continue;
    }
    const { cost, meetings } = outsourcedMonth(scenario, seats, t);
    months.push({ month: t, cost, meetings, opportunities: meetings * scenario.outsourced.meetingToOpportunity, hires: 0, filledSeats: seats });
  }
  return months;
}

/** Monthly cost of the AEs' prospecting time under the chosen valuation (methodology, section C). */
export function fullCycleMonthlyCost(scenario: Scenario, seats: number): number {
  const p = scenario.fullCycle;
  return p.aeTimeValuation === 'salary'
    ? ((seats * p.prospectingShare * p.aeAnnualOte) / 12) * (1 + p.burdenRate)
    : (seats * p.prospectingShare * p.annualQuota * p.quotaAttainment * scenario.shared.grossMargin) / 12;
}

/** The full-cycle model: constant every month, no ramp. */
function simulateFullCycle(scenario: Scenario, seats: number): MonthResult[] {
  const meetings = seats * prospectingDaysPerMonth(scenario) * scenario.fullCycle.meetingsPerProspectingDay;
  const cost = fullCycleMonthlyCost(scenario, seats);
  const months: MonthResult[] = [];
  for (let t = 1; t <= scenario.horizonMonths; t++) {
    months.push({
      month: t,
      cost,
      meetings,
      opportunities: meetings * scenario.fullCycle.meetingToOpportunity,
      hires: 0,
      filledSeats: seats,
    });
  }
  return months;
}

/**
 * Committed agency fees (minimum term − months engaged) · (N · fee per rep + programme fee), when
 * the engagement ends before the minimum term: B is engaged for the horizon H, D's bridge for min(C, H).
 */
export function committedFees(scenario: Scenario, seats: number, engaged = scenario.horizonMonths): number {
  const p = scenario.outsourced;
  const remaining = p.minimumTermMonths - engaged;
  return remaining > 0 ? remaining * (seats * p.monthlyFeePerSeat + p.programFeePerMonth) : 0;
}

/**
 * The months C the bridge's agency is engaged: 0 without a bridge, else max(bridge.months,
 * minimumTermMonths) (an agency cannot be engaged for less than its minimum term).
 */
export function bridgeMonths(scenario: Scenario): number {
  return scenario.bridge.months === 0 ? 0 : Math.max(scenario.bridge.months, scenario.outsourced.minimumTermMonths);
}

/** numerator / denominator, or null with a reason; never NaN or ±Infinity. */
function ratio(numerator: number, denominator: number, zeroReason: string): { value: number | null; reason?: string } {
  if (denominator === 0) return { value: null, reason: zeroReason };
  const value = numerator / denominator;
  if (!Number.isFinite(value)) {
    return { value: null, reason: 'Too large to show: the amount it is divided by is almost zero.' };
  }
  return { value };
}

function noMeetingsReason(scenario: Scenario, model: ModelId): string {
  if (model === 'bridge') return 'No meetings in the horizon, from the in-house team or the agency bridge.';
  const zeros = zeroProductivityInputs(scenario, model).filter((path) => !path.endsWith('meetingToOpportunity'));
  if (zeros.length > 0) return `No meetings in the horizon: ${zeros.join(' and ')} ${zeros.length === 1 ? 'is' : 'are'} 0.`;
  const { onboardingMonths } = scenario.outsourced;
  if (model === 'outsourced' && scenario.horizonMonths <= onboardingMonths) {
    return `No meetings in the horizon: the agency's ${onboardingMonths}-month onboarding covers the whole ${scenario.horizonMonths}-month horizon.`;
  }
  return 'No meetings in the horizon.';
}

/** One source of opportunities inside an option (D has two: the in-house team and the agency). */
interface Part {
  group: Exclude<ModelId, 'bridge'>;
  opportunities: number;
  meetings: number;
}

/** Totals, ratios and run rate from the monthly rows; wins and revenue per part, with that part's win rate and deal value. */
function summarize(
  scenario: Scenario,
  model: ModelId,
  seats: number,
  solved: boolean,
  perSeat: number,
  months: MonthResult[],
  committed: number,
  parts: readonly Part[],
): ModelResult {
  const { grossMargin } = scenario.shared;
  let cost = 0;
  let meetings = 0;
  let opportunities = 0;
  for (const row of months) {
    cost += row.cost;
    meetings += row.meetings;
    opportunities += row.opportunities;
  }
  let wins = 0;
  let wonRevenue = 0;
  let pipelineValue = 0;
  for (const part of parts) {
    const value = dealValueOf(scenario, part.group);
    const partWins = part.opportunities * scenario[part.group].opportunityWinRate;
    wins += partWins;
    wonRevenue += partWins * value;
    pipelineValue += part.opportunities * value;
  }
  const totalCost = cost + committed;
  const nullReasons: ModelResult['nullReasons'] = {};

  const noMeetings = noMeetingsReason(scenario, model);
  const zeroConversion = parts
    .filter((part) => part.meetings > 0 && scenario[part.group].meetingToOpportunity === 0)
    .map((part) => `${part.group}.meetingToOpportunity`);
  const zeroWinRate = parts
    .filter((part) => part.opportunities > 0 && scenario[part.group].opportunityWinRate === 0)
    .map((part) => `${part.group}.opportunityWinRate`);
  const noOpportunities =
    meetings === 0
      ? noMeetings
      : zeroConversion.length > 0
        ? `No opportunities in the horizon: ${zeroConversion.join(' and ')} ${zeroConversion.length === 1 ? 'is' : 'are'} 0.`
        : 'No opportunities in the horizon.';
  const noWins =
    opportunities === 0
      ? noOpportunities
      : zeroWinRate.length > 0
        ? `No wins: ${zeroWinRate.join(' and ')} ${zeroWinRate.length === 1 ? 'is' : 'are'} 0.`
        : 'No wins in the horizon.';

  const perMeeting = ratio(totalCost, meetings, noMeetings);
  const perOpportunity = ratio(totalCost, opportunities, noOpportunities);
  const perWin = ratio(totalCost, wins, noWins);
  const roi = ratio(wonRevenue * grossMargin - totalCost, totalCost, 'Total cost is 0, so there is no return on it to compute.');
  if (perMeeting.reason) nullReasons.costPerMeeting = perMeeting.reason;
  if (perOpportunity.reason) nullReasons.costPerOpportunity = perOpportunity.reason;
  if (perWin.reason) nullReasons.costPerWin = perWin.reason;
  if (roi.reason) nullReasons.roi = roi.reason;

  const steadyState = seats * perSeat;
  let monthsToRunRate: number | null = null;
  if (steadyState > 0) {
    // A hair of tolerance so that a month exactly at 90 % is not missed through rounding.
    const threshold = RUN_RATE_SHARE * steadyState * (1 - 1e-12);
    const reached = months.find((row) => row.opportunities >= threshold);
    if (reached) monthsToRunRate = reached.month;
    else {
      nullReasons.monthsToRunRate = `Opportunities do not reach 90 % of the steady state within the ${scenario.horizonMonths}-month horizon.`;
    }
  } else {
    nullReasons.monthsToRunRate = 'There is no run rate to reach: steady-state opportunities are 0.';
  }

  return {
    seats,
    solved,
    totalCost,
    committedFees: committed,
    meetings,
    opportunities,
    wins,
    wonRevenue,
    pipelineValue,
    costPerMeeting: perMeeting.value,
    costPerOpportunity: perOpportunity.value,
    costPerWin: perWin.value,
    roi: roi.value,
    steadyStateOpportunitiesPerMonth: steadyState,
    perSeatSteadyStateOpportunitiesPerMonth: perSeat,
    monthsToRunRate,
    nullReasons,
    months,
  };
}

/** The result of an option that could not be sized: zeros, null ratios, and the error. */
function failedResult(scenario: Scenario, perSeat: number, error: string): ModelResult {
  const reason = 'Not computed: this option cannot be sized for the target (see error).';
  const months: MonthResult[] = [];
  for (let t = 1; t <= scenario.horizonMonths; t++) {
    months.push({ month: t, cost: 0, meetings: 0, opportunities: 0, hires: 0, filledSeats: 0 });
  }
  return {
    seats: 0,
    solved: true,
    error,
    totalCost: 0,
    committedFees: 0,
    meetings: 0,
    opportunities: 0,
    wins: 0,
    wonRevenue: 0,
    pipelineValue: 0,
    costPerMeeting: null,
    costPerOpportunity: null,
    costPerWin: null,
    roi: null,
    steadyStateOpportunitiesPerMonth: 0,
    perSeatSteadyStateOpportunitiesPerMonth: perSeat,
    monthsToRunRate: null,
    nullReasons: { costPerMeeting: reason, costPerOpportunity: reason, costPerWin: reason, roi: reason, monthsToRunRate: reason },
    months,
  };
}

/** Sums of opportunities and meetings over the rows (one part of an option). */
function part(group: Exclude<ModelId, 'bridge'>, months: readonly MonthResult[]): Part {
  let opportunities = 0;
  let meetings = 0;
  for (const row of months) {
    opportunities += row.opportunities;
    meetings += row.meetings;
  }
  return { group, opportunities, meetings };
}

/** C's extra results: full-time equivalents N · s and the prospecting share N AEs would need to reach T. */
function withFullCycleExtras(scenario: Scenario, result: ModelResult): ModelResult {
  if (result.error !== undefined) return { ...result, fullTimeEquivalents: 0, requiredProspectingShare: null };
  const p = scenario.fullCycle;
  const n = result.seats;
  const denominator = ((n * (scenario.shared.workingDaysPerYear - p.daysOutPerYear)) / 12) * p.meetingsPerProspectingDay * p.meetingToOpportunity;
  const share = ratio(
    scenario.shared.targetOpportunitiesPerMonth,
    denominator,
    `No prospecting share is enough: ${p.meetingsPerProspectingDay === 0 ? 'fullCycle.meetingsPerProspectingDay' : 'fullCycle.meetingToOpportunity'} is 0.`,
  );
  const nullReasons = { ...result.nullReasons };
  if (share.reason) nullReasons.requiredProspectingShare = share.reason;
  return { ...result, fullTimeEquivalents: n * p.prospectingShare, requiredProspectingShare: share.value, nullReasons };
}

/** Evaluates one option of a resolved scenario. */
export function evaluateModel(scenario: Scenario, model: ModelId, options: EvaluateOptions = {}): ModelResult {
  if (model === 'bridge') return evaluateBridge(scenario, options);
  const perSeat = perSeatSteadyStateOpportunities(scenario, model);
  const decision = decideSeats(scenario, model, perSeat, options.seats?.[model]);
  if ('error' in decision) {
    const failed = failedResult(scenario, perSeat, decision.error);
    return model === 'fullCycle' ? withFullCycleExtras(scenario, failed) : failed;
  }
  const { seats, solved } = decision;
  switch (model) {
    case 'inHouse': {
      const months = simulateInHouse(scenario, seats);
      return summarize(scenario, model, seats, solved, perSeat, months, 0, [part('inHouse', months)]);
    }
    case 'outsourced': {
      const months = simulateOutsourced(scenario, seats);
      return summarize(scenario, model, seats, solved, perSeat, months, committedFees(scenario, seats), [part('outsourced', months)]);
    }
    case 'fullCycle': {
      const months = simulateFullCycle(scenario, seats);
      return withFullCycleExtras(scenario, summarize(scenario, model, seats, solved, perSeat, months, 0, [part('fullCycle', months)]));
    }
  }
}

/**
 * Option D (methodology, section D): A's simulation with A's seats, plus B's formulas with B's
 * seats for the months t ≤ min(C, H); committed fees if the bridge ends before the minimum term.
 * A or B that cannot be sized gives D an error too.
 */
function evaluateBridge(scenario: Scenario, options: EvaluateOptions): ModelResult {
  const perSeatA = perSeatSteadyStateOpportunities(scenario, 'inHouse');
  const a = decideSeats(scenario, 'inHouse', perSeatA, options.seats?.inHouse);
  const b = decideSeats(scenario, 'outsourced', perSeatSteadyStateOpportunities(scenario, 'outsourced'), options.seats?.outsourced);
  if ('error' in a || 'error' in b) {
    const causes = [...('error' in a ? [a.error] : []), ...('error' in b ? [b.error] : [])];
    return { ...failedResult(scenario, perSeatA, `${MODEL_LABELS.bridge} uses both teams, and one cannot be sized: ${causes.join(' ')}`), agencySeats: 0 };
  }
  const engaged = Math.min(bridgeMonths(scenario), scenario.horizonMonths);
  const inHouse = simulateInHouse(scenario, a.seats);
  const agency = simulateOutsourced(scenario, b.seats, engaged);
  const months = inHouse.map((row, i): MonthResult => {
    const other = agency[i] as MonthResult;
    return {
      month: row.month,
      cost: row.cost + other.cost,
      meetings: row.meetings + other.meetings,
      opportunities: row.opportunities + other.opportunities,
      hires: row.hires + other.hires,
      filledSeats: row.filledSeats + other.filledSeats,
    };
  });
  const committed = engaged > 0 ? committedFees(scenario, b.seats, engaged) : 0;
  const result = summarize(scenario, 'bridge', a.seats, a.solved, perSeatA, months, committed, [part('inHouse', inHouse), part('outsourced', agency)]);
  return { ...result, agencySeats: b.seats };
}

/** Evaluates all four options of a resolved scenario (validate it with `ScenarioSchema` first). */
export function evaluate(scenario: Scenario, options: EvaluateOptions = {}): Evaluation {
  return {
    inHouse: evaluateModel(scenario, 'inHouse', options),
    outsourced: evaluateModel(scenario, 'outsourced', options),
    fullCycle: evaluateModel(scenario, 'fullCycle', options),
    bridge: evaluateModel(scenario, 'bridge', options),
  };
}

/** The seats each option used (0 where an option could not be sized; D: its in-house team). */
export function seatsOf(evaluation: Evaluation): Record<ModelId, number> {
  return {
    inHouse: evaluation.inHouse.seats,
    outsourced: evaluation.outsourced.seats,
    fullCycle: evaluation.fullCycle.seats,
    bridge: evaluation.bridge.seats,
  };
}

/**
 * The seats to hold when inputs move (sensitivity, break-even, uncertainty): each sized option's
 * base-case seats; D's two teams are A's and B's entries.
 */
export function heldSeats(evaluation: Evaluation): Partial<Record<ModelId, number>> {
  const held: Partial<Record<ModelId, number>> = {};
  for (const model of ['inHouse', 'outsourced', 'fullCycle'] as const) if (evaluation[model].error === undefined) held[model] = evaluation[model].seats;
  return held;
}
