import { describe, expect, test } from 'vitest';
import {
  latestAssessmentResult,
  parseReadinessText,
  readinessFile,
  readinessFileName,
  readinessReason,
  type Readiness,
} from '../../../src/features/readiness/format.ts';
import { cappedRefusals, collect, csvField, personRow, rollUpCsv, sortRows, stepTotals, type TeamStep } from '../../../src/features/readiness/roll-up.ts';
import { certificateRecord } from '../../../src/features/certification/model.ts';
import { progress } from '../progress/fixtures.ts';

const D = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;

const ana = readinessFile({
  name: 'Ana Ruiz',
  exportedAt: D(10),
  progress: { ...progress({ 'beyond-bant': D(2) }, { 'new-rep/assessment-first-conversations': D(4) }), lastVisited: { chapter: 'beyond-bant', at: D(5) } },
  checks: { 'beyond-bant': { attempts: 2, best: 4, total: 5, lastAt: D(3), passedAt: D(3) } },
  assessments: { 'first-conversations': { overall: 72, takenAt: D(4) } },
  certificates: [certificateRecord('new-rep', 'Certified', 'Ana Ruiz', D(6), [])],
});
const ben = readinessFile({
  name: 'Ben Okafor',
  exportedAt: D(10),
  progress: progress({}),
  checks: { 'beyond-bant': { attempts: 1, best: 2, total: 5, lastAt: D(1) } },
  assessments: {},
  certificates: [],
});
const text = (file: Readiness) => JSON.stringify(file);

const steps: TeamStep[] = [
  { title: 'Beyond BANT', kind: 'chapter', ref: 'beyond-bant', target: { chapter: 'beyond-bant' } },
  { title: 'Knowledge check: Beyond BANT', kind: 'check', ref: 'beyond-bant', target: { step: 'new-rep/check-beyond-bant' } },
  { title: 'First conversations', kind: 'assessment', ref: 'first-conversations', target: { step: 'new-rep/assessment-first-conversations' } },
  { title: 'Build your list', kind: 'task', target: { step: 'new-rep/task-build-your-list' } },
];

describe('the readiness file a rep exports', () => {
  test('holds the name, progress, checks, latest results, certificates and the last activity', () => {
    expect(ana.lastActivity).toBe(D(6));
    expect(ben.lastActivity).toBe(D(1));
    expect(parseReadinessText(text(ana))).toEqual({ ok: true, value: ana });
    expect(readinessFileName('Ana Ruiz', new Date(D(10)))).toBe('readiness-ana-ruiz-2026-03-10.json');
    expect(readinessFileName('<script>', new Date(D(10)))).toBe('readiness-script-2026-03-10.json');
  });

  test('nothing done means no last activity', () => {
    expect(readinessFile({ name: 'C', exportedAt: D(1), progress: progress({}), checks: {}, assessments: {}, certificates: [] }).lastActivity).toBeUndefined();
  });

  test('the latest assessment result is the most recent, not the best', () => {
    const saved = JSON.stringify({
      history: [
        { overall: 90, takenAt: D(1) },
        { overall: 40, takenAt: D(3) },
        { overall: 101, takenAt: D(5) },
      ],
    });
    expect(latestAssessmentResult(saved)).toEqual({ overall: 40, takenAt: D(3) });
    expect(latestAssessmentResult('nope')).toBeUndefined();
  });

  test.each([
    ['a file over the size limit, measured before it is read', '{}', 2_000_001, 'it is too large (2000 KB; a readiness file is at most 2 MB)'],
    ['text that is not JSON', 'hello', undefined, 'it is not valid JSON'],
    [
      'a progress file instead',
      JSON.stringify(progress({})),
      undefined,
      'field "format": expected "pb-readiness" (a readiness file exported from this playbook\'s progress page); given "pb-progress"',
    ],
    [
      'a newer version',
      text({ ...ana, version: 2 } as unknown as Readiness),
      undefined,
      'field "version": expected 1 (it was written by a newer version of this site); given 2',
    ],
    [
      'markup for a name',
      text({ ...ana, name: '<img src=x onerror=alert(1)>\n' }),
      undefined,
      'field "name": expected a name of 1 to 80 characters without control characters; given "<img src=x onerror=alert(1)>\\n"',
    ],
    [
      'an impossible score',
      text({ ...ana, assessments: { x: { overall: 140, takenAt: D(1) } } }),
      undefined,
      'field "assessments.x": expected a result: overall (0–100) and takenAt; given an object',
    ],
    [
      'a check better than its total',
      text({ ...ana, checks: { x: { attempts: 1, best: 6, total: 5, lastAt: D(1) } } }),
      undefined,
      'field "checks.x": expected a check result: attempts, best, total, lastAt, passedAt; given an object',
    ],
    [
      'a certificate altered to another name',
      text({ ...ana, certificates: [{ ...ana.certificates[0]!, name: 'Someone Else' }] }),
      undefined,
      'field "certificates.0.name": expected the file\'s own name, "Ana Ruiz"; given "Someone Else"',
    ],
    [
      'a certificate no longer self-issued',
      text({ ...ana, certificates: [{ ...ana.certificates[0]!, selfIssued: false as true }] }),
      undefined,
      'field "certificates.0": expected a certificate as this playbook writes it, unaltered; given an object',
    ],
    [
      'a bad chapter date',
      text({ ...ana, progress: { chapters: { a: '2026-02-31T00:00:00Z' }, steps: {} } }),
      undefined,
      'field "progress.chapters.a": expected a time such as "2026-03-01T09:30:00.000Z"; given "2026-02-31T00:00:00Z"',
    ],
    ['an unknown field', JSON.stringify({ ...ana, admin: true }), undefined, 'field "admin": expected no such field; given true'],
  ])('refuses %s with a reason', (_, input, bytes, reason) => {
    const parsed = parseReadinessText(input, bytes);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(readinessReason(parsed.problems)).toBe(reason);
  });
});

