/**
 * The calculator's field table, the scenario types derived from it, and the pure helpers that read
 * and change a scenario, without zod: the browser's calculator imports this module (and the cost
 * model), so the page's script stays small. `schema.ts` builds the zod schemas from this table;
 * `rules.ts` holds the one rule that links two fields; `codec.ts` reads and writes scenarios.
 */

/** Upper bound for every money field: keeps every total finite (an interpretation of "money ≥ 0"). */
export const MONEY_MAX = 1_000_000_000;

/** The currency field's format: an ISO 4217 code in capitals, e.g. USD. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
/** A number as typed in the form or written in a link: plain decimal or exponent notation (no `0x10`, no `Infinity`). */
export const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The form groups, in display order. */
export const FIELD_GROUPS = ['shared', 'inHouse', 'outsourced', 'fullCycle', 'bridge', 'uncertainty'] as const;
/** One form group: shared inputs, one of the four options, or the uncertainty run. */
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** How a numeric field is shown and entered. */
export type NumericUnit = 'money' | 'moneyPerHour' | 'share' | 'months' | 'integer' | 'number' | 'days' | 'hours' | 'meetings' | 'opportunities';

/** A numeric input: its range is the schema's range. */
export interface NumericFieldSpec {
  readonly unit: NumericUnit;
  readonly label: string;
  readonly explanation: string;
  /** Smallest allowed value (exclusive when `exclusiveMin`). */
  readonly min: number;
  readonly max: number;
  /** A sensible increment for the form; the schema does not require multiples of it. */
  readonly step: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  readonly exclusiveMin?: boolean;
  /** `null` is allowed (seats: solve for the target; a deal value: use the shared one). */
  readonly nullable?: boolean;
  /** What `null` means, in words, for nullable fields, e.g. "size for the target". */
  readonly nullMeaning?: string;
}

/** A true/false input. */
export interface BooleanFieldSpec {
  readonly unit: 'boolean';
  readonly label: string;
  readonly explanation: string;
}

/** A choice between fixed options. */
export interface EnumFieldSpec {
  readonly unit: 'enum';
  readonly label: string;
  readonly explanation: string;
  readonly options: readonly [string, ...string[]];
  /** A short label for each option, in the same order. */
  readonly optionLabels: readonly string[];
}

/** The currency code (formatting only). */
export interface CurrencyFieldSpec {
  readonly unit: 'currency';
  readonly label: string;
  readonly explanation: string;
}

/** Any field of the table. */
export type FieldSpec = NumericFieldSpec | BooleanFieldSpec | EnumFieldSpec | CurrencyFieldSpec;

const money = (label: string, explanation: string, step: number): NumericFieldSpec => ({
  unit: 'money',
  label,
  explanation,
  min: 0,
  max: MONEY_MAX,
  step,
});
const share = (label: string, explanation: string, max = 1): NumericFieldSpec => ({
  unit: 'share',
  label,
  explanation,
  min: 0,
  max,
  step: 0.01,
});
const seats = (explanation: string): NumericFieldSpec & { readonly integer: true; readonly nullable: true } => ({
  unit: 'integer',
  label: 'Seats',
  explanation,
  min: 1,
  max: 1000,
  step: 1,
  integer: true,
  nullable: true,
  nullMeaning: 'size for the target',
});
const dealValue = (): NumericFieldSpec & { readonly nullable: true } => ({
  unit: 'money',
  label: 'Deal value',
  explanation: 'First-year value of a won deal from this option; leave empty to use the shared average deal value (V).',
  min: 0,
  max: MONEY_MAX,
  step: 1000,
  nullable: true,
  nullMeaning: 'use the shared average deal value',
});

/**
 * Every editable field, keyed by its dotted path, in form order. Ranges are exactly the
 * methodology's; money has the added ceiling MONEY_MAX. `daysOutPerYear` is further limited to
 * `shared.workingDaysPerYear − 1` by the cross-field rule (rules.ts).
 */
