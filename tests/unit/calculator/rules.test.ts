import { describe, expect, test } from 'vitest';
import { parseScenarioObject } from '../../../src/features/calculator/codec.ts';
import { LINKED_PATHS, crossFieldProblems, fieldBounds, workingDaysProblem } from '../../../src/features/calculator/rules.ts';
import { ScenarioSchema } from '../../../src/features/calculator/schema.ts';
import { readForm } from '../../../src/features/calculator/view/form.ts';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

describe('the days-out rule', () => {
  test('bounds that depend on other fields', () => {
    const scenario = scenarioWith({ shared: { workingDaysPerYear: 200 }, fullCycle: { daysOutPerYear: 30 } });
    expect(fieldBounds(scenario, 'inHouse.daysOutPerYear')).toEqual({ min: 0, max: 199 });
    expect(fieldBounds(scenario, 'shared.workingDaysPerYear')).toEqual({ min: 150, max: 366 });
    expect(fieldBounds(scenarioWith({ inHouse: { daysOutPerYear: 200 } }), 'shared.workingDaysPerYear')).toEqual({ min: 201, max: 366 });
    expect(LINKED_PATHS).toEqual(['inHouse.daysOutPerYear', 'fullCycle.daysOutPerYear', 'shared.workingDaysPerYear']);
  });

  test('one conflict per model whose days out are not below the working days', () => {
    const scenario = scenarioWith({ shared: { workingDaysPerYear: 150 }, inHouse: { daysOutPerYear: 149 }, fullCycle: { daysOutPerYear: 150 } });
    expect(crossFieldProblems(scenario)).toEqual([
      {
        code: 'conflict',
        field: 'fullCycle.daysOutPerYear',
        expected: 'a number of at most 149 (fewer days out than the 150 working days per year in shared.workingDaysPerYear)',
        given: '150',
      },
    ]);
    expect(crossFieldProblems(METHODOLOGY_DEFAULTS)).toEqual([]);
    expect(workingDaysProblem(scenario, 'fullCycle.daysOutPerYear')).toEqual({
      code: 'conflict',
      field: 'shared.workingDaysPerYear',
      expected: 'a number of at least 151 (more than the 150 days out per year in fullCycle.daysOutPerYear)',
      given: '150',
    });
  });

  test('the schema, the codec and the form apply the same rule', () => {
    const scenario = scenarioWith({ shared: { workingDaysPerYear: 160 }, inHouse: { daysOutPerYear: 170 } });
    const parsed = ScenarioSchema.safeParse(scenario);
    const fromZod = parsed.success ? [] : problemsFromZod(parsed.error, scenario);
    const fromCodec = parseScenarioObject({ shared: { workingDaysPerYear: 160 }, inHouse: { daysOutPerYear: 170 } }, METHODOLOGY_DEFAULTS);
    expect(fromZod.map(({ field, expected }) => ({ field, expected }))).toEqual(
      crossFieldProblems(scenario).map(({ field, expected }) => ({ field, expected })),
    );
    expect(fromCodec).toEqual({ ok: false, problems: crossFieldProblems(scenario) });
    const form = readForm(
      new Map([
        ['inHouse.daysOutPerYear', { text: '170' }],
        ['shared.workingDaysPerYear', { text: '160' }],
      ]),
      METHODOLOGY_DEFAULTS,
      'en-US',
    );
    expect(Object.fromEntries(form.errors)).toEqual({
      'inHouse.daysOutPerYear': 'Too high. Allowed: 0 to 159 days.',
      'shared.workingDaysPerYear': 'Too low. Allowed: 171 to 366 days.',
    });
  });
});
