/**
 * Scenarios a leader names and saves in this browser (localStorage): the stored format and its
 * defensive reading. A saved scenario is its share link, so opening one goes through the same
 * checks as any link. A damaged list is never trusted nor silently dropped: what can be read is
 * kept, the rest is counted in a notice, and the damaged text is kept aside before anything is
 * written over it. Pure; the store does the storing.
 */

import { CALCULATOR_DAMAGED_KEY, CALCULATOR_SAVED_KEY } from '../saved-keys.ts';

/** The localStorage key of the list. */
export const SAVED_KEY = CALCULATOR_SAVED_KEY;
/** Where an unreadable list is kept before a new one is written. */
export const DAMAGED_KEY = CALCULATOR_DAMAGED_KEY;
/** Limits that keep the list small and its entries sane. */
export const MAX_SAVED = 50;
export const MAX_NAME = 80;
const MAX_LINK = 4000;

/** One saved scenario. */
export interface SavedScenario {
  name: string;
  /** When it was saved (ISO 8601). */
  savedAt: string;
  /** Its share-link query, without `?`. */
  link: string;
}

/** The list as read, and what could not be read (null when everything was fine). */
export interface SavedReading {
  items: SavedScenario[];
  problem: string | null;
  /** True when the stored text must be kept aside before the list is written again. */
  damaged: boolean;
}

const isEntry = (value: unknown): value is SavedScenario => {
  if (typeof value !== 'object' || value === null) return false;
  const { name, savedAt, link } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name.trim() !== '' &&
    name.length <= MAX_NAME &&
    typeof savedAt === 'string' &&
    !Number.isNaN(Date.parse(savedAt)) &&
    typeof link === 'string' &&
    link.length <= MAX_LINK
  );
};

/** Reads the stored list (null: nothing stored yet). */
export function readSaved(text: string | null): SavedReading {
  if (text === null || text === '') return { items: [], problem: null, damaged: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      items: [],
      problem:
        'Your saved scenarios could not be read (the stored list is damaged). It has been kept aside; the calculator works as usual and new saves start a new list.',
      damaged: true,
    };
  }
  const list = (parsed as { items?: unknown } | null)?.items;
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1 || !Array.isArray(list)) {
    return {
      items: [],
      problem:
        'Your saved scenarios are in a format this calculator does not know. They have been kept aside; the calculator works as usual and new saves start a new list.',
      damaged: true,
    };
  }
  const items = list
    .filter(isEntry)
    .slice(0, MAX_SAVED)
    .map(({ name, savedAt, link }) => ({ name: name.trim(), savedAt, link }));
  const skipped = list.length - items.length;
  return {
    items,
    problem:
      skipped > 0
        ? `${skipped === 1 ? '1 saved scenario' : `${skipped} saved scenarios`} could not be read and ${skipped === 1 ? 'is' : 'are'} not listed; the others are.`
        : null,
    damaged: skipped > 0,
  };
}

/** The stored text of a list. */
export function writeSaved(items: readonly SavedScenario[]): string {
  return JSON.stringify({ version: 1, items });
}

/** A name as saved: trimmed and cut to MAX_NAME; "Scenario N" when empty. */
export function savedName(typed: string, items: readonly SavedScenario[]): string {
  const name = typed.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return name || `Scenario ${items.length + 1}`;
}

/** Adds (or replaces, by name) a saved scenario; the newest first, at most MAX_SAVED. */
export function withSaved(items: readonly SavedScenario[], entry: SavedScenario): SavedScenario[] {
  return [entry, ...items.filter((item) => item.name !== entry.name)].slice(0, MAX_SAVED);
}
