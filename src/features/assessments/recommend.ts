/** What this module needs of an assessment: its id, title, audience and recommended chapters. */
export interface AssessmentRecommendations {
  id: string;
  title: string;
  audience: 'rep' | 'leader';
  bands: readonly { chapters: readonly string[] }[];
  dimensionAdvice: Readonly<Record<string, { chapters: readonly string[] }>>;
}

/**
 * The self-assessments that recommend a chapter, those written for the chapter's audience first, at
 * most `limit` of them: a chapter can then invite its reader to check where they stand.
 */
export function assessmentsForChapter(
  chapter: { id: string; audience: 'rep' | 'leader' | 'both' },
  assessments: readonly AssessmentRecommendations[],
  limit = 2,
): AssessmentRecommendations[] {
  const recommends = (a: AssessmentRecommendations) =>
    a.bands.some((b) => b.chapters.includes(chapter.id)) || Object.values(a.dimensionAdvice).some((d) => d.chapters.includes(chapter.id));
  const fits = (a: AssessmentRecommendations) => chapter.audience === 'both' || a.audience === chapter.audience;
  return assessments
    .filter(recommends)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => Number(fits(y.a)) - Number(fits(x.a)) || x.i - y.i)
    .slice(0, limit)
    .map(({ a }) => a);
}
