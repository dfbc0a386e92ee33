/**
 * Scoring of a self-assessment: pure functions from a parsed assessment and a person's answers
 * to scores, a band, strengths, gaps and chapters to read.
 *
 * How it counts:
 * - An answer is the index of the chosen option (`answers[questionId] = optionIndex`).
 * - A question's points are `weight × score of the chosen option`; its most is `weight × the
 *   highest option score`. Agreement items score 0..4 from strongly disagree to strongly agree,
 *   4..0 when `reverse: true`.
 * - A dimension's score is its questions' points over their most, as a percentage; the overall
 *   score is the same sum over every question (so a dimension with more, or heavier, questions
 *   weighs more). Both are rounded to whole numbers, and the overall band is looked up with the
 *   rounded number (bands cover the whole numbers 0-100).
 * - Unanswered questions: results are only computed when every question has a valid answer
 *   (`isComplete`). A partial set of answers has no score at all, rather than a misleading one
 *   (counting a skipped question as 0 would punish, leaving it out would flatter). Use
 *   `unansweredQuestions` to show what is left.
 * - Strengths: dimensions scoring 70 or more, highest first. Gaps: dimensions below 50, lowest
 *   first (ties in file order); when none is below 50, the lowest dimension(s) if below 70 (a
 *   strength is never a gap).
 * - Recommended chapters: the band's chapters, then each gap's advice chapters (lowest gap
 *   first), without repeats; the first three are flagged `readNext`.
 */
import type { Assessment, Band, Question } from './schema.ts';
import { describeValue, ok, refuse, type Result } from '../../common/problems.ts';
import { plural } from '../../common/plural.ts';

/** A person's answers: question id → index of the chosen option in `question.options`. */
export type Answers = Readonly<Record<string, number>>;

/** Dimensions at or above this score are strengths. */
export const STRENGTH_FROM = 70;
/** Dimensions below this score are gaps. */
export const GAP_BELOW = 50;
/** How many recommended chapters are flagged "read next". */
export const READ_NEXT_COUNT = 3;

/** The score of one dimension, with its advice for when it is a gap. */
export interface DimensionScore {
  id: string;
  title: string;
  description: string;
  /** Whole number 0-100. */
  score: number;
  /** Points earned and the most possible (weights applied), for anyone who wants to show the sum. */
  points: number;
  maxPoints: number;
  /** What to do when this dimension is a gap (from `dimensionAdvice`). */
  advice: string;
  /** Chapters that help with this dimension (from `dimensionAdvice`). */
  chapters: readonly string[];
}

/** One recommended chapter and why it was recommended. */
export interface ChapterRecommendation {
  chapter: string;
  /** True for the first three: what to read next. */
  readNext: boolean;
  /** True when the overall band recommends it. */
  fromBand: boolean;
  /** Ids of the gap dimensions that recommend it. */
  fromDimensions: readonly string[];
}

/** How one question was answered, for the per-question review on the results. */
export interface QuestionResult {
  id: string;
  dimension: string;
  prompt: string;
  /** Index of the chosen option. */
  chosen: number;
  /** Label of the chosen option. */
  answer: string;
  /** Weighted points earned and the most possible. */
  points: number;
  maxPoints: number;
  /** True when the chosen option is (one of) the best. */
  best: boolean;
  /** The chosen option's explanation, else the question's, else undefined. */
  explanation?: string;
}

/** Everything the results page shows. */
export interface AssessmentScore {
  assessment: string;
  /** Whole number 0-100 over every question. */
  overall: number;
  /** The band `overall` falls in. */
  band: Band;
  /** Every dimension, highest score first (ties keep the order of the file). */
  dimensions: readonly DimensionScore[];
  /** Dimensions scoring 70 or more, highest first. */
  strengths: readonly DimensionScore[];
  /** Dimensions below 50 (lowest first), or else the lowest one(s) when below 70. */
  gaps: readonly DimensionScore[];
  /** Band chapters, then gap chapters, without repeats. */
  chapters: readonly ChapterRecommendation[];
  /** One entry per question, in the order asked. */
  questions: readonly QuestionResult[];
}

/** The highest score any option of a question earns (before weighting). */
export function maxOptionScore(question: Question): number {
  return Math.max(0, ...question.options.map((o) => o.score));
}

/** The chosen option index for a question, or undefined when missing or not a valid index. */
function chosenIndex(question: Question, answers: Answers): number | undefined {
  if (!Object.hasOwn(answers, question.id)) return undefined;
  const index = answers[question.id];
  return Number.isInteger(index) && index !== undefined && index >= 0 && index < question.options.length ? index : undefined;
}

/** Ids of the questions without a valid answer (missing, or an index with no such option), in order. */
export function unansweredQuestions(assessment: Assessment, answers: Answers): string[] {
  return assessment.questions.filter((q) => chosenIndex(q, answers) === undefined).map((q) => q.id);
}

/** How many questions have a valid answer, for a progress indicator. */
export function answeredCount(assessment: Assessment, answers: Answers): number {
  return assessment.questions.length - unansweredQuestions(assessment, answers).length;
}

/** True when every question has a valid answer, i.e. when `scoreAssessment` gives a result. */
export function isComplete(assessment: Assessment, answers: Answers): boolean {
  return unansweredQuestions(assessment, answers).length === 0;
}

/** Percentage as a whole number; the toFixed step keeps 62.49999… from rounding the wrong way. */
export function percent(points: number, maxPoints: number): number {
  if (maxPoints <= 0) return 0;
  return Math.round(Number(((100 * points) / maxPoints).toFixed(6)));
}

