import type { Assessment } from '../../../src/features/assessments/schema.ts';
import { parseAssessmentFile } from '../../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../../src/common/problems.ts';

/**
 * A small assessment the scoring and result tests share: two dimensions, four questions (one weighted,
 * one reverse-scored agreement), three bands. Maximum points: q1 3×2 = 6, q2 4, q3 4, q4 5.
 */
export const FIXTURE = `
id: fixture
title: Fixture
audience: rep
intro: For tests.
minutes: 3
dimensions:
  - { id: a, title: Dimension A, description: First. }
  - { id: b, title: Dimension B, description: Second. }
questions:
  - id: q1
    dimension: a
    kind: single
    weight: 2
    prompt: Single, weighted.
    explanation: Why q1 matters.
    options:
      - { label: Never, score: 0 }
      - { label: Sometimes, score: 1, explanation: Sometimes is a start. }
      - { label: Always, score: 3 }
  - { id: q2, dimension: a, kind: agreement, prompt: Agreement. }
  - { id: q3, dimension: b, kind: agreement, reverse: true, prompt: Reverse agreement. }
  - id: q4
    dimension: b
    kind: single
    prompt: Single.
    options:
      - { label: Zero, score: 0 }
      - { label: Two, score: 2 }
      - { label: Five, score: 5 }
bands:
  - { from: 0, to: 49, label: Low, summary: Low., chapters: [ch-low] }
  - { from: 50, to: 79, label: Mid, summary: Mid., chapters: [ch-mid, shared] }
  - { from: 80, to: 100, label: High, summary: High., chapters: [ch-high] }
dimensionAdvice:
  a: { low: Work on A., chapters: [a-1, shared] }
  b: { low: Work on B., chapters: [b-1, b-2] }
`;

/** Parses an assessment file's text or fails the test with the build's message. */
export function load(file: string, text: string): Assessment {
  const outcome = parseAssessmentFile(file, text);
  if (!outcome.ok) throw new Error(formatProblems(file, outcome.problems));
  return outcome.value;
}