export const FIELD_SPECS = {
  horizonMonths: {
    unit: 'months',
    label: 'Planning horizon',
    explanation: 'How many months the comparison covers (H).',
    min: 1,
    max: 60,
    step: 1,
    integer: true,
  },
  currency: {
    unit: 'currency',
    label: 'Currency',
    explanation: 'ISO 4217 code used to format money; it does not convert anything.',
  },
  'shared.targetOpportunitiesPerMonth': {
    unit: 'opportunities',
    label: 'Target opportunities per month',
    explanation: 'Qualified opportunities the business needs each month (T); used to size teams.',
    min: 0,
    exclusiveMin: true,
    max: 10000,
    step: 1,
  },
  'shared.averageDealValue': money('Average deal value', 'First-year value of a won deal (V).', 1000),
  'shared.grossMargin': share('Gross margin', 'Share of revenue left after the cost of delivering it (g).'),
  'shared.workingDaysPerYear': {
    unit: 'days',
    label: 'Working days per year',
    explanation: 'Working days in a year before vacation and other time out (W).',
    min: 150,
    max: 366,
    step: 1,
  },
  'inHouse.seats': seats('SDR seats; leave empty to size the team for the target.'),
  'inHouse.baseSalary': money('Base salary', 'Annual base pay per SDR.', 1000),
  'inHouse.variableAtTarget': money('Variable pay at target', 'Annual commission or bonus per SDR, paid at target.', 1000),
  'inHouse.burdenRate': share('Payroll burden', 'Payroll tax and benefits as a share of base plus variable pay.', 1.5),
  'inHouse.toolsPerSeatPerMonth': money('Tools per seat per month', 'Software, data and equipment for each filled seat.', 10),
  'inHouse.recruitingCostPerHire': money('Recruiting cost per hire', 'Agency fees, job ads and interview time for each hire.', 100),
  'inHouse.onboardingCostPerHire': money('Onboarding cost per hire', 'Training and set-up for each hire.', 100),
  'inHouse.rampMonths': {
    unit: 'months',
    label: 'Ramp',
    explanation: 'Months until a new SDR is fully productive (R); productivity rises linearly.',
    min: 0,
    max: 24,
    step: 1,
    integer: true,
  },
  'inHouse.annualAttrition': share('Annual attrition', 'Share of SDR seats that empty in a year, through leavers and promotions (a).'),
  'inHouse.backfillMonths': {
    unit: 'months',
    label: 'Backfill time',
    explanation: 'Whole months a seat stays empty before the replacement starts (L).',
    min: 0,
    max: 12,
    step: 1,
    integer: true,
  },
  'inHouse.sdrsPerManager': {
    unit: 'number',
    label: 'SDRs per manager',
    explanation: 'Span of control (k); manager cost is seats ÷ k managers.',
    min: 1,
    max: 50,
    step: 1,
  },
  'inHouse.managerAnnualCost': money('Manager cost per year', 'Fully loaded annual cost of one SDR manager.', 1000),
  'inHouse.daysOutPerYear': {
    unit: 'days',
    label: 'Days out per year',
    explanation: 'Vacation, holidays, sickness and training days per SDR.',
    min: 0,
    max: 365,
    step: 1,
  },
  'inHouse.meetingsPerMonth': {
    unit: 'meetings',
    label: 'Meetings per SDR per month',
    explanation: 'Held first meetings per fully ramped SDR per working month (M).',
    min: 0,
    max: 200,
    step: 1,
  },
  'inHouse.meetingToOpportunity': share('Meeting to opportunity', 'Share of held meetings that become qualified opportunities.'),
  'inHouse.opportunityWinRate': share('Win rate', 'Share of opportunities eventually won.'),
  'inHouse.dealValue': dealValue(),
  'inHouse.teamStartsRamped': {
    unit: 'boolean',
    label: 'Team already in place',
    explanation: 'An existing, fully ramped team: no initial hiring, ramp or hiring costs in month 1.',
  },
  'outsourced.seats': seats('Dedicated agency reps; leave empty to size the contract for the target.'),
  'outsourced.monthlyFeePerSeat': money('Monthly fee per rep', 'Retainer per dedicated agency rep per month.', 100),
  'outsourced.programFeePerMonth': money('Programme fee per month', 'Flat monthly retainer for the whole programme, whatever the number of reps.', 100),
  'outsourced.pricePerMeeting': money('Price per meeting', 'Fee per held meeting (pay-per-appointment).', 10),
  'outsourced.setupFee': money('Set-up fee', 'One-time fee, paid in month 1.', 100),
  'outsourced.onboardingMonths': {
    unit: 'months',
    label: 'Onboarding',
    explanation: 'Months paid before the first meetings are held (O).',
    min: 0,
    max: 12,
    step: 1,
    integer: true,
  },
  'outsourced.minimumTermMonths': {
    unit: 'months',
    label: 'Minimum term',
    explanation: 'Contract minimum; fees for months beyond the horizon are still owed.',
    min: 0,
    max: 60,
    step: 1,
    integer: true,
  },
  'outsourced.meetingsPerSeatPerMonth': {
    unit: 'meetings',
    label: 'Meetings per rep per month',
    explanation: 'Held meetings per agency rep per month once onboarding is over.',
    min: 0,
    max: 200,
    step: 1,
  },
  'outsourced.oversightHoursPerMonth': {
    unit: 'hours',
    label: 'Oversight hours per month',
    explanation: 'Time your own people spend managing the agency.',
    min: 0,
    max: 500,
    step: 1,
  },
  'outsourced.internalHourlyCost': {
    unit: 'moneyPerHour',
    label: 'Cost of an internal hour',
    explanation: 'Loaded hourly cost of the people who oversee the agency.',
    min: 0,
    max: MONEY_MAX,
    step: 5,
  },
  'outsourced.meetingToOpportunity': share('Meeting to opportunity', 'Share of held meetings that become qualified opportunities.'),
  'outsourced.opportunityWinRate': share('Win rate', 'Share of opportunities eventually won.'),
  'outsourced.dealValue': dealValue(),
  'fullCycle.seats': seats('Account executives who prospect; leave empty to size for the target.'),
  'fullCycle.aeAnnualOte': money('AE on-target earnings', 'Annual base plus variable pay of an AE at target.', 1000),
  'fullCycle.burdenRate': share('Payroll burden', 'Payroll tax and benefits as a share of on-target earnings.', 1.5),
  'fullCycle.prospectingShare': share('Time spent prospecting', 'Share of working time each AE spends prospecting (s).'),
  'fullCycle.meetingsPerProspectingDay': {
    unit: 'meetings',
    label: 'Meetings per prospecting day',
    explanation: 'Held meetings an AE books per full day of prospecting.',
    min: 0,
    max: 20,
    step: 0.1,
  },
  'fullCycle.daysOutPerYear': {
    unit: 'days',
    label: 'Days out per year',
    explanation: 'Vacation, holidays, sickness and training days per AE.',
    min: 0,
    max: 365,
    step: 1,
  },
  'fullCycle.meetingToOpportunity': share('Meeting to opportunity', 'Share of held meetings that become qualified opportunities.'),
  'fullCycle.opportunityWinRate': share('Win rate', 'Share of opportunities eventually won.'),
  'fullCycle.dealValue': dealValue(),
  'fullCycle.aeTimeValuation': {
    unit: 'enum',
    label: 'Value AE prospecting time at',
    explanation: 'Salary: what the time costs. Displaced margin: the gross margin the AEs would have closed instead.',
    options: ['salary', 'displacedMargin'],
    optionLabels: ['Salary cost', 'Displaced gross margin'],
  },
  'fullCycle.annualQuota': money('Annual quota', 'AE annual quota; used only when valuing time at displaced margin.', 10000),
  'fullCycle.quotaAttainment': share('Quota attainment', 'Share of quota AEs attain; used only with displaced margin.'),
  'bridge.months': {
    unit: 'months',
    label: 'Agency bridge',
    explanation: 'Months the agency works from month 1 while the in-house team is hired and ramps (at least its minimum term); 0 = no bridge.',
    min: 0,
    max: 60,
    step: 1,
    integer: true,
  },
  'uncertainty.runs': {
    unit: 'integer',
    label: 'Uncertainty runs',
    explanation: 'Random scenarios drawn around your inputs to show a range for each option; 0 turns it off.',
    min: 0,
    max: 20000,
    step: 100,
    integer: true,
  },
  'uncertainty.seed': {
    unit: 'integer',
    label: 'Random seed',
    explanation: 'Starting point of the random sequence: the same seed always gives the same range.',
    min: 0,
    max: 4294967295,
    step: 1,
    integer: true,
  },
} as const satisfies Record<string, FieldSpec>;

