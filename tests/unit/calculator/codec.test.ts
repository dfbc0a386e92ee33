import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as full from '../../../src/features/calculator/codec-zod.ts';
import {
  MAX_FILE_LENGTH,
  MAX_LINK_LENGTH,
  SOLVE_SEATS_TOKEN,
  decodeLink,
  encodeLink,
  expectedText,
  parseScenarioObject,
  parseScenarioText,
} from '../../../src/features/calculator/codec.ts';
import { SCENARIO_FIELDS, type FieldPath } from '../../../src/features/calculator/schema.ts';
import { METHODOLOGY_DEFAULTS, arbitraryScenario, scenarioWith } from './fixtures.ts';

const D = METHODOLOGY_DEFAULTS;
const PATHS = SCENARIO_FIELDS.map((field) => field.path);
const fieldsOf = (problems: readonly { field: string }[]) => problems.map((p) => p.field).sort();

/** Text a person or an attacker might put in a link value. */
const linkValue = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_000 }).map(String),
  fc.double({ min: -1, max: 400, noNaN: true }).map(String),
  fc.constantFrom('', ' ', 'auto', 'null', 'true', 'false', 'salary', 'displacedMargin', 'USD', 'usd', 'EURO', '1e400', '-0', ' 5 ', '0x10', '.5', '1.', '3e2', 'NaN'),
  fc.string({ maxLength: 8 }),
);
const linkKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom('version', 'inHouse', 'shared', '__proto__', 'constructor', 'inHouse.salary', '', 'seats') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const linkQuery = fc.array(fc.tuple(linkKey, linkValue), { maxLength: 12 }).map((pairs) => new URLSearchParams(pairs).toString());

/** Any JSON value a scenario file might hold where a field is expected. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.double({ min: -1, max: 400, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, 'salary', 'displacedMargin', 'USD', 'usd', '12', 0, 1, 0.5, 1.5, 1000, 1001, 150, 366, 249),
  fc.constant([]),
  fc.constant({}),
);
const groupObject = fc.dictionary(
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PATHS.map((path) => path.split('.').pop() ?? path)) }, { weight: 1, arbitrary: fc.constantFrom('salary', '__proto__', 'x.y') }),
  jsonValue,
  { maxKeys: 6 },
);
const scenarioObject = fc.dictionary(
  fc.constantFrom('version', 'horizonMonths', 'currency', 'shared', 'inHouse', 'outsourced', 'fullCycle', 'inHouse.seats', 'bogus'),
  fc.oneof({ weight: 1, arbitrary: jsonValue }, { weight: 3, arbitrary: groupObject }),
  { maxKeys: 6 },
);

describe('the browser codec agrees with the zod codec', () => {
  test('same limits and token', () => {
    expect([MAX_LINK_LENGTH, MAX_FILE_LENGTH, SOLVE_SEATS_TOKEN]).toEqual([full.MAX_LINK_LENGTH, full.MAX_FILE_LENGTH, full.SOLVE_SEATS_TOKEN]);
  });

  test('same link text for any valid scenario, and it round-trips', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const link = encodeLink(scenario, D);
        expect(link).toBe(full.encodeScenario(scenario, D));
        expect(decodeLink(link, D)).toEqual({ scenario, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  test('same scenario and the same fields reported for any link', () => {
    fc.assert(
      fc.property(linkQuery, (query) => {
        const lite = decodeLink(query, D);
        const zod = full.decodeScenario(query, D);
        expect(lite.scenario).toEqual(zod.scenario);
        expect(fieldsOf(lite.problems)).toEqual(fieldsOf(zod.problems));
      }),
      { numRuns: 1500 },
    );
  });

  test('same verdict, scenario and fields reported for any scenario object', () => {
    fc.assert(
      fc.property(scenarioObject, (input) => {
        const lite = parseScenarioObject(input, D);
        const zod = full.parseScenarioInput(input, D);
        expect(lite.ok).toBe(zod.ok);
        if (lite.ok && zod.ok) expect(lite.scenario).toEqual(zod.scenario);
        if (!lite.ok && !zod.ok) expect(fieldsOf(lite.problems)).toEqual(fieldsOf(zod.problems));
      }),
      { numRuns: 1500 },
    );
  });

  test.each([
    ['shared.workingDaysPerYear=200&inHouse.daysOutPerYear=210'],
    ['shared.workingDaysPerYear=160'],
    ['__proto__=1&constructor=2&__proto__.polluted=yes&inHouse.__proto__=3&inHouse=5&prototype=x&inHouse.baseSalary=1&inHouse.baseSalary=2&version=1'],
    [`horizonMonths=12&x=${'a'.repeat(10000)}`],
  ])('the hand-picked link %#', (query) => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 }, fullCycle: { daysOutPerYear: 170 } });
    for (const base of [D, defaults]) {
      const lite = decodeLink(query, base);
      const zod = full.decodeScenario(query, base);
      expect(lite.scenario).toEqual(zod.scenario);
      expect(fieldsOf(lite.problems)).toEqual(fieldsOf(zod.problems));
    }
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

  test('a tampered link names every field it ignored, with the allowed range', () => {
    const { scenario, problems } = decodeLink('inHouse.baseSalary=-5&bogus=1&inHouse.seats=0&shared.grossMargin=%3Cimg%3E', D);
    expect(scenario).toEqual(D);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "expected": "a number from 0 to 1,000,000,000",
          "field": "inHouse.baseSalary",
          "given": "-5",
        },
        {
          "expected": "no such field (it is not part of the format; check the spelling)",
          "field": "bogus",
          "given": ""1"",
        },
        {
          "expected": "a whole number from 1 to 1,000, or auto (size for the target)",
          "field": "inHouse.seats",
          "given": "0",
        },
        {
          "expected": "a number from 0 to 1",
          "field": "shared.grossMargin",
          "given": ""<img>"",
        },
      ]
    `);
  });

  test('an exported results file is read through its scenario member', () => {
    const exported = JSON.stringify({ inHouse: { seats: 5, totalCost: 1 }, scenario: { horizonMonths: 36 } });
    expect(parseScenarioText(exported, D)).toEqual({ ok: true, scenario: scenarioWith({ horizonMonths: 36 }) });
  });

  test('a file that is not JSON, not an object, or too long is refused with one problem', () => {
    const refused = ['{horizonMonths: 36}', '[]', 'x'.repeat(MAX_FILE_LENGTH + 1)].map((text) => {
      const result = parseScenarioText(text, D);
      return result.ok ? 'accepted' : result.problems.map((p) => p.expected);
    });
    expect(refused).toEqual([
      ['a JSON object such as {"horizonMonths": 36}'],
      ['an object'],
      [`a file of at most ${MAX_FILE_LENGTH} characters`],
    ]);
  });
});
