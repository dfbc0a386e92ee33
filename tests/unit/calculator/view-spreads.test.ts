import { cleanStores } from 'nanostores';
import { afterEach, describe, expect, test } from 'vitest';
import { SPREAD_KEYS, type Scenario, type SpreadKey } from '../../../src/features/calculator/fields.ts';
import { decodeLink, parseScenarioText } from '../../../src/features/calculator/codec.ts';
import { calculatorStore, type CalculatorStore } from '../../../src/features/calculator/store.ts';
import {
  drawRange,
  readSpread,
  readSpreads,
  spreadDigest,
  spreadFields,
  spreadHint,
  spreadText,
  surenessWord,
  withoutEmptyDealSpreads,
  type SpreadField,
} from '../../../src/features/calculator/view/spreads.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const D = METHODOLOGY_DEFAULTS;
const fmt = createFormatters('en-US', 'USD');
const typed = (entries: Partial<Record<SpreadKey, string>>) => new Map(Object.entries(entries) as [SpreadKey, string][]);

describe('reading a typed spread', () => {
  test.each([
    { text: '30', value: 0.3 },
    { text: '30%', value: 0.3 },
    { text: ' 12.5 % ', value: 0.125 },
    { text: '0', value: 0 },
    { text: '100', value: 1 },
  ])('“$text” is ±$value', ({ text, value }) => {
    expect(readSpread(text, 'en-US')).toEqual({ ok: true, value });
  });

  test.each(['', 'abc', '-5', '101', '1e999', 'NaN'])('“%s” is explained, never read as a number', (text) => {
    const reading = readSpread(text, 'en-US');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/^Enter how far this input may be off, either way, as a % from 0 to 100 .* Given: (nothing|“.+”)\.$/);
  });

  test('the message names what was given', () => {
    expect(readSpread('lots', 'en-US')).toEqual({
      ok: false,
      message: 'Enter how far this input may be off, either way, as a % from 0 to 100 (0 holds it fixed; 10 sure, 25 fairly sure, 50 unsure). Given: “lots”.',
    });
  });
});

