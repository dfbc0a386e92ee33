import { describe, expect, test } from 'vitest';
import { probeStorage, safeEngine, StorageWriteError } from '../../../src/browser/storage.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

describe('probeStorage', () => {
  test.each([
    ['working storage', memoryStorage(), 'ok'],
    ['full storage', memoryStorage({ full: true }), 'full'],
    ['no storage (null or a throwing getter)', undefined, 'blocked'],
  ] as const)('%s is %s', (_name, storage, state) => {
    expect(probeStorage(storage)).toBe(state);
  });
});

describe('safeEngine', () => {
  test('reads and writes through getItem and setItem', () => {
    const storage = memoryStorage();
    const engine = safeEngine(storage);
    engine['k'] = 'v';
    expect(storage.getItem('k')).toBe('v');
    expect('k' in engine).toBe(true);
    expect(engine['k']).toBe('v');
    delete engine['k'];
    expect('k' in engine).toBe(false);
  });

  test('a refused write throws, so the store can say it was not saved', () => {
    expect(() => (safeEngine(memoryStorage({ full: true }))['k'] = 'v')).toThrow(StorageWriteError);
    expect(() => (safeEngine(undefined)['k'] = 'v')).toThrow(StorageWriteError);
  });

  test('without storage, reads find nothing and removing is harmless', () => {
    const engine = safeEngine(undefined);
    expect(engine['k']).toBeUndefined();
    expect('k' in engine).toBe(false);
    expect(() => delete engine['k']).not.toThrow();
  });
});
