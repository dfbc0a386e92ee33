/**
 * The data an assessment page's script needs and cannot read from the HTML: the parsed
 * assessment (scores, bands, advice) and the title and address of every chapter it can
 * recommend. The build writes it to `/assessments/<id>.json` (src/pages/assessments/[id].json.ts);
 * the page fetches it from the same origin, because the security policy allows no inline data
 * scripts. Pure.
 */
import type { Assessment } from './schema.ts';
import { chapterReferences } from './recommend.ts';
import { isRecord } from '../../common/formats.ts';

/** A chapter as the results show it: its title and its address (base path included). */
export interface ChapterLink {
  title: string;
  href: string;
}

/** What `/assessments/<id>.json` holds. */
export interface AssessmentPageData {
  assessment: Assessment;
  /** Every chapter a band or a dimension's advice names, by id. */
  chapters: Record<string, ChapterLink>;
}

/** Chapter ids an assessment can recommend: band chapters, then advice chapters, without repeats. */
export function recommendableChapters(assessment: Assessment): string[] {
  return [...new Set(chapterReferences(assessment).map((r) => r.chapter))];
}

/**
 * Builds the page data. `chapterLink` gives a chapter's title and address; chapters it does not
 * know are left out (the build has already refused assessments that name missing chapters).
 */
export function buildPageData(assessment: Assessment, chapterLink: (id: string) => ChapterLink | undefined): AssessmentPageData {
  const chapters: Record<string, ChapterLink> = {};
  for (const id of recommendableChapters(assessment)) {
    const link = chapterLink(id);
    if (link) chapters[id] = link;
  }
  return { assessment, chapters };
}

/**
 * Checks fetched page data just enough to use it safely: it is this build's own output, so a
 * failure means a stale or broken file, not an attack. Returns undefined when it is not data
 * for assessment `id` (wrong id, missing questions, options, dimensions or bands).
 */
export function parsePageData(data: unknown, id: string): AssessmentPageData | undefined {
  if (!isRecord(data) || !isRecord(data['assessment']) || !isRecord(data['chapters'])) return undefined;
  const assessment = data['assessment'];
  if (assessment['id'] !== id) return undefined;
  const listOk = (key: string) => Array.isArray(assessment[key]) && (assessment[key] as unknown[]).length > 0 && (assessment[key] as unknown[]).every(isRecord);
  if (!listOk('questions') || !listOk('dimensions') || !listOk('bands') || !isRecord(assessment['dimensionAdvice'])) return undefined;
  const questionsOk = (assessment['questions'] as Record<string, unknown>[]).every(
    (q) =>
      typeof q['id'] === 'string' &&
      typeof q['weight'] === 'number' &&
      Array.isArray(q['options']) &&
      q['options'].every((o) => isRecord(o) && typeof o['score'] === 'number'),
  );
  const chaptersOk = Object.values(data['chapters']).every((c) => isRecord(c) && typeof c['title'] === 'string' && typeof c['href'] === 'string');
  if (!questionsOk || !chaptersOk) return undefined;
  return data as unknown as AssessmentPageData;
}
