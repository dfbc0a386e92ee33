import { describe, expect, test } from 'vitest';
import { inputText, rangeText, readCurrency, readForm, readInput, seatsToOffer, type FieldEntry } from '../../../src/features/calculator/view/form.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { FIELD_SPECS, type FieldPath, type NumericFieldPath, type Scenario } from '../../../src/features/calculator/fields.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

const fmt = createFormatters('en-US', 'USD');
const specBounds = (path: NumericFieldPath) => ({ min: FIELD_SPECS[path].min, max: FIELD_SPECS[path].max });

describe('what a field shows', () => {
  test.each<[NumericFieldPath, number | null, string]>([
    ['shared.grossMargin', 0.75, '75'],
    ['inHouse.meetingToOpportunity', 0.333, '33.3'],
    ['inHouse.burdenRate', 1.5, '150'],
    ['fullCycle.prospectingShare', 0.07, '7'],
    ['inHouse.baseSalary', 55000, '55,000'],
    ['inHouse.managerAnnualCost', 1234567.5, '1,234,567.5'],
    ['inHouse.seats', null, ''],
    ['inHouse.seats', 4, '4'],
  ])('%s = %s is shown as "%s"', (path, value, text) => {
    expect(inputText(path, value, 'en-US')).toBe(text);
  });

  test.each<[NumericFieldPath, string]>([
    ['horizonMonths', 'a whole number 1 to 60 months'],
    ['shared.targetOpportunitiesPerMonth', 'more than 0, up to 10,000 opportunities'],
    ['shared.grossMargin', '0 to 100 %'],
    ['inHouse.burdenRate', '0 to 150 %'],
    ['inHouse.baseSalary', '0 to 1,000,000,000 USD'],
    ['outsourced.internalHourlyCost', '0 to 1,000,000,000 USD per hour'],
    ['inHouse.sdrsPerManager', '1 to 50'],
    ['inHouse.seats', 'a whole number 1 to 1,000 seats'],
    ['fullCycle.meetingsPerProspectingDay', '0 to 20 meetings'],
  ])('%s allows %s', (path, text) => {
    expect(rangeText(path, specBounds(path), fmt, 'USD')).toBe(text);
  });

  test('the range follows the bounds it is given (days out below working days)', () => {
    expect(rangeText('inHouse.daysOutPerYear', { min: 0, max: 149 }, fmt, 'USD')).toBe('0 to 149 days');
  });
});

describe('reading what was typed', () => {
  test.each<[string, NumericFieldPath, string, boolean, ReturnType<typeof readInput>]>([
    ['a percentage', 'shared.grossMargin', '45', false, { ok: true, value: 0.45 }],
    ['a percentage with a decimal', 'inHouse.meetingToOpportunity', '33.3', false, { ok: true, value: 0.333 }],
    ['money with spaces around', 'inHouse.baseSalary', ' 60000 ', false, { ok: true, value: 60000 }],
    ['exponent notation', 'inHouse.baseSalary', '6e4', false, { ok: true, value: 60000 }],
    ['empty', 'shared.grossMargin', '', false, { ok: false, message: 'Enter a value. Allowed: 0 to 100 %.' }],
    ['text the browser could not read', 'inHouse.rampMonths', '', true, { ok: false, message: 'Not a number. Allowed: a whole number 0 to 24 months.' }],
    ['thousands separators', 'inHouse.baseSalary', '70,000', false, { ok: true, value: 70000 }],
    ['thousands with k', 'inHouse.baseSalary', '70k', false, { ok: true, value: 70000 }],
    ['millions with m', 'fullCycle.annualQuota', '1.2m', false, { ok: true, value: 1200000 }],
    ['with the currency sign', 'inHouse.baseSalary', '$70,000', false, { ok: true, value: 70000 }],
    ['spaces between thousands', 'inHouse.baseSalary', '70 000', false, { ok: true, value: 70000 }],
    ['a percentage with its sign', 'shared.grossMargin', '45%', false, { ok: true, value: 0.45 }],
    [
      'letters',
      'inHouse.baseSalary',
      '12abc',
      false,
      { ok: false, message: '“12abc” is not a number we can read. Type digits, for example 70000, 70,000 or 70k. Allowed: 0 to 1,000,000,000 USD.' },
    ],
    [
      'a hex number',
      'inHouse.baseSalary',
      '0x10',
      false,
      { ok: false, message: '“0x10” is not a number we can read. Type digits, for example 70000, 70,000 or 70k. Allowed: 0 to 1,000,000,000 USD.' },
    ],
    ['70k as a percentage is far too high, not 70', 'shared.grossMargin', '70k', false, { ok: false, message: 'Too high. Allowed: 0 to 100 %.' }],
    ['too high', 'shared.grossMargin', '150', false, { ok: false, message: 'Too high. Allowed: 0 to 100 %.' }],
    ['negative', 'inHouse.baseSalary', '-5', false, { ok: false, message: 'Too low. Allowed: 0 to 1,000,000,000 USD.' }],
    [
      'zero where more than 0 is needed',
      'shared.targetOpportunitiesPerMonth',
      '0',
      false,
      { ok: false, message: 'Too low. Allowed: more than 0, up to 10,000 opportunities.' },
    ],
    ['a fraction of a month', 'inHouse.rampMonths', '2.5', false, { ok: false, message: 'Use a whole number. Allowed: a whole number 0 to 24 months.' }],
    ['infinite', 'inHouse.baseSalary', '1e400', false, { ok: false, message: 'Too large. Allowed: 0 to 1,000,000,000 USD.' }],
    ['seats above the form limit', 'outsourced.seats', '1001', false, { ok: false, message: 'Too high. Allowed: a whole number 1 to 1,000 seats.' }],
  ])('%s', (_name, path, text, badInput, expected) => {
    expect(readInput(path, text, badInput, specBounds(path), fmt, 'USD')).toEqual(expected);
  });

  test.each([
    [' eur ', { ok: true, value: 'EUR' }],
    ['USD', { ok: true, value: 'USD' }],
    ['EURO', { ok: false, message: 'Enter a three-letter ISO 4217 currency code, e.g. USD or EUR.' }],
    ['', { ok: false, message: 'Enter a three-letter ISO 4217 currency code, e.g. USD or EUR.' }],
  ])('currency %j', (text, expected) => {
    expect(readCurrency(text)).toEqual(expected);
  });

  test('every share survives the trip through the form', () => {
    for (let basisPoints = 0; basisPoints <= 10000; basisPoints += 7) {
      const value = basisPoints / 10000;
      const back = readInput('shared.grossMargin', inputText('shared.grossMargin', value, 'en-US'), false, { min: 0, max: 1 }, fmt, 'USD');
      expect(back).toEqual({ ok: true, value });
    }
  });
});

