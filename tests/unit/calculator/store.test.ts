import { afterEach, describe, expect, test, vi } from 'vitest';
import { atom } from 'nanostores';
import { MAX_FILE_LENGTH, decodeLink, parseScenarioText } from '../../../src/features/calculator/codec.ts';
import type { Scenario } from '../../../src/features/calculator/fields.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { calculatorStore, readDefaults, startOnChange, type AnalysisParts, type CalculatorStore } from '../../../src/features/calculator/store.ts';
import { calculatorView } from '../../../src/features/calculator/view/view-model.ts';
import { breakEvenSentence } from '../../../src/features/calculator/view/break-even-sentence.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { METHODOLOGY_DEFAULTS, formShowing, scenarioWith } from './fixtures.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const D = METHODOLOGY_DEFAULTS;
const SERVER_BREAK_EVEN = 'In-house SDRs and the agency cost the same per opportunity when …';

let store: CalculatorStore | undefined;
function start(defaults: Scenario = D): CalculatorStore {
  store = calculatorStore(defaults, 'en-US', { breakEven: SERVER_BREAK_EVEN });
  return store;
}
afterEach(() => {
  cleanStoresOf(store);
  store = undefined;
});

/** A file as the browser hands it over. */
const fileOf = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

describe('opening the page', () => {
  test('without a link: the defaults, up to date, nothing to report', () => {
    const s = start();
    s.openLink('');
    expect(s.$scenario.get()).toEqual(D);
    expect(s.$status.get()).toBe('Up to date');
    expect(s.$link.get()).toBe('');
    expect(s.$linkNotice.get()).toEqual([]);
    expect(s.$breakEven.get()).toEqual({ text: SERVER_BREAK_EVEN, stale: false });
  });

  test('a link: what it can use replaces the defaults; the rest is listed with the default used instead', () => {
    const s = start();
    s.openLink('?horizonMonths=36&inHouse.baseSalary=-5&bogus=1');
    expect(s.$scenario.get()).toEqual(scenarioWith({ horizonMonths: 36 }));
    expect(s.$status.get()).toBe('From the link, with defaults for the values it could not use');
    expect(s.$linkNotice.get()).toEqual([
      'Base salary (in-house) (inHouse.baseSalary): expected a number from 0 to 1,000,000,000; given -5. Using the default, $55,000.',
      '“bogus” is not an input of the calculator (given "1"); it was ignored.',
    ]);
    expect(decodeLink(s.$link.get(), D).scenario).toEqual(decodeLink('horizonMonths=36', D).scenario);
  });
});

describe('editing', () => {
  test('valid inputs: the results follow at once and the link carries the change', () => {
    const s = start();
    s.openLink('');
    s.edit(formShowing(D, { horizonMonths: { text: '36' }, 'shared.grossMargin': { text: '62.5' } }));
    expect(s.$scenario.get()).toEqual(scenarioWith({ horizonMonths: 36, shared: { grossMargin: 0.625 } }));
    expect(s.$evaluation.get().inHouse.months).toHaveLength(36);
    expect(decodeLink(s.$link.get(), D).scenario).toEqual(decodeLink('horizonMonths=36&shared.grossMargin=0.625', D).scenario);
    expect(s.$stale.get()).toBe(false);
    expect(s.$status.get()).toBe('Up to date');
  });

  test('an invalid input keeps the last valid results, out of date, and says what to fix', () => {
    const s = start();
    s.openLink('');
    s.edit(formShowing(D, { horizonMonths: { text: '36' } }));
    const kept = s.$scenario.get();
    s.edit(formShowing(kept, { 'shared.grossMargin': { text: '150' }, 'inHouse.rampMonths': { text: '', badInput: true } }));
    expect(s.$scenario.get()).toBe(kept);
    expect(s.$stale.get()).toBe(true);
    expect(Object.fromEntries(s.$fieldErrors.get())).toEqual({
      'shared.grossMargin': 'Too high. Allowed: 0 to 100 %.',
      'inHouse.rampMonths': 'Not a number. Allowed: a whole number 0 to 24 months.',
    });
    expect(s.$status.get()).toBe('Out of date: 2 inputs need fixing');
    s.edit(formShowing(kept));
    expect(s.$stale.get()).toBe(false);
    expect(s.$status.get()).toBe('Up to date');
  });

  test('after a link with problems, the first complete edit is simply up to date', () => {
    const s = start();
    s.openLink('inHouse.baseSalary=-5');
    s.edit(formShowing(D, { 'inHouse.baseSalary': { text: '60000' } }));
    expect(s.$status.get()).toBe('Up to date');
    // The link's notice stays until the scenario is replaced (import or reset).
    expect(s.$linkNotice.get()).toHaveLength(1);
  });

  test('days out are checked against the working days the form describes', () => {
    const s = start();
    s.edit(formShowing(D, { 'shared.workingDaysPerYear': { text: '150' }, 'inHouse.daysOutPerYear': { text: '160' } }));
    expect(s.$fieldErrors.get().get('inHouse.daysOutPerYear')).toBe('Too high. Allowed: 0 to 149 days.');
  });

  test('the view follows the scenario, the tornado choice and the chart widths', () => {
    const s = start();
    const fmt = createFormatters('en-US', 'USD');
    expect(s.$view.get()).toEqual(calculatorView(D, fmt));
    s.setTornadoModel('outsourced');
    expect(s.$view.get().tornado.name).toBe('Outsourced agency');
    s.setTornadoModel('bogus');
    expect(s.$view.get().tornado.model).toBe('inHouse');
    s.setChartWidths({ cost: 300, opportunities: 300, tornado: 1200 });
    expect(s.$view.get().cost.svg.attrs['viewBox']).toBe('0 0 300 250');
    s.edit(formShowing(D, { currency: { text: 'eur' } }));
    expect(s.$formatters.get().currency).toBe('EUR');
    expect(s.$view.get().fields['inHouse.baseSalary'].unit).toBe('EUR');
  });
});

