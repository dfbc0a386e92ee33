import { describe, expect, test } from 'vitest';
import { setAside } from '../../../src/browser/set-aside.ts';
import { belongsTo, discardCopies, setAsideCopies, setAsideFile } from '../../../src/browser/set-aside-copies.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

describe('stored data set aside', () => {
  test('a copy is kept under its own key, once per text, and a later different text goes beside it', () => {
    const storage = memoryStorage();
    expect(setAside('pb-progress:/', 'first', storage)).toBe(true);
    expect(setAside('pb-progress:/', 'first', storage)).toBe(true);
    expect(setAside('pb-progress:/', 'second', storage)).toBe(true);
    expect(setAsideCopies('/', storage).map((c) => [c.key, c.text])).toEqual([
      ['pb-set-aside:pb-progress:/', 'first'],
      ['pb-set-aside:pb-progress:/#2', 'second'],
    ]);
  });

  test('a full storage refuses the copy, so the caller knows to leave the original alone', () => {
    expect(setAside('pb-progress:/', 'text', memoryStorage({ full: true }))).toBe(false);
    expect(setAside('pb-progress:/', 'text', undefined)).toBe(false);
  });

  test.each([
    ['pb-progress:/', '/', true],
    ['pb-assessment:/habits', '/', true],
    ['pb-progress:/sales/playbook/', '/', false],
    ['pb-assessment:/sales/playbook/habits', '/', false],
    ['pb-assessment:/sales/playbook/habits', '/sales/playbook/', true],
    ['pb-progress:/other/', '/sales/playbook/', false],
  ])('%s belongs to the site under %s: %s', (key, base, expected) => {
    expect(belongsTo(key, base)).toBe(expected);
  });

  test('each site lists only its own copies; the file names where each was found; discarding removes them', () => {
    const storage = memoryStorage();
    setAside('pb-progress:/sales/playbook/', '{"bad"', storage);
    setAside('pb-assessment:/sales/playbook/habits', '{"version":1,"history":[0]}', storage);
    setAside('pb-progress:/', 'root', storage);
    const copies = setAsideCopies('/sales/playbook/', storage);
    expect(copies.map((c) => c.original)).toEqual(['pb-assessment:/sales/playbook/habits', 'pb-progress:/sales/playbook/']);
    expect(JSON.parse(setAsideFile(copies, new Date('2026-03-01T09:30:00.000Z')))).toEqual({
      format: 'pb-set-aside',
      savedAt: '2026-03-01T09:30:00.000Z',
      copies: [
        { key: 'pb-assessment:/sales/playbook/habits', text: '{"version":1,"history":[0]}' },
        { key: 'pb-progress:/sales/playbook/', text: '{"bad"' },
      ],
    });
    expect(discardCopies(copies, storage)).toBe(2);
    expect(setAsideCopies('/sales/playbook/', storage)).toEqual([]);
    expect(setAsideCopies('/', storage).map((c) => c.text)).toEqual(['root']);
  });
});
