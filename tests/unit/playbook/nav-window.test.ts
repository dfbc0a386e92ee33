import { expect, test } from 'vitest';
import { windowAround } from '../../../src/playbook/nav-window.ts';

const list = Array.from({ length: 50 }, (_, i) => i);

test.each([
  // [length, at, expected first item, count, before, after]
  [9, 4, 0, 9, 0, 0], // short lists are shown whole
  [50, 25, 22, 7, 22, 21],
  [50, 0, 0, 7, 0, 43], // near the start the window stays full
  [50, 49, 43, 7, 43, 0], // and near the end
  [50, -1, 0, 7, 0, 43], // no current item (a section page): the first ones
])('a list of %i around %i starts at %i with %i items (%i before, %i after)', (length, at, first, count, before, after) => {
  const w = windowAround(list.slice(0, length), at, 3);
  expect(w.items[0]).toBe(first);
  expect(w.items).toHaveLength(count);
  expect([w.before, w.after]).toEqual([before, after]);
  expect(w.before + w.items.length + w.after).toBe(length);
});

test('the window size does not depend on the length of the list', () => {
  const sizes = [20, 200, 5000].map(
    (n) =>
      windowAround(
        Array.from({ length: n }, (_, i) => i),
        Math.floor(n / 2),
        3,
      ).items.length,
  );
  expect(new Set(sizes).size).toBe(1);
});
