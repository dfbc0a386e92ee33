import { describe, expect, test } from 'vitest';
import { DAMAGED_KEY, SAVED_KEY, readSaved, savedName, withSaved, writeSaved } from '../../../src/features/calculator/view/saved-scenarios.ts';
import { calculatorStore } from '../../../src/features/calculator/store.ts';
import { encodeLink } from '../../../src/features/calculator/codec.ts';
import { METHODOLOGY_DEFAULTS } from './fixtures.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

const entry = (name: string, link = 'v=2') => ({ name, savedAt: '2026-11-30T08:00:00.000Z', link });

describe('reading the saved list defensively', () => {
  test('nothing stored: an empty list and no notice', () => {
    expect(readSaved(null)).toEqual({ items: [], problem: null, damaged: false });
  });

  test('a list written by the page reads back', () => {
    const items = [entry('Plan A'), entry('Plan B')];
    expect(readSaved(writeSaved(items))).toEqual({ items, problem: null, damaged: false });
  });

  test.each(['{not json', '[]', '{"version":2,"items":[]}', '"text"', 'null'])('%j is set aside with a notice', (text) => {
    const reading = readSaved(text);
    expect(reading.items).toEqual([]);
    expect(reading.damaged).toBe(true);
    expect(reading.problem).toMatch(/kept aside; the calculator works as usual and new saves start a new list\.$/);
  });

  test('damaged entries are skipped and counted; the others are kept', () => {
    const text = JSON.stringify({ version: 1, items: [entry('Good'), { name: 5 }, entry(''), { ...entry('Bad date'), savedAt: 'never' }, null] });
    expect(readSaved(text)).toEqual({
      items: [entry('Good')],
      problem: '4 saved scenarios could not be read and are not listed; the others are.',
      damaged: true,
    });
  });

  test('names are tidied; an empty one gets a number; a name saved again replaces the old one', () => {
    expect(savedName('  Q3   plan ', [])).toBe('Q3 plan');
    expect(savedName('', [entry('a')])).toBe('Scenario 2');
    expect(withSaved([entry('A', '1'), entry('B')], entry('A', '2')).map((e) => [e.name, e.link])).toEqual([
      ['A', '2'],
      ['B', 'v=2'],
    ]);
  });
});

describe('saving, opening and deleting in the store', () => {
  test('save, open and delete a scenario', () => {
    const storage = memoryStorage();
    const s = calculatorStore(METHODOLOGY_DEFAULTS, 'en-US', { storage });
    s.edit(new Map([['horizonMonths', { text: '36' }]]));
    s.saveScenario('Three years');
    expect(s.$saved.get().map((e) => e.name)).toEqual(['Three years']);
    expect(readSaved(storage.getItem(SAVED_KEY)).items).toHaveLength(1);
    expect(s.$message.get().text).toBe('Saved “Three years” in this browser.');

    s.reset();
    expect(s.$scenario.get().horizonMonths).toBe(METHODOLOGY_DEFAULTS.horizonMonths);
    expect(s.openSaved(0)).toBe(true);
    expect(s.$scenario.get().horizonMonths).toBe(36);
    expect(s.openSaved(5)).toBe(false);

    s.deleteSaved(0);
    expect(s.$saved.get()).toEqual([]);
    expect(readSaved(storage.getItem(SAVED_KEY)).items).toEqual([]);
  });

  test('a saved scenario opens on the question it was saved with; one saved without a question keeps the one on screen', () => {
    const storage = memoryStorage();
    const s = calculatorStore(METHODOLOGY_DEFAULTS, 'en-US', { storage });
    s.setComparison('inHouse-outsourced');
    s.saveScenario('SDRs or the agency');
    s.setComparison('all');
    expect(s.openSaved(0)).toBe(true);
    expect(s.$comparison.get()).toBe('inHouse-outsourced');

    const older = { name: 'Older', savedAt: '2026-03-01T09:30:00.000Z', link: encodeLink(METHODOLOGY_DEFAULTS) };
    storage.setItem(SAVED_KEY, writeSaved([older]));
    const t = calculatorStore(METHODOLOGY_DEFAULTS, 'en-US', { storage });
    t.setComparison('outsourced-fullCycle');
    expect(t.openSaved(0)).toBe(true);
    expect(t.$comparison.get()).toBe('outsourced-fullCycle');
  });

  test('a damaged list: a notice, the calculator works, and the damaged text is kept aside before a new save', () => {
    const storage = memoryStorage({ items: { [SAVED_KEY]: '{broken' } });
    const s = calculatorStore(METHODOLOGY_DEFAULTS, 'en-US', { storage });
    expect(s.$savedNotice.get()).toMatch(/could not be read/);
    expect(s.$evaluation.get().inHouse.totalCost).toBeGreaterThan(0);
    s.saveScenario('Fresh');
    expect(storage.getItem(DAMAGED_KEY)).toBe('{broken');
    expect(readSaved(storage.getItem(SAVED_KEY)).items.map((e) => e.name)).toEqual(['Fresh']);
  });

  test('storage that refuses to write: the list is unchanged and the page says why', () => {
    const s = calculatorStore(METHODOLOGY_DEFAULTS, 'en-US', {
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
    });
    s.saveScenario('Plan');
    expect(s.$saved.get()).toEqual([]);
    expect(s.$message.get()).toEqual({
      text: 'This browser did not let the page save (storage is full or turned off). Nothing was changed.',
      error: true,
      near: 'saved',
    });
  });
});