describe('the spread inputs', () => {
  test('every spread key has one input, grouped as the form, showing the scenario’s spread in %', () => {
    const groups = spreadFields(D, fmt, D.uncertainty.spread);
    expect(groups.flatMap((g) => g.fields.map((f) => f.key))).toEqual(SPREAD_KEYS);
    const ramp = groups.flatMap((g) => g.fields).find((f) => f.key === 'inHouse.rampMonths');
    expect(ramp).toMatchObject({ id: 'sp-inHouse-rampMonths', text: '34', label: expect.stringMatching(/ramp/i) });
    const salary = groups.flatMap((g) => g.fields).find((f) => f.key === 'inHouse.baseSalary');
    expect(salary?.text).toBe('0');
    expect(salary?.hint).toBe('Fixed: held at $55,000 in every run.');
  });

  test('each spread says when it differs from the site’s default, and each group counts them', () => {
    expect(spreadFields(D, fmt, D.uncertainty.spread).every((g) => g.changed === 0 && g.fields.every((f) => f.changed === ''))).toBe(true);
    const s = scenarioWith({ uncertainty: { spread: { ...D.uncertainty.spread, 'inHouse.meetingsPerMonth': 0.6, 'inHouse.baseSalary': 0.1 } } });
    const inHouse = spreadFields(s, fmt, D.uncertainty.spread).find((g) => g.group === 'inHouse');
    expect(inHouse?.changed).toBe(2);
    expect(inHouse?.fields.find((f) => f.key === 'inHouse.meetingsPerMonth')?.changed).toBe('Changed: the default is 30 %.');
    expect(inHouse?.fields.find((f) => f.key === 'inHouse.baseSalary')?.changed).toBe('Changed: the default is 0 %.');
    expect(inHouse?.fields.find((f) => f.key === 'inHouse.rampMonths')?.changed).toBe('');
  });

  test.each([
    { count: 3, changed: 0, errors: 0, digest: 'All 3 at the defaults' },
    { count: 2, changed: 0, errors: 0, digest: 'Both at the defaults' },
    { count: 1, changed: 0, errors: 0, digest: 'At the default' },
    { count: 1, changed: 1, errors: 0, digest: '1 of 1 changed from the defaults' },
    { count: 3, changed: 2, errors: 0, digest: '2 of 3 changed from the defaults' },
    { count: 3, changed: 1, errors: 1, digest: '1 to fix · 1 of 3 changed from the defaults' },
  ])('a group of $count spreads with $changed changed and $errors to fix reads “$digest”', ({ count, changed, errors, digest }) => {
    const fields = ['a', 'b', 'c'].slice(0, count).map((key, i) => ({
      key,
      id: key,
      label: key,
      text: '30',
      hint: '',
      changed: i < changed ? 'Changed' : '',
    })) as unknown as SpreadField[];
    expect(spreadDigest({ group: 'shared', legend: 'Shared inputs', fields, changed }, errors)).toBe(digest);
  });

  test.each([
    { f: 0, word: 'Fixed' },
    { f: 0.1, word: 'Sure' },
    { f: 0.25, word: 'Fairly sure' },
    { f: 0.3, word: 'Unsure' },
    { f: 0.5, word: 'Unsure' },
    { f: 0.8, word: 'Very unsure' },
  ])('±$f reads as “$word”', ({ f, word }) => {
    expect(surenessWord(f)).toBe(word);
  });

  test('the hint gives the range the input is drawn in, kept inside the field’s range, whole for whole-number fields', () => {
    expect(spreadHint(D, 'inHouse.meetingsPerMonth', 0.5, fmt)).toBe('Unsure: drawn between 6 meetings and 18 meetings.');
    expect(drawRange(D, 'inHouse.rampMonths', 0.34)).toEqual({ low: 2, high: 4 });
    // A share cannot go above 100 %.
    expect(drawRange(scenarioWith({ shared: { ...D.shared, grossMargin: 0.9 } }), 'shared.grossMargin', 0.5)).toEqual({ low: 0.45, high: 1 });
    expect(spreadText(0.123, 'en-US')).toBe('12.3');
  });
});

describe('reading the spread inputs into the scenario', () => {
  test('valid spreads replace the scenario’s; 0 holds an input fixed and is not kept', () => {
    const { scenario, errors } = readSpreads(
      typed({ 'inHouse.meetingsPerMonth': '50', 'inHouse.annualAttrition': '0', 'inHouse.baseSalary': '10' }),
      D,
      'en-US',
    );
    expect(errors.size).toBe(0);
    expect(scenario.uncertainty.spread['inHouse.meetingsPerMonth']).toBe(0.5);
    expect(scenario.uncertainty.spread['inHouse.baseSalary']).toBe(0.1);
    expect('inHouse.annualAttrition' in scenario.uncertainty.spread).toBe(false);
    expect(scenario.uncertainty.spread['outsourced.meetingToOpportunity']).toBe(0.3);
  });

  test('one invalid spread: a message for it, the scenario unchanged', () => {
    const { scenario, errors } = readSpreads(typed({ 'inHouse.meetingsPerMonth': '50', 'fullCycle.prospectingShare': '150' }), D, 'en-US');
    expect(scenario).toBe(D);
    expect([...errors.keys()]).toEqual(['fullCycle.prospectingShare']);
    expect(errors.get('fullCycle.prospectingShare')).toMatch(/Given: “150”\.$/);
  });

  test('a spread on an empty deal value is refused; set on an own deal value it is kept, and dropped when the deal value is cleared', () => {
    const refused = readSpreads(typed({ 'outsourced.dealValue': '20' }), D, 'en-US');
    expect(refused.errors.get('outsourced.dealValue')).toMatch(/enter its own deal value first/);
    const own: Scenario = { ...D, outsourced: { ...D.outsourced, dealValue: 30000 } };
    const kept = readSpreads(typed({ 'outsourced.dealValue': '20' }), own, 'en-US').scenario;
    expect(kept.uncertainty.spread['outsourced.dealValue']).toBe(0.2);
    const cleared = withoutEmptyDealSpreads({ ...kept, outsourced: { ...kept.outsourced, dealValue: null } });
    expect('outsourced.dealValue' in cleared.uncertainty.spread).toBe(false);
  });
});