describe('break-even', () => {
  test('found on request, out of date once the inputs change', () => {
    const s = start();
    s.edit(formShowing(D, { horizonMonths: { text: '36' } }));
    expect(s.$breakEven.get()).toEqual({
      text: `Out of date: the inputs changed since this was found. Press “Find break-even” to update it. (Was: ${SERVER_BREAK_EVEN})`,
      stale: true,
    });
    s.findBreakEven('inHouse.rampMonths', ['inHouse', 'outsourced'], breakEvenSentence);
    expect(s.$breakEven.get()?.stale).toBe(false);
    expect(s.$breakEven.get()?.text).toMatch(/^(In-house SDRs and the agency cost the same per opportunity|No crossing in range)/);
    s.findBreakEven('inHouse.rampMonths', ['fullCycle', 'fullCycle'], breakEvenSentence);
    expect(s.$breakEven.get()).toEqual({ text: 'Choose two different models to compare.', stale: false });
  });

  test('choices that are not inputs or models are ignored', () => {
    const s = start();
    for (const [path, models] of [
      ['currency', ['inHouse', 'outsourced']],
      ['bogus', ['inHouse', 'outsourced']],
      ['horizonMonths', ['inHouse', 'x']],
      ['horizonMonths', []],
    ] as const) {
      s.findBreakEven(path, models, breakEvenSentence);
    }
    expect(s.$breakEven.get()).toEqual({ text: SERVER_BREAK_EVEN, stale: false });
  });
});

