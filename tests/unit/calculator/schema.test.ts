import type { z } from 'astro/zod';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';
import {
  FIELD_SPECS,
  NUMERIC_FIELD_PATHS,
  SCENARIO_FIELDS,
  readField,
  resolveScenario,
  withField,
  type Scenario,
  type ScenarioInput,
} from '../../../src/features/calculator/fields.ts';
import {
  FullCycleSchema,
  InHouseSchema,
  OutsourcedSchema,
  SharedSchema,
  BridgeSchema,
  UncertaintySchema,
  ScenarioInputSchema,
  ScenarioSchema,
} from '../../../src/features/calculator/schema.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

function inputProblems(input: unknown) {
  const parsed = ScenarioInputSchema.safeParse(input);
  return parsed.success ? [] : problemsFromZod(parsed.error, input);
}

function fullProblems(input: unknown) {
  const parsed = ScenarioSchema.safeParse(input);
  return parsed.success ? [] : problemsFromZod(parsed.error, input);
}

describe('ScenarioSchema', () => {
  test('the methodology defaults are valid', () => {
    expect(ScenarioSchema.parse(METHODOLOGY_DEFAULTS)).toEqual(METHODOLOGY_DEFAULTS);
  });

  test('every field is required', () => {
    const { shared: _shared, ...rest } = METHODOLOGY_DEFAULTS;
    expect(fullProblems({ ...rest, inHouse: { ...rest.inHouse, baseSalary: undefined } })).toMatchInlineSnapshot(`
      [
        {
          "code": "missing",
          "expected": "an object",
          "field": "shared",
          "given": "nothing (the field is missing)",
        },
        {
          "code": "missing",
          "expected": "a number",
          "field": "inHouse.baseSalary",
          "given": "nothing (the field is missing)",
        },
      ]
    `);
  });

  test('days out must be fewer than the working days', () => {
    const scenario = scenarioWith({ shared: { workingDaysPerYear: 200 }, inHouse: { daysOutPerYear: 200 }, fullCycle: { daysOutPerYear: 199 } });
    expect(fullProblems(scenario)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid",
          "expected": "a number of at most 199 (fewer days out than the 200 working days per year in shared.workingDaysPerYear)",
          "field": "inHouse.daysOutPerYear",
          "given": "200",
        },
      ]
    `);
  });

  test('the groups are strict too', () => {
    expect(InHouseSchema.safeParse({ ...METHODOLOGY_DEFAULTS.inHouse, bonus: 1 }).success).toBe(false);
  });
});

describe('ScenarioInputSchema', () => {
  test('an empty object and a partial object are valid', () => {
    expect(inputProblems({})).toEqual([]);
    expect(inputProblems({ inHouse: { baseSalary: 60000 }, fullCycle: { seats: null } })).toEqual([]);
  });

  test('wrong types', () => {
    expect(
      inputProblems({
        horizonMonths: '24',
        currency: 'usd',
        shared: 'all',
        inHouse: { baseSalary: '60k', teamStartsRamped: 'yes', seats: 'auto' },
        fullCycle: { aeTimeValuation: 'commission' },
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "horizonMonths",
          "given": ""24"",
        },
        {
          "code": "invalid",
          "expected": "a three-letter ISO 4217 currency code in capitals, e.g. USD",
          "field": "currency",
          "given": ""usd"",
        },
        {
          "code": "wrong_type",
          "expected": "an object",
          "field": "shared",
          "given": ""all"",
        },
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "inHouse.seats",
          "given": ""auto"",
        },
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "inHouse.baseSalary",
          "given": ""60k"",
        },
        {
          "code": "wrong_type",
          "expected": "true or false",
          "field": "inHouse.teamStartsRamped",
          "given": ""yes"",
        },
        {
          "code": "not_allowed",
          "expected": "one of salary, displacedMargin",
          "field": "fullCycle.aeTimeValuation",
          "given": ""commission"",
        },
      ]
    `);
  });

  test('out of range', () => {
    expect(
      inputProblems({
        version: 3,
        horizonMonths: 61,
        shared: { targetOpportunitiesPerMonth: 0, grossMargin: 1.2, workingDaysPerYear: 100 },
        inHouse: { seats: 0, rampMonths: 2.5, burdenRate: 1.6, baseSalary: -1 },
        outsourced: { seats: 1001, oversightHoursPerMonth: 501 },
        fullCycle: { meetingsPerProspectingDay: 21 },
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "not_allowed",
          "expected": "one of 1, 2",
          "field": "version",
          "given": "3",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 60",
          "field": "horizonMonths",
          "given": "61",
        },
        {
          "code": "out_of_range",
          "expected": "a number greater than 0",
          "field": "shared.targetOpportunitiesPerMonth",
          "given": "0",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 1",
          "field": "shared.grossMargin",
          "given": "1.2",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at least 150",
          "field": "shared.workingDaysPerYear",
          "given": "100",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at least 1",
          "field": "inHouse.seats",
          "given": "0",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at least 0",
          "field": "inHouse.baseSalary",
          "given": "-1",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 1.5",
          "field": "inHouse.burdenRate",
          "given": "1.6",
        },
        {
          "code": "wrong_type",
          "expected": "a whole number",
          "field": "inHouse.rampMonths",
          "given": "2.5",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 1000",
          "field": "outsourced.seats",
          "given": "1001",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 500",
          "field": "outsourced.oversightHoursPerMonth",
          "given": "501",
        },
        {
          "code": "out_of_range",
          "expected": "a number of at most 20",
          "field": "fullCycle.meetingsPerProspectingDay",
          "given": "21",
        },
      ]
    `);
  });

  test('unknown fields are named', () => {
    expect(inputProblems({ horizon: 24, inHouse: { salary: 60000 }, extra: { a: 1 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "inHouse.salary",
          "given": "60000",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "horizon",
          "given": "24",
        },
        {
          "code": "unknown_field",
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "extra",
          "given": "an object",
        },
      ]
    `);
  });

  test('not an object at all', () => {
    expect(inputProblems([1, 2])).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_type",
          "expected": "an object",
          "field": "",
          "given": "a list of 2 items",
        },
      ]
    `);
  });
});

describe('field table', () => {
  test('the table and the schema describe the same fields', () => {
    const schemaPaths = [
      'horizonMonths',
      'currency',
      ...Object.entries({
        shared: SharedSchema,
        inHouse: InHouseSchema,
        outsourced: OutsourcedSchema,
        fullCycle: FullCycleSchema,
        bridge: BridgeSchema,
      }).flatMap(([group, schema]) => Object.keys(schema.shape).map((key) => `${group}.${key}`)),
      // The uncertainty run's own settings; its spreads are an object of their own (SpreadSchema).
      ...Object.keys(UncertaintySchema.shape)
        .filter((key) => key !== 'spread')
        .map((key) => `uncertainty.${key}`),
    ];
    expect(SCENARIO_FIELDS.map((f) => f.path).sort()).toEqual(schemaPaths.sort());
  });

  test.each(NUMERIC_FIELD_PATHS.map((path) => ({ path })))('$path: the schema enforces the table range', ({ path }) => {
    const spec = FIELD_SPECS[path];
    // Days out are further limited by the working days: check the table ranges in a 366-day year.
    const roomy = withField(METHODOLOGY_DEFAULTS, 'shared.workingDaysPerYear', 366);
    const valid = (value: number) => ScenarioSchema.safeParse(withField(roomy, path, value)).success;
    expect(valid(spec.max)).toBe(true);
    expect(valid(spec.max + 1)).toBe(false);
    expect(valid(spec.min - 1)).toBe(false);
    expect(valid(spec.min)).toBe(!('exclusiveMin' in spec && spec.exclusiveMin));
    if ('integer' in spec && spec.integer) expect(valid(spec.min + 0.5)).toBe(false);
    expect(spec.step).toBeGreaterThan(0);
    expect(spec.label.length).toBeGreaterThan(0);
  });

  test('every field has a group, a label and a one-line explanation', () => {
    for (const field of SCENARIO_FIELDS) {
      expect(field.label).not.toBe('');
      expect(field.explanation).not.toMatch(/\n/);
      expect(['shared', 'inHouse', 'outsourced', 'fullCycle', 'bridge', 'uncertainty']).toContain(field.group);
    }
    expect(SCENARIO_FIELDS.find((f) => f.path === 'inHouse.baseSalary')).toMatchObject({
      group: 'inHouse',
      key: 'baseSalary',
      unit: 'money',
      min: 0,
    });
  });

  test('the scenario types derived from the table are exactly what the schemas infer', () => {
    // Checked by the type checker (npm run check); the test run only records it.
    expectTypeOf<z.infer<typeof ScenarioSchema>>().toEqualTypeOf<Scenario>();
    expectTypeOf<z.infer<typeof ScenarioInputSchema>>().toEqualTypeOf<ScenarioInput>();
  });
});

describe('resolveScenario', () => {
  test('deep-merges over the defaults without changing them', () => {
    const before = structuredClone(METHODOLOGY_DEFAULTS);
    const resolved = resolveScenario({ horizonMonths: 36, inHouse: { baseSalary: 60000, seats: 4 }, shared: {} }, METHODOLOGY_DEFAULTS);
    expect(resolved.horizonMonths).toBe(36);
    expect(resolved.inHouse).toEqual({ ...METHODOLOGY_DEFAULTS.inHouse, baseSalary: 60000, seats: 4 });
    expect(resolved.outsourced).toEqual(METHODOLOGY_DEFAULTS.outsourced);
    expect(METHODOLOGY_DEFAULTS).toEqual(before);
  });

  test('null seats in the input mean "solve", not "use the default"', () => {
    const withSeats = scenarioWith({ inHouse: { seats: 8 } });
    expect(resolveScenario({ inHouse: { seats: null } }, withSeats).inHouse.seats).toBeNull();
    expect(resolveScenario({ inHouse: {} }, withSeats).inHouse.seats).toBe(8);
  });

  test('only known keys are copied', () => {
    const hostile = JSON.parse('{"inHouse": {"__proto__": {"polluted": true}, "baseSalary": 1}}');
    const resolved = resolveScenario(hostile, METHODOLOGY_DEFAULTS);
    expect(Object.keys(resolved.inHouse)).toEqual(Object.keys(METHODOLOGY_DEFAULTS.inHouse));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(readField(resolved, 'inHouse.baseSalary')).toBe(1);
  });
});