describe('the store', () => {
  let store: CalculatorStore | undefined;
  afterEach(() => {
    cleanStoresOf(store);
    store = undefined;
  });

  test('a changed spread goes into the link and the JSON export; reset puts the defaults back', async () => {
    store = calculatorStore(D, 'en-US');
    store.editSpreads(typed({ 'inHouse.meetingsPerMonth': '60' }));
    expect(store.$spreadErrors.get().size).toBe(0);
    expect(decodeLink(`?${store.$link.get()}`, D).scenario.uncertainty.spread['inHouse.meetingsPerMonth']).toBe(0.6);
    const exported = parseScenarioText((await store.exportJson()).text, D);
    expect(exported.ok && exported.value.uncertainty.spread['inHouse.meetingsPerMonth']).toBe(0.6);
    expect(
      store.$spreads
        .get()
        .find((g) => g.group === 'inHouse')
        ?.fields.find((f) => f.key === 'inHouse.meetingsPerMonth')?.hint,
    ).toMatch(/^Very unsure/);

    store.editSpreads(typed({ 'inHouse.meetingsPerMonth': 'x' }));
    expect(store.$spreadErrors.get().get('inHouse.meetingsPerMonth')).toMatch(/Given: “x”/);
    expect(store.$scenario.get().uncertainty.spread['inHouse.meetingsPerMonth']).toBe(0.6);

    store.resetSpreads();
    expect(store.$spreadErrors.get().size).toBe(0);
    expect(store.$scenario.get().uncertainty.spread).toEqual(D.uncertainty.spread);
    expect(store.$link.get()).toBe('');
    expect(store.$message.get().text).toBe('The spreads are back to the defaults.');
  });

  test('while a spread is not valid the status says the ranges and the link are not updated, naming the spread, as it does for an input', () => {
    store = calculatorStore(D, 'en-US');
    expect(store.$status.get()).toBe('Up to date');
    store.editSpreads(typed({ 'inHouse.meetingsPerMonth': 'x' }));
    expect(store.$status.get()).toBe('Ranges and link not updated: the spread of “Meetings per SDR per month (in-house)” needs fixing');
    store.editSpreads(typed({ 'inHouse.meetingsPerMonth': 'x', 'shared.grossMargin': '300', 'outsourced.setupFee': '', 'fullCycle.burdenRate': '-1' }));
    expect(store.$status.get()).toBe(
      'Ranges and link not updated: 4 spreads need fixing: “Gross margin”, “Meetings per SDR per month (in-house)”, “Set-up fee (agency)”…',
    );
    // With an input to fix as well, both are said.
    store.edit(new Map([['shared.grossMargin', { text: 'lots' }]]));
    expect(store.$status.get()).toMatch(/^Out of date: 1 input needs fixing\. Ranges and link not updated: 4 spreads need fixing: /);
    store.editSpreads(typed({ 'inHouse.meetingsPerMonth': '30' }));
    expect(store.$status.get()).toBe('Out of date: 1 input needs fixing');
    store.resetSpreads();
    store.edit(new Map([['shared.grossMargin', { text: '60' }]]));
    expect(store.$status.get()).toBe('Up to date');
  });

  test('a link with spreads opens with them', () => {
    const other = calculatorStore(D, 'en-US');
    other.editSpreads(typed({ 'outsourced.meetingsPerSeatPerMonth': '45' }));
    const link = other.$link.get();
    cleanStores(other.$scenario, other.$link);
    store = calculatorStore(D, 'en-US');
    store.openLink(`?${link}`);
    const field = store.$spreads
      .get()
      .flatMap((g) => g.fields)
      .find((f) => f.key === 'outsourced.meetingsPerSeatPerMonth');
    expect(field?.text).toBe('45');
  });
});