/** Dotted path of an editable field, e.g. `inHouse.baseSalary`. */
export type FieldPath = keyof typeof FIELD_SPECS;

type Specs = typeof FIELD_SPECS;
/** The value a field holds, read from its row: true/false, one of the options, text, or a number (null for seats). */
type ValueOf<S> = S extends { readonly unit: 'boolean' }
  ? boolean
  : S extends { readonly unit: 'enum'; readonly options: readonly (infer O)[] }
    ? O
    : S extends { readonly unit: 'currency' }
      ? string
      : S extends { readonly nullable: true }
        ? number | null
        : number;
/** The fields of one group, keyed inside it (`inHouse.baseSalary` → `baseSalary`). */
type GroupValues<G extends FieldGroup> = { -readonly [P in keyof Specs as P extends `${G}.${infer K}` ? K : never]: ValueOf<Specs[P]> };
/** The top-level fields (no group in their path). */
type TopValues = { -readonly [P in keyof Specs as P extends `${string}.${string}` ? never : P]: ValueOf<Specs[P]> };
type Optional<T> = { [K in keyof T]?: T[K] | undefined };
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The current scenario format version. */
export const SCENARIO_VERSION = 2;

/** Paths of numeric fields, computed from the table (used to derive the spread keys). */
type NumericPathOf<P extends keyof Specs> = P extends keyof Specs ? (Specs[P] extends { readonly min: number } ? P : never) : never;

