import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeTargets,
  encodeTargets,
  importProgressText,
  mergeProgress,
  pathCompletion,
  setChapterDone,
  setStepDone,
  setVisited,
  type StepTarget,
} from '../../../src/features/progress/progress.ts';
import { PROGRESS_LIMITS, isIsoDate } from '../../../src/features/progress/format.ts';
import { EMPTY_PROGRESS, parseProgressText, parseProgressValue, progressReason, readStoredProgress } from '../../../src/features/progress/parse.ts';
import { stepTargets } from '../../../src/features/progress/targets.ts';
import { importRefused, importedMessage } from '../../../src/features/progress/transfer-wording.ts';
import { slug } from '../../../src/common/slug.ts';
import { ProgressSchema } from '../../../src/features/progress/schema.ts';
import { T1, T2, T3, progress } from './fixtures.ts';

/** A progress document; each test changes one thing. */
const doc = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 'pb-progress',
  version: 1,
  chapters: { 'beyond-bant': T1 },
  steps: { 'new-rep/task-first-call': T2 },
  lastVisited: { chapter: 'beyond-bant', at: T3 },
  ...over,
});

const reasonFor = (text: string): string => {
  const result = parseProgressText(text);
  return result.ok ? 'ok' : progressReason(result.problems);
};

describe('reading progress text', () => {
  test('a complete document reads back as it was written', () => {
    expect(parseProgressText(JSON.stringify(doc()))).toEqual({ ok: true, value: doc() });
    expect(parseProgressText(JSON.stringify(doc({ lastVisited: undefined })))).toEqual({
      ok: true,
      value: progress({ 'beyond-bant': T1 }, { 'new-rep/task-first-call': T2 }),
    });
  });

  test.each([
    ['', 'it is not valid JSON'],
    ['{"format": "pb-progress",', 'it is not valid JSON'],
    ['null', 'field "format": expected "pb-progress" (this is not progress saved by this playbook); given null'],
    ['[1, 2]', 'field "format": expected "pb-progress" (this is not progress saved by this playbook); given a list of 2 items'],
    ['"pb-progress"', 'field "format": expected "pb-progress" (this is not progress saved by this playbook); given "pb-progress"'],
    ['{"theme": "dark"}', 'field "format": expected "pb-progress" (this is not progress saved by this playbook); given nothing (the field is missing)'],
    [JSON.stringify(doc({ format: 'pb-answers' })), 'field "format": expected "pb-progress" (this is not progress saved by this playbook); given "pb-answers"'],
    [JSON.stringify(doc({ version: 2 })), 'field "version": expected 1 (it was saved by a newer version of this site); given 2'],
    [JSON.stringify(doc({ version: '1' })), 'field "version": expected 1; given "1"'],
    [JSON.stringify(doc({ extra: true })), 'field "extra": expected no such field (the progress format does not have it); given true'],
    [JSON.stringify(doc({ chapters: ['beyond-bant'] })), 'field "chapters": expected an object of ids and the times they were done; given a list of 1 item'],
    [
      JSON.stringify(doc({ chapters: undefined })),
      'field "chapters": expected an object of ids and the times they were done; given nothing (the field is missing)',
    ],
    [
      JSON.stringify(doc({ chapters: { 'Beyond BANT': T1 } })),
      'field "chapters.Beyond BANT": expected a chapter id such as "leads-versus-targets"; given "Beyond BANT"',
    ],
    [
      JSON.stringify(doc({ chapters: { 'beyond-bant': 'yesterday' } })),
      'field "chapters.beyond-bant": expected a time such as "2026-03-01T09:30:00.000Z"; given "yesterday"',
    ],
    [
      JSON.stringify(doc({ chapters: { 'beyond-bant': 1772357400000 } })),
      'field "chapters.beyond-bant": expected a time such as "2026-03-01T09:30:00.000Z"; given 1772357400000',
    ],
    [
      JSON.stringify(doc({ chapters: { 'beyond-bant': null } })),
      'field "chapters.beyond-bant": expected a time such as "2026-03-01T09:30:00.000Z"; given null',
    ],
    [JSON.stringify(doc({ steps: { 'no-slash': T1 } })), 'field "steps.no-slash": expected a step key such as "new-rep/task-first-call"; given "no-slash"'],
    [JSON.stringify(doc({ steps: 'all' })), 'field "steps": expected an object of ids and the times they were done; given "all"'],
    [JSON.stringify(doc({ lastVisited: 'beyond-bant' })), 'field "lastVisited": expected an object with "chapter" and "at"; given "beyond-bant"'],
    [
      JSON.stringify(doc({ lastVisited: { chapter: 'beyond-bant' } })),
      'field "lastVisited.at": expected a time such as "2026-03-01T09:30:00.000Z"; given nothing (the field is missing)',
    ],
    [
      JSON.stringify(doc({ lastVisited: { chapter: 7, at: T1 } })),
      'field "lastVisited.chapter": expected a chapter id such as "leads-versus-targets"; given 7',
    ],
    [
      JSON.stringify(doc({ lastVisited: { chapter: 'beyond-bant', at: T1, page: 'x' } })),
      'field "lastVisited.page": expected no such field (only "chapter", "at" and "title"); given "x"',
    ],
    [
      JSON.stringify(doc({ lastVisited: { chapter: 'beyond-bant', at: T1, title: 'a\u0007b' } })),
      'field "lastVisited.title": expected a chapter title of 1 to 200 characters without control characters; given "a\\u0007b"',
    ],
    [
      JSON.stringify(doc({ lastVisited: { chapter: 'beyond-bant', at: T1, title: 'x'.repeat(201) } })),
      `field "lastVisited.title": expected a chapter title of 1 to 200 characters without control characters; given "${'x'.repeat(60)}…"`,
    ],
  ])('%s is refused: %s', (text, reason) => {
    expect(reasonFor(text)).toBe(reason);
  });

  test.each([
    ['a huge string', 'x'.repeat(PROGRESS_LIMITS.text + 1), `it is ${PROGRESS_LIMITS.text + 1} characters long; progress is at most ${PROGRESS_LIMITS.text}`],
    [
      'a huge date',
      JSON.stringify(doc({ chapters: { 'beyond-bant': `${T1}${' '.repeat(10_000)}` } })),
      expect.stringMatching(/^field "chapters.beyond-bant": expected a time/),
    ],
    ['a huge id', JSON.stringify(doc({ chapters: { [`a${'-b'.repeat(100)}`]: T1 } })), expect.stringMatching(/^field "chapters.a-b-b.*expected a chapter id/)],
    [
      'too many chapters',
      JSON.stringify(doc({ chapters: Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.chapters + 1 }, (_, i) => [`c${i}`, T1])) })),
      `field "chapters": expected at most ${PROGRESS_LIMITS.chapters} entries; given "${PROGRESS_LIMITS.chapters + 1} entries"`,
    ],
    ['text that is not a string', 42, 'the content: expected text; given 42'],
  ])('%s is refused', (_name, text, reason) => {
    expect(reasonFor(text as string)).toEqual(reason);
  });

  test.each([
    ['__proto__', '{"format":"pb-progress","version":1,"chapters":{"__proto__":"2026-03-01T09:30:00.000Z"},"steps":{}}'],
    ['__proto__ at the top', '{"__proto__":{"polluted":true},"format":"pb-progress","version":1,"chapters":{},"steps":{}}'],
    ['constructor', '{"format":"pb-progress","version":1,"chapters":{},"steps":{"constructor":{"prototype":1}}}'],
    [
      '__proto__ in lastVisited',
      '{"format":"pb-progress","version":1,"chapters":{},"steps":{},"lastVisited":{"chapter":"a","at":"2026-03-01T09:30:00.000Z","__proto__":{"polluted":true}}}',
    ],
  ])('a %s key is refused and pollutes nothing', (_name, text) => {
    expect(parseProgressText(text).ok).toBe(false);
    expect(ProgressSchema.safeParse(JSON.parse(text)).success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('ids that name Object.prototype members are ordinary ids, never inherited values', () => {
    const result = parseProgressText(JSON.stringify(doc({ chapters: { constructor: T1 } })));
    expect(result.ok && Object.getPrototypeOf(result.value.chapters)).toBe(Object.prototype);
    const { progress: empty } = readStoredProgress(null);
    expect(pathCompletion(empty, [{ chapter: 'constructor' }, { chapter: 'to-string' }]).done).toBe(0);
  });

  test.each([
    [T1, true],
    ['2026-03-01T09:30:00Z', true],
    ['2026-03-01T09:30:00.5Z', true],
    ['2024-02-29T00:00:00.000Z', true],
    ['2026-02-29T00:00:00.000Z', false], // not a leap year
    ['2026-04-31T00:00:00.000Z', false],
    ['2026-03-01T24:00:00.000Z', false],
    ['2026-03-01T09:30:00.000+01:00', false],
    ['2026-03-01', false],
    ['2026-03-01T09:30:00.0000Z', false],
  ])('isIsoDate(%s) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('the hand-written check and the zod schema agree', () => {
  const chapterId = fc.constantFrom('beyond-bant', 'a', 'x1-y2', 'Beyond', '', '__proto__', 'constructor', 'a--b', `a${'b'.repeat(100)}`);
  const stepKey = fc.constantFrom('p/task-x', 'new-rep/calculator', 'p/', '/x', 'p/x/y', 'P/x', 'constructor', `p/${'x'.repeat(160)}`);
  const date = fc.constantFrom(T1, '2026-03-01T09:30:00Z', '2026-02-30T00:00:00Z', 'now', '', '2026-03-01T09:30:00+01:00');
  const anything = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}));
  const dates = (key: fc.Arbitrary<string>) => fc.oneof(fc.dictionary(key, fc.oneof(date, anything), { maxKeys: 4 }), anything);
  const validId = fc.constantFrom('beyond-bant', 'a', 'x1-y2', 'constructor');
  const validKey = fc.constantFrom('p/task-x', 'new-rep/calculator', 'a-b/c-d');
  const valid = fc.record(
    {
      format: fc.constant('pb-progress'),
      version: fc.constant(1),
      chapters: fc.dictionary(validId, fc.constant(T1), { maxKeys: 3 }),
      steps: fc.dictionary(validKey, fc.constant(T2), { maxKeys: 3 }),
      lastVisited: fc.record({ chapter: validId, at: fc.constant(T3) }),
    },
    { requiredKeys: ['format', 'version', 'chapters', 'steps'] },
  );
  // A valid document with one field replaced by something that may or may not be valid.
  const mutated = fc
    .tuple(
      valid,
      fc.oneof(
        fc.record({ format: fc.oneof(fc.constant('pb-progress'), anything) }),
        fc.record({ version: fc.oneof(fc.constant(1), fc.constant(2), anything) }),
        fc.record({ chapters: dates(chapterId) }),
        fc.record({ steps: dates(stepKey) }),
        fc.record({
          lastVisited: fc.oneof(fc.record({ chapter: fc.oneof(chapterId, anything), at: fc.oneof(date, anything) }, { requiredKeys: [] }), anything),
        }),
        fc.record({ extra: anything }),
      ),
    )
    .map(([document, change]) => ({ ...document, ...change }));
  const candidate = fc.oneof(valid, mutated, mutated, anything);

  test('any JSON value is accepted by both or refused by both, and reads the same', () => {
    fc.assert(
      fc.property(candidate, (input) => {
        // Through JSON, as stored and imported text always is.
        const value: unknown = JSON.parse(JSON.stringify(input));
        const ours = parseProgressValue(value);
        const zod = ProgressSchema.safeParse(value);
        expect(ours.ok).toBe(zod.success);
        if (ours.ok && zod.success) expect(ours.value).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  test('valid documents are common enough in the sample to mean something', () => {
    const accepted = fc.sample(candidate, 3000).filter((v) => parseProgressValue(JSON.parse(JSON.stringify(v))).ok);
    expect(accepted.length).toBeGreaterThan(600);
    expect(accepted.length).toBeLessThan(2400);
  });
});

describe('progress stored in this browser', () => {
  test('nothing stored is empty progress without a notice', () => {
    expect(readStoredProgress(null)).toEqual({ progress: EMPTY_PROGRESS });
    expect(readStoredProgress(undefined)).toEqual({ progress: EMPTY_PROGRESS });
  });

  test('valid text is read without a notice', () => {
    expect(readStoredProgress(JSON.stringify(doc()))).toEqual({ progress: doc() });
  });

  test.each(['', '{', 'undefined', '[]', '{"theme":"dark"}', 'x'.repeat(PROGRESS_LIMITS.text + 5)])(
    'unreadable text %# becomes empty progress with a notice and asks for a copy to be kept, never an exception',
    (text) => {
      const stored = readStoredProgress(text);
      expect(stored.progress).toEqual(EMPTY_PROGRESS);
      expect(stored.damaged).toBe(true);
      expect(stored.notice).toMatch(/^The progress saved in this browser could not be read \(.+\), so it is not shown\./);
    },
  );

  test('the notice names the problem and what happens next', () => {
    expect(readStoredProgress(JSON.stringify(doc({ version: 3 }))).notice).toMatchInlineSnapshot(
      `"The progress saved in this browser could not be read (field "version": expected 1 (it was saved by a newer version of this site); given 3), so it is not shown. A copy of it is kept: download or discard it from the notice at the top of the page."`,
    );
  });

  test.each([
    [
      'one bad date',
      doc({ chapters: { 'beyond-bant': T1, 'cold-calls': '2026-02-30T00:00:00.000Z' } }),
      progress({ 'beyond-bant': T1 }, { 'new-rep/task-first-call': T2 }, { chapter: 'beyond-bant', at: T3 }),
      1,
    ],
    ['a bad step and a bad visit', doc({ steps: { 'no-slash': T1 }, lastVisited: { chapter: 'beyond-bant' } }), progress({ 'beyond-bant': T1 }), 2],
    [
      'an unknown field and no chapters',
      doc({ chapters: undefined, extra: 1 }),
      progress({}, { 'new-rep/task-first-call': T2 }, { chapter: 'beyond-bant', at: T3 }),
      1,
    ],
  ])('%s: every good entry is kept and the notice counts what was set aside', (_, value, expected, count) => {
    const stored = readStoredProgress(JSON.stringify(value));
    expect(stored.progress).toEqual(expected);
    expect(stored.damaged).toBe(true);
    expect(stored.notice).toBe(
      `${count === 1 ? 'One entry' : `${count} entries`} of the progress saved in this browser could not be read and ${count === 1 ? 'was' : 'were'} set aside; everything else is shown. A copy of what was stored is kept: download or discard it from the notice at the top of the page.`,
    );
  });
});

describe('merging an import into this browser’s progress', () => {
  test.each([
    ['union of both', progress({ a: T1 }), progress({ b: T2 }), progress({ a: T1, b: T2 })],
    ['an older copy does not move a date back', progress({ a: T2 }), progress({ a: T1 }), progress({ a: T2 })],
    ["a newer copy's date wins", progress({ a: T1 }), progress({ a: T2 }), progress({ a: T2 })],
    [
      'dates compare as times, not text',
      progress({ a: '2026-03-01T09:29:59.999Z' }),
      progress({ a: '2026-03-01T09:30:00Z' }),
      progress({ a: '2026-03-01T09:30:00Z' }),
    ],
    ['steps too', progress({}, { 'p/x': T3 }), progress({}, { 'p/x': T2, 'p/y': T1 }), progress({}, { 'p/x': T3, 'p/y': T1 })],
    [
      'an older copy does not bring back what was un-marked since',
      { ...progress({ b: T1 }), undone: { chapters: { a: T2 }, steps: { 'p/x': T2 } } },
      progress({ a: T1, b: T1 }, { 'p/x': T1 }),
      { ...progress({ b: T1 }), undone: { chapters: { a: T2 }, steps: { 'p/x': T2 } } },
    ],
    [
      'marking done after un-marking wins over the un-marking',
      { ...progress(), undone: { chapters: { a: T1 }, steps: {} } },
      progress({ a: T2 }),
      progress({ a: T2 }),
    ],
    [
      'the later visit wins',
      progress({}, {}, { chapter: 'a', at: T1 }),
      progress({}, {}, { chapter: 'b', at: T2 }),
      progress({}, {}, { chapter: 'b', at: T2 }),
    ],
    ['a visit on one side is kept', progress({}, {}, { chapter: 'a', at: T3 }), progress(), progress({}, {}, { chapter: 'a', at: T3 })],
    ['empty into empty', progress(), progress(), progress()],
  ])('%s', (_name, current, incoming, expected) => {
    expect(mergeProgress(current, incoming)).toEqual(expected);
  });

  test('merging does not change either input', () => {
    const current = progress({ a: T2 });
    const incoming = progress({ a: T1 });
    mergeProgress(current, incoming);
    expect(current).toEqual(progress({ a: T2 }));
    expect(incoming).toEqual(progress({ a: T1 }));
  });

  test('an import reports what it added', () => {
    const result = importProgressText(progress({ a: T1 }), JSON.stringify(progress({ a: T2, b: T2 }, { 'p/x': T3 })));
    expect(result).toEqual({ ok: true, value: { progress: progress({ a: T2, b: T2 }, { 'p/x': T3 }), added: { chapters: 1, steps: 1 }, unknown: 0 } });
  });

  test('chapters this playbook does not have are kept aside, not counted, and not continued with', () => {
    const known = new Set(['a', 'b']);
    const file = progress({ b: T2, gone: T2, 'renamed-later': T1 }, {}, { chapter: 'gone', at: T3 });
    const result = importProgressText(progress({ a: T1 }, {}, { chapter: 'a', at: T1 }), JSON.stringify(file), known);
    expect(result).toEqual({
      ok: true,
      value: {
        progress: progress({ a: T1, b: T2, gone: T2, 'renamed-later': T1 }, {}, { chapter: 'a', at: T1 }),
        added: { chapters: 1, steps: 0 },
        unknown: 2,
      },
    });
    expect(importedMessage('p.json', { chapters: 1, steps: 0 }, 2)).toBe(
      'Imported “p.json”: 1 more chapter and 0 more steps marked done. 2 chapters in the file are not in this playbook: kept aside, not counted.',
    );
  });

  test('a file that is not progress is refused with a message naming it', () => {
    const result = importProgressText(progress({ a: T1 }), '{"name":"Quarterly plan"}');
    expect(result.ok ? '' : importRefused('plan.json', result.problems)).toMatchInlineSnapshot(
      `"“plan.json” is not a progress file from this playbook (field "format": expected "pb-progress" (this is not progress saved by this playbook); given nothing (the field is missing)). Nothing was imported."`,
    );
  });

  test('an import that would go over the limits is refused', () => {
    const many = (prefix: string) => Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.chapters }, (_, i) => [`${prefix}${i}`, T1]));
    const result = importProgressText(progress(many('a')), JSON.stringify(progress(many('b'))));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : importRefused('big.json', result.problems)).toMatchInlineSnapshot(
      `"Importing “big.json” would hold more than 10000 chapters or 2000 steps. Nothing was imported; reset first to replace your progress with the file."`,
    );
  });
});

describe('changing progress', () => {
  test.each([
    ['marks a chapter done', progress(), 'a', T1, progress({ a: T1 })],
    ['keeps the first time it was done', progress({ a: T1 }), 'a', T2, progress({ a: T1 })],
    ['unmarks it', progress({ a: T1, b: T2 }), 'a', undefined, progress({ b: T2 })],
    ['unmarks it and remembers when', progress({ a: T1 }), 'a', [undefined, T3], { ...progress(), undone: { chapters: { a: T3 }, steps: {} } }],
    ['marking again forgets the un-marking', { ...progress(), undone: { chapters: { a: T1 }, steps: {} } }, 'a', T2, progress({ a: T2 })],
    ['unmarking what is not done changes nothing', progress({ b: T2 }), 'a', undefined, progress({ b: T2 })],
    ['ignores an invalid id', progress(), 'Not An Id', T1, progress()],
    ['ignores an invalid date', progress(), 'a', 'soon', progress()],
  ])('setChapterDone %s', (_name, before, id, at, after) => {
    const [done, undone] = Array.isArray(at) ? at : [at, undefined];
    expect(setChapterDone(before, id, done, undone)).toEqual(after);
  });

  test.each([
    ['marks a step done', progress(), 'p/task-x', T1, progress({}, { 'p/task-x': T1 })],
    ['keeps the first time', progress({}, { 'p/task-x': T1 }), 'p/task-x', T3, progress({}, { 'p/task-x': T1 })],
    ['unmarks it', progress({}, { 'p/task-x': T1 }), 'p/task-x', undefined, progress()],
    ['ignores an invalid key', progress(), '__proto__', T1, progress()],
  ])('setStepDone %s', (_name, before, key, at, after) => {
    expect(setStepDone(before, key, at)).toEqual(after);
  });

  test('no more chapters than the limit can be added', () => {
    const full = progress(Object.fromEntries(Array.from({ length: PROGRESS_LIMITS.chapters }, (_, i) => [`c${i}`, T1])));
    expect(setChapterDone(full, 'one-more', T2)).toBe(full);
    expect(Object.keys(setChapterDone(full, 'c0', undefined).chapters)).toHaveLength(PROGRESS_LIMITS.chapters - 1);
  });

  test('setVisited records the chapter read last and ignores invalid input', () => {
    expect(setVisited(progress({ a: T1 }), 'b', T2)).toEqual(progress({ a: T1 }, {}, { chapter: 'b', at: T2 }));
    expect(setVisited(progress(), '../etc', T2)).toEqual(progress());
  });

  test('every change produces a document the schema accepts', () => {
    let p = progress();
    p = setChapterDone(p, 'a', T1);
    p = setStepDone(p, 'path/task-y', T2);
    p = setVisited(p, 'a', T3);
    p = setChapterDone(p, 'a', undefined, T3);
    expect(p.undone).toEqual({ chapters: { a: T3 }, steps: {} });
    expect(parseProgressText(JSON.stringify(p))).toEqual({ ok: true, value: p });
    expect(ProgressSchema.safeParse(JSON.parse(JSON.stringify(p))).success).toBe(true);
  });
});

describe('path steps and completion', () => {
  const steps = [
    { kind: 'chapter', ref: 'leads-versus-targets' },
    { kind: 'assessment', ref: 'prospecting-habits' },
    { kind: 'task', title: 'Week 2: build your first target list of 50 accounts' },
    { kind: 'calculator' },
    { kind: 'task', title: 'Week 2: build your first target list of 50 accounts' },
    { kind: 'task', title: '¿Qué? Café — déjà vu!' },
    { kind: 'task', title: '!!!' },
  ];

  test('each step gets a target that names what marks it done', () => {
    expect(stepTargets('new-rep', steps)).toEqual([
      { chapter: 'leads-versus-targets' },
      { step: 'new-rep/assessment-prospecting-habits' },
      { step: 'new-rep/task-week-2-build-your-first-target-list-of-50-accounts' },
      { step: 'new-rep/calculator' },
      { step: 'new-rep/task-week-2-build-your-first-target-list-of-50-accounts-2' },
      { step: 'new-rep/task-que-cafe-deja-vu' },
      { step: 'new-rep/task' },
    ]);
  });

  test('keys do not depend on where a step sits in the path', () => {
    const keys = stepTargets('p', steps.slice(1, 4));
    const moved = stepTargets('p', [steps[3]!, steps[1]!, steps[2]!]);
    expect(new Set(moved.map((t) => JSON.stringify(t)))).toEqual(new Set(keys.map((t) => JSON.stringify(t))));
  });

  test('long titles are cut so every key fits the format', () => {
    const [target] = stepTargets('p'.repeat(PROGRESS_LIMITS.pathId), [{ kind: 'task', title: 'word '.repeat(100) }]);
    const key = target && 'step' in target ? target.step : '';
    expect(key.length).toBeLessThanOrEqual(PROGRESS_LIMITS.stepKey);
    expect(setStepDone(progress(), key, T1).steps).toHaveProperty([key]);
  });

  test('a path id too long to key progress fails the build with the file named', () => {
    expect(() => stepTargets('p'.repeat(PROGRESS_LIMITS.pathId + 1), [])).toThrowErrorMatchingInlineSnapshot(
      `[ContentError: paths/ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp: the file name must be a lowercase-kebab id of at most 80 characters to keep progress; given "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp" (81 characters).]`,
    );
  });

  test.each([
    ['Week 1: shadow five calls', 'week-1-shadow-five-calls'],
    ['  --Hello,   World--  ', 'hello-world'],
    ['Ärger über Öl', 'arger-uber-ol'],
    ['!!!', ''],
  ])('slug(%s) is %s', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  test('targets survive a data attribute and junk in it is skipped', () => {
    const targets: StepTarget[] = [{ chapter: 'a' }, { step: 'p/task-x' }];
    expect(encodeTargets(targets)).toBe('c:a s:p/task-x');
    expect(decodeTargets(encodeTargets(targets))).toEqual(targets);
    expect(decodeTargets('c:a  x:y c:Bad s:nope c: s:p/calculator')).toEqual([{ chapter: 'a' }, { step: 'p/calculator' }]);
    expect(decodeTargets(undefined)).toEqual([]);
  });

  const targets: StepTarget[] = [{ chapter: 'a' }, { step: 'p/task-x' }, { chapter: 'b' }];
  test.each([
    ['nothing done', progress(), { done: 0, total: 3, steps: [false, false, false], next: 0 }],
    ['a chapter step counts when its chapter is done', progress({ a: T1 }), { done: 1, total: 3, steps: [true, false, false], next: 1 }],
    ['steps done out of order', progress({ b: T1 }, { 'p/task-x': T2 }), { done: 2, total: 3, steps: [false, true, true], next: 0 }],
    ['all done', progress({ a: T1, b: T2 }, { 'p/task-x': T2 }), { done: 3, total: 3, steps: [true, true, true], next: undefined }],
    [
      'other paths’ steps and other chapters do not count',
      progress({ c: T1 }, { 'q/task-x': T2 }),
      { done: 0, total: 3, steps: [false, false, false], next: 0 },
    ],
  ])('%s', (_name, p, expected) => {
    expect(pathCompletion(p, targets)).toEqual(expected);
  });

  test('an empty path is complete with nothing next', () => {
    expect(pathCompletion(progress(), [])).toEqual({ done: 0, total: 0, steps: [], next: undefined });
  });
});
