import { afterEach, describe, expect, test } from 'vitest';
import { encodeLink } from '../../../src/features/calculator/codec.ts';
import { GUARDED_PATHS, PLAUSIBLE_MIN, isImplausible } from '../../../src/features/calculator/fields.ts';
import { calculatorStore, type CalculatorStore } from '../../../src/features/calculator/store.ts';
import { implausibleIn, warningView } from '../../../src/features/calculator/view/plausibility.ts';
import { METHODOLOGY_DEFAULTS, formShowing, scenarioWith } from './fixtures.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const D = METHODOLOGY_DEFAULTS;

describe('values that are allowed but look like a typing slip', () => {
  test('the guarded fields and their thresholds, each with a reason in fields.ts', () => {
    expect(PLAUSIBLE_MIN).toEqual({
      'inHouse.baseSalary': { min: 1000, per: 'year' },
      'inHouse.managerAnnualCost': { min: 1000, per: 'year' },
      'fullCycle.aeAnnualOte': { min: 1000, per: 'year' },
      'outsourced.monthlyFeePerSeat': { min: 100, per: 'month' },
    });
    expect(GUARDED_PATHS).toEqual(['inHouse.baseSalary', 'inHouse.managerAnnualCost', 'outsourced.monthlyFeePerSeat', 'fullCycle.aeAnnualOte']);
  });

  test.each([
    ['inHouse.baseSalary', 70, true],
    ['inHouse.baseSalary', 999.99, true],
    ['inHouse.baseSalary', 1000, false],
    ['inHouse.baseSalary', 55000, false],
    // 0 is how a person says "none", never a slip.
    ['inHouse.baseSalary', 0, false],
    ['fullCycle.aeAnnualOte', 190, true],
    ['inHouse.managerAnnualCost', 137, true],
    ['outsourced.monthlyFeePerSeat', 11.5, true],
    ['outsourced.monthlyFeePerSeat', 100, false],
    ['outsourced.monthlyFeePerSeat', 0, false],
    // Fields without a threshold are never questioned.
    ['inHouse.variableAtTarget', 30, false],
    ['shared.targetOpportunitiesPerMonth', 1, false],
    ['inHouse.baseSalary', null, false],
  ] as const)('%s = %s: %s', (path, value, slip) => {
    expect(isImplausible(path, value)).toBe(slip);
  });

  test('the warning says what the value looks like and offers both choices, in the locale’s numbers', () => {
    expect(warningView('inHouse.baseSalary', { value: 70, held: true }, 'en-US')).toEqual({
      path: 'inHouse.baseSalary',
      text: '70 a year looks like a typing slip: did you mean 70,000? The results do not use it until you choose.',
      keep: 'Use 70',
      fix: 'Use 70,000',
      fixText: '70,000',
    });
    expect(warningView('outsourced.monthlyFeePerSeat', { value: 11.5, held: false }, 'de-DE')).toMatchObject({
      text: '11,5 a month looks like a typing slip: did you mean 11.500? The results use it, as the link or file gave it.',
      keep: 'Keep 11,5',
      fix: 'Use 11.500',
    });
  });

  test('a linked scenario is checked as a whole: every guarded field with a slip, used as given', () => {
    expect(implausibleIn(D)).toEqual(new Map());
    const slips = scenarioWith({ inHouse: { baseSalary: 70 }, fullCycle: { aeAnnualOte: 190 } });
    expect(implausibleIn(slips)).toEqual(
      new Map([
        ['inHouse.baseSalary', { value: 70, held: false }],
        ['fullCycle.aeAnnualOte', { value: 190, held: false }],
      ]),
    );
  });
});

let store: CalculatorStore | undefined;
afterEach(() => {
  cleanStoresOf(store);
  store = undefined;
});

describe('the calculator holds a slip back until the person chooses', () => {
  test('typing 70 for the SDR base salary warns and leaves the answer as it was; keeping it updates the answer', () => {
    store = calculatorStore(D, 'en-US');
    const verdict = store.$view.get().verdict.headline;
    store.edit(formShowing(D, { 'inHouse.baseSalary': '70' }));
    expect(store.$scenario.get().inHouse.baseSalary).toBe(D.inHouse.baseSalary);
    expect(store.$view.get().verdict.headline).toBe(verdict);
    expect(store.$warnings.get().map((w) => w.text)).toEqual([
      '70 a year looks like a typing slip: did you mean 70,000? The results do not use it until you choose.',
    ]);
    expect(store.$status.get()).toBe('Waiting for you: 1 value looks like a typing slip');
    expect(store.$summary.get()).toMatch(/^Out of date \(1 value to confirm\)\. Cheapest: /);
    // Another input still changes the answer meanwhile; the slip stays held.
    store.edit(formShowing(D, { 'inHouse.baseSalary': '70', 'shared.targetOpportunitiesPerMonth': '25' }));
    expect(store.$scenario.get().shared.targetOpportunitiesPerMonth).toBe(25);
    expect(store.$scenario.get().inHouse.baseSalary).toBe(D.inHouse.baseSalary);

    store.keepValue('inHouse.baseSalary');
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70);
    expect(store.$view.get().verdict.headline).not.toBe(verdict);
    expect(store.$warnings.get()).toEqual([]);
    expect(store.$status.get()).toBe('Up to date');
    // Kept once, not asked again on the next keystroke.
    store.edit(formShowing(store.$scenario.get(), { 'shared.targetOpportunitiesPerMonth': '26' }));
    expect(store.$warnings.get()).toEqual([]);
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70);
  });

  test('correcting the slip clears the warning and uses the corrected value', () => {
    store = calculatorStore(D, 'en-US');
    store.edit(formShowing(D, { 'inHouse.baseSalary': '70' }));
    store.edit(formShowing(D, { 'inHouse.baseSalary': '70k' }));
    expect(store.$warnings.get()).toEqual([]);
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70000);
  });

  test('a link with a slip is applied as linked, with the warning; keeping it clears the warning', () => {
    store = calculatorStore(D, 'en-US');
    const linked = scenarioWith({ inHouse: { baseSalary: 70 } });
    store.openLink(`?${encodeLink(linked)}`);
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70);
    expect(store.$warnings.get().map((w) => [w.keep, w.fix])).toEqual([['Keep 70', 'Use 70,000']]);
    expect(store.$status.get()).toBe('Up to date');
    // Editing another field keeps both the value and its warning.
    store.edit(formShowing(linked, { 'shared.targetOpportunitiesPerMonth': '21' }));
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70);
    expect(store.$warnings.get()).toHaveLength(1);
    store.keepValue('inHouse.baseSalary');
    expect(store.$warnings.get()).toEqual([]);
    expect(store.$scenario.get().inHouse.baseSalary).toBe(70);
  });
});
