import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  answeredCount,
  bandFor,
  isComplete,
  percent,
  scoreAssessment,
  scoringSentence,
  unansweredQuestions,
} from '../../../src/features/assessments/scoring.ts';
import type { AssessmentScore, Answers } from '../../../src/features/assessments/scoring.ts';
import { FIXTURE, load } from './fixtures.ts';

// Maximum points: q1 3×2 = 6, q2 4, q3 4 (reverse), q4 5; dimension a = 10, b = 9, overall 19.

const fixture = load('fixture.yaml', FIXTURE);

function score(answers: Answers, assessment = fixture): AssessmentScore {
  const outcome = scoreAssessment(assessment, answers);
  if (!outcome.ok) throw new Error(`unanswered: ${outcome.problems.map((p) => p.field).join(', ')}`);
  return outcome.value;
}

const answers = (q1: number, q2: number, q3: number, q4: number): Answers => ({ q1, q2, q3, q4 });

describe('scoreAssessment', () => {
  test.each([
    // answers (option indices)  a: points/10   b: points/9    overall: points/19       band
    ['all best', answers(2, 4, 0, 2), 100, 100, 100, 'High'], // 6+4=10, 4+5=9, 19/19
    ['all worst', answers(0, 0, 4, 0), 0, 0, 0, 'Low'],
    ['middle', answers(1, 3, 1, 1), 50, 56, 53, 'Mid'], // a 2+3=5 → 50; b 3+2=5 → 55.6; 10/19 = 52.6
    ['weighted q1 carries A', answers(2, 2, 3, 0), 80, 11, 47, 'Low'], // a 6+2=8; b 1+0=1 → 11.1; 9/19 = 47.4
    ['weight pulls A down', answers(0, 4, 0, 2), 40, 100, 68, 'Mid'], // a 0+4=4; b 4+5=9; 13/19 = 68.4
    ['reverse item strongly agreed', answers(2, 4, 4, 2), 100, 56, 79, 'Mid'], // b 0+5=5 → 55.6; 15/19 = 78.9
  ])('%s', (_name, given, a, b, overall, band) => {
    const result = score(given);
    expect(result.overall).toBe(overall);
    expect(result.band.label).toBe(band);
    expect(Object.fromEntries(result.dimensions.map((d) => [d.id, d.score]))).toEqual({ a, b });
  });

  test.each([
    ['both 100: both strengths, no gap', answers(2, 4, 0, 2), ['a', 'b'], ['a', 'b'], []],
    ['both 0: both gaps, file order on ties', answers(0, 0, 4, 0), ['a', 'b'], [], ['a', 'b']],
    ['none below 50: the lowest is the gap', answers(1, 3, 1, 1), ['b', 'a'], [], ['a']],
    ['one strong, one weak', answers(2, 2, 3, 0), ['a', 'b'], ['a'], ['b']],
    ['sorted highest first', answers(0, 4, 0, 2), ['b', 'a'], ['b'], ['a']],
  ])('strengths and gaps: %s', (_name, given, order, strengths, gaps) => {
    const result = score(given);
    expect(result.dimensions.map((d) => d.id)).toEqual(order);
    expect(result.strengths.map((d) => d.id)).toEqual(strengths);
    expect(result.gaps.map((d) => d.id)).toEqual(gaps);
  });

  test('no gap when the lowest dimension is already a strength', () => {
    // a: 6+3 = 9/10 → 90; b: 3+5 = 8/9 → 89.
    const result = score(answers(2, 3, 1, 2));
    expect(result.gaps).toEqual([]);
    expect(result.strengths.map((d) => [d.id, d.score])).toEqual([
      ['a', 90],
      ['b', 89],
    ]);
  });

  test.each([
    // band chapters first, then gap chapters (lowest gap first), without repeats; three flagged
    ['top band, no gaps', answers(2, 4, 0, 2), ['ch-high'], 1],
    ['low band, both gaps', answers(0, 0, 4, 0), ['ch-low', 'a-1', 'shared', 'b-1', 'b-2'], 3],
    ['mid band, gap a shares a chapter', answers(1, 3, 1, 1), ['ch-mid', 'shared', 'a-1'], 3],
    ['low band, gap b', answers(2, 2, 3, 0), ['ch-low', 'b-1', 'b-2'], 3],
  ])('recommended chapters: %s', (_name, given, chapters, readNext) => {
    const result = score(given);
    expect(result.chapters.map((c) => c.chapter)).toEqual(chapters);
    expect(result.chapters.filter((c) => c.readNext).length).toBe(readNext);
    expect(result.chapters.slice(0, readNext).every((c) => c.readNext)).toBe(true);
  });

  test('says why each chapter is recommended', () => {
    expect(score(answers(1, 3, 1, 1)).chapters).toEqual([
      { chapter: 'ch-mid', readNext: true, fromBand: true, fromDimensions: [] },
      { chapter: 'shared', readNext: true, fromBand: true, fromDimensions: ['a'] },
      { chapter: 'a-1', readNext: true, fromBand: false, fromDimensions: ['a'] },
    ]);
  });

  test('per-question results: points, best, and the explanation of the option or else of the question', () => {
    const result = score(answers(1, 3, 1, 2));
    expect(result.questions).toEqual([
      {
        id: 'q1',
        dimension: 'a',
        prompt: 'Single, weighted.',
        chosen: 1,
        answer: 'Sometimes',
        points: 2,
        maxPoints: 6,
        best: false,
        explanation: 'Sometimes is a start.',
      },
      { id: 'q2', dimension: 'a', prompt: 'Agreement.', chosen: 3, answer: 'Agree', points: 3, maxPoints: 4, best: false },
      { id: 'q3', dimension: 'b', prompt: 'Reverse agreement.', chosen: 1, answer: 'Disagree', points: 3, maxPoints: 4, best: false },
      { id: 'q4', dimension: 'b', prompt: 'Single.', chosen: 2, answer: 'Five', points: 5, maxPoints: 5, best: true },
    ]);
    expect(score(answers(2, 3, 1, 2)).questions[0]?.explanation).toBe('Why q1 matters.');
  });

  test('carries dimension advice with each dimension', () => {
    const a = score(answers(0, 0, 4, 0)).dimensions.find((d) => d.id === 'a');
    expect(a).toMatchObject({ title: 'Dimension A', points: 0, maxPoints: 10, advice: 'Work on A.', chapters: ['a-1', 'shared'] });
  });
});

