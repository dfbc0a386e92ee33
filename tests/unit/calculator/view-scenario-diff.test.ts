import { afterEach, describe, expect, test } from 'vitest';
import { encodeLink } from '../../../src/features/calculator/codec.ts';
import type { Scenario } from '../../../src/features/calculator/fields.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { calculatorStore, type CalculatorStore } from '../../../src/features/calculator/store.ts';
import { SAVED_KEY, writeSaved } from '../../../src/features/calculator/view/saved-scenarios.ts';
import { diffScenarios } from '../../../src/features/calculator/view/scenario-diff.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { METHODOLOGY_DEFAULTS as D, scenarioWith } from './fixtures.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const fmt = createFormatters('en-US', 'USD');
const named = (name: string, scenario: Scenario, problems = 0) => ({ name, scenario, problems });
const richer = scenarioWith({ inHouse: { ...D.inHouse, baseSalary: 70000 } });

describe('the inputs that differ', () => {
  test('only the differing inputs, with both values in their units and the change in words', () => {
    const b = scenarioWith({
      inHouse: { ...D.inHouse, baseSalary: 70000, meetingToOpportunity: 0.5, teamStartsRamped: true },
      outsourced: { ...D.outsourced, seats: 3 },
      uncertainty: { ...D.uncertainty, spread: { ...D.uncertainty.spread, 'inHouse.meetingsPerMonth': 0.5 } },
    });
    const diff = diffScenarios(named('Now', D), named('Richer', b), 'en-US');
    expect(diff.inputs).toEqual([
      { label: 'Base salary (in-house)', a: '$55,000', b: '$70,000', change: '+$15,000 (+27.3%)', differs: true },
      { label: expect.stringMatching(/\(in-house\)$/), a: '45%', b: '50%', change: '+5 percentage points', differs: true },
      { label: expect.stringMatching(/\(in-house\)$/), a: 'No', b: 'Yes', change: 'changed', differs: true },
      { label: expect.stringMatching(/\(agency\)$/), a: 'sized for the target', b: '3', change: 'changed', differs: true },
      { label: 'How sure: Meetings per SDR per month (in-house)', a: '± 30 %', b: '± 50 %', change: '+20 percentage points', differs: true },
    ]);
    expect(diff.inputsSummary).toBe('5 inputs differ; the rest are the same.');
  });

  test('the same scenario twice: no inputs differ and every result is the same', () => {
    const diff = diffScenarios(named('A', D), named('B', D), 'en-US');
    expect(diff.inputs).toEqual([]);
    expect(diff.inputsSummary).toBe('The two have the same inputs.');
    expect(diff.results.flatMap((o) => o.rows).every((r) => !r.differs && r.change === 'Same')).toBe(true);
    expect(diff.cheapest).toMatchObject({ change: 'Same answer', differs: false });
  });
});