describe('reading the whole form', () => {
  const D = METHODOLOGY_DEFAULTS;
  const read = (typed: [FieldPath, FieldEntry][], current: Scenario = D) => readForm(new Map(typed), current, 'en-US');

  test('unchanged text keeps the exact value; changed text is read in the form’s units', () => {
    const current = scenarioWith({ inHouse: { meetingToOpportunity: 0.123456789012345 } });
    const { scenario, errors } = read(
      [
        ['inHouse.meetingToOpportunity', { text: inputText('inHouse.meetingToOpportunity', 0.123456789012345, 'en-US') }],
        ['shared.grossMargin', { text: '62.5' }],
        ['inHouse.teamStartsRamped', { text: 'on', checked: true }],
        ['fullCycle.aeTimeValuation', { text: 'displacedMargin' }],
        ['outsourced.seats', { text: '', solve: true }],
        ['inHouse.seats', { text: '3', solve: false }],
        ['currency', { text: ' eur ' }],
      ],
      current,
    );
    expect(errors.size).toBe(0);
    expect(scenario).toEqual(
      scenarioWith(
        {
          currency: 'EUR',
          shared: { grossMargin: 0.625 },
          inHouse: { teamStartsRamped: true, seats: 3 },
          outsourced: { seats: null },
          fullCycle: { aeTimeValuation: 'displacedMargin' },
        },
        current,
      ),
    );
  });

  test('a deal value left empty is null (the shared one is used); a typed one is the option’s own', () => {
    const { scenario, errors } = read(
      [
        ['inHouse.dealValue', { text: ' ' }],
        ['outsourced.dealValue', { text: '25000' }],
      ],
      scenarioWith({ inHouse: { dealValue: 60000 } }),
    );
    expect(errors.size).toBe(0);
    expect([scenario.inHouse.dealValue, scenario.outsourced.dealValue]).toEqual([null, 25000]);
    expect(read([['fullCycle.dealValue', { text: '', badInput: true }]]).errors.get('fullCycle.dealValue')).toMatch(/^Not a number\./);
  });

  test('a message per invalid field, in the currency being typed; an unknown choice keeps the value', () => {
    const { scenario, errors } = read([
      ['currency', { text: 'GBP' }],
      ['inHouse.baseSalary', { text: '-5' }],
      ['fullCycle.aeTimeValuation', { text: 'bogus' }],
    ]);
    expect(Object.fromEntries(errors)).toEqual({ 'inHouse.baseSalary': 'Too low. Allowed: 0 to 1,000,000,000 GBP.' });
    expect(scenario.fullCycle.aeTimeValuation).toBe(D.fullCycle.aeTimeValuation);
    expect(read([['currency', { text: 'EURO' }]]).errors.get('currency')).toBe('Enter a three-letter ISO 4217 currency code, e.g. USD or EUR.');
  });

  test('unticking "solve" offers the solved seats, within the field’s range', () => {
    const evaluation = evaluate(D);
    expect(seatsToOffer('inHouse', evaluation)).toBe(String(Math.min(1000, Math.max(1, evaluation.inHouse.seats))));
  });
});
