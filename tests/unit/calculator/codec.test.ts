import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import {
  MAX_FILE_LENGTH,
  MAX_LINK_LENGTH,
  LINK_FIELDS,
  VERSION_1_NOTICE,
  decodeLink,
  decodeValue,
  encodeLink,
  expectedText,
  isValidValue,
  numberFromText,
  parseScenario,
  parseScenarioObject,
  parseScenarioText,
} from '../../../src/features/calculator/codec.ts';
import { resultsJson } from '../../../src/features/calculator/results-file.ts';
import {
  SCENARIO_FIELDS,
  SPREAD_KEYS,
  isFieldPath,
  readField,
  resolveScenario,
  withField,
  type FieldPath,
  type Scenario,
} from '../../../src/features/calculator/fields.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { runUncertainty } from '../../../src/features/calculator/model/uncertainty.ts';
import { ScenarioInputSchema, ScenarioSchema } from '../../../src/features/calculator/schema.ts';
import { isRecord } from '../../../src/common/formats.ts';
import type { Problem } from '../../../src/common/problems.ts';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';
import { METHODOLOGY_DEFAULTS, arbitraryScenario, scenarioWith } from './fixtures.ts';

const D = METHODOLOGY_DEFAULTS;
const PATHS = SCENARIO_FIELDS.map((field) => field.path);
const fieldsOf = (problems: readonly { field: string }[]) => [...new Set(problems.map((p) => p.field))].sort();

afterEach(() => {
  // Nothing in these tests may ever reach the shared prototypes.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

// ---------------------------------------------------------------------------------------------
// The reference: the zod schemas (schema.ts). The codec must accept exactly what they accept.

type Verdict = { ok: true; value: Scenario } | { ok: false; fields: string[] };

/** What zod says about a parsed scenario object merged over `defaults` (the format's meaning of a file). */
function zodObject(input: unknown, defaults: Scenario): Verdict {
  // A newer version is refused on that alone (its other fields may mean something else).
  const version = isRecord(input) && Object.hasOwn(input, 'version') ? input['version'] : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > 2) return { ok: false, fields: ['version'] };
  const parsed = ScenarioInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldsOf(problemsFromZod(parsed.error, input)) };
  const merged = resolveScenario(parsed.data, defaults);
  const checked = ScenarioSchema.safeParse(merged);
  return checked.success ? { ok: true, value: checked.data } : { ok: false, fields: fieldsOf(problemsFromZod(checked.error, merged)) };
}

/** The same for file text: the file's envelope (size, JSON, a results file's `scenario`), then zod. */
function zodText(text: string, defaults: Scenario): Verdict {
  if (text.length > MAX_FILE_LENGTH) return { ok: false, fields: [''] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { ok: false, fields: [''] };
  }
  if (isRecord(input) && Object.hasOwn(input, 'scenario')) input = input['scenario'];
  return zodObject(input, defaults);
}

/** A prototype-free partial scenario holding one value at a dotted key. */
function probe(key: string, value: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null);
  const dot = key.indexOf('.');
  if (dot < 0 || !isFieldPath(key)) input[key] = value;
  else {
    const group: Record<string, unknown> = Object.create(null);
    group[key.slice(dot + 1)] = value;
    input[key.slice(0, dot)] = group;
  }
  return input;
}

function expectSameVerdict(codec: { ok: true; value: Scenario } | { ok: false; problems: Problem[] }, zod: Verdict): void {
  expect(codec.ok).toBe(zod.ok);
  if (codec.ok && zod.ok) expect(codec.value).toEqual(zod.value);
  if (!codec.ok && !zod.ok) expect(fieldsOf(codec.problems)).toEqual(zod.fields);
  if (!codec.ok) for (const problem of codec.problems) expect(problem.code, JSON.stringify(problem)).toBeTypeOf('string');
}

/**
 * What a link must give, field by field, against zod: a value zod refuses is reported and the
 * default kept; a value zod accepts is used, unless the days-out rule drops it (reported as a
 * conflict); unknown, repeated and wrong-version fields are reported.
 */
