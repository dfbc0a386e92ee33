/**
 * The sentences the assessment page shows (the questionnaire, the results, saved answers that could
 * not be read), built from plain data so they are tested without a page. Zod-free and light: the
 * page loads it with its first script. Sentences about result links and files and the team roll-up
 * are in result-wording.ts, loaded with the result functions.
 */
import type { Dimension } from './schema.ts';
import type { AssessmentResult } from './result-format.ts';
import type { ChapterRecommendation, DimensionScore, Recommendation } from './scoring.ts';
import type { Problem } from '../../common/problems.ts';
import { lowerFirst } from '../../common/sentence.ts';

// ---------------------------------------------------------------------------------------------
// The questionnaire and the results.

/** The progress line: "3 of 12 answered". */
export function answeredText(done: number, total: number): string {
  return `${done} of ${total} answered`;
}

/** The welcome back after a reload, before the link to the first unanswered question. */
export function resumeText(done: number, total: number): string {
  return `Welcome back: your answers to ${done} of ${total} questions were saved in this browser. `;
}

/** The link to the first unanswered question. */
export function continueText(questionNumber: number): string {
  return `Continue with question ${questionNumber}`;
}

/** What is left to answer, by question number (from 1): at most six numbers, then how many more. */
export function unansweredText(numbers: readonly number[]): string {
  const listed = numbers.length > 6 ? `${numbers.slice(0, 6).join(', ')} and ${numbers.length - 6} more` : numbers.join(', ');
  return `Answer every question to see your result: ${numbers.length} left (question${numbers.length === 1 ? '' : 's'} ${listed}).`;
}

/**
 * Why a chapter is recommended, in brackets: "(for your overall score; helps with Routine and Targets)";
 * on a recommendation assessment (`recommends`), "(for the best fit)".
 */
export function recommendationReason(
  recommendation: ChapterRecommendation,
  dimensions: readonly Pick<Dimension, 'id' | 'title'>[],
  recommends = false,
): string {
  const titles = recommendation.fromDimensions.map((id) => dimensions.find((d) => d.id === id)?.title ?? id);
  const why = [
    recommendation.fromBand ? (recommends ? 'for the best fit' : 'for your overall score') : '',
    titles.length > 0 ? `helps with ${titles.join(' and ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `(${why})`;
}

/** A dimension as the strengths and gaps list it: "Routine: 45". */
export function dimensionLine(dimension: Pick<DimensionScore, 'title' | 'score'>): string {
  return `${dimension.title}: ${dimension.score}`;
}

/** Shown under strengths when no dimension is one. */
export const NO_STRENGTHS = 'None yet: no area scored 70 or more.';
/** Shown under gaps when no dimension is one. */
export const NO_GAPS = 'No gaps: every area scored 70 or more.';

const points = (n: number): string => String(Number(n.toFixed(2)));

/** A question's points in the review: "(1.5 of 3 points)". */
export function pointsText(earned: number, most: number): string {
  return `(${points(earned)} of ${points(most)} points)`;
}

/** A recommendation question's answer in the review: "(favours an agency and full-cycle reps)". */
export function favoursText(names: readonly string[]): string {
  if (names.length === 0) return '(favours none of the options)';
  const titles = names.map(lowerFirst);
  const listed = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}` : titles[0];
  return `(favours ${listed})`;
}

/**
 * The sentence under a recommendation: by how much the best fit leads, or that it is too close to call.
 * "It fits 79 out of 100, 20 points ahead of the next best, an in-house team with an agency bridge (59)."
 */
export function recommendationLead(recommendation: Pick<Recommendation, 'best' | 'runnerUp' | 'margin' | 'tooClose'>): string {
  const { best, runnerUp, margin, tooClose } = recommendation;
  if (!runnerUp) return `It fits ${best.score} out of 100.`;
  const next = lowerFirst(runnerUp.title);
  if (tooClose) {
    return margin === 0
      ? `${best.title} and ${next} fit equally (${best.score} out of 100): your answers do not separate them.`
      : `${best.title} fits ${best.score} out of 100 and ${next} ${runnerUp.score}: ${margin} ${margin === 1 ? 'point' : 'points'} apart, too close to call on these answers.`;
  }
  return `It fits ${best.score} out of 100, ${margin} points ahead of the next best, ${next} (${runnerUp.score}).`;
}

/** A finished result in the history, after its date: ": 64 out of 100, Building a habit". */
export function historyLine(entry: { overall: number; band: string }): string {
  return `: ${entry.overall} out of 100, ${entry.band}`;
}

/** The name of a downloaded result file, e.g. `prospecting-habits-result-2025-03-04.json`. */
export function resultFileName(result: Pick<AssessmentResult, 'assessment' | 'takenAt'>): string {
  return `${result.assessment}-result-${result.takenAt.slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Saved answers (saved.ts).

const DROPPED =
  'Your saved answers for this self-assessment could not be read, so they were set aside and you start afresh. A copy is kept: download or discard it from the notice at the top of the page.';

/** The notice when stored answers were refused (`parseSaved`'s problems). */
export function savedRefusal(problems: readonly Problem[]): string {
  const [problem] = problems;
  switch (problem?.code) {
    case 'unsupported_version':
      return 'Your saved answers were made by a newer version of this site and cannot be read here, so you start afresh. A copy is kept: download or discard it from the notice at the top of the page.';
    case 'too_large':
      return `${DROPPED} (It was too large to be saved answers.)`;
    case 'not_parseable':
      return `${DROPPED} (It was not readable data.)`;
    default:
      return `${DROPPED} (Something unexpected was found${problem?.field ? ` at "${problem.field}"` : ''}.)`;
  }
}

/** The notice when stored answers no longer fit the assessment and were cleared. */
export function droppedAnswers(count: number): string {
  return `${count === 1 ? 'One saved answer no longer matches' : `${count} saved answers no longer match`} this self-assessment (it has changed since), so ${count === 1 ? 'it was' : 'they were'} cleared. Please answer again where a question is empty.`;
}

/** The notice when some entries of the stored answers or history were not valid and were set aside, the rest kept. */
export function salvagedEntries(count: number): string {
  return `${count === 1 ? 'One saved entry' : `${count} saved entries`} for this self-assessment could not be read and ${count === 1 ? 'was' : 'were'} set aside; your other answers and results are kept. A copy of what was stored is kept: download or discard it from the notice at the top of the page.`;
}
