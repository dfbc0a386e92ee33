/** A bounded slice of a list around one item, with how many items were left out on each side. */
export interface Window<T> {
  items: T[];
  before: number;
  after: number;
}

/**
 * The items within `radius` of the item at `at`, or the first ones when `at` is -1 (all of them when
 * the list is short). Navigation uses
 * it so every page stays the same size however many chapters and sections a playbook has.
 */
export function windowAround<T>(list: readonly T[], at: number, radius: number): Window<T> {
  if (list.length <= radius * 2 + 3) return { items: [...list], before: 0, after: 0 };
  // With no current item (a section page), the window starts at the beginning.
  at = Math.max(0, at);
  let start = Math.max(0, at - radius);
  let end = Math.min(list.length, at + radius + 1);
  // Keep the window full near either end of the list.
  if (start === 0) end = Math.min(list.length, radius * 2 + 1);
  if (end === list.length) start = Math.max(0, list.length - (radius * 2 + 1));
  return { items: list.slice(start, end), before: start, after: list.length - end };
}