function expectLinkAgreesWithZod(query: string, defaults: Scenario): void {
  const { scenario, problems } = decodeLink(query, defaults);
  expect(ScenarioSchema.safeParse(scenario).success).toBe(true);
  for (const problem of problems) expect(problem.code, JSON.stringify(problem)).toBeTypeOf('string');
  const reported = new Map(problems.map((p) => [p.field, p]));
  const pairs = [...new URLSearchParams(query.startsWith('?') || query.startsWith('#') ? query.slice(1) : query)];
  const count = new Map<string, number>();
  for (const [key] of pairs) count.set(key, (count.get(key) ?? 0) + 1);
  // `v` and `version` both name the version: each one given is checked, and the last one decides.
  const versionTexts = pairs.filter(([key]) => (key === 'version' || key === 'v') && count.get(key) === 1).map(([, text]) => text);
  const version = versionTexts.length > 0 ? numberFromText(versionTexts.at(-1)!) : 1;
  if (typeof version === 'number' && Number.isInteger(version) && version > 2) {
    // A link from a newer calculator is not applied at all.
    expect(scenario).toEqual(defaults);
    expect(problems.map((p) => p.code)).toEqual(['unsupported_version']);
    return;
  }
  for (const [key, text] of pairs) {
    if (key === '' && text === '') continue;
    if ((count.get(key) ?? 0) > 1) {
      expect(reported.get(key)?.code).toBe('duplicate');
      continue;
    }
    // The compact values of a complete link (`s`, `f`) have tests of their own below.
    if (key === 's' || key === 'f') continue;
    if (key === 'version' || key === 'v') {
      const refused = versionTexts.some((t) => !ScenarioInputSchema.safeParse({ version: numberFromText(t) }).success);
      expect(reported.has('version')).toBe(refused);
      continue;
    }
    // The question the verdict answers (tests/unit/calculator/codec-question.test.ts).
    if (key === 'q') continue;
    if (!isFieldPath(key)) {
      expect(ScenarioInputSchema.safeParse(probe(key, text)).success).toBe(false);
      expect(reported.has(key)).toBe(true);
      continue;
    }
    const value = decodeValue(key, text);
    if (!ScenarioInputSchema.safeParse(probe(key, value)).success) {
      expect(reported.has(key)).toBe(true);
      expect(readField(scenario, key)).toEqual(readField(defaults, key));
    } else if (reported.has(key)) {
      expect(reported.get(key)?.code).toBe('conflict');
    } else {
      expect(readField(scenario, key)).toEqual(value);
    }
  }
}

/** Text a person or an attacker might put in a link value. */
const linkValue = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_000 }).map(String),
  fc.double({ min: -1, max: 400, noNaN: true }).map(String),
  fc.constantFrom(
    '',
    ' ',
    'auto',
    'null',
    'true',
    'false',
    'salary',
    'displacedMargin',
    'USD',
    'usd',
    'EURO',
    '1e400',
    '-0',
    ' 5 ',
    '0x10',
    '.5',
    '1.',
    '3e2',
    'NaN',
  ),
  fc.string({ maxLength: 8 }),
);
const linkKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom('version', 'inHouse', 'shared', '__proto__', 'constructor', 'inHouse.salary', '', 'seats') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const linkQuery = fc.array(fc.tuple(linkKey, linkValue), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs).toString());

/** Any value a scenario file (or a caller) might hold where a field is expected. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.double({ min: -1, max: 400, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, 'salary', 'displacedMargin', 'USD', 'usd', '12', 0, 1, 0.5, 1.5, 1000, 1001, 150, 366, 249),
  fc.constant([]),
  fc.constant({}),
);
const fieldValue = fc.oneof(
  jsonValue,
  fc.constantFrom<unknown>(undefined, Number.NaN, Infinity, -0, 2 ** 53, Infinity /* a literal such as 1e400 overflows to this */, 'auto', ''),
);
const groupObject = fc.dictionary(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...PATHS.map((path) => path.split('.').pop() ?? path)) },
    { weight: 1, arbitrary: fc.constantFrom('salary', '__proto__', 'x.y') },
  ),
  fieldValue,
  { maxKeys: 6 },
);
const scenarioObject = fc.dictionary(
  fc.constantFrom('version', 'horizonMonths', 'currency', 'shared', 'inHouse', 'outsourced', 'fullCycle', 'inHouse.seats', 'bogus'),
  fc.oneof({ weight: 1, arbitrary: fieldValue }, { weight: 3, arbitrary: groupObject }),
  { maxKeys: 6 },
);
/** A whole scenario with at most a couple of fields changed, dropped or added. */
const nearlyWholeScenario = fc
  .tuple(
    arbitraryScenario,
    fc.array(fc.tuple(fc.constantFrom(...PATHS, 'version', 'bogus', 'inHouse.bogus'), fc.option(fieldValue, { nil: undefined })), { maxLength: 2 }),
  )
  .map(([scenario, changes]) => {
    const copy = structuredClone(scenario) as unknown as Record<string, Record<string, unknown>>;
    for (const [path, value] of changes) {
      const [head = '', key] = path.split('.');
      const holder = key === undefined ? copy : copy[head];
      if (!holder) continue;
      if (value === undefined) delete holder[key ?? head];
      else holder[key ?? head] = value;
    }
    return copy as unknown;
  });