describe('unanswered questions', () => {
  test.each<[string, Record<string, unknown>, string[]]>([
    ['nothing answered', {}, ['q1', 'q2', 'q3', 'q4']],
    ['one missing', { q1: 0, q2: 1, q4: 2 }, ['q3']],
    ['index past the last option', { q1: 3, q2: 0, q3: 0, q4: 0 }, ['q1']],
    ['negative index', { q1: 0, q2: -1, q3: 0, q4: 0 }, ['q2']],
    ['not a whole number', { q1: 0, q2: 1.5, q3: 0, q4: 0 }, ['q2']],
    ['not a number', { q1: '0', q2: 1, q3: 0, q4: null }, ['q1', 'q4']],
    ['unknown questions do not count', { q1: 0, q2: 0, q3: 0, q5: 0 }, ['q4']],
    ['inherited keys do not count', Object.create({ q1: 0, q2: 0, q3: 0, q4: 0 }) as Record<string, unknown>, ['q1', 'q2', 'q3', 'q4']],
  ])('%s', (_name, given, missing) => {
    const answersGiven = given as Answers;
    expect(unansweredQuestions(fixture, answersGiven)).toEqual(missing);
    expect(answeredCount(fixture, answersGiven)).toBe(4 - missing.length);
    expect(isComplete(fixture, answersGiven)).toBe(missing.length === 0);
    const outcome = scoreAssessment(fixture, answersGiven);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(missing.map((id) => `answers.${id}`));
  });

  test('each unanswered question is a problem: missing, or an option the question does not have', () => {
    expect(scoreAssessment(fixture, { q1: 3, q2: 0, q3: 0 })).toEqual({
      ok: false,
      problems: [
        { code: 'out_of_range', field: 'answers.q1', expected: 'the number of one of its options', given: '3' },
        { code: 'missing', field: 'answers.q4', expected: 'the number of one of its options', given: 'nothing (the field is missing)' },
      ],
    });
  });

  test('complete answers score', () => {
    expect(isComplete(fixture, answers(0, 0, 0, 0))).toBe(true);
    expect(scoreAssessment(fixture, answers(0, 0, 0, 0)).ok).toBe(true);
  });
});

