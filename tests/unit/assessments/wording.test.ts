import { describe, expect, test } from 'vitest';
import {
  NO_GAPS,
  answeredText,
  continueText,
  dimensionLine,
  droppedAnswers,
  historyLine,
  pointsText,
  recommendationReason,
  resultFileName,
  resumeText,
  savedRefusal,
  unansweredText,
} from '../../../src/features/assessments/wording.ts';
import { assessmentChoice, chapterNeedText, leftOutText, personSource, readStatus, teamSummary } from '../../../src/features/assessments/result-wording.ts';
import { distribution } from '../../../src/features/assessments/roll-up.ts';

describe('the questionnaire and the results', () => {
  test('progress and the welcome back', () => {
    expect(answeredText(0, 12)).toBe('0 of 12 answered');
    expect(resumeText(3, 12) + continueText(4)).toBe('Welcome back: your answers to 3 of 12 questions were saved in this browser. Continue with question 4');
  });

  test.each([
    [[3], 'Answer every question to see your result: 1 left (question 3).'],
    [[1, 2], 'Answer every question to see your result: 2 left (questions 1, 2).'],
    [[1, 2, 3, 4, 5, 6], 'Answer every question to see your result: 6 left (questions 1, 2, 3, 4, 5, 6).'],
    [[3, 4, 5, 6, 7, 8, 9, 10], 'Answer every question to see your result: 8 left (questions 3, 4, 5, 6, 7, 8 and 2 more).'],
  ])('unanswered questions %j', (numbers, text) => {
    expect(unansweredText(numbers)).toBe(text);
  });

  const dimensions = [
    { id: 'routine', title: 'Routine' },
    { id: 'targets', title: 'Targets' },
  ];
  test.each([
    [{ fromBand: true, fromDimensions: [] }, '(for your overall score)'],
    [{ fromBand: false, fromDimensions: ['routine'] }, '(helps with Routine)'],
    [{ fromBand: true, fromDimensions: ['routine', 'targets'] }, '(for your overall score; helps with Routine and Targets)'],
    [{ fromBand: false, fromDimensions: ['gone'] }, '(helps with gone)'],
  ])('why a chapter is recommended: %j', (why, text) => {
    expect(recommendationReason({ chapter: 'x', readNext: true, ...why }, dimensions)).toBe(text);
  });

  test('scores, points, history and the file name', () => {
    expect(dimensionLine({ title: 'Routine', score: 45 })).toBe('Routine: 45');
    expect(NO_GAPS).toBe('No gaps: every area scored 70 or more.');
    expect(pointsText(1.5, 3)).toBe('(1.5 of 3 points)');
    expect(pointsText(2 / 3, 4)).toBe('(0.67 of 4 points)');
    expect(historyLine({ overall: 64, band: 'Building a habit' })).toBe(': 64 out of 100, Building a habit');
    expect(resultFileName({ assessment: 'prospecting-habits', takenAt: '2025-03-04T09:30:00.000Z' })).toBe('prospecting-habits-result-2025-03-04.json');
  });
});

describe('saved answers that could not be used', () => {
  const problem = (code: 'too_large' | 'not_parseable' | 'invalid' | 'unsupported_version', field = '') => [{ code, field, expected: '…', given: '…' }];
  test.each([
    [problem('too_large'), '(It was too large to be saved answers.)'],
    [problem('not_parseable'), '(It was not readable data.)'],
    [problem('invalid'), '(Something unexpected was found.)'],
    [problem('invalid', 'answers.often'), '(Something unexpected was found at "answers.often".)'],
  ])('%j', (problems, detail) => {
    expect(savedRefusal(problems)).toBe(
      `Your saved answers for this self-assessment could not be read, so they were set aside and you start afresh. A copy is kept: download or discard it from the notice at the top of the page. ${detail}`,
    );
  });

  test('a newer version is left alone, and dropped answers are counted', () => {
    expect(savedRefusal(problem('unsupported_version', 'version'))).toMatch(/^Your saved answers were made by a newer version of this site/);
    expect(droppedAnswers(1)).toBe(
      'One saved answer no longer matches this self-assessment (it has changed since), so it was cleared. Please answer again where a question is empty.',
    );
    expect(droppedAnswers(3)).toMatch(/^3 saved answers no longer match .* so they were cleared\./);
  });
});

describe('the team roll-up', () => {
  const format = (n: number) => n.toFixed(1).replace(/\.0$/, '');

  test('what was read', () => {
    expect(readStatus(3, 0)).toBe('3 results read. Nothing was uploaded.');
    expect(readStatus(1, 4)).toBe('1 result read, 4 not included (see below). Nothing was uploaded.');
    expect(assessmentChoice('Your habits', 1)).toBe('Your habits (1 result)');
    expect(personSource('File "sam.json"')).toBe(' (file "sam.json")');
  });

  test('the summary, and nobody counted', () => {
    const scores = { bestFits: [], tooClose: 0 };
    expect(teamSummary({ people: 3, overall: distribution([0, 60, 100]), ...scores }, format)).toBe(
      '3 people. Overall mean 53.3 out of 100 (median 60, from 0 to 100).',
    );
    expect(teamSummary({ people: 1, overall: distribution([40]), ...scores }, format)).toBe('1 person. Overall mean 40 out of 100 (median 40, from 40 to 40).');
    expect(teamSummary({ people: 0, overall: null, ...scores }, format)).toBe('No results of this self-assessment have been added.');
  });

  test('a recommendation assessment’s summary counts the best fits, not a mean of different options', () => {
    const bestFits = [
      { id: 'agency', title: 'An outsourced agency', people: 2 },
      { id: 'full-cycle', title: 'Full-cycle account executives', people: 1 },
    ];
    expect(teamSummary({ people: 4, overall: distribution([79, 70, 62, 50]), bestFits, tooClose: 1 }, format)).toBe(
      '4 people. Best fit: an outsourced agency for 2, full-cycle account executives for 1, too close to call for 1.',
    );
  });

  test.each([
    [{ duplicate: 0, notFitting: 0 }, 0, ''],
    [{ duplicate: 1, notFitting: 0 }, 0, 'Left out: 1 duplicate counted once.'],
    [
      { duplicate: 2, notFitting: 1 },
      3,
      'Left out: 2 duplicates counted once; 1 result does not fit this version of the self-assessment; 3 results are of another self-assessment (choose it above).',
    ],
  ])('left out %j and %d of another assessment', (skipped, other, text) => {
    expect(leftOutText(skipped, other)).toBe(text);
  });

  test('how many people a chapter is recommended for', () => {
    expect(chapterNeedText({ people: 2, readNext: 2 }, 3)).toBe('(recommended for 2 of 3; among the three to read next for 2)');
    expect(chapterNeedText({ people: 1, readNext: 0 }, 3)).toBe('(recommended for 1 of 3)');
  });
});
