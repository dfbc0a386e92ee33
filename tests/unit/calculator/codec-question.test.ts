import { cleanStores } from 'nanostores';
import { afterEach, describe, expect, test } from 'vitest';
import { LINK_QUESTION_KEY, decodeLink, encodeLink } from '../../../src/features/calculator/codec.ts';
import { calculatorStore, type CalculatorStore } from '../../../src/features/calculator/store.ts';
import { comparisons } from '../../../src/features/calculator/view/answer.ts';
import { problemItems } from '../../../src/features/calculator/view/notices.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const D = METHODOLOGY_DEFAULTS;
const fmt = createFormatters('en-US', 'USD');
const scenario = scenarioWith({ inHouse: { baseSalary: 61000 }, outsourced: { seats: 6 } });

describe('the question chosen travels in the share link', () => {
  test.each(comparisons().map((c) => c.id))('%s: written after the scenario and read back with it', (id) => {
    const link = encodeLink(scenario, id);
    expect(link).toBe(`${encodeLink(scenario)}&${LINK_QUESTION_KEY}=${id}`);
    expect(decodeLink(link, D)).toEqual({ scenario, problems: [], question: id });
  });

  test('a link without a question (every link written before it was added) still opens, on the default question', () => {
    expect(decodeLink(encodeLink(scenario), D)).toEqual({ scenario, problems: [] });
    // A version-1 link, by name, too.
    expect(decodeLink('inHouse.baseSalary=61000', D).question).toBeUndefined();
  });

  test.each([
    ['an unknown question', 'q=bridge-inHouse', 'given "bridge-inHouse"'],
    ['markup', `q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, 'given "<img src=x onerror=alert(1)>"'],
    ['an empty question', 'q=', 'given ""'],
  ])('%s is refused, named, and the rest of the link is used', (_, tail, given) => {
    const { scenario: read, problems, question } = decodeLink(`${encodeLink(scenario)}&${tail}`, D);
    expect(read).toEqual(scenario);
    expect(question).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'not_allowed',
        field: 'q',
        expected: `one of ${comparisons()
          .map((c) => c.id)
          .join(', ')}`,
      }),
    ]);
    expect(problemItems(problems, D, fmt, true)[0]).toContain(given);
    expect(problemItems(problems, D, fmt, true)[0]).toMatch(
      /^Your question \(q\): expected one of all, inHouse-outsourced, .*\. Using the default question, “Which is cheapest\? \(all four\)”\.$/,
    );
  });

  test('a question given twice is ignored and reported, like any field', () => {
    const { problems, question } = decodeLink(`${encodeLink(scenario)}&q=all&q=inHouse-fullCycle`, D);
    expect(question).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate', field: 'q' })]);
  });
});

let store: CalculatorStore | undefined;
afterEach(() => {
  cleanStoresOf(store);
  store = undefined;
});

describe('the page’s address', () => {
  test('carries the question with the scenario, and opening it restores both', () => {
    store = calculatorStore(D, 'en-US');
    expect(store.$shareLink.get()).toBe('');
    store.setComparison('inHouse-fullCycle');
    const address = store.$shareLink.get();
    expect(address).toBe(encodeLink(D, 'inHouse-fullCycle'));
    const verdict = store.$view.get().verdict.headline;
    cleanStores(store.$scenario, store.$comparison, store.$shareLink, store.$view);

    store = calculatorStore(D, 'en-US');
    store.openLink(`?${address}`);
    expect(store.$comparison.get()).toBe('inHouse-fullCycle');
    expect(store.$view.get().verdict.headline).toBe(verdict);
    expect(store.$linkNotice.get()).toEqual([]);
  });

  test('changing the question does not put the break-even out of date (it is for the scenario, not the question)', () => {
    store = calculatorStore(D, 'en-US', { breakEven: 'They cost the same when …' });
    store.setComparison('outsourced-fullCycle');
    expect(store.$breakEven.get()).toEqual({ text: 'They cost the same when …', stale: false });
  });

  test('an unknown question in the link opens on the default question, and says so', () => {
    store = calculatorStore(D, 'en-US');
    store.openLink(`?${encodeLink(D)}&q=nonsense`);
    expect(store.$comparison.get()).toBe('all');
    expect(store.$linkNotice.get()).toEqual([
      `Your question (q): expected one of ${comparisons()
        .map((c) => c.id)
        .join(', ')}; given "nonsense". Using the default question, “Which is cheapest? (all four)”.`,
    ]);
  });
});
