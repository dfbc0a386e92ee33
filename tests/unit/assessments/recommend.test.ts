import { expect, test } from 'vitest';
import { assessmentsForChapter, type AssessmentRecommendations } from '../../../src/features/assessments/recommend.ts';

const assessment = (id: string, audience: 'rep' | 'leader', band: string[], advice: string[] = [], options: string[] = []): AssessmentRecommendations => ({
  id,
  title: id,
  audience,
  bands: band.length > 0 ? [{ chapters: band }] : [],
  dimensionAdvice: advice.length > 0 ? { d: { chapters: advice } } : {},
  dimensions: options.length > 0 ? [{ chapters: options }, {}] : [{}],
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

test('a recommendation assessment recommends the chapters its options name', () => {
  const leader = assessment('which-model', 'leader', [], [], ['in-house-versus-outsourced']);
  expect(assessmentsForChapter({ id: 'in-house-versus-outsourced', audience: 'leader' }, [leader]).map((a) => a.id)).toEqual(['which-model']);
  expect(assessmentsForChapter({ id: 'other-chapter', audience: 'leader' }, [leader])).toEqual([]);
});
