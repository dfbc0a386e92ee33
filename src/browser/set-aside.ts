/**
 * Stored data this site could not read in full (damaged, edited, written by a newer version) is never
 * thrown away by browsing: the store that found it keeps the raw text under a key of its own,
 * `pb-set-aside:<original key>`, and every page offers the reader to download or discard it
 * (StorageNotice.astro). Each store goes on with what it could salvage.
 */
import { reachStorage, readItem, writeItem } from './storage.ts';

/** The prefix of every set-aside copy; the rest of the key is the key the data was found under. */
export const SET_ASIDE_PREFIX = 'pb-set-aside:';
/** Copies kept per original key: a second damaged value found later goes beside the first, never over it. */
const MAX_COPIES = 5;

/** The window event sent when a copy has been set aside, so the page's notice can show it. */
export const SET_ASIDE_EVENT = 'pb-set-aside';

/** One set-aside copy: the key it was kept under, the key it was found under, and the raw text. */
export interface SetAsideCopy {
  key: string;
  original: string;
  text: string;
}

/**
 * Keeps `text`, found under `original`, under a set-aside key unless the same text is already kept.
 * Returns false when the browser refused to store it (the caller must then leave `original` alone).
 */
export function setAside(original: string, text: string, storage: Storage | undefined = reachStorage()): boolean {
  for (let n = 1; n <= MAX_COPIES; n++) {
    const key = `${SET_ASIDE_PREFIX}${original}${n === 1 ? '' : `#${n}`}`;
    const kept = readItem(key, storage);
    if (kept === text) return true;
    if (kept !== undefined) continue;
    const written = writeItem(key, text, storage);
    if (written && typeof window !== 'undefined') window.dispatchEvent(new Event(SET_ASIDE_EVENT));
    return written;
  }
  return false;
}

/** Whether a data key (`pb-progress:/base/`, `pb-assessment:/base/id`) belongs to the site under `base`. */
export function belongsTo(original: string, base: string): boolean {
  const rest = original.slice(original.indexOf(':') + 1);
  return rest.startsWith(base) && !rest.slice(base.length).includes('/');
}

/** The set-aside copies of the site under `base`, in key order. */
export function setAsideCopies(base: string, storage: Storage | undefined = reachStorage()): SetAsideCopy[] {
  const copies: SetAsideCopy[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(SET_ASIDE_PREFIX)) continue;
      const original = key.slice(SET_ASIDE_PREFIX.length).replace(/#\d+$/, '');
      const text = readItem(key, storage);
      if (text !== undefined && belongsTo(original, base)) copies.push({ key, original, text });
    }
  } catch {
    /* storage blocked: nothing was set aside */
  }
  return copies.sort((a, b) => a.key.localeCompare(b.key));
}

/** The file a reader downloads: every copy with the key it was found under, as JSON. */
export function setAsideFile(copies: readonly SetAsideCopy[], at: Date): string {
  const data = { format: 'pb-set-aside', savedAt: at.toISOString(), copies: copies.map(({ original, text }) => ({ key: original, text })) };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Removes the copies; returns how many are gone. */
export function discardCopies(copies: readonly SetAsideCopy[], storage: Storage | undefined = reachStorage()): number {
  return copies.filter((c) => writeItem(c.key, undefined, storage)).length;
}