describe('helpers', () => {
  test.each([
    [5, 8, 63], // 62.5 rounds up
    [1, 3, 33],
    [2, 3, 67],
    [7, 20, 35],
    [10, 19, 53],
    [0, 0, 0],
    [4, 4, 100],
  ])('percent(%d, %d) = %d', (points, max, expected) => {
    expect(percent(points, max)).toBe(expected);
  });

  test.each([
    [0, 'Low'],
    [49, 'Low'],
    [50, 'Mid'],
    [79, 'Mid'],
    [80, 'High'],
    [100, 'High'],
  ])('bandFor(%d) is %s', (overall, label) => {
    expect(bandFor(fixture, overall).label).toBe(label);
  });

  test('scoringSentence describes weights and reverse items', () => {
    expect(scoringSentence(fixture)).toMatchInlineSnapshot(
      `"Your 4 answers earn points (statements you rate earn 0 to 4, counted the other way round where agreeing is the weaker answer), and your score, overall and for each of the 2 areas, is the share of the most possible points you earned, from 0 to 100; some questions count up to 2 times as much as others."`,
    );
  });

  test('scoringSentence for equal weights and only single-choice questions', () => {
    const plain = load(
      'plain.yaml',
      FIXTURE.replace('id: fixture', 'id: plain')
        .replace('    weight: 2\n', '')
        .replace('  - { id: q2, dimension: a, kind: agreement, prompt: Agreement. }\n', '')
        .replace('  - { id: q3, dimension: b, kind: agreement, reverse: true, prompt: Reverse agreement. }\n', ''),
    );
    expect(scoringSentence(plain)).toMatchInlineSnapshot(
      `"Your 2 answers earn points, and your score, overall and for each of the 2 areas, is the share of the most possible points you earned, from 0 to 100; every question counts the same."`,
    );
  });
});

describe('the default assessments', () => {
  const ids = ['prospecting-habits', 'first-conversations', 'prospecting-optional', 'build-buy-or-full-cycle'];
  const assessments = ids.map((id) => load(`${id}.yaml`, readFileSync(new URL(`../../../src/content/assessments/${id}.yaml`, import.meta.url), 'utf8')));

  test.each(assessments.map((a) => [a.id, a] as const))('%s: best answers score 100, worst score 0', (_id, assessment) => {
    const pick = (best: boolean) =>
      Object.fromEntries(
        assessment.questions.map((q) => {
          const scores = q.options.map((o) => o.score);
          const target = best ? Math.max(...scores) : Math.min(...scores);
          return [q.id, scores.indexOf(target)];
        }),
      );
    const top = score(pick(true), assessment);
    const bottom = score(pick(false), assessment);
    expect([top.overall, top.band]).toEqual([100, assessment.bands[assessment.bands.length - 1]]);
    expect([bottom.overall, bottom.band]).toEqual([0, assessment.bands[0]]);
    expect(top.gaps).toEqual([]);
    expect(bottom.chapters.filter((c) => c.readNext)).toHaveLength(3);
  });

  test('any complete answers give scores in 0-100 and the band that holds the overall score', () => {
    const cases = fc.oneof(
      ...assessments.map((assessment) =>
        fc.record(Object.fromEntries(assessment.questions.map((q) => [q.id, fc.nat({ max: q.options.length - 1 })]))).map((given) => ({ assessment, given })),
      ),
    );
    fc.assert(
      fc.property(cases, ({ assessment, given }) => {
        const result = score(given, assessment);
        expect(result.overall).toBeGreaterThanOrEqual(0);
        expect(result.overall).toBeLessThanOrEqual(100);
        expect(result.overall >= result.band.from && result.overall <= result.band.to).toBe(true);
        expect(result.dimensions).toHaveLength(assessment.dimensions.length);
        expect(new Set(result.chapters.map((c) => c.chapter)).size).toBe(result.chapters.length);
      }),
    );
  });
});