/**
 * File text as people and the site write it: a scenario file, a whole scenario, a results file
 * exported by the page's "Download JSON" or printed by `npm run calc` (both `resultsJson`), one
 * whose `scenario` member was edited, and text that is cut off.
 */
/**
 * The results file the page or the command line writes for a scenario. Its ranges are drawn from at
 * most 50 runs instead of the scenario's own count (up to 20,000): the file still names the scenario's
 * count and has every part a real file has, and reading a file takes only its scenario, but drawing
 * 20,000 runs for each generated file made this the slowest test file by far.
 */
function resultsFileOf(scenario: Scenario): string {
  const quick = { ...scenario, uncertainty: { ...scenario.uncertainty, runs: Math.min(scenario.uncertainty.runs, 50) } };
  const evaluation = evaluate(scenario);
  return resultsJson(scenario, evaluation, runUncertainty(quick, evaluation));
}

const fileText: fc.Arbitrary<string> = fc.oneof(
  scenarioObject.map((input) => JSON.stringify(input)),
  nearlyWholeScenario.map((input) => JSON.stringify(input, null, 2)),
  arbitraryScenario.map(resultsFileOf),
  fc
    .tuple(arbitraryScenario, fc.oneof(scenarioObject, nearlyWholeScenario, jsonValue))
    .map(([scenario, edited]) => resultsFileOf(scenario).replace(/"scenario": [\s\S]*\}\n$/, `"scenario": ${JSON.stringify(edited) ?? 'null'}\n}\n`)),
  fc.tuple(scenarioObject, fc.nat()).map(([input, n]) => JSON.stringify(input).slice(0, n % (JSON.stringify(input).length + 1))),
);

describe('the codec accepts exactly what the zod schemas accept', () => {
  test('each value on its own, for every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fieldValue, (path, value) => {
        fc.pre(value !== undefined);
        expect(isValidValue(path, value)).toBe(ScenarioInputSchema.safeParse(probe(path, value)).success);
      }),
      { numRuns: 3000 },
    );
  });

  test('same verdict, scenario and fields reported for any scenario object', () => {
    fc.assert(
      fc.property(scenarioObject, (input) => expectSameVerdict(parseScenarioObject(input, D), zodObject(input, D))),
      { numRuns: 1500 },
    );
  });

  test('same verdict and scenario for any complete scenario (the page reading its defaults)', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyWholeScenario, scenarioObject), (input) => {
        const codec = parseScenario(input);
        const zod = ScenarioSchema.safeParse(input);
        expect(codec.ok).toBe(zod.success);
        if (codec.ok && zod.success) expect(codec.value).toEqual(zod.data);
      }),
      { numRuns: 1000 },
    );
  });

  test('same verdict, scenario and fields reported for file text, results files included', () => {
    fc.assert(
      fc.property(fileText, (text) => expectSameVerdict(parseScenarioText(text, D), zodText(text, D))),
      { numRuns: 300 },
    );
  });

  test('any link: each field is used exactly when zod accepts its value', () => {
    fc.assert(
      fc.property(linkQuery, (query) => expectLinkAgreesWithZod(query, D)),
      { numRuns: 1500 },
    );
  });

  test.each([
    ['shared.workingDaysPerYear=200&inHouse.daysOutPerYear=210'],
    ['shared.workingDaysPerYear=160'],
    ['__proto__=1&constructor=2&__proto__.polluted=yes&inHouse.__proto__=3&inHouse=5&prototype=x&inHouse.baseSalary=1&inHouse.baseSalary=2&version=1'],
    ['version=2&horizonMonths=36'],
    // Both names of the version, one of them empty (found by the property above with seed 689286583).
    ['v=1&version='],
    ['v=3&version=1'],
    ['version=1&v=3'],
  ])('the hand-picked link %#', (query) => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 }, fullCycle: { daysOutPerYear: 170 } });
    for (const base of [D, defaults]) expectLinkAgreesWithZod(query, base);
  });
});