describe('the results side by side', () => {
  test('each option’s cost per opportunity, opportunities and total cost, with the change and its share', () => {
    const diff = diffScenarios(named('Now', D), named('Richer', richer), 'en-US');
    const [ea, eb] = [evaluate(D), evaluate(richer)];
    const inHouse = diff.results.find((o) => o.model === 'inHouse');
    expect(inHouse?.label).toBe('In-house SDR team');
    expect(inHouse?.rows.map((r) => r.label)).toEqual(['Cost per opportunity', 'Opportunities', 'Total cost']);
    const cost = inHouse!.rows[0]!;
    expect(cost.a).toBe(fmt.money(ea.inHouse.costPerOpportunity));
    expect(cost.b).toBe(fmt.money(eb.inHouse.costPerOpportunity));
    expect(cost.differs).toBe(true);
    expect(cost.change).toMatch(/^\+\$[\d,]+ \(\+\d+(\.\d)?%\)$/);
    // The agency does not depend on the SDR salary: the same, said in words.
    expect(diff.results.find((o) => o.model === 'outsourced')?.rows.every((r) => r.change === 'Same')).toBe(true);
    // The bridge uses the in-house team: its total cost changes too.
    expect(diff.results.find((o) => o.model === 'bridge')?.rows[2]?.differs).toBe(true);
  });

  test('an option that cannot reach the target in one scenario: shown as missing, the change said', () => {
    const none = scenarioWith({ outsourced: { ...D.outsourced, meetingsPerSeatPerMonth: 0 } });
    const agency = diffScenarios(named('A', D), named('B', none), 'en-US').results.find((o) => o.model === 'outsourced')!;
    expect(agency.rows[0]).toMatchObject({ b: '—', change: 'changed (cannot be computed in one)', differs: true });
    expect(JSON.stringify(agency)).not.toMatch(/NaN|Infinity/);
  });

  test('a different cheapest option is a different answer; different currencies are not subtracted; unusable link values are said', () => {
    const euro = scenarioWith({ currency: 'EUR', outsourced: { ...D.outsourced, monthlyFeePerSeat: 30000 } });
    const diff = diffScenarios(named('A', D, 2), named('B', euro), 'en-US');
    expect(diff.cheapest).toMatchObject({ a: 'Outsourced agency', change: 'Different answer', differs: true });
    expect(diff.cheapest.b).not.toBe('Outsourced agency');
    expect(diff.notes).toEqual([
      '“A” has 2 values this calculator could not use; the defaults were used instead.',
      'The two are in different currencies (USD and EUR): their money is shown but not subtracted.',
    ]);
    expect(diff.results[0]?.rows[0]?.change).toBe('not comparable (different currencies)');
  });
});

describe('comparing saved scenarios in the store', () => {
  let store: CalculatorStore | undefined;
  afterEach(() => {
    cleanStoresOf(store);
    store = undefined;
  });
  const storage = (text: string) => memoryStorage({ items: { [SAVED_KEY]: text } });
  const entry = (name: string, scenario: Scenario) => ({ name, savedAt: '2026-01-01T00:00:00.000Z', link: encodeLink(scenario) });

  test('two saved scenarios, opened through their links, side by side; a damaged entry is set aside and the rest compare', async () => {
    const list = JSON.parse(writeSaved([entry('Richer', richer), entry('Now', D)])) as { items: unknown[] };
    list.items.push({ name: 42, link: null });
    store = calculatorStore(D, 'en-US', { storage: storage(JSON.stringify(list)) });
    expect(store.$savedNotice.get()).toMatch(/^1 saved scenario could not be read/);
    expect(await store.compareSaved(1, 0)).toBe(true);
    expect(store.$savedDiff.get()?.names).toEqual(['Now', 'Richer']);
    expect(store.$savedDiff.get()?.inputs.map((r) => r.label)).toEqual(['Base salary (in-house)']);
    expect(store.$message.get().text).toBe('Comparing “Now” with “Richer”.');
  });

  test('the same scenario twice, or one that is not there, is refused with a reason', async () => {
    store = calculatorStore(D, 'en-US', { storage: storage(writeSaved([entry('Now', D)])) });
    expect(await store.compareSaved(0, 0)).toBe(false);
    expect(store.$message.get()).toEqual({ text: 'Choose two different scenarios: both choices are “Now”.', error: true });
    expect(await store.compareSaved(0, 5)).toBe(false);
    expect(store.$savedDiff.get()).toBeNull();
  });

  test('a saved link with a tampered value opens with the default for it, and says so', async () => {
    const tampered = { ...entry('Odd', D), link: `${encodeLink(richer)}&horizonMonths=abc` };
    store = calculatorStore(D, 'en-US', { storage: storage(writeSaved([tampered, entry('Now', D)])) });
    expect(await store.compareSaved(1, 0)).toBe(true);
    const diff = store.$savedDiff.get();
    expect(diff?.notes[0]).toMatch(/^“Odd” has (a value|\d+ values) this calculator could not use/);
    expect(diff?.inputs.map((r) => r.label)).toContain('Base salary (in-house)');
  });
});
