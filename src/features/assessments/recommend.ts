/** What this module needs of an assessment: its id, title, audience and recommended chapters. */
export interface AssessmentRecommendations {
  id: string;
  title: string;
  audience: 'rep' | 'leader';
  bands: readonly { chapters: readonly string[] }[];
  dimensionAdvice: Readonly<Record<string, { chapters: readonly string[] }>>;
}

/** A place where an assessment names a chapter: the field (e.g. `bands.0.chapters.1`) and the chapter id. */
export interface ChapterReference {
  field: string;
  chapter: string;
}

/**
 * Every chapter an assessment names, where it names it: band chapters, then dimension-advice
 * chapters, in file order. The build checks each against the playbook (src/playbook/references.ts).
 */
export function chapterReferences(assessment: Pick<AssessmentRecommendations, 'bands' | 'dimensionAdvice'>): ChapterReference[] {
  const references: ChapterReference[] = [];
  assessment.bands.forEach((band, b) => band.chapters.forEach((chapter, c) => references.push({ field: `bands.${b}.chapters.${c}`, chapter })));
  for (const [dimension, advice] of Object.entries(assessment.dimensionAdvice)) {
    advice.chapters.forEach((chapter, c) => references.push({ field: `dimensionAdvice.${dimension}.chapters.${c}`, chapter }));
  }
  return references;
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
  const recommends = (a: AssessmentRecommendations) => chapterReferences(a).some((r) => r.chapter === chapter.id);
  const fits = (a: AssessmentRecommendations) => chapter.audience === 'both' || a.audience === chapter.audience;
  return assessments
    .filter(recommends)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => Number(fits(y.a)) - Number(fits(x.a)) || x.i - y.i)
    .slice(0, limit)
    .map(({ a }) => a);
}
