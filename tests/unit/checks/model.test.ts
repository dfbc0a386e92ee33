import { describe, expect, test } from 'vitest';
import { EMPTY_CHECKS, readStoredChecks, recordAttempt, scoreAttempt, type ScorableQuestion } from '../../../src/features/checks/model.ts';

const single: ScorableQuestion = {
  id: 'a',
  kind: 'single',
  options: [{ correct: false }, { correct: true }],
};
const multiple: ScorableQuestion = {
  id: 'b',
  kind: 'multiple',
  options: [{ correct: true }, { correct: false }, { correct: true }],
};
const five = [single, multiple, { ...single, id: 'c' }, { ...single, id: 'd' }, { ...single, id: 'e' }];

describe('scoring an attempt', () => {
  test.each([
    ['all right', [[1], [0, 2], [1], [1], [1]], 5, true],
    ['4 of 5 passes a 0.8 mark', [[1], [0], [1], [1], [1]], 4, true],
    ['3 of 5 fails a 0.8 mark', [[0], [0, 2], [0], [1], [1]], 3, false],
    ['a multiple-answer question needs exactly the correct options', [[1], [0, 1, 2], [1], [1], [0]], 3, false],
    ['unanswered questions are wrong', [], 0, false],
  ])('%s', (_name, chosen, correct, passed) => {
    const score = scoreAttempt(five, chosen as number[][], 0.8);
    expect([score.correct, score.total, score.passed]).toEqual([correct, 5, passed]);
  });

  test('a 0.7 mark on 3 questions needs all 3 (2 of 3 is below 0.7)', () => {
    expect(scoreAttempt([single, single, single], [[1], [1], [0]], 0.7).passed).toBe(false);
  });
});

const AT = '2026-03-02T09:30:00.000Z';
const LATER = '2026-03-03T09:30:00.000Z';

describe('recording attempts', () => {
  test('counts attempts, keeps the best score and the first pass', () => {
    let s = recordAttempt(EMPTY_CHECKS, 'leads', { correct: 2, total: 5, passed: false }, AT);
    expect(s.checks['leads']).toEqual({
      attempts: 1,
      best: 2,
      total: 5,
      lastAt: AT,
    });
    s = recordAttempt(s, 'leads', { correct: 5, total: 5, passed: true }, LATER);
    s = recordAttempt(s, 'leads', { correct: 3, total: 5, passed: false }, '2026-03-04T09:30:00.000Z');
    expect(s.checks['leads']).toEqual({
      attempts: 3,
      best: 5,
      total: 5,
      lastAt: '2026-03-04T09:30:00.000Z',
      passedAt: LATER,
    });
  });
});

describe('reading stored check results', () => {
  const good = { attempts: 1, best: 4, total: 5, lastAt: AT, passedAt: AT };
  const doc = (checks: unknown, review: unknown = {}) => JSON.stringify({ format: 'pb-checks', version: 1, checks, review });

  test('nothing stored is empty without a notice', () => {
    expect(readStoredChecks(null)).toEqual({
      state: EMPTY_CHECKS,
      setAside: {},
    });
  });

  test('a damaged entry is set aside alone; the others are kept', () => {
    const read = readStoredChecks(
      doc(
        { leads: good, calls: { attempts: -1, best: 9, total: 5, lastAt: AT } },
        {
          'leads/q': { chapter: 'leads', question: 'q', due: AT, streak: 0 },
          'leads/x': { chapter: 'other', question: 'x', due: AT, streak: 0 },
        },
      ),
    );
    expect(read.state.checks).toEqual({ leads: good });
    expect(Object.keys(read.state.review)).toEqual(['leads/q']);
    expect(Object.keys(read.setAside)).toEqual(['checks.calls', 'review.leads/x']);
    expect(read.notice).toBe('2 saved knowledge-check entries could not be read and were set aside (checks.calls, review.leads/x). Everything else is kept.');
  });

  test.each([
    ['not JSON', '{', 'it is not valid JSON'],
    ['another format', JSON.stringify({ format: 'pb-progress', version: 1 }), 'it is not check results saved by this playbook'],
    ['a newer version', JSON.stringify({ format: 'pb-checks', version: 2 }), 'it is version 2; this site reads version 1'],
  ])('%s: the whole document is set aside with the reason', (_name, text, reason) => {
    const read = readStoredChecks(text);
    expect(read.state).toEqual(EMPTY_CHECKS);
    expect(read.notice).toContain(`(${reason})`);
    expect(read.setAside).toEqual({ all: text });
  });

  test('a date that does not exist is damage', () => {
    expect(readStoredChecks(doc({ leads: { ...good, lastAt: '2026-02-31T09:30:00.000Z' } })).state.checks).toEqual({});
  });
});