/**
 * A key of `uncertainty.spread`: every numeric field of `shared` except the working days and the
 * target, and every numeric field of the four options except seats and days out (methodology,
 * "uncertainty"). A `dealValue` key is allowed only while that deal value is set (rules.ts).
 */
export type SpreadKey = Exclude<
  NumericPathOf<keyof Specs>,
  | `${string}.seats`
  | `${string}.daysOutPerYear`
  | 'shared.workingDaysPerYear'
  | 'shared.targetOpportunitiesPerMonth'
  | `uncertainty.${string}`
  | 'horizonMonths'
>;

/** Relative spreads f (0–1) by spread key; a missing key or 0 holds that input fixed. */
export type Spread = { [K in SpreadKey]?: number | undefined };

/**
 * A resolved scenario (the model's input): the format version and every field of the table, by group,
 * plus the uncertainty spreads. Derived from FIELD_SPECS, so a field added to the table is a field of
 * the type; tests/unit/calculator/schema.test.ts checks that the zod schemas infer exactly this type.
 */
export type Scenario = Flat<
  { version: 2 } & TopValues & { [G in Exclude<FieldGroup, 'uncertainty'>]: GroupValues<G> } & {
      uncertainty: Flat<GroupValues<'uncertainty'> & { spread: Spread }>;
    }
>;

/**
 * A scenario as people write it (JSON files, share links, `npm run calc`): every field optional,
 * missing ones take the site's defaults. Version 1 is read as version 2.
 */
