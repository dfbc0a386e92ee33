import { describe, expect, test } from 'vitest';
import { probeStorage, safeEngine, StorageWriteError } from '../../../src/browser/storage.ts';

/** A Storage-like object backed by a Map; `full` makes every write throw a quota error. */
function fakeStorage(full = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('probeStorage', () => {
  test.each([
    ['working storage', fakeStorage(), 'ok'],
    ['full storage', fakeStorage(true), 'full'],
    ['no storage (null or a throwing getter)', undefined, 'blocked'],
  ] as const)('%s is %s', (_name, storage, state) => {
    expect(probeStorage(storage)).toBe(state);
  });
});

describe('safeEngine', () => {
  test('reads and writes through getItem and setItem', () => {
    const storage = fakeStorage();
    const engine = safeEngine(storage);
    engine['k'] = 'v';
    expect(storage.getItem('k')).toBe('v');
    expect('k' in engine).toBe(true);
    expect(engine['k']).toBe('v');
    delete engine['k'];
    expect('k' in engine).toBe(false);
  });

  test('a refused write throws, so the store can say it was not saved', () => {
    expect(() => (safeEngine(fakeStorage(true))['k'] = 'v')).toThrow(StorageWriteError);
    expect(() => (safeEngine(undefined)['k'] = 'v')).toThrow(StorageWriteError);
  });

  test('without storage, reads find nothing and removing is harmless', () => {
    const engine = safeEngine(undefined);
    expect(engine['k']).toBeUndefined();
    expect('k' in engine).toBe(false);
    expect(() => delete engine['k']).not.toThrow();
  });
});
