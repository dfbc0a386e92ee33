import fc from 'fast-check';
import { SCENARIO_FIELDS, readField, withField, type FieldPath, type NumericFieldPath, type Scenario } from '../../../src/features/calculator/fields.ts';
import { inputText, type FieldEntry, type FormEntries } from '../../../src/features/calculator/view/form.ts';

/** The methodology's (v2) default scenario, copied by hand from the methodology tables. */
export const METHODOLOGY_DEFAULTS: Scenario = {
  version: 2,
  horizonMonths: 24,
  currency: 'USD',
  shared: { targetOpportunitiesPerMonth: 20, averageDealValue: 40000, grossMargin: 0.75, workingDaysPerYear: 250 },
  inHouse: {
    seats: null,
    baseSalary: 55000,
    variableAtTarget: 30000,
    burdenRate: 0.25,
    toolsPerSeatPerMonth: 250,
    recruitingCostPerHire: 7200,
    onboardingCostPerHire: 8800,
    rampMonths: 3,
    annualAttrition: 0.58,
    backfillMonths: 2,
    sdrsPerManager: 8,
    managerAnnualCost: 137000,
    daysOutPerYear: 20,
    meetingsPerMonth: 12,
    meetingToOpportunity: 0.45,
    opportunityWinRate: 0.2,
    dealValue: null,
    teamStartsRamped: false,
  },
  outsourced: {
    seats: null,
    monthlyFeePerSeat: 11500,
    programFeePerMonth: 0,
    pricePerMeeting: 0,
    setupFee: 0,
    onboardingMonths: 1,
    minimumTermMonths: 3,
    meetingsPerSeatPerMonth: 12,
    oversightHoursPerMonth: 10,
    internalHourlyCost: 75,
    meetingToOpportunity: 0.45,
    opportunityWinRate: 0.2,
    dealValue: null,
  },
  fullCycle: {
    seats: null,
    aeAnnualOte: 190000,
    burdenRate: 0.25,
    prospectingShare: 0.2,
    meetingsPerProspectingDay: 0.6,
    daysOutPerYear: 20,
    meetingToOpportunity: 0.45,
    opportunityWinRate: 0.2,
    dealValue: null,
    aeTimeValuation: 'salary',
    annualQuota: 800000,
    quotaAttainment: 0.7,
  },
  bridge: { months: 6 },
  uncertainty: {
    runs: 2000,
    seed: 1,
    spread: {
      'inHouse.meetingsPerMonth': 0.3,
      'inHouse.meetingToOpportunity': 0.3,
      'inHouse.annualAttrition': 0.3,
      'inHouse.rampMonths': 0.34,
      'outsourced.meetingsPerSeatPerMonth': 0.3,
      'outsourced.meetingToOpportunity': 0.3,
      'fullCycle.meetingsPerProspectingDay': 0.3,
      'fullCycle.meetingToOpportunity': 0.3,
    },
  },
};

type Patch = {
  [K in keyof Scenario]?: Scenario[K] extends object ? Partial<Scenario[K]> : Scenario[K];
};

/** The methodology defaults with some fields replaced (one level deep per group). */
export function scenarioWith(patch: Patch, base: Scenario = METHODOLOGY_DEFAULTS): Scenario {
  return {
    ...base,
    ...(patch.version !== undefined ? { version: patch.version } : {}),
    ...(patch.horizonMonths !== undefined ? { horizonMonths: patch.horizonMonths } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    shared: { ...base.shared, ...patch.shared },
    inHouse: { ...base.inHouse, ...patch.inHouse },
    outsourced: { ...base.outsourced, ...patch.outsourced },
    fullCycle: { ...base.fullCycle, ...patch.fullCycle },
    bridge: { ...base.bridge, ...patch.bridge },
    uncertainty: { ...base.uncertainty, ...patch.uncertainty },
  };
}

/** Any value the schema accepts for one field, extremes included. */
function arbitraryFor(field: (typeof SCENARIO_FIELDS)[number]): fc.Arbitrary<unknown> {
  switch (field.unit) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...field.options);
    case 'currency':
      return fc.constantFrom('USD', 'EUR', 'JPY', 'GBP');
    default: {
      const value = field.integer
        ? fc.integer({ min: field.min, max: field.max })
        : fc.double({ min: field.min, max: field.max, noNaN: true, minExcluded: field.exclusiveMin ?? false });
      return field.nullable ? fc.option(value, { nil: null }) : value;
    }
  }
}

/** Any valid scenario (every field over its whole range; days out kept below working days). */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc.tuple(...SCENARIO_FIELDS.map(arbitraryFor)).map((values) => {
  let scenario = METHODOLOGY_DEFAULTS;
  SCENARIO_FIELDS.forEach((field, i) => {
    scenario = withField(scenario, field.path, values[i]);
  });
  const maxDaysOut = scenario.shared.workingDaysPerYear - 1;
  return scenarioWith(
    {
      inHouse: { daysOutPerYear: Math.min(scenario.inHouse.daysOutPerYear, maxDaysOut) },
      fullCycle: { daysOutPerYear: Math.min(scenario.fullCycle.daysOutPerYear, maxDaysOut) },
    },
    scenario,
  );
});

/** Every number anywhere inside a value (for "never NaN or Infinity" checks). */
export function allNumbers(value: unknown, path = ''): { path: string; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => allNumbers(inner, path ? `${path}.${key}` : key));
}

/**
 * The version-1 default figures (attrition 0.3, the agency converting 0.35 and winning 0.18, AEs
 * booking 0.7 meetings a day, converting 0.6, winning 0.25, attaining 50 % of quota) in a version-2
 * scenario whose new inputs change nothing: no programme fee, no bridge (so D is exactly A), no
 * uncertainty run. Tests whose figures were worked out by hand for version 1 keep them with it.
 */
export const V1_FIGURES: Scenario = scenarioWith({
  inHouse: { annualAttrition: 0.3 },
  outsourced: { meetingToOpportunity: 0.35, opportunityWinRate: 0.18 },
  fullCycle: { meetingsPerProspectingDay: 0.7, meetingToOpportunity: 0.6, opportunityWinRate: 0.25, quotaAttainment: 0.5 },
  bridge: { months: 0 },
  uncertainty: { runs: 0 },
});

/**
 * What the calculator's form holds when it shows `scenario` (en-US), with some inputs changed as a
 * person would: a text typed over, or any other part of the entry (`badInput`, `checked`, `solve`).
 */
export function formShowing(scenario: Scenario, typed: Partial<Record<FieldPath, string | Partial<FieldEntry>>> = {}): FormEntries {
  const entries = new Map<FieldPath, FieldEntry>();
  for (const field of SCENARIO_FIELDS) {
    const value = readField(scenario, field.path);
    const shown: FieldEntry =
      field.unit === 'boolean'
        ? { text: 'on', checked: value === true }
        : field.unit === 'enum' || field.unit === 'currency'
          ? { text: String(value) }
          : { text: inputText(field.path as NumericFieldPath, value as number | null, 'en-US'), solve: value === null };
    const change = typed[field.path];
    entries.set(field.path, { ...shown, ...(typeof change === 'string' ? { text: change } : change) });
  }
  return entries;
}