export type ScenarioInput = Flat<
  { version?: 1 | 2 | undefined } & Optional<TopValues> & { [G in Exclude<FieldGroup, 'uncertainty'>]?: Optional<GroupValues<G>> | undefined } & {
      uncertainty?: Flat<Optional<GroupValues<'uncertainty'>> & { spread?: Spread | undefined }> | undefined;
    }
>;
/** Path of a numeric field (including seats). */
export type NumericFieldPath = {
  [P in FieldPath]: (typeof FIELD_SPECS)[P] extends { readonly min: number } ? P : never;
}[FieldPath];

/** One row of the field table, ready to build a form control. */
export type ScenarioField = FieldSpec & {
  /** Dotted path, e.g. `inHouse.baseSalary`. */
  readonly path: FieldPath;
  readonly group: FieldGroup;
  /** Key inside its group (`baseSalary`), or the top-level key. */
  readonly key: string;
};

function groupOf(path: string): FieldGroup {
  const head = path.split('.')[0] ?? '';
  return (FIELD_GROUPS as readonly string[]).includes(head) ? (head as FieldGroup) : 'shared';
}

/** Every editable field in form order, with its path, group, label, unit, range and explanation. */
export const SCENARIO_FIELDS: readonly ScenarioField[] = (Object.keys(FIELD_SPECS) as FieldPath[]).map((path) => ({
  ...FIELD_SPECS[path],
  path,
  group: groupOf(path),
  key: path.includes('.') ? path.slice(path.indexOf('.') + 1) : path,
}));

/** The paths of every numeric field, in form order. */
export const NUMERIC_FIELD_PATHS: readonly NumericFieldPath[] = SCENARIO_FIELDS.filter(
  (field): field is ScenarioField & NumericFieldSpec => 'min' in field,
).map((field) => field.path as NumericFieldPath);

/** True for a string that names an editable field; safe for any untrusted string. */
export function isFieldPath(path: string): path is FieldPath {
  return Object.prototype.hasOwnProperty.call(FIELD_SPECS, path);
}

/** The table entry of a numeric field. */
export function numericSpec(path: NumericFieldPath): NumericFieldSpec {
  return FIELD_SPECS[path];
}

/**
 * Values that fit a field's range but are almost surely a typing slip: an amount typed without its
 * thousands ("70" for "70k"). The page asks before such a value changes the answer (a link or file
 * that carries one is applied as given, with the same warning). Each entry says why:
 * - annual pay (SDR base, SDR manager, AE on-target earnings) under 1,000 a year is not a salary in
 *   any currency the calculator is used with;
 * - an agency retainer under 100 a month per rep is not a retainer.
 * 0 is never a slip: it is how a person says "none" (no base pay, no retainer, pay per meeting).
 */
export const PLAUSIBLE_MIN: Readonly<Partial<Record<NumericFieldPath, { readonly min: number; readonly per: 'year' | 'month' }>>> = {
  'inHouse.baseSalary': { min: 1000, per: 'year' },
  'inHouse.managerAnnualCost': { min: 1000, per: 'year' },
  'fullCycle.aeAnnualOte': { min: 1000, per: 'year' },
  'outsourced.monthlyFeePerSeat': { min: 100, per: 'month' },
};

/** The fields PLAUSIBLE_MIN guards, in form order. */
export const GUARDED_PATHS: readonly NumericFieldPath[] = NUMERIC_FIELD_PATHS.filter((path) => PLAUSIBLE_MIN[path] !== undefined);

/** True when a value fits the field but is almost surely a typing slip (PLAUSIBLE_MIN). */
export function isImplausible(path: FieldPath, value: unknown): boolean {
  const rule = PLAUSIBLE_MIN[path as NumericFieldPath];
  return rule !== undefined && typeof value === 'number' && value > 0 && value < rule.min;
}

