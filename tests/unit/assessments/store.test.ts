import { afterEach, describe, expect, test, vi } from 'vitest';
import { buildPageData, parsePageData, recommendableChapters } from '../../../src/features/assessments/page-data.ts';
import type { Assessment } from '../../../src/features/assessments/schema.ts';
import { EMPTY_SAVED, MAX_HISTORY, parseSaved, readSaved, type SavedAssessment } from '../../../src/features/assessments/saved.ts';
import { storageKey } from '../../../src/features/assessments/store.ts';
import { parseAssessmentFile } from '../../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../../src/common/problems.ts';
import { cleanStoresOf } from '../helpers/stores.ts';

const YAML = `
id: demo
title: Demo
audience: rep
intro: A demo.
minutes: 2
dimensions:
  - { id: habits, title: Habits, description: How often. }
questions:
  - { id: often, dimension: habits, kind: single, prompt: How often?, options: [{ label: Never, score: 0 }, { label: Always, score: 4 }] }
  - { id: plan, dimension: habits, kind: agreement, prompt: I plan. }
bands:
  - { from: 0, to: 49, label: Low, summary: Low., chapters: [one, two] }
  - { from: 50, to: 100, label: High, summary: High., chapters: [two] }
dimensionAdvice:
  habits: { low: Do more., chapters: [three, one] }
`;

function demo(): Assessment {
  const parsed = parseAssessmentFile('demo.yaml', YAML);
  if (!parsed.ok) throw new Error(formatProblems('demo.yaml', parsed.problems));
  return parsed.value;
}

const T1 = '2025-03-04T09:30:00.000Z';
const saved = (extra: Partial<SavedAssessment> = {}): SavedAssessment => ({ version: 1, answers: {}, history: [], ...extra });
const text = (value: unknown) => JSON.stringify(value);

describe('readSaved', () => {
  const assessment = demo();

  test.each([
    ['nothing stored', undefined, saved()],
    ['an empty string', '', saved()],
    ['answers in progress', text(saved({ answers: { often: 1 } })), saved({ answers: { often: 1 } })],
    [
      'a finished run with history',
      text(
        saved({
          answers: { often: 1, plan: 4 },
          finishedAt: T1,
          name: 'Ana',
          history: [{ takenAt: T1, answers: { often: 1, plan: 4 }, overall: 100, band: 'High' }],
        }),
      ),
      saved({
        answers: { often: 1, plan: 4 },
        finishedAt: T1,
        name: 'Ana',
        history: [{ takenAt: T1, answers: { often: 1, plan: 4 }, overall: 100, band: 'High' }],
      }),
    ],
  ])('keeps %s', (_, stored, expected) => {
    expect(readSaved(stored, assessment)).toEqual({ saved: expected });
  });

  test.each([
    ['text that is not JSON', '{"version":1,', '(It was not readable data.)'],
    ['a list instead of an object', '[]', '(Something unexpected was found.)'],
  ])('sets aside %s whole with a notice', (_, stored, detail) => {
    const read = readSaved(stored, assessment);
    expect(read.saved).toEqual(EMPTY_SAVED);
    expect(read.damaged).toBe(true);
    expect(read.notice).toBe(
      `Your saved answers for this self-assessment could not be read, so they were set aside and you start afresh. A copy is kept: download or discard it from the notice at the top of the page. ${detail}`,
    );
  });

  const entry = (overall: number, band = 'Low') => ({ takenAt: T1, answers: { often: 0 }, overall, band });
  test.each([
    ['an answer that is not a number', text({ version: 1, answers: { often: 'lots', plan: 2 }, history: [] }), saved({ answers: { plan: 2 } }), 1],
    ['an unknown field', text({ ...saved({ answers: { plan: 1 } }), extra: true }), saved({ answers: { plan: 1 } }), 1],
    ['a __proto__ answer key', '{"version":1,"answers":{"__proto__":1,"plan":0},"history":[]}', saved(), 1],
    ['a date that is not a date', text(saved({ answers: { plan: 1 }, finishedAt: '2025-13-45T99:00:00Z' })), saved({ answers: { plan: 1 } }), 1],
    [
      'one bad history entry among good ones',
      text(saved({ history: [entry(10), { ...entry(20), band: 'x'.repeat(500) }, entry(30)] })),
      saved({ history: [entry(10), entry(30)] }),
      1,
    ],
    ['two bad history entries', text({ version: 1, answers: {}, history: [entry(10), { overall: 'x' }, null] }), saved({ history: [entry(10)] }), 2],
    [
      'too long a history (the oldest goes)',
      text(saved({ history: Array.from({ length: MAX_HISTORY + 1 }, (_, i) => entry(i % 100)) })),
      saved({ history: Array.from({ length: MAX_HISTORY }, (_, i) => entry((i + 1) % 100)) }),
      1,
    ],
  ])('salvages %s entry by entry and says how many were set aside', (_, stored, expected, count) => {
    const read = readSaved(stored, assessment);
    expect(read.saved).toEqual(expected);
    expect(read.damaged).toBe(true);
    expect(read.notice).toBe(
      `${count === 1 ? 'One saved entry' : `${count} saved entries`} for this self-assessment could not be read and ${count === 1 ? 'was' : 'were'} set aside; your other answers and results are kept. A copy of what was stored is kept: download or discard it from the notice at the top of the page.`,
    );
  });

  test('sets aside data of a newer version, with its own notice', () => {
    expect(readSaved(text({ version: 2, answers: {}, history: [], extra: 1 }), assessment)).toEqual({
      saved: EMPTY_SAVED,
      damaged: true,
      notice:
        'Your saved answers were made by a newer version of this site and cannot be read here, so you start afresh. A copy is kept: download or discard it from the notice at the top of the page.',
    });
  });

  test('drops answers that no longer fit, one by one, and reopens a finished run they belonged to', () => {
    // "gone" is no longer a question; "often" has 2 options, so index 2 is out of range.
    const read = readSaved(text(saved({ answers: { often: 2, plan: 3, gone: 0 }, finishedAt: T1 })), assessment);
    expect(read.saved).toEqual(saved({ answers: { plan: 3 } }));
    expect(read.notice).toBe(
      '2 saved answers no longer match this self-assessment (it has changed since), so they were cleared. Please answer again where a question is empty.',
    );
  });
});

