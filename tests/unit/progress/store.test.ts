import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanStoresOf } from '../helpers/stores.ts';
import { T1, T2, progress } from './fixtures.ts';

const KEY = 'pb-progress:/';

type Store = typeof import('../../../src/features/progress/store.ts');
type Persistent = typeof import('@nanostores/persistent');
let loaded: Store | undefined;

/**
 * A fresh store over nanostores' test storage, as a page would create it: `stored` is what this browser
 * holds before the page loads. The store subscribes, as the page's elements do, so other tabs' changes arrive.
 */
async function open(stored?: string): Promise<{ store: Store; storage: Persistent; unsubscribe: () => void }> {
  vi.resetModules();
  const storage = await import('@nanostores/persistent');
  storage.useTestStorageEngine();
  storage.cleanTestStorage();
  if (stored !== undefined) storage.setTestStorageKey(KEY, stored);
  const store = await import('../../../src/features/progress/store.ts');
  loaded = store;
  const unsubscribe = store.$progress.subscribe(() => {});
  return { store, storage, unsubscribe };
}

const saved = (storage: Persistent): unknown => {
  const text = storage.getTestStorage()[KEY];
  return text === undefined ? undefined : JSON.parse(text);
};

afterEach(() => {
  cleanStoresOf(loaded);
  loaded = undefined;
});

