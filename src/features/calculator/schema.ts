import { z } from 'astro/zod';
import { CURRENCY_CODE, FIELD_SPECS, SPREAD_KEYS, type FieldPath, type NumericFieldPath, type NumericFieldSpec, type SpreadKey } from './fields.ts';
import { crossFieldProblems } from './rules.ts';

/**
 * The pipeline cost calculator's scenario as zod schemas, built from the field table (fields.ts),
 * where labels, units and ranges live. They validate the site's defaults file (content collection,
 * `npm run calc`) and are the reference the codec (codec.ts, which the page and the command line
 * use) is tested against: tests/unit/calculator/codec.test.ts checks that both accept exactly the
 * same input. The meaning of every field is fixed by the methodology (docs: calculator methodology).
 */

function numberSchema(spec: NumericFieldSpec) {
  let schema = spec.integer ? z.number().int() : z.number();
  schema = spec.exclusiveMin ? schema.gt(spec.min) : schema.min(spec.min);
  return schema.max(spec.max);
}
const num = (path: Exclude<NumericFieldPath, `${string}.seats` | `${string}.dealValue`>) => numberSchema(FIELD_SPECS[path]);
const nullableNum = (path: (`${string}.seats` | `${string}.dealValue`) & NumericFieldPath) => numberSchema(FIELD_SPECS[path]).nullable();

const CurrencySchema = z.string().refine((value) => CURRENCY_CODE.test(value), 'a three-letter ISO 4217 currency code in capitals, e.g. USD');

/** Inputs every model shares. */
export const SharedSchema = z.strictObject({
  targetOpportunitiesPerMonth: num('shared.targetOpportunitiesPerMonth'),
  averageDealValue: num('shared.averageDealValue'),
  grossMargin: num('shared.grossMargin'),
  workingDaysPerYear: num('shared.workingDaysPerYear'),
});

/** Model A: an in-house SDR team. */
export const InHouseSchema = z.strictObject({
  seats: nullableNum('inHouse.seats'),
  baseSalary: num('inHouse.baseSalary'),
  variableAtTarget: num('inHouse.variableAtTarget'),
  burdenRate: num('inHouse.burdenRate'),
  toolsPerSeatPerMonth: num('inHouse.toolsPerSeatPerMonth'),
  recruitingCostPerHire: num('inHouse.recruitingCostPerHire'),
  onboardingCostPerHire: num('inHouse.onboardingCostPerHire'),
  rampMonths: num('inHouse.rampMonths'),
  annualAttrition: num('inHouse.annualAttrition'),
  backfillMonths: num('inHouse.backfillMonths'),
  sdrsPerManager: num('inHouse.sdrsPerManager'),
  managerAnnualCost: num('inHouse.managerAnnualCost'),
  daysOutPerYear: num('inHouse.daysOutPerYear'),
  meetingsPerMonth: num('inHouse.meetingsPerMonth'),
  meetingToOpportunity: num('inHouse.meetingToOpportunity'),
  opportunityWinRate: num('inHouse.opportunityWinRate'),
  dealValue: nullableNum('inHouse.dealValue'),
  teamStartsRamped: z.boolean(),
});

/** Model B: an outsourced lead-generation agency. */
export const OutsourcedSchema = z.strictObject({
  seats: nullableNum('outsourced.seats'),
  monthlyFeePerSeat: num('outsourced.monthlyFeePerSeat'),
  programFeePerMonth: num('outsourced.programFeePerMonth'),
  pricePerMeeting: num('outsourced.pricePerMeeting'),
  setupFee: num('outsourced.setupFee'),
  onboardingMonths: num('outsourced.onboardingMonths'),
  minimumTermMonths: num('outsourced.minimumTermMonths'),
  meetingsPerSeatPerMonth: num('outsourced.meetingsPerSeatPerMonth'),
  oversightHoursPerMonth: num('outsourced.oversightHoursPerMonth'),
  internalHourlyCost: num('outsourced.internalHourlyCost'),
  meetingToOpportunity: num('outsourced.meetingToOpportunity'),
  opportunityWinRate: num('outsourced.opportunityWinRate'),
  dealValue: nullableNum('outsourced.dealValue'),
});

