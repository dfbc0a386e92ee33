import { describe, expect, test } from 'vitest';
import { stepsDone } from '../../../src/features/progress/wording.ts';
import {
  exportFileName,
  exportedMessage,
  fileTooLarge,
  fileUnreadable,
  importRefused,
  importedMessage,
} from '../../../src/features/progress/transfer-wording.ts';
import { EMPTY_PROGRESS } from '../../../src/features/progress/parse.ts';
import { progress } from './fixtures.ts';

const T1 = '2026-03-01T09:30:00.000Z';

describe('what the progress pages say', () => {
  test.each([
    [0, 9, '0 of 9 steps done'],
    [1, 1, '1 of 1 step done'],
    [3, 9, '3 of 9 steps done'],
  ])('a path with %d of %d steps done: %s', (done, total, text) => {
    expect(stepsDone(done, total)).toBe(text);
  });

  test('an export is named by its date and says what it holds', () => {
    expect(exportFileName(new Date(T1))).toBe('playbook-progress-2026-03-01.json');
    expect(exportedMessage('p.json', EMPTY_PROGRESS)).toBe('Exported p.json. Nothing is marked done yet, so the file is empty.');
    expect(exportedMessage('p.json', progress({ a: T1 }, { 'p/x': T1, 'p/y': T1 }))).toBe('Exported p.json: 1 chapter and 2 steps done.');
  });

  test('an import says what it added', () => {
    expect(importedMessage('p.json', { chapters: 0, steps: 0 })).toBe('Imported “p.json”: nothing new to mark done here (what is newer here was kept).');
    expect(importedMessage('p.json', { chapters: 1, steps: 3 })).toBe('Imported “p.json”: 1 more chapter and 3 more steps marked done.');
  });

  test.each([
    [
      'a file that is not progress',
      [{ code: 'not_parseable' as const, field: '', expected: 'JSON text', given: 'text that is not valid JSON' }],
      '“notes.txt” is not a progress file from this playbook (it is not valid JSON). Nothing was imported.',
    ],
    [
      'a merge over the limits',
      [{ code: 'conflict' as const, field: '', expected: 'at most …', given: '…' }],
      'Importing “notes.txt” would hold more than 10000 chapters or 2000 steps. Nothing was imported; reset first to replace your progress with the file.',
    ],
    [
      'a browser that will not store it',
      [{ code: 'not_saved' as const, field: '', expected: '…', given: '…' }],
      'The file was read, but this browser would not save it (its storage is full or blocked).',
    ],
  ])('a refused import: %s', (_name, problems, text) => {
    expect(importRefused('notes.txt', problems)).toBe(text);
  });

  test('files refused before they are read', () => {
    expect(fileTooLarge('huge.json', 5 * 1024 * 1024)).toBe(
      '“huge.json” is not a progress file from this playbook (it is 5120 KB, far larger than any progress file). Nothing was imported.',
    );
    expect(fileUnreadable('gone.json')).toBe('“gone.json” is not a progress file from this playbook (it could not be read). Nothing was imported.');
  });
});
