import { expect, test } from 'vitest';
import { assessmentsForChapter, type AssessmentRecommendations } from '../../../src/features/assessments/recommend.ts';

const assessment = (id: string, audience: 'rep' | 'leader', band: string[], advice: string[] = []): AssessmentRecommendations => ({
  id,
  title: id,
  audience,
  bands: [{ chapters: band }],
  dimensionAdvice: { d: { chapters: advice } },
});

const all = [
  assessment('leader-one', 'leader', ['beyond-bant']),
  assessment('rep-one', 'rep', [], ['beyond-bant']),
  assessment('rep-two', 'rep', ['beyond-bant']),
  assessment('unrelated', 'rep', ['other']),
];

test.each([
  [{ id: 'beyond-bant', audience: 'rep' as const }, ['rep-one', 'rep-two']],
  [{ id: 'beyond-bant', audience: 'leader' as const }, ['leader-one', 'rep-one']],
  [{ id: 'beyond-bant', audience: 'both' as const }, ['leader-one', 'rep-one']],
  [{ id: 'nowhere', audience: 'both' as const }, []],
])('%o is invited to %o', (chapter, ids) => {
  expect(assessmentsForChapter(chapter, all).map((a) => a.id)).toEqual(ids);
});
