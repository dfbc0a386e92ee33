import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeScenario, encodeScenario, parseScenarioFile } from '../../../src/features/calculator/codec-zod.ts';
import { METHODOLOGY_DEFAULTS, arbitraryScenario, scenarioWith } from './fixtures.ts';

const D = METHODOLOGY_DEFAULTS;

afterEach(() => {
  // Nothing in these tests may ever reach the shared prototypes.
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('share links', () => {
  test('the defaults encode to nothing', () => {
    expect(encodeScenario(D, D)).toBe('');
    expect(decodeScenario('', D)).toEqual({ scenario: D, problems: [] });
  });

  test('only the differences are carried, with readable keys in form order', () => {
    const scenario = scenarioWith({
      horizonMonths: 36,
      inHouse: { baseSalary: 60000, seats: 4 },
      outsourced: { pricePerMeeting: 12.5 },
      fullCycle: { aeTimeValuation: 'displacedMargin' },
    });
    expect(encodeScenario(scenario, D)).toBe(
      'horizonMonths=36&inHouse.seats=4&inHouse.baseSalary=60000&outsourced.pricePerMeeting=12.5&fullCycle.aeTimeValuation=displacedMargin',
    );
  });

  test('seats back to "solve" when the defaults have a number', () => {
    const defaults = scenarioWith({ inHouse: { seats: 6 } });
    const link = encodeScenario(D, defaults);
    expect(link).toBe('inHouse.seats=auto');
    expect(decodeScenario(`?${link}`, defaults).scenario.inHouse.seats).toBeNull();
    expect(decodeScenario('inHouse.seats=null', defaults).scenario.inHouse.seats).toBeNull();
  });

  test('round trip of any valid scenario', () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const decoded = decodeScenario(encodeScenario(scenario, D), D);
        expect(decoded.problems).toEqual([]);
        expect(decoded.scenario).toEqual(scenario);
      }),
      { numRuns: 300 },
    );
  });

  test('tampered values fall back to the defaults, each with a problem', () => {
    const { scenario, problems } = decodeScenario(
      '?inHouse.baseSalary=abc&horizonMonths=999&inHouse.rampMonths=2.5&inHouse.teamStartsRamped=maybe&outsourced.setupFee=0x10&currency=usd&fullCycle.seats=7&inHouse.meetingsPerMonth=',
      D,
    );
    expect(scenario).toEqual(scenarioWith({ fullCycle: { seats: 7 } }));
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "expected": "a number of at most 60",
          "field": "horizonMonths",
          "given": "999",
        },
        {
          "code": "invalid",
          "expected": "a three-letter ISO 4217 currency code in capitals, e.g. USD",
          "field": "currency",
          "given": ""usd"",
        },
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "inHouse.baseSalary",
          "given": ""abc"",
        },
        {
          "code": "wrong_type",
          "expected": "a whole number",
          "field": "inHouse.rampMonths",
          "given": "2.5",
        },
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "inHouse.meetingsPerMonth",
          "given": """",
        },
        {
          "code": "wrong_type",
          "expected": "true or false",
          "field": "inHouse.teamStartsRamped",
          "given": ""maybe"",
        },
        {
          "code": "wrong_type",
          "expected": "a number",
          "field": "outsourced.setupFee",
          "given": ""0x10"",
        },
      ]
    `);
  });

  test('unknown, repeated and hostile keys', () => {
    const { scenario, problems } = decodeScenario(
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
          "expected": "one value (the field appears more than once in the link)",
          "field": "inHouse.baseSalary",
          "given": "2 values: "1", "2"",
        },
      ]
    `);
  });

  test('a days-out value beyond the linked working days falls back', () => {
    const { scenario, problems } = decodeScenario('shared.workingDaysPerYear=200&inHouse.daysOutPerYear=210', D);
    expect(scenario.shared.workingDaysPerYear).toBe(200);
    expect(scenario.inHouse.daysOutPerYear).toBe(D.inHouse.daysOutPerYear);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid",
          "expected": "a number of at most 199 (fewer days out than the 200 working days per year in shared.workingDaysPerYear)",
          "field": "inHouse.daysOutPerYear",
          "given": "210",
        },
      ]
    `);
  });

  test('working days that conflict with the default days out fall back too', () => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 } });
    const { scenario, problems } = decodeScenario('shared.workingDaysPerYear=160', defaults);
    expect(scenario).toEqual(defaults);
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "expected": "a number of at least 181 (more than the 180 days out per year in inHouse.daysOutPerYear)",
          "field": "shared.workingDaysPerYear",
          "given": "160",
        },
      ]
    `);
  });

  test.each([
    { name: 'a huge string', search: `inHouse.baseSalary=${'9'.repeat(100000)}` },
    { name: 'broken escapes', search: '%E0%A4%A=1&%=%%&inHouse.baseSalary=%FF' },
    { name: 'only separators', search: '?&&&==&' },
    { name: 'a hash', search: '#horizonMonths=12' },
    { name: 'not text', search: 42 as unknown as string },
  ])('never throws: $name', ({ search }) => {
    const result = decodeScenario(search, D);
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(result.scenario.version).toBe(1);
  });

  test('a huge link is refused as a whole', () => {
    const { scenario, problems } = decodeScenario(`horizonMonths=12&x=${'a'.repeat(10000)}`, D);
    expect(scenario).toEqual(D);
    expect(problems).toEqual([{ field: '', expected: 'a link of at most 8192 characters', given: '10019 characters' }]);
  });

  test('any string decodes to a valid scenario', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { scenario } = decodeScenario(search, D);
        expect(scenario.version).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scenario files', () => {
  test('a partial file merges over the defaults', () => {
    const result = parseScenarioFile('{"horizonMonths": 36, "inHouse": {"baseSalary": 60000}}', D);
    expect(result).toEqual({ ok: true, scenario: scenarioWith({ horizonMonths: 36, inHouse: { baseSalary: 60000 } }) });
  });

  test('any problem refuses the file and every problem is listed', () => {
    const result = parseScenarioFile('{"horizonMonths": 0, "inHouse": {"salary": 1, "seats": 1.5}, "__proto__": {"polluted": 1}}', D);
    expect(result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          {
            "code": "out_of_range",
            "expected": "a number of at least 1",
            "field": "horizonMonths",
            "given": "0",
          },
          {
            "code": "wrong_type",
            "expected": "a whole number",
            "field": "inHouse.seats",
            "given": "1.5",
          },
          {
            "code": "unknown_field",
            "expected": "no such field (it is not part of the format; check the spelling)",
            "field": "inHouse.salary",
            "given": "1",
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
    expect(parseScenarioFile('{"shared": {"workingDaysPerYear": 150}, "fullCycle": {"daysOutPerYear": 150}}', D)).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          {
            "code": "invalid",
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
      const result = parseScenarioFile(text, D);
      return result.ok ? 'accepted' : result.problems;
    });
    expect(firstProblems).toMatchInlineSnapshot(`
      [
        [
          {
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
            "expected": "a JSON object such as {"horizonMonths": 36}",
            "field": "",
            "given": "text that is not valid JSON (Unexpected end of JSON input)",
          },
        ],
      ]
    `);
  });
});

describe('working days against both days-out defaults', () => {
  test('one problem, not two', () => {
    const defaults = scenarioWith({ inHouse: { daysOutPerYear: 180 }, fullCycle: { daysOutPerYear: 170 } });
    const { scenario, problems } = decodeScenario('shared.workingDaysPerYear=160', defaults);
    expect(scenario).toEqual(defaults);
    expect(problems.map((p) => p.field)).toEqual(['shared.workingDaysPerYear']);
  });
});
