/**
 * A checklist's ticks as this browser keeps them: a JSON list of the ticked items' positions
 * (0 = first item), e.g. `[0,2]`, under `pb-checklist:<base path>chapters/<chapter id>/:<checklist title>`.
 */

/**
 * Where a checklist's ticks are kept: by the chapter's id, not the address it was opened under (the same
 * chapter is reached as `…/index.html` or `//chapters/…` too). The key is the one earlier versions used
 * for the chapter's own address, so ticks kept before carry over.
 */
export function checklistKey(base: string, chapterId: string, title: string): string {
  return `pb-checklist:${base}chapters/${chapterId}/:${title}`;
}

/** Longest stored text read back (a list of every position of a 1,000-item checklist is under 4,000). */
export const MAX_TICKS_TEXT = 10_000;

/**
 * The positions ticked in a checklist of `itemCount` items, read from stored text. Anything that is
 * not a list of whole numbers from 0 to `itemCount - 1` (damaged, foreign, from an older page with
 * more items) is skipped; unreadable text means nothing ticked. Never throws.
 */
export function parseTicks(text: unknown, itemCount: number): Set<number> {
  const ticked = new Set<number>();
  if (typeof text !== 'string' || text.length > MAX_TICKS_TEXT) return ticked;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ticked;
  }
  if (!Array.isArray(value)) return ticked;
  for (const item of value) {
    if (Number.isInteger(item) && item >= 0 && item < itemCount) ticked.add(item as number);
  }
  return ticked;
}

/** The text to store for a checklist's ticks: positions in ascending order, e.g. `[0,2]`. */
export function ticksText(ticked: Iterable<number>): string {
  return JSON.stringify([...ticked].sort((a, b) => a - b));
}