/** The band a whole-number overall score falls in (bands are checked to cover 0-100). */
export function bandFor(assessment: Assessment, overall: number): Band {
  const band = assessment.bands.find((b) => overall >= b.from && overall <= b.to) ?? assessment.bands[assessment.bands.length - 1];
  // The schema requires at least one band covering 0-100, so this only guards against hand-built data.
  if (band === undefined) throw new Error(`Assessment "${assessment.id}" has no bands.`);
  return band;
}

/** `scored` is in file order; the stable sort keeps that order among equal scores. */
function pickGaps(scored: readonly DimensionScore[]): DimensionScore[] {
  const lowestFirst = [...scored].sort((a, b) => a.score - b.score);
  const below = lowestFirst.filter((d) => d.score < GAP_BELOW);
  if (below.length > 0) return below;
  const lowest = lowestFirst[0];
  if (lowest === undefined || lowest.score >= STRENGTH_FROM) return [];
  return lowestFirst.filter((d) => d.score === lowest.score);
}

function recommend(band: Band, gaps: readonly DimensionScore[]): ChapterRecommendation[] {
  const byChapter = new Map<string, { fromBand: boolean; fromDimensions: string[] }>();
  for (const chapter of band.chapters) {
    if (!byChapter.has(chapter)) byChapter.set(chapter, { fromBand: true, fromDimensions: [] });
  }
  for (const gap of gaps) {
    for (const chapter of gap.chapters) {
      const seen = byChapter.get(chapter);
      if (seen === undefined) byChapter.set(chapter, { fromBand: false, fromDimensions: [gap.id] });
      else if (!seen.fromDimensions.includes(gap.id)) seen.fromDimensions.push(gap.id);
    }
  }
  return [...byChapter].map(([chapter, why], index) => ({ chapter, readNext: index < READ_NEXT_COUNT, ...why }));
}

/**
 * Scores a complete set of answers. Refuses (never a partial score) when any question lacks a valid
 * answer: one problem per such question, in order, on field `answers.<question id>` (`missing`, or
 * `out_of_range` for an option the question does not have). Never throws for a parsed assessment.
 */
export function scoreAssessment(assessment: Assessment, answers: Answers): Result<AssessmentScore> {
  const unanswered = unansweredQuestions(assessment, answers);
  if (unanswered.length > 0) {
    return refuse(
      ...unanswered.map((id) => {
        const given = Object.hasOwn(answers, id) ? answers[id] : undefined;
        return {
          code: given === undefined ? ('missing' as const) : ('out_of_range' as const),
          field: `answers.${id}`,
          expected: 'the number of one of its options',
          given: describeValue(given),
        };
      }),
    );
  }

  const questions: QuestionResult[] = assessment.questions.map((question) => {
    const chosen = chosenIndex(question, answers) ?? 0;
    const option = question.options[chosen] ?? { label: '', score: 0 };
    const best = maxOptionScore(question);
    const explanation = option.explanation ?? question.explanation;
    return {
      id: question.id,
      dimension: question.dimension,
      prompt: question.prompt,
      chosen,
      answer: option.label,
      points: question.weight * option.score,
      maxPoints: question.weight * best,
      best: option.score === best,
      ...(explanation === undefined ? {} : { explanation }),
    };
  });

  const scored = assessment.dimensions.map((dimension): DimensionScore => {
    const own = questions.filter((q) => q.dimension === dimension.id);
    const points = own.reduce((sum, q) => sum + q.points, 0);
    const maxPoints = own.reduce((sum, q) => sum + q.maxPoints, 0);
    const advice = assessment.dimensionAdvice[dimension.id];
    return {
      id: dimension.id,
      title: dimension.title,
      description: dimension.description,
      score: percent(points, maxPoints),
      points,
      maxPoints,
      advice: advice?.low ?? '',
      chapters: advice?.chapters ?? [],
    };
  });
  // Array.prototype.sort is stable, so ties keep the order of the file.
  const dimensions = [...scored].sort((a, b) => b.score - a.score);

  const overall = percent(
    questions.reduce((sum, q) => sum + q.points, 0),
    questions.reduce((sum, q) => sum + q.maxPoints, 0),
  );
  const band = bandFor(assessment, overall);
  const gaps = pickGaps(scored);
  return ok({
    assessment: assessment.id,
    overall,
    band,
    dimensions,
    strengths: dimensions.filter((d) => d.score >= STRENGTH_FROM),
    gaps,
    chapters: recommend(band, gaps),
    questions,
  });
}

function formatWeight(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** One sentence for the page that says how the assessment is scored, built from its content. */
export function scoringSentence(assessment: Assessment): string {
  const hasAgreement = assessment.questions.some((q) => q.kind === 'agreement');
  const hasReverse = assessment.questions.some((q) => q.reverse);
  const weights = assessment.questions.map((q) => q.weight);
  const ratio = Math.max(...weights) / Math.min(...weights);
  const scale = hasAgreement
    ? ` (statements you rate earn 0 to 4${hasReverse ? ', counted the other way round where agreeing is the weaker answer' : ''})`
    : '';
  const weighting = ratio === 1 ? 'every question counts the same' : `some questions count up to ${formatWeight(ratio)} times as much as others`;
  return `Your ${plural(assessment.questions.length, 'answer earns', 'answers earn')} points${scale}, and your score, overall and for each of the ${plural(assessment.dimensions.length, 'area', 'areas')}, is the share of the most possible points you earned, from 0 to 100; ${weighting}.`;
}
