/**
 * Listing, downloading and discarding the copies set aside by set-aside.ts: loaded by the page's notice
 * only when there is at least one copy.
 */
import { SET_ASIDE_PREFIX } from './set-aside.ts';
import { reachStorage, readItem, writeItem } from './storage.ts';

/** One set-aside copy: the key it was kept under, the key it was found under, and the raw text. */
export interface SetAsideCopy {
  key: string;
  original: string;
  text: string;
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

/** What the set-aside notice says for `count` copies. */
export function setAsideText(count: number): string {
  return `${count === 1 ? 'Some data' : `${count} pieces of data`} this site saved in this browser could not be read and ${count === 1 ? 'was' : 'were'} set aside (the page goes on with what could be read). The unreadable copy is kept until you download or discard it.`;
}
