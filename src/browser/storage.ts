/**
 * The one way this site reaches the browser's storage. Browsers refuse storage in several ways: the
 * `localStorage` getter throws (site data blocked), it is `null` (Firefox with storage disabled), or every
 * write throws a quota error (storage full). `@nanostores/persistent` falls back to an in-memory object on
 * the first and crashes on the second, so saving failed silently or pages broke. This module probes storage
 * once, installs a storage engine for the persistent stores that reads safely and throws on a write that
 * did not happen (so each store can say so), and tells the shared notice what state storage is in.
 */
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

/** How usable this browser's storage is: `ok`, `full` (reads work, writes are refused) or `blocked` (nothing works). */
export type StorageState = 'ok' | 'full' | 'blocked';

/** Thrown by the storage engine when a value could not be written. */
export class StorageWriteError extends Error {
  constructor(cause?: unknown) {
    super('This browser did not save the value (its storage is full or blocked).', { cause });
    this.name = 'StorageWriteError';
  }
}

const PROBE_KEY = 'pb-storage-probe';

/** `window.localStorage`, or undefined when the browser will not hand it out (a throwing getter or `null`). */
export function reachStorage(): Storage | undefined {
  try {
    const storage = typeof window === 'undefined' ? undefined : window.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Works out the state of `storage` by writing and removing a small probe value. */
export function probeStorage(storage: Storage | undefined = reachStorage()): StorageState {
  if (!storage) return 'blocked';
  try {
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return 'ok';
  } catch {
    try {
      storage.getItem(PROBE_KEY);
      return 'full';
    } catch {
      return 'blocked';
    }
  }
}

/** Reads a key; undefined when absent or when storage cannot be read. */
export function readItem(key: string, storage: Storage | undefined = reachStorage()): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a key (removes it for undefined); returns false when the browser refused. */
export function writeItem(key: string, value: string | undefined, storage: Storage | undefined = reachStorage()): boolean {
  if (!storage) return false;
  try {
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A storage engine in the shape `@nanostores/persistent` uses (property reads, `in`, assignment, delete),
 * backed by `storage` through `getItem`/`setItem` so nothing throws on reading and a refused write throws
 * `StorageWriteError` instead of landing in a silent in-memory copy.
 */
export function safeEngine(storage: Storage | undefined): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get: (_target, key) => (typeof key === 'string' ? readItem(key, storage) : undefined),
    has: (_target, key) => typeof key === 'string' && readItem(key, storage) !== undefined,
    set: (_target, key, value: unknown) => {
      if (typeof key !== 'string' || !writeItem(key, String(value), storage)) throw new StorageWriteError();
      return true;
    },
    // Removing cannot fill storage, and where storage is blocked there is nothing to remove.
    deleteProperty: (_target, key) => {
      if (typeof key === 'string') writeItem(key, undefined, storage);
      return true;
    },
  });
}

/** The state found when this module was first loaded in the page. */
export const storageState: StorageState = typeof window === 'undefined' ? 'ok' : probeStorage();

if (typeof window !== 'undefined') setPersistentEngine(safeEngine(reachStorage()), windowPersistentEvents);

/** The sentence the shared notice shows for a state; empty when storage works. */
export function storageNotice(state: StorageState): string {
  if (state === 'blocked') {
    return 'This browser is not letting this site save anything (site data is blocked). Everything works while this page is open, but your progress, answers and ticks will be gone when you leave it. Allow site data for this site to keep them.';
  }
  if (state === 'full') {
    return 'This browser’s storage for this site is full, so new progress, answers and ticks cannot be saved. What was saved before is kept. Free some space (for example by clearing data of other sites) to save again.';
  }
  return '';
}