describe('the manager’s roll-up', () => {
  test('an identical file twice counts once; the same person twice keeps the later export and says so', () => {
    const anaLater = { ...ana, exportedAt: D(12), progress: { chapters: {}, steps: {} } };
    const got = collect([
      { source: 'ana.json', bytes: 10, text: text(ana) },
      { source: 'ana-copy.json', bytes: 10, text: text(ana) },
      { source: 'ana-new.json', bytes: 10, text: text(anaLater) },
      { source: 'ben.json', bytes: 10, text: text(ben) },
    ]);
    expect(got.people.map((p) => p.source)).toEqual(['ana-new.json', 'ben.json']);
    expect(got.notes).toEqual([
      '“ana-copy.json” is the same file as “ana.json”; it is counted once.',
      'Ana Ruiz appears in “ana.json” and “ana-new.json”; the later export (“ana-new.json”, 2026-03-12) is kept and “ana.json” is left out.',
    ]);
  });

  test('refusals are listed by file, a file too large to read by its size, and capped', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ source: `bad-${i}.json`, bytes: 5, text: 'nope' }));
    const got = collect([{ source: 'huge.json', bytes: 5_000_000 }, ...many]);
    expect(got.refused[0]).toEqual({ source: 'huge.json', reason: 'it is too large (5000 KB; a readiness file is at most 2 MB)' });
    const capped = cappedRefusals(got.refused);
    expect(capped.shown).toHaveLength(10);
    expect(capped.more).toBe('…and 4 more files refused.');
  });

  test('each person’s standing, step by step, with who is stuck', () => {
    const now = new Date(D(20));
    const a = personRow({ file: ana, source: 'a' }, 'new-rep', steps, now, 7);
    expect(a.cells).toEqual([
      { state: 'done', text: 'Done' },
      { state: 'done', text: 'Passed, 4 of 5' },
      { state: 'done', text: 'Score 72' },
      { state: 'none', text: 'Not yet' },
    ]);
    expect(a).toMatchObject({ done: 3, total: 4, checksPassed: 1, checksTaken: 1, certifiedAt: D(6), daysIdle: 14, stuck: true });
    const b = personRow({ file: ben, source: 'b' }, 'new-rep', steps, new Date(D(5)), 7);
    expect(b.cells[1]).toEqual({ state: 'started', text: 'Not passed, 2 of 5' });
    expect(b).toMatchObject({ done: 0, certifiedAt: undefined, daysIdle: 4, stuck: false });
    expect(stepTotals([a, b], 4)).toEqual([1, 1, 1, 0]);
    expect(sortRows([b, a], 'done', true).map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(sortRows([a, b], 'lastActivity').map((r) => r.name)).toEqual(['Ben Okafor', 'Ana Ruiz']);
    expect(sortRows([b, a], 'name').map((r) => r.name)).toEqual(['Ana Ruiz', 'Ben Okafor']);
  });

  test('the CSV has one row per person and never lets a spreadsheet run a cell as a formula', () => {
    const row = personRow({ file: { ...ana, name: '=HYPERLINK("x")' }, source: 'a' }, 'new-rep', steps, new Date(D(20)), 7);
    expect(rollUpCsv([row], steps).split('\r\n')).toEqual([
      'Name,Steps done,Steps in path,Checks passed,Checks taken,Certified on,Last activity,Days idle,Stuck,Beyond BANT,Knowledge check: Beyond BANT,First conversations,Build your list',
      `"'=HYPERLINK(""x"")",3,4,1,1,2026-03-06,2026-03-06,14,yes,Done,"Passed, 4 of 5",Score 72,Not yet`,
      '',
    ]);
    expect(csvField('-2')).toBe(`"'-2"`);
    expect(csvField(5)).toBe('5');
  });
});
