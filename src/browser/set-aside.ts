/**
 * Stored data this site could not read in full (damaged, edited, written by a newer version) is never
 * thrown away by browsing: the store that found it keeps the raw text under a key of its own,
 * `pb-set-aside:<original key>`, and every page offers the reader to download or discard it
 * (StorageNotice.astro, through set-aside-copies.ts, loaded only when there is a copy). Each store goes
 * on with what it could salvage.
 */
import { reachStorage, readItem, writeItem } from './storage.ts';

/** The prefix of every set-aside copy; the rest of the key is the key the data was found under. */
export const SET_ASIDE_PREFIX = 'pb-set-aside:';
/** Copies kept per original key: a second damaged value found later goes beside the first, never over it. */
const MAX_COPIES = 5;

/** The window event sent when a copy has been set aside, so the page's notice can show it. */
export const SET_ASIDE_EVENT = 'pb-set-aside';

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

/** Whether this browser holds any set-aside copy (of any site on this host); cheap enough for every page. */
export function anySetAside(storage: Storage | undefined = reachStorage()): boolean {
  try {
    for (let i = 0; storage && i < storage.length; i++) if (storage.key(i)?.startsWith(SET_ASIDE_PREFIX)) return true;
  } catch {
    /* storage blocked: nothing was set aside */
  }
  return false;
}