describe('share links', () => {
  /** Defaults a hosting team might switch to after a link was shared: every value different. */
  const EDITED_DEFAULTS = scenarioWith({
    horizonMonths: 36,
    shared: { averageDealValue: 55000, grossMargin: 0.6 },
    inHouse: { seats: 9, baseSalary: 61000, annualAttrition: 0.4, dealValue: 30000 },
    outsourced: { monthlyFeePerSeat: 9000, programFeePerMonth: 2500 },
    fullCycle: { aeTimeValuation: 'displacedMargin', meetingsPerProspectingDay: 1 },
    bridge: { months: 9 },
    uncertainty: { runs: 500, seed: 7, spread: { 'shared.averageDealValue': 0.2, 'inHouse.meetingsPerMonth': 0.1 } },
  });

  test('a link carries every value, so it keeps its meaning when the defaults change', () => {
    for (const scenario of [D, EDITED_DEFAULTS]) {
      const link = encodeLink(scenario);
      expect(link).toMatch(/^v=2&s=[^&]+&f=[^&]*$/);
      expect(decodeLink(link, D)).toEqual({ scenario, problems: [] });
      expect(decodeLink(link, EDITED_DEFAULTS)).toEqual({ scenario, problems: [] });
    }
  });

  test('the values are written in a fixed order, pinned here: changing it needs a new version', () => {
    // prettier-ignore
    expect(LINK_FIELDS.join(' ')).toBe(
      'horizonMonths currency shared.targetOpportunitiesPerMonth shared.averageDealValue shared.grossMargin shared.workingDaysPerYear ' +
      'inHouse.seats inHouse.baseSalary inHouse.variableAtTarget inHouse.burdenRate inHouse.toolsPerSeatPerMonth inHouse.recruitingCostPerHire ' +
      'inHouse.onboardingCostPerHire inHouse.rampMonths inHouse.annualAttrition inHouse.backfillMonths inHouse.sdrsPerManager inHouse.managerAnnualCost ' +
      'inHouse.daysOutPerYear inHouse.meetingsPerMonth inHouse.meetingToOpportunity inHouse.opportunityWinRate inHouse.dealValue inHouse.teamStartsRamped ' +
      'outsourced.seats outsourced.monthlyFeePerSeat outsourced.programFeePerMonth outsourced.pricePerMeeting outsourced.setupFee outsourced.onboardingMonths ' +
      'outsourced.minimumTermMonths outsourced.meetingsPerSeatPerMonth outsourced.oversightHoursPerMonth outsourced.internalHourlyCost ' +
      'outsourced.meetingToOpportunity outsourced.opportunityWinRate outsourced.dealValue fullCycle.seats fullCycle.aeAnnualOte fullCycle.burdenRate ' +
      'fullCycle.prospectingShare fullCycle.meetingsPerProspectingDay fullCycle.daysOutPerYear fullCycle.meetingToOpportunity fullCycle.opportunityWinRate ' +
      'fullCycle.dealValue fullCycle.aeTimeValuation fullCycle.annualQuota fullCycle.quotaAttainment bridge.months uncertainty.runs uncertainty.seed',
    );
    expect(encodeLink(D)).toBe(
      'v=2&s=24_USD_20_40000_0.75_250__55000_30000_0.25_250_7200_8800_3_0.58_2_8_137000_20_12_0.45_0.2__0__11500_0_0_0_1_3_12_10_75_0.45_0.2___190000_0.25_0.2_0.6_20_0.45_0.2__salary_800000_0.7_6_2000_1' +
        '&f=________0.34_0.3____0.3_0.3_________0.3___0.3______0.3_0.3',
    );
  });

  test('the longest realistic link stays well under 2,000 characters', () => {
    // Every field at a long value: money at 999,999,999.99, shares and rates with many decimals,
    // every spread set, the largest seat counts, seed and runs.
    let longest = D;
    for (const field of SCENARIO_FIELDS) {
      if (field.unit === 'boolean') longest = withField(longest, field.path, true);
      else if (field.unit === 'enum') longest = withField(longest, field.path, 'displacedMargin');
      else if (field.unit === 'currency') longest = withField(longest, field.path, 'CHF');
      else if ('min' in field) {
        const long = field.integer ? field.max : field.max >= 1e6 ? 999_999_999.99 : field.max === 1 ? 0.123456789 : field.max - 0.123456789;
        longest = withField(longest, field.path, long);
      }
    }
    longest = withField(longest, 'fullCycle.daysOutPerYear', 200.123456789);
    longest = withField(longest, 'inHouse.daysOutPerYear', 200.123456789);
    const spread = Object.fromEntries(SPREAD_KEYS.map((key) => [key, 0.123456789]));
    longest = { ...longest, uncertainty: { ...longest.uncertainty, spread } };
    expect(ScenarioSchema.safeParse(longest).success).toBe(true);
    // The page's links carry the question too; the longest id is the agency-or-bridge question.
    const link = `https://sales.example.com/sales/playbook/calculator/?${encodeLink(longest, 'outsourced-bridge')}`;
    console.info(`longest realistic share link: ${link.length} characters`);
    expect(link.length).toBeLessThan(1500);
    expect(decodeLink(encodeLink(longest, 'outsourced-bridge'), D)).toEqual({ scenario: longest, problems: [], question: 'outsourced-bridge' });
  });

  test('empty values are null: seats sized for the target, a deal value taken from the shared one', () => {
    const scenario = scenarioWith({ inHouse: { seats: null, dealValue: null }, outsourced: { seats: 3, dealValue: 25000 } });
    const decoded = decodeLink(encodeLink(scenario), scenarioWith({ inHouse: { seats: 6, dealValue: 1 } })).scenario;
    expect(decoded.inHouse).toMatchObject({ seats: null, dealValue: null });
    expect(decoded.outsourced).toMatchObject({ seats: 3, dealValue: 25000 });
  });

  test('round trip of any valid scenario', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        expect(decodeLink(encodeLink(scenario), D)).toEqual({ scenario, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  test('a version-1 link (only the differences) is read over today’s defaults, and says so', () => {
    const result = decodeLink('horizonMonths=36&inHouse.seats=auto&outsourced.pricePerMeeting=12.5', EDITED_DEFAULTS);
    expect(result.scenario).toEqual(scenarioWith({ horizonMonths: 36, inHouse: { seats: null }, outsourced: { pricePerMeeting: 12.5 } }, EDITED_DEFAULTS));
    expect(result.problems).toEqual([]);
    expect(result.notice).toBe(VERSION_1_NOTICE);
    expect(decodeLink('', D)).toEqual({ scenario: D, problems: [] });
  });

  test('a link from a newer version is refused with the reason, and nothing of it is applied', () => {
    const newer = encodeLink(scenarioWith({ horizonMonths: 12 })).replace('v=2', 'v=3');
    expect(decodeLink(newer, D)).toEqual({
      scenario: D,
      problems: [
        {
          code: 'unsupported_version',
          field: 'version',
          expected:
            'version 1 or 2: this scenario comes from a newer calculator, so none of it was applied; open it on the site that made it, or update this site',
          given: '3',
        },
      ],
    });
  });

  test('a cut-off or tampered complete link: the fields it cannot hold fall back, each reported', () => {
    const link = encodeLink(scenarioWith({ horizonMonths: 12 }));
    const cut = decodeLink(link.slice(0, 40), D);
    expect(cut.scenario).toEqual(D);
    expect(cut.problems.map((p) => [p.code, p.field])).toEqual([['bad_format', 's']]);
    const tampered = decodeLink(link.replace('s=12_USD', 's=99_USD').replace('&f=', '&f=7'), D);
    expect(tampered.scenario.horizonMonths).toBe(24);
    expect(tampered.scenario.uncertainty.spread).toEqual({ ...D.uncertainty.spread });
    expect(tampered.problems.map((p) => [p.code, p.field])).toEqual([
      ['out_of_range', 'horizonMonths'],
      ['out_of_range', 'uncertainty.spread.shared.averageDealValue'],
    ]);
  });

  test('tampered values fall back to the defaults, each with a problem', () => {
    const { scenario, problems } = decodeLink(
      '?inHouse.baseSalary=abc&horizonMonths=999&inHouse.rampMonths=2.5&inHouse.teamStartsRamped=maybe&outsourced.setupFee=0x10&currency=usd&fullCycle.seats=7&inHouse.meetingsPerMonth=',
      D,
    );
    expect(scenario).toEqual(scenarioWith({ fullCycle: { seats: 7 } }));
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_type",
          "expected": "a number from 0 to 1,000,000,000",
          "field": "inHouse.baseSalary",
          "given": ""abc"",
        },
        {
          "code": "out_of_range",
          "expected": "a whole number from 1 to 60",
          "field": "horizonMonths",
          "given": "999",
        },
        {
          "code": "wrong_type",
          "expected": "a whole number from 0 to 24",
          "field": "inHouse.rampMonths",
          "given": "2.5",
        },
        {
          "code": "wrong_type",
          "expected": "true or false",
          "field": "inHouse.teamStartsRamped",
          "given": ""maybe"",
        },
        {
          "code": "wrong_type",
          "expected": "a number from 0 to 1,000,000,000",
          "field": "outsourced.setupFee",
          "given": ""0x10"",
        },
        {
          "code": "bad_format",
          "expected": "a three-letter ISO 4217 currency code in capitals, e.g. USD",
          "field": "currency",
          "given": ""usd"",
        },
        {
          "code": "wrong_type",
          "expected": "a number from 0 to 200",
          "field": "inHouse.meetingsPerMonth",
          "given": """",
        },
      ]
    `);
  });

  test('a tampered link names every field it ignored, with the allowed range', () => {
    const { scenario, problems } = decodeLink('inHouse.baseSalary=-5&bogus=1&inHouse.seats=0&shared.grossMargin=%3Cimg%3E', D);
    expect(scenario).toEqual(D);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "expected": "a number from 0 to 1,000,000,000",
          "field": "inHouse.baseSalary",
          "given": "-5",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "bogus",
          "given": ""1"",
        },
        {
          "code": "out_of_range",
          "expected": "a whole number from 1 to 1,000, or auto (size for the target)",
          "field": "inHouse.seats",
          "given": "0",
        },
        {
          "code": "wrong_type",
          "expected": "a number from 0 to 1",
          "field": "shared.grossMargin",
          "given": ""<img>"",
        },
      ]
    `);
  });

  test('unknown, repeated and hostile keys', () => {
    const { scenario, problems } = decodeLink(
      '__proto__=1&constructor=2&__proto__.polluted=yes&inHouse.__proto__=3&inHouse=5&prototype=x&inHouse.baseSalary=1&inHouse.baseSalary=2&version=1',
      D,
    );
    expect(scenario).toEqual(D);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "__proto__",
          "given": ""1"",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "constructor",
          "given": ""2"",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "__proto__.polluted",
          "given": ""yes"",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "inHouse.__proto__",
          "given": ""3"",
        },
        {
          "code": "wrong_type",
          "expected": "an object",
          "field": "inHouse",
          "given": ""5"",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "prototype",
          "given": ""x"",
        },
        {
          "code": "duplicate",
          "expected": "one value (the field appears more than once in the link)",
          "field": "inHouse.baseSalary",
          "given": "2 values: "1", "2"",
        },
      ]
    `);
  });

  test('a days-out value beyond the linked working days falls back', () => {
    const { scenario, problems } = decodeLink('shared.workingDaysPerYear=200&inHouse.daysOutPerYear=210', D);
    expect(scenario.shared.workingDaysPerYear).toBe(200);
    expect(scenario.inHouse.daysOutPerYear).toBe(D.inHouse.daysOutPerYear);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "conflict",
          "expected": "a number of at most 199 (fewer days out than the 200 working days per year in shared.workingDaysPerYear)",
          "field": "inHouse.daysOutPerYear",
          "given": "210",
        },
      ]
    `);
  });

  test('working days that conflict with the default days out fall back too', () => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 } });
    const { scenario, problems } = decodeLink('shared.workingDaysPerYear=160', defaults);
    expect(scenario).toEqual(defaults);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "conflict",
          "expected": "a number of at least 181 (more than the 180 days out per year in inHouse.daysOutPerYear)",
          "field": "shared.workingDaysPerYear",
          "given": "160",
        },
      ]
    `);
  });

  test('working days against both days-out defaults: one problem, not two', () => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 }, fullCycle: { daysOutPerYear: 170 } });
    const { scenario, problems } = decodeLink('shared.workingDaysPerYear=160', defaults);
    expect(scenario).toEqual(defaults);
    expect(problems.map((p) => p.field)).toEqual(['shared.workingDaysPerYear']);
  });

  test.each([
    { name: 'a huge string', search: `inHouse.baseSalary=${'9'.repeat(100000)}` },
    { name: 'broken escapes', search: '%E0%A4%A=1&%=%%&inHouse.baseSalary=%FF' },
    { name: 'only separators', search: '?&&&==&' },
    { name: 'a hash', search: '#horizonMonths=12' },
    { name: 'not text', search: 42 as unknown as string },
  ])('never throws: $name', ({ search }) => {
    const result = decodeLink(search, D);
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(result.scenario.version).toBe(2);
  });

  test('a huge link is refused as a whole', () => {
    const { scenario, problems } = decodeLink(`horizonMonths=12&x=${'a'.repeat(10000)}`, D);
    expect(scenario).toEqual(D);
    expect(problems).toEqual([{ code: 'too_large', field: '', expected: `a link of at most ${MAX_LINK_LENGTH} characters`, given: '10019 characters' }]);
  });

  test('any string decodes to a valid scenario', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { scenario } = decodeLink(search, D);
        expect(scenario.version).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scenario files', () => {
  test('a version-1 file is read as version 2 over today’s defaults, and says so', () => {
    const result = parseScenarioText('{"version": 1, "horizonMonths": 36, "outsourced": {"meetingToOpportunity": 0.35}}', D);
    expect(result).toEqual({ ok: true, value: scenarioWith({ horizonMonths: 36, outsourced: { meetingToOpportunity: 0.35 } }), notice: VERSION_1_NOTICE });
    expect(parseScenarioText('{"horizonMonths": 36}', D)).toEqual({ ok: true, value: scenarioWith({ horizonMonths: 36 }) });
  });

  test('a file from a newer version is refused on that alone', () => {
    expect(parseScenarioText('{"version": 3, "horizonMonths": 36, "teleport": true}', D)).toEqual({
      ok: false,
      problems: [
        {
          code: 'unsupported_version',
          field: 'version',
          expected:
            'version 1 or 2: this scenario comes from a newer calculator, so none of it was applied; open it on the site that made it, or update this site',
          given: '3',
        },
      ],
    });
  });

  test('spreads: merged key by key over the defaults; unknown keys and bad values refused by name', () => {
    const merged = parseScenarioObject({ uncertainty: { spread: { 'inHouse.meetingsPerMonth': 0, 'shared.averageDealValue': 0.25 } } }, D);
    expect(merged.ok && merged.value.uncertainty.spread).toEqual({
      ...Object.fromEntries(Object.entries(D.uncertainty.spread).filter(([key]) => key !== 'inHouse.meetingsPerMonth')),
      'shared.averageDealValue': 0.25,
    });
    const refused = parseScenarioObject(
      {
        uncertainty: {
          spread: {
            'inHouse.seats': 0.1,
            'shared.workingDaysPerYear': 0.1,
            'inHouse.daysOutPerYear': 0.1,
            'uncertainty.runs': 0.1,
            'inHouse.rampMonths': 2,
            'fullCycle.dealValue': 0.2,
          },
        },
      },
      D,
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.map((p) => `${p.code} ${p.field}`)).toEqual([
      'unknown_field uncertainty.spread.inHouse.seats',
      'unknown_field uncertainty.spread.shared.workingDaysPerYear',
      'unknown_field uncertainty.spread.inHouse.daysOutPerYear',
      'unknown_field uncertainty.spread.uncertainty.runs',
      'out_of_range uncertainty.spread.inHouse.rampMonths',
    ]);
    // A spread on a deal value left empty is refused once the rest is valid, naming it.
    const empty = parseScenarioObject({ uncertainty: { spread: { 'fullCycle.dealValue': 0.2 } } }, D);
    expect(!empty.ok && empty.problems.map((p) => `${p.code} ${p.field}`)).toEqual(['conflict uncertainty.spread.fullCycle.dealValue']);
    expect(parseScenarioObject({ fullCycle: { dealValue: 60000 }, uncertainty: { spread: { 'fullCycle.dealValue': 0.2 } } }, D).ok).toBe(true);
  });

  test('a partial file merges over the defaults', () => {
    const result = parseScenarioText('{"horizonMonths": 36, "inHouse": {"baseSalary": 60000}}', D);
    expect(result).toEqual({ ok: true, value: scenarioWith({ horizonMonths: 36, inHouse: { baseSalary: 60000 } }) });
  });

  test('any problem refuses the file and every problem is listed', () => {
    const result = parseScenarioText('{"horizonMonths": 0, "inHouse": {"salary": 1, "seats": 1.5}, "__proto__": {"polluted": 1}}', D);
    expect(result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          {
            "code": "out_of_range",
            "expected": "a whole number from 1 to 60",
            "field": "horizonMonths",
            "given": "0",
          },
          {
            "code": "unknown_field",
            "expected": "no such field (it is not part of the format; check the spelling)",
            "field": "inHouse.salary",
            "given": "1",
          },
          {
            "code": "wrong_type",
            "expected": "a whole number from 1 to 1,000, or null (size for the target)",
            "field": "inHouse.seats",
            "given": "1.5",
          },
          {
            "code": "unknown_field",
            "expected": "no such field (it is not part of the format; check the spelling)",
            "field": "__proto__",
            "given": "an object",
          },
        ],
      }
    `);
  });

  test('the cross-field rule is checked after merging', () => {
    expect(parseScenarioText('{"shared": {"workingDaysPerYear": 150}, "fullCycle": {"daysOutPerYear": 150}}', D)).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          {
            "code": "conflict",
            "expected": "a number of at most 149 (fewer days out than the 150 working days per year in shared.workingDaysPerYear)",
            "field": "fullCycle.daysOutPerYear",
            "given": "150",
          },
        ],
      }
    `);
  });

  test('refused: not JSON, not an object, empty', () => {
    const firstProblems = ['{horizonMonths: 36}', '[]', 'null', ''].map((text) => {
      const result = parseScenarioText(text, D);
      return result.ok ? 'accepted' : result.problems;
    });
    expect(firstProblems).toMatchInlineSnapshot(`
      [
        [
          {
            "code": "not_parseable",
            "expected": "a JSON object such as {"horizonMonths": 36}",
            "field": "",
            "given": "text that is not valid JSON (Expected property name or '}' in JSON at position 1 (line 1 column 2))",
          },
        ],
        [
          {
            "code": "wrong_type",
            "expected": "an object",
            "field": "",
            "given": "a list of 0 items",
          },
        ],
        [
          {
            "code": "wrong_type",
            "expected": "an object",
            "field": "",
            "given": "null",
          },
        ],
        [
          {
            "code": "not_parseable",
            "expected": "a JSON object such as {"horizonMonths": 36}",
            "field": "",
            "given": "text that is not valid JSON (Unexpected end of JSON input)",
          },
        ],
      ]
    `);
  });

  test('a file that is not JSON, not an object, or too long is refused with one problem', () => {
    const refused = ['{horizonMonths: 36}', '[]', 'x'.repeat(MAX_FILE_LENGTH + 1)].map((text) => {
      const result = parseScenarioText(text, D);
      return result.ok ? 'accepted' : result.problems.map((p) => [p.code, p.expected]);
    });
    expect(refused).toEqual([
      [['not_parseable', 'a JSON object such as {"horizonMonths": 36}']],
      [['wrong_type', 'an object']],
      [['too_large', `a file of at most ${MAX_FILE_LENGTH} characters`]],
    ]);
  });

  test('an exported results file is read through its scenario member', () => {
    const exported = JSON.stringify({ inHouse: { seats: 5, totalCost: 1 }, scenario: { horizonMonths: 36 } });
    expect(parseScenarioText(exported, D)).toEqual({ ok: true, value: scenarioWith({ horizonMonths: 36 }) });
  });

  test('every results file the page or the command line exports reads back as its scenario', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        expect(parseScenarioText(resultsFileOf(scenario), D)).toEqual({ ok: true, value: scenario });
      }),
      { numRuns: 100 },
    );
  });

  test('a complete scenario is read as it is; a missing field is named', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(D)))).toEqual({ ok: true, value: D });
    const { baseSalary: _dropped, ...inHouse } = D.inHouse;
    expect(parseScenario({ ...D, inHouse })).toEqual({
      ok: false,
      problems: [{ code: 'missing', field: 'inHouse.baseSalary', expected: 'a number from 0 to 1,000,000,000', given: 'nothing (the field is missing)' }],
    });
  });
});

describe('wording', () => {
  test.each<[FieldPath, string]>([
    ['horizonMonths', 'a whole number from 1 to 60'],
    ['inHouse.seats', 'a whole number from 1 to 1,000, or null (size for the target)'],
    ['shared.targetOpportunitiesPerMonth', 'a number greater than 0 and at most 10,000'],
    ['inHouse.baseSalary', 'a number from 0 to 1,000,000,000'],
    ['inHouse.teamStartsRamped', 'true or false'],
    ['fullCycle.aeTimeValuation', 'one of salary, displacedMargin'],
  ])('%s accepts %s', (path, expected) => {
    expect(expectedText(path)).toBe(expected);
  });
});
