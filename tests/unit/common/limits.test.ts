// Content at the limits the build accepts must work in the browser, and content one past them must be
// refused by the build: one definition of each limit (src/common/limits.ts) serves both sides.
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../../src/common/limits.ts';
import { formatProblems } from '../../../src/common/problems.ts';
import { parseAssessmentFile } from '../../../src/loaders/assessment-file.ts';
import { createResult, decodeResultLink, encodeResultLink, readResultFile, resultFileText } from '../../../src/features/assessments/result-format.ts';
import { MAX_RESULT_LINK_CHARS } from '../../../src/features/assessments/result-link.ts';
import { readSaved, SAVED_VERSION } from '../../../src/features/assessments/saved.ts';
import { scoreAssessment } from '../../../src/features/assessments/scoring.ts';
import { isChapterId } from '../../../src/features/progress/format.ts';
import { checkFileId } from '../../../src/loaders/checked-loaders.ts';

const questionId = (i: number, length: number = LIMITS.questionId) => `q${i}-`.padEnd(length, 'x');

/** The largest assessment the build accepts: 40 questions with the longest ids, the longest band labels and id. */
function maximalYaml(
  options: {
    id?: string;
    questionIdLength?: number;
    bandLabelLength?: number;
  } = {},
): string {
  const id = options.id ?? 'a'.repeat(LIMITS.assessmentId);
  const label = (c: string) => c.repeat(options.bandLabelLength ?? LIMITS.bandLabel);
  const questions = Array.from(
    { length: 40 },
    (_, i) => `  - { id: ${questionId(i, options.questionIdLength)}, dimension: d, kind: agreement, prompt: Statement ${i}. }`,
  );
  return [
    `id: ${id}`,
    'title: Maximal',
    'audience: rep',
    'intro: At every limit.',
    'minutes: 60',
    'dimensions:',
    '  - { id: d, title: D, description: D. }',
    'questions:',
    ...questions,
    'bands:',
    `  - { from: 0, to: 49, label: ${label('L')}, summary: Low. }`,
    `  - { from: 50, to: 100, label: ${label('H')}, summary: High. }`,
    'dimensionAdvice:',
    '  d: { low: Work on it. }',
  ].join('\n');
}

describe('an assessment at every limit', () => {
  const file = `${'a'.repeat(LIMITS.assessmentId)}.yaml`;
  const outcome = parseAssessmentFile(file, maximalYaml());
  if (!outcome.ok) throw new Error(formatProblems(file, outcome.problems));
  const assessment = outcome.value;
  const answers = Object.fromEntries(assessment.questions.map((q) => [q.id, 4]));
  const score = scoreAssessment(assessment, answers);
  if (!score.ok) throw new Error('not scored');

  test('its finished result is kept in the history after a reload', () => {
    const stored = JSON.stringify({
      version: SAVED_VERSION,
      answers,
      finishedAt: '2026-01-02T03:04:05.000Z',
      history: [
        {
          takenAt: '2026-01-02T03:04:05.000Z',
          answers,
          overall: score.value.overall,
          band: score.value.band.label,
        },
      ],
    });
    const read = readSaved(stored, assessment);
    expect(read.notice).toBeUndefined();
    expect(read.saved.history).toHaveLength(1);
    expect(read.saved.history[0]!.band).toHaveLength(LIMITS.bandLabel);
  });

  test('its result link (with the longest name) and result file read back', () => {
    const result = createResult(assessment, answers, {
      takenAt: new Date('2026-01-02T03:04:05.000Z'),
      name: 'N'.repeat(80),
    });
    const link = encodeResultLink(result);
    expect(link.length).toBeLessThanOrEqual(MAX_RESULT_LINK_CHARS);
    expect(decodeResultLink(link, assessment)).toMatchObject({ ok: true });
    expect(readResultFile(resultFileText(result), [assessment]).outcome).toMatchObject({ ok: true });
  });
});

describe('the build refuses what the browser cannot hold', () => {
  test.each([
    ['a band label one character too long', { bandLabelLength: LIMITS.bandLabel + 1 }, /field "bands\.0\.label": expected .*200.*; given/],
    ['a question id one character too long', { questionIdLength: LIMITS.questionId + 1 }, /field "questions\.0\.id": expected .*64.*; given/],
  ])('%s', (_name, options, message) => {
    const outcome = parseAssessmentFile(`${'a'.repeat(LIMITS.assessmentId)}.yaml`, maximalYaml(options));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(formatProblems('f.yaml', outcome.problems)).toMatch(message);
  });

  test('an assessment id one character too long', () => {
    const id = 'a'.repeat(LIMITS.assessmentId + 1);
    const outcome = parseAssessmentFile(`${id}.yaml`, maximalYaml({ id }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(formatProblems('f.yaml', outcome.problems)).toMatch(/field "id": expected .*64.*; given/);
  });

  test.each([
    ['Cold_Calling.mdx', 'cold-calling'],
    [`${'a'.repeat(LIMITS.chapterId + 1)}.mdx`, 'a'.repeat(LIMITS.chapterId)],
    ['nested/first-call.mdx', 'first-call'],
  ])('a chapter file named %s, suggesting %s', (name, suggestion) => {
    expect(() => checkFileId(name, LIMITS.chapterId, `content/playbook/${name}`)).toThrow(
      `file name: expected a lowercase-kebab-case name of at most ${LIMITS.chapterId} characters, directly in its folder (e.g. ${suggestion}.mdx); given`,
    );
  });

  test('a chapter file name at the limit is accepted, and progress can be stored under it', () => {
    const name = 'c'.repeat(LIMITS.chapterId);
    expect(() => checkFileId(`${name}.mdx`, LIMITS.chapterId, 'x')).not.toThrow();
    expect(isChapterId(name)).toBe(true);
  });
});