describe('parseSaved', () => {
  const assessment = demo();

  test.each([
    ['text that is not JSON', '{"version":1,', { code: 'not_parseable', field: '' }],
    ['a list', '[1]', { code: 'invalid', field: '' }],
    ['a newer version', text({ version: 2, answers: {}, history: [] }), { code: 'unsupported_version', field: 'version' }],
    ['too much text', ' '.repeat(200_001), { code: 'too_large', field: '' }],
  ])('refuses %s with a code', (_, stored, problem) => {
    expect(parseSaved(stored, assessment)).toMatchObject({ ok: false, problems: [problem] });
  });

  test('counts the answers it had to drop', () => {
    expect(parseSaved(text(saved({ answers: { often: 2, plan: 3, gone: 0 } })), assessment)).toEqual({
      ok: true,
      value: { saved: saved({ answers: { plan: 3 } }), dropped: 2, salvaged: 0 },
    });
  });
});

describe('assessmentStore', () => {
  type Store = typeof import('../../../src/features/assessments/store.ts');
  let loaded: ReturnType<Store['assessmentStore']> | undefined;
  const KEY = storageKey('/', 'demo');

  afterEach(() => {
    cleanStoresOf(loaded);
    loaded = undefined;
  });

  async function open(stored?: string) {
    vi.resetModules();
    const storage = await import('@nanostores/persistent');
    storage.useTestStorageEngine();
    storage.cleanTestStorage();
    if (stored !== undefined) storage.setTestStorageKey(KEY, stored);
    const module: Store = await import('../../../src/features/assessments/store.ts');
    loaded = module.assessmentStore(demo());
    const raw = (): string | undefined => storage.getTestStorage()[KEY];
    return { store: loaded, raw, stored: () => JSON.parse(raw() ?? 'null') as unknown };
  }

  test('saves answers as they are given, finishes, retakes and keeps the history', async () => {
    const { store, stored } = await open();
    store.answer('often', 1);
    store.answer('plan', 2);
    expect(stored()).toEqual(saved({ answers: { often: 1, plan: 2 } }));
    const entry = { takenAt: T1, answers: { often: 1, plan: 2 }, overall: 86, band: 'High' };
    store.finish(entry);
    store.setName('  Ana ');
    expect(stored()).toEqual(saved({ answers: { often: 1, plan: 2 }, finishedAt: T1, name: 'Ana', history: [entry] }));
    store.retake();
    expect(store.$saved.get()).toEqual(saved({ name: 'Ana', history: [entry] }));
    expect(stored()).toEqual(saved({ name: 'Ana', history: [entry] }));
    store.forget();
    expect(stored()).toEqual(saved());
  });

  test('shows a notice for unreadable data and replaces it at the first answer', async () => {
    const { store, raw, stored } = await open('not json');
    expect(store.$notice.get()).toMatch(/^Your saved answers for this self-assessment could not be read/);
    expect(store.$saved.get()).toEqual(saved());
    expect(raw()).toBe('not json'); // left in storage until an action
    store.answer('often', 0);
    expect(store.$notice.get()).toBe('');
    expect(stored()).toEqual(saved({ answers: { often: 0 } }));
  });

  test('keeps at most the last MAX_HISTORY results', async () => {
    const { store } = await open();
    for (let i = 0; i < MAX_HISTORY + 2; i++)
      store.finish({ takenAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), answers: {}, overall: i, band: 'Low' });
    const history = store.$saved.get().history;
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.overall).toBe(2);
  });
});

describe('assessment page data', () => {
  const assessment = demo();

  test('lists every chapter a band or advice can recommend, once, bands first', () => {
    expect(recommendableChapters(assessment)).toEqual(['one', 'two', 'three']);
  });

  test('round-trips through JSON and is checked on the way in', () => {
    const data = buildPageData(assessment, (id) => (id === 'three' ? undefined : { title: id.toUpperCase(), href: `/x/chapters/${id}/` }));
    expect(data.chapters).toEqual({ one: { title: 'ONE', href: '/x/chapters/one/' }, two: { title: 'TWO', href: '/x/chapters/two/' } });
    expect(parsePageData(JSON.parse(JSON.stringify(data)), 'demo')).toEqual(data);
  });

  test.each([
    ['another assessment', (d: Record<string, unknown>) => d, 'other'],
    ['no questions', (d: Record<string, unknown>) => ({ ...d, assessment: { ...(d['assessment'] as object), questions: [] } }), 'demo'],
    ['a chapter without a title', (d: Record<string, unknown>) => ({ ...d, chapters: { one: { href: '/' } } }), 'demo'],
    ['not an object', () => 'nope', 'demo'],
  ])('refuses data with %s', (_, change, id) => {
    const data = JSON.parse(JSON.stringify(buildPageData(assessment, () => ({ title: 'T', href: '/' })))) as Record<string, unknown>;
    expect(parsePageData(change(data), id)).toBeUndefined();
  });
});