/** Model C: full-cycle account executives who prospect for themselves. */
export const FullCycleSchema = z.strictObject({
  seats: nullableNum('fullCycle.seats'),
  aeAnnualOte: num('fullCycle.aeAnnualOte'),
  burdenRate: num('fullCycle.burdenRate'),
  prospectingShare: num('fullCycle.prospectingShare'),
  meetingsPerProspectingDay: num('fullCycle.meetingsPerProspectingDay'),
  daysOutPerYear: num('fullCycle.daysOutPerYear'),
  meetingToOpportunity: num('fullCycle.meetingToOpportunity'),
  opportunityWinRate: num('fullCycle.opportunityWinRate'),
  dealValue: nullableNum('fullCycle.dealValue'),
  aeTimeValuation: z.enum(FIELD_SPECS['fullCycle.aeTimeValuation'].options),
  annualQuota: num('fullCycle.annualQuota'),
  quotaAttainment: num('fullCycle.quotaAttainment'),
});

/** Option D: the in-house team with an agency bridge (its other inputs are A's and B's). */
export const BridgeSchema = z.strictObject({
  months: num('bridge.months'),
});

/** A relative spread f of one input, 0–1. */
const spreadValue = z.number().min(0).max(1);
/** `uncertainty.spread`: allowed keys only (unknown keys are refused by name), each f in 0–1. */
export const SpreadSchema = z.strictObject(
  Object.fromEntries(SPREAD_KEYS.map((key) => [key, spreadValue.optional()])) as Record<SpreadKey, z.ZodOptional<typeof spreadValue>>,
);

/** The Monte Carlo run (methodology, "uncertainty"). */
export const UncertaintySchema = z.strictObject({
  runs: num('uncertainty.runs'),
  seed: num('uncertainty.seed'),
  spread: SpreadSchema,
});

const VersionSchema = z.literal(2);

const ScenarioObjectSchema = z.strictObject({
  version: VersionSchema,
  horizonMonths: num('horizonMonths'),
  currency: CurrencySchema,
  shared: SharedSchema,
  inHouse: InHouseSchema,
  outsourced: OutsourcedSchema,
  fullCycle: FullCycleSchema,
  bridge: BridgeSchema,
  uncertainty: UncertaintySchema,
});

/** A full, resolved scenario: every field present and in range; days out below working days (rules.ts). */
export const ScenarioSchema = ScenarioObjectSchema.superRefine((scenario, ctx) => {
  for (const problem of crossFieldProblems(scenario)) {
    const path = problem.field.startsWith('uncertainty.spread.')
      ? ['uncertainty', 'spread', problem.field.slice('uncertainty.spread.'.length)]
      : problem.field.split('.');
    ctx.addIssue({ code: 'custom', path, message: problem.expected });
  }
});

/**
 * A scenario as people write it (JSON files, share links, `npm run calc`): every field optional,
 * missing ones take the site's defaults; unknown fields are rejected by name. Cross-field checks run
 * after `resolveScenario`, on the full scenario.
 */
export const ScenarioInputSchema = z.strictObject({
  version: z.literal([1, 2]).optional(),
  horizonMonths: num('horizonMonths').optional(),
  currency: CurrencySchema.optional(),
  shared: SharedSchema.partial().optional(),
  inHouse: InHouseSchema.partial().optional(),
  outsourced: OutsourcedSchema.partial().optional(),
  fullCycle: FullCycleSchema.partial().optional(),
  bridge: BridgeSchema.partial().optional(),
  uncertainty: UncertaintySchema.partial().optional(),
});

/** The paths that need a basis in the defaults file: every field, and the uncertainty spreads. */
const sourcesShape = Object.fromEntries(
  [...(Object.keys(FIELD_SPECS) as FieldPath[]), 'uncertainty.spread'].map((path) => [path, z.string().trim().min(1)]),
) as Record<FieldPath | 'uncertainty.spread', z.ZodString>;

/** The site's calculator defaults file (`src/content/calculator/defaults.yaml`). */
export const CalculatorDefaultsSchema = z.strictObject({
  /** The complete default scenario. */
  scenario: ScenarioSchema,
  /** For every field path: the basis of its default (a published benchmark, or "Assumption: …"); the methodology page lists them. */
  sources: z.strictObject(sourcesShape),
});

/** Parsed calculator defaults. */
export type CalculatorDefaults = z.infer<typeof CalculatorDefaultsSchema>;