function mergeGroup<T extends object>(base: T, patch: object | undefined): T {
  const out = { ...base };
  if (patch === undefined || patch === null) return out;
  // Only keys the defaults know are copied, so hostile keys in `patch` cannot reach the result.
  for (const key of Object.keys(base) as (keyof T & string)[]) {
    if (!Object.prototype.hasOwnProperty.call(patch, key)) continue;
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value as T[keyof T & string];
  }
  return out;
}

/** Every allowed spread key, in form order. */
export const SPREAD_KEYS: readonly SpreadKey[] = (Object.keys(FIELD_SPECS) as FieldPath[]).filter(
  (path): path is SpreadKey =>
    'min' in FIELD_SPECS[path] &&
    path.includes('.') &&
    !path.startsWith('uncertainty.') &&
    !path.endsWith('.seats') &&
    !path.endsWith('.daysOutPerYear') &&
    path !== 'shared.workingDaysPerYear' &&
    path !== 'shared.targetOpportunitiesPerMonth',
);

/** True for a string that is an allowed spread key; safe for any untrusted string. */
export function isSpreadKey(key: string): key is SpreadKey {
  return (SPREAD_KEYS as readonly string[]).includes(key);
}

/**
 * Merges spreads key by key (a key set in `patch` wins, including 0, which holds the input fixed);
 * only allowed keys are copied. The result keeps only the spreads above 0, in SPREAD_KEYS order, so
 * that two scenarios that vary the same inputs are equal.
 */
export function mergeSpread(base: Spread, patch: Spread | undefined | null): Spread {
  const out: Spread = {};
  for (const key of SPREAD_KEYS) {
    const value = patch && Object.prototype.hasOwnProperty.call(patch, key) ? patch[key] : undefined;
    const chosen = value ?? base[key];
    if (chosen !== undefined && chosen !== 0) out[key] = chosen;
  }
  return out;
}

/**
 * Deep-merges a validated partial scenario over the defaults (a version-1 input is read as version
 * 2: what it lacks comes from the defaults). `spread` is merged key by key. Pure; does not run the
 * cross-field checks (`crossFieldProblems` in rules.ts; the codec runs them on untrusted input).
 */
export function resolveScenario(input: ScenarioInput, defaults: Scenario): Scenario {
  const { spread, ...uncertainty } = input.uncertainty ?? {};
  return {
    version: SCENARIO_VERSION,
    horizonMonths: input.horizonMonths ?? defaults.horizonMonths,
    currency: input.currency ?? defaults.currency,
    shared: mergeGroup(defaults.shared, input.shared),
    inHouse: mergeGroup(defaults.inHouse, input.inHouse),
    outsourced: mergeGroup(defaults.outsourced, input.outsourced),
    fullCycle: mergeGroup(defaults.fullCycle, input.fullCycle),
    bridge: mergeGroup(defaults.bridge, input.bridge),
    uncertainty: {
      ...mergeGroup({ runs: defaults.uncertainty.runs, seed: defaults.uncertainty.seed }, uncertainty),
      spread: mergeSpread(defaults.uncertainty.spread, spread),
    },
  };
}

/** The value of a field, read by its dotted path. */
export function readField(scenario: Scenario, path: FieldPath): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return (scenario as unknown as Record<string, unknown>)[path];
  const group = (scenario as unknown as Record<string, Record<string, unknown>>)[path.slice(0, dot)];
  return group?.[path.slice(dot + 1)];
}

/** The numeric value of a numeric field (`null` only for seats in solve mode). */
export function readNumber(scenario: Scenario, path: NumericFieldPath): number | null {
  const value = readField(scenario, path);
  return typeof value === 'number' ? value : null;
}

/** A copy of the scenario with one field replaced; the original is not changed. */
export function withField(scenario: Scenario, path: FieldPath, value: unknown): Scenario {
  const dot = path.indexOf('.');
  if (dot < 0) return { ...scenario, [path]: value } as Scenario;
  const groupKey = path.slice(0, dot) as FieldGroup;
  return { ...scenario, [groupKey]: { ...scenario[groupKey], [path.slice(dot + 1)]: value } } as Scenario;
}