describe('the progress store', () => {
  test('keys progress by the site’s base path', async () => {
    const { store } = await open();
    expect.soft(store.progressStorageKey('/')).toBe(KEY);
    expect(store.progressStorageKey('/sales/playbook/')).toBe('pb-progress:/sales/playbook/');
  });

  test('starts empty, with no notice and nothing written, when nothing is stored', async () => {
    const { store, storage } = await open();
    expect(store.$progress.get()).toEqual(progress());
    expect(store.$notice.get()).toBeUndefined();
    expect(storage.getTestStorage()).toEqual({});
  });

  test('reads what an earlier visit stored', async () => {
    const { store } = await open(JSON.stringify(progress({ 'beyond-bant': T1 })));
    expect(store.$progress.get()).toEqual(progress({ 'beyond-bant': T1 }));
  });

  test('marks and unmarks chapters and steps, keeping the first time, and stores them', async () => {
    const { store, storage } = await open();
    store.markChapter('beyond-bant', T1);
    store.markChapter('beyond-bant', T2);
    store.markStep('new-rep/task-x', true, T2);
    expect(saved(storage)).toEqual(progress({ 'beyond-bant': T1 }, { 'new-rep/task-x': T2 }));
    store.unmarkChapter('beyond-bant', T2);
    store.markStep('new-rep/task-x', false, T2);
    // Nothing is done; what was un-marked, and when, stays, so an older export imported later does not bring it back.
    expect(saved(storage)).toEqual({ ...progress(), undone: { chapters: { 'beyond-bant': T2 }, steps: { 'new-rep/task-x': T2 } } });
  });

  test('records the chapter read last', async () => {
    const { store, storage } = await open();
    store.visit('beyond-bant', 'Beyond BANT', T1);
    store.visit('leads-versus-targets', 'Leads are not targets', T2);
    expect(saved(storage)).toEqual(progress({}, {}, { chapter: 'leads-versus-targets', at: T2, title: 'Leads are not targets' }));
  });

  test.each([
    ['damaged JSON', '{"format":"pb-progress",'],
    ['another app’s data', '{"theme":"dark"}'],
    ['a newer format', JSON.stringify({ ...progress(), version: 2 })],
  ])('%s stored: empty progress and a notice; browsing leaves it alone; marking replaces it', async (_name, text) => {
    const { store, storage } = await open(text);
    expect(store.$progress.get()).toEqual(progress());
    expect(store.$notice.get()).toMatch(/^The progress saved in this browser could not be read/);
    store.visit('beyond-bant', 'Beyond BANT', T1);
    expect(storage.getTestStorage()[KEY]).toBe(text);
    store.markChapter('beyond-bant', T2);
    expect(saved(storage)).toEqual(progress({ 'beyond-bant': T2 }));
    expect(store.$notice.get()).toBeUndefined();
  });

  test.each([
    ['a bad date', `{"beyond-bant":"${T1}","cold-calls":"yesterday","discovery-calls":"${T2}"}`],
    ['a __proto__ key', `{"__proto__":"${T1}","beyond-bant":"${T1}","discovery-calls":"${T2}"}`],
  ])('one entry with %s: the others are kept, the notice counts what was set aside', async (_name, chapters) => {
    const { store } = await open(`{"format":"pb-progress","version":1,"chapters":${chapters},"steps":{"p/x":"${T1}"}}`);
    expect(store.$progress.get()).toEqual(progress({ 'beyond-bant': T1, 'discovery-calls': T2 }, { 'p/x': T1 }));
    expect(store.$notice.get()).toMatch(/^One entry of the progress saved in this browser could not be read and was set aside; everything else is shown\./);
  });

  describe('what a chapter page noted before the store loaded', () => {
    /** The page's localStorage, holding only the noted changes (the store's own key lives in the test storage). */
    const noted = (text: string, more: [string, string][] = []): Map<string, string> => {
      const items = new Map([['pb-progress-pending:/', text], ...more]);
      vi.stubGlobal('localStorage', {
        getItem: (k: string) => items.get(k) ?? null,
        removeItem: (k: string) => void items.delete(k),
        get length() {
          return items.size;
        },
        key: (i: number) => [...items.keys()][i] ?? null,
      });
      return items;
    };
    afterEach(() => vi.unstubAllGlobals());

    test('is applied through the usual checks, keeping first times, and then removed', async () => {
      const items = noted(
        JSON.stringify({
          visit: { chapter: 'leads-versus-targets', at: T2, title: 'Leads are not targets' },
          marks: { 'beyond-bant': T2, 'leads-versus-targets': T2, 'cold-calling': null, __proto__: T1, 'Not An Id': T1 },
        }),
      );
      const { store } = await open(JSON.stringify(progress({ 'beyond-bant': T1, 'cold-calling': T1 })));
      expect(store.pendingStorageKey('/sales/playbook/')).toBe('pb-progress-pending:/sales/playbook/');
      const { undone, ...rest } = store.$progress.get();
      expect(rest).toEqual(
        progress({ 'beyond-bant': T1, 'leads-versus-targets': T2 }, {}, { chapter: 'leads-versus-targets', at: T2, title: 'Leads are not targets' }),
      );
      // The un-mark is remembered with its time, so an older export cannot bring the chapter back.
      expect(Object.keys(undone?.chapters ?? {})).toEqual(['cold-calling']);
      expect(items.size).toBe(0);
    });

    test('marks two tabs noted under their own keys are both applied and removed; another site’s are left alone', async () => {
      const items = noted(JSON.stringify({ visit: { chapter: 'beyond-bant', at: T2 } }), [
        ['pb-progress-pending:/#tab1', JSON.stringify({ marks: { 'beyond-bant': T2 } })],
        ['pb-progress-pending:/#tab2', JSON.stringify({ marks: { 'leads-versus-targets': T2 } })],
        ['pb-progress-pending:/other/#tab3', JSON.stringify({ marks: { 'cold-calling': T2 } })],
      ]);
      const { store } = await open(JSON.stringify(progress({ 'cold-calling': T1 })));
      expect(store.$progress.get().chapters).toEqual({ 'cold-calling': T1, 'beyond-bant': T2, 'leads-versus-targets': T2 });
      expect([...items.keys()]).toEqual(['pb-progress-pending:/other/#tab3']);
    });

    test.each([
      ['damaged JSON', '{"visit":'],
      ['a list', '[1,2]'],
      ['wrong types', JSON.stringify({ visit: { chapter: 3, at: T1 }, marks: { 'beyond-bant': 5 } })],
      ['a date that is no date', JSON.stringify({ marks: { 'beyond-bant': 'yesterday' } })],
    ])('%s is skipped and removed', async (_name, text) => {
      const items = noted(text);
      const { store } = await open(JSON.stringify(progress({ 'cold-calling': T1 })));
      expect(store.$progress.get()).toEqual(progress({ 'cold-calling': T1 }));
      expect(items.size).toBe(0);
    });

    test('a mark made and taken back before the store loaded still outranks an older copy imported later', async () => {
      noted(JSON.stringify({ marks: { 'beyond-bant': null } }));
      const { store } = await open(JSON.stringify(progress({ 'cold-calling': T1 })));
      expect(store.$progress.get().chapters).toEqual({ 'cold-calling': T1 });
      expect(Object.keys(store.$progress.get().undone?.chapters ?? {})).toEqual(['beyond-bant']);
      const older = JSON.stringify(progress({ 'beyond-bant': T1 }));
      const imported = store.importProgress(older);
      expect(imported.ok && imported.value.added).toEqual({ chapters: 0, steps: 0 });
      expect(store.$progress.get().chapters).toEqual({ 'cold-calling': T1 });
    });

    test('a visit noted while the stored progress is unreadable leaves it alone', async () => {
      noted(JSON.stringify({ visit: { chapter: 'beyond-bant', at: T1 } }));
      const { store, storage } = await open('{"theme":"dark"}');
      expect(store.$notice.get()).toMatch(/^The progress saved in this browser could not be read/);
      expect(storage.getTestStorage()[KEY]).toBe('{"theme":"dark"}');
    });
  });

  test('reset forgets everything, unreadable data included', async () => {
    const first = await open(JSON.stringify(progress({ a: T1 }, { 'p/x': T1 }, { chapter: 'a', at: T1 })));
    first.store.reset();
    expect(first.store.$progress.get()).toEqual(progress());
    expect(first.storage.getTestStorage()).toEqual({});
    const second = await open('not json');
    second.store.reset();
    expect(second.storage.getTestStorage()).toEqual({});
    expect(second.store.$notice.get()).toBeUndefined();
  });

  test('an import merges into what is there and says what it added', async () => {
    const { store, storage } = await open(JSON.stringify(progress({ a: T2 })));
    const result = store.importProgress(JSON.stringify(progress({ a: T1, b: T2 }, { 'p/x': T1 })));
    expect(result).toMatchObject({ ok: true, value: { added: { chapters: 1, steps: 1 } } });
    expect(saved(storage)).toEqual(progress({ a: T2, b: T2 }, { 'p/x': T1 }));
  });

  test('a refused import changes nothing', async () => {
    const before = JSON.stringify(progress({ a: T2 }));
    const { store, storage } = await open(before);
    const result = store.importProgress('{"not":"progress"}');
    expect(result.ok).toBe(false);
    expect(storage.getTestStorage()[KEY]).toBe(before);
  });

  test('changes made in another tab arrive, and damaged ones become a notice', async () => {
    const { store, storage } = await open();
    storage.setTestStorageKey(KEY, JSON.stringify(progress({ a: T1 })));
    expect(store.$progress.get()).toEqual(progress({ a: T1 }));
    storage.setTestStorageKey(KEY, '{oops');
    expect(store.$progress.get()).toEqual(progress());
    expect(store.$notice.get()).toMatch(/could not be read \(it is not valid JSON\)/);
    storage.setTestStorageKey(KEY, undefined);
    expect(store.$progress.get()).toEqual(progress());
  });

  test('a browser that refuses to store gets a notice, not an error', async () => {
    const { store, storage } = await open();
    storage.setPersistentEngine(
      new Proxy({} as Record<string, string>, {
        set: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      }),
      { addEventListener() {}, removeEventListener() {} },
    );
    expect(() => store.markChapter('a', T1)).not.toThrow();
    expect(store.$notice.get()).toMatch(/could not be saved in this browser/);
    // An import that this browser will not store says so, with its own code.
    expect(store.importProgress(JSON.stringify(progress({ b: T2 })))).toMatchObject({ ok: false, problems: [{ code: 'not_saved' }] });
  });
});