describe('files', () => {
  test('a valid file replaces the scenario and clears every notice', async () => {
    const s = start();
    s.openLink('bogus=1');
    expect(await s.importFile(fileOf('bad.json', '{"horizonMonths": 0}'))).toBe(false);
    expect(await s.importFile(fileOf('mine.json', '{"horizonMonths": 18, "outsourced": {"seats": 4}}'))).toBe(true);
    expect(s.$scenario.get()).toEqual(scenarioWith({ horizonMonths: 18, outsourced: { seats: 4 } }));
    expect(s.$linkNotice.get()).toEqual([]);
    expect(s.$importNotice.get()).toBeNull();
    expect(s.$message.get()).toEqual({ text: 'Imported “mine.json”.', error: false });
    expect(decodeLink(s.$link.get(), D).scenario).toEqual(decodeLink('horizonMonths=18&outsourced.seats=4', D).scenario);
  });

  test('a refused file changes nothing and lists its problems', async () => {
    const s = start();
    expect(await s.importFile(fileOf('bad.json', '{"horizonMonths": 0, "inHouse": {"salary": 1}}'))).toBe(false);
    expect(s.$scenario.get()).toBe(D);
    expect(s.$importNotice.get()).toEqual({
      title: '“bad.json” was not imported (2 problems); nothing was changed:',
      items: [
        'Planning horizon (horizonMonths): expected a whole number from 1 to 60; given 0.',
        '“inHouse.salary” is not an input of the calculator (given 1); it was ignored.',
      ],
    });
  });

  test('thousands of problems: the first twenty and a count', async () => {
    const s = start();
    const crafted = JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown${i}`, i])));
    await s.importFile(fileOf('many.json', crafted));
    const notice = s.$importNotice.get();
    expect(notice?.title).toBe('“many.json” was not imported (500 problems); nothing was changed:');
    expect(notice?.items).toHaveLength(21);
    expect(notice?.items.at(-1)).toBe('…and 480 more.');
  });

  test('too large or unreadable files are refused before reading', async () => {
    const s = start();
    expect(await s.importFile({ name: 'huge.json', size: MAX_FILE_LENGTH * 4 + 1, text: async () => '{}' })).toBe(false);
    expect(s.$importNotice.get()?.items).toEqual(['The file: expected a file of at most 1000000 characters; given 3906 KB.']);
    expect(await s.importFile({ name: 'gone.json', size: 2, text: () => Promise.reject(new Error('gone')) })).toBe(false);
    expect(s.$importNotice.get()?.items).toEqual(['The file: expected a readable file; given a file the browser could not read.']);
  });

  test('the downloads: monthly CSV, and a results JSON that reads back as the scenario', async () => {
    const s = start();
    s.edit(formShowing(D, { horizonMonths: { text: '12' } }));
    const csv = await s.exportCsv();
    expect([csv.name, csv.type]).toEqual(['pipeline-cost.csv', 'text/csv;charset=utf-8']);
    expect(
      csv.text
        .trim()
        .split('\r\n')
        .filter((line) => /^[^,]+,\d+,USD,/.test(line)),
    ).toHaveLength(4 * 12);
    expect(s.$message.get().text).toBe('Downloaded pipeline-cost.csv: the inputs, a summary and 12 months of each option.');
    const json = await s.exportJson();
    expect([json.name, json.type]).toEqual(['pipeline-cost-results.json', 'application/json']);
    expect(parseScenarioText(json.text, D)).toEqual({ ok: true, value: s.$scenario.get() });
    expect(JSON.parse(json.text).inHouse.totalCost).toBe(evaluate(s.$scenario.get()).inHouse.totalCost);
  });

  test('reset: back to the defaults, every notice cleared', async () => {
    const s = start();
    s.openLink('horizonMonths=36&bogus=1');
    await s.importFile(fileOf('bad.json', '[]'));
    s.edit(formShowing(s.$scenario.get(), { 'shared.grossMargin': { text: '150' } }));
    s.reset();
    expect(s.$scenario.get()).toBe(D);
    expect(s.$stale.get()).toBe(false);
    expect(s.$linkNotice.get()).toEqual([]);
    expect(s.$importNotice.get()).toBeNull();
    expect(s.$status.get()).toBe('Up to date');
    expect(s.$message.get().text).toBe('Back to the defaults.');
  });
});

describe('the page’s defaults', () => {
  test.each([
    ['a complete scenario', JSON.stringify(D), D],
    ['missing', undefined, null],
    ['not JSON', '{', null],
    ['a partial scenario', '{"horizonMonths": 12}', null],
    ['an invalid one', JSON.stringify({ ...D, horizonMonths: 0 }), null],
  ])('%s', (_name, text, expected) => {
    expect(readDefaults(text)).toEqual(expected);
  });
});

describe('the analysis shown', () => {
  // Stand-in results: which scenario an analysis is for is what is tested here, not its numbers.
  const parts = { uncertainty: {}, whatIf: {} } as unknown as AnalysisParts;

  test('the server’s analysis of the defaults is current until the scenario changes, and again once recomputed', async () => {
    const s = start();
    s.openLink('');
    expect(s.$analysisPending.get()).toBe(true);
    expect(s.useDefaultsAnalysis(parts)).toBe(true);
    expect(s.$analysisPending.get()).toBe(false);
    s.edit(formShowing(scenarioWith({ horizonMonths: 36 })));
    expect(s.$analysisPending.get()).toBe(true);
    expect(s.analysisPending()).toBe(true);
    await s.analyse(() => parts);
    expect(s.$analysisPending.get()).toBe(false);
  });

  test('opened from a link, the server’s analysis (of the defaults) is not taken and the analysis is pending', () => {
    const s = start();
    s.openLink('?horizonMonths=36');
    expect(s.useDefaultsAnalysis(parts)).toBe(false);
    expect(s.$analysisPending.get()).toBe(true);
  });
});

describe('startOnChange: parts the server drew are worked out only once the page differs', () => {
  test('at once when asked', () => {
    const start = vi.fn();
    startOnChange(true, [atom(1)], start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  test('else on the first change of any trigger, once, and no more listening after that', () => {
    const $a = atom(1);
    const $b = atom('x');
    const start = vi.fn();
    startOnChange(false, [$a, $b], start);
    expect(start).not.toHaveBeenCalled();
    $b.set('y');
    expect(start).toHaveBeenCalledTimes(1);
    $a.set(2);
    $b.set('z');
    expect(start).toHaveBeenCalledTimes(1);
    expect($a.lc + $b.lc).toBe(0);
  });
});
