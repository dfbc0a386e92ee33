/**
 * A team's results for one assessment, summarised: spreads of scores per dimension and overall,
 * and the chapters the team needs most. Pure.
 */
import type { Assessment } from './schema.ts';
import type { AssessmentResult } from './result-format.ts';
import { resultProblems } from './result-format.ts';
import { scoreAssessment } from './scoring.ts';

/** How many scores fall in one range. */
export interface BucketCount {
  from: number;
  to: number;
  count: number;
}

/** How a team's whole-number scores (0-100) are spread. Mean and median have one decimal. */
export interface Distribution {
  min: number;
  max: number;
  mean: number;
  median: number;
  /** Counts for 0-24, 25-49, 50-74 and 75-100. */
  buckets: readonly BucketCount[];
}

/** One dimension's spread across the team. */
export interface DimensionRollUp extends Distribution {
  id: string;
  title: string;
}

/** A chapter and how many people's results recommend it. */
export interface ChapterNeed {
  chapter: string;
  /** People whose recommendations include it. */
  people: number;
  /** People for whom it is one of the three "read next". */
  readNext: number;
}

/** A team's results for one assessment, summarised. */
export interface TeamRollUp {
  assessment: string;
  /** Results counted (after skipping). */
  people: number;
  /** Results left out, by reason. */
  skipped: { otherAssessment: number; notFitting: number; duplicate: number };
  /** Spread of overall scores; null when nobody is counted. */
  overall: Distribution | null;
  /** One entry per dimension, in the order of the assessment; empty when nobody is counted. */
  dimensions: readonly DimensionRollUp[];
  /** Chapters ranked by how many people need them, then by "read next" count, then first seen. */
  chapters: readonly ChapterNeed[];
  /**
   * Recommendation assessments: how often each option came out as the best fit (too-close results
   * count for neither), most often first; empty for score assessments.
   */
  bestFits: readonly { id: string; title: string; people: number }[];
  /** Recommendation assessments: results too close to call. */
  tooClose: number;
}

/** Score ranges used by the roll-up's buckets. */
export const BUCKETS: readonly (readonly [number, number])[] = [
  [0, 24],
  [25, 49],
  [50, 74],
  [75, 100],
];

function oneDecimal(n: number): number {
  return Math.round(Number((n * 10).toFixed(6))) / 10;
}

/** Spread of whole-number scores; assumes at least one score. */
export function distribution(scores: readonly number[]): Distribution {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    mean: oneDecimal(sorted.reduce((sum, s) => sum + s, 0) / Math.max(1, sorted.length)),
    median: oneDecimal(median),
    buckets: BUCKETS.map(([from, to]) => ({ from, to, count: sorted.filter((s) => s >= from && s <= to).length })),
  };
}

/** What makes two results the same result (a file added twice, or as a file and a link). */
export function identity(result: AssessmentResult): string {
  const answers = Object.entries(result.answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([result.takenAt, result.name ?? '', answers]);
}

/**
 * Summarises a team's results for one assessment: per-dimension and overall spread (min, max,
 * mean, median, buckets of 0-24/25-49/50-74/75-100) from each person's whole-number scores, and
 * the chapters most often recommended. Results of other assessments, results that do not fit
 * and exact duplicates (same time, name and answers) are skipped and counted. Pure.
 */
export function rollUp(results: readonly AssessmentResult[], assessment: Assessment): TeamRollUp {
  const skipped = { otherAssessment: 0, notFitting: 0, duplicate: 0 };
  const seen = new Set<string>();
  const overall: number[] = [];
  const byDimension = new Map<string, number[]>(assessment.dimensions.map((d) => [d.id, []]));
  const needs = new Map<string, ChapterNeed>();
  const bestFits = new Map<string, number>();
  let tooClose = 0;

  for (const result of results) {
    if (result.assessment !== assessment.id) {
      skipped.otherAssessment++;
      continue;
    }
    const outcome = resultProblems(result, assessment).length === 0 ? scoreAssessment(assessment, result.answers) : undefined;
    if (outcome === undefined || !outcome.ok) {
      skipped.notFitting++;
      continue;
    }
    const key = identity(result);
    if (seen.has(key)) {
      skipped.duplicate++;
      continue;
    }
    seen.add(key);
    overall.push(outcome.value.overall);
    const recommendation = outcome.value.recommendation;
    if (recommendation?.tooClose) tooClose++;
    else if (recommendation) bestFits.set(recommendation.best.id, (bestFits.get(recommendation.best.id) ?? 0) + 1);
    for (const dimension of outcome.value.dimensions) byDimension.get(dimension.id)?.push(dimension.score);
    for (const recommendation of outcome.value.chapters) {
      const need = needs.get(recommendation.chapter) ?? { chapter: recommendation.chapter, people: 0, readNext: 0 };
      need.people++;
      if (recommendation.readNext) need.readNext++;
      needs.set(recommendation.chapter, need);
    }
  }

  const people = overall.length;
  // Map keeps first-seen order and sort is stable, so that is the last tie-breaker.
  const chapters = [...needs.values()].sort((a, b) => b.people - a.people || b.readNext - a.readNext);
  return {
    assessment: assessment.id,
    people,
    skipped,
    overall: people === 0 ? null : distribution(overall),
    dimensions: people === 0 ? [] : assessment.dimensions.map((d) => ({ id: d.id, title: d.title, ...distribution(byDimension.get(d.id) ?? []) })),
    chapters,
    bestFits: assessment.dimensions
      .map((d) => ({ id: d.id, title: d.title, people: bestFits.get(d.id) ?? 0 }))
      .filter((d) => d.people > 0)
      .sort((a, b) => b.people - a.people),
    tooClose,
  };
}

/** One line of the roll-up's list of people: a name (or none) and how many distinct results carry it. */
export interface PersonLine<T> {
  /** The first input with this name (its result and where it came from). */
  first: T;
  /** Distinct results with this name. */
  results: number;
}

/**
 * The inputs the roll-up reads, once each: a result added twice (same time, name and answers) counts
 * once, in the "read" total as in the averages. Returns the distinct inputs and how many were duplicates.
 */
export function distinctResults<T extends { result: AssessmentResult }>(inputs: readonly T[]): { distinct: T[]; duplicates: number } {
  const seen = new Set<string>();
  const distinct = inputs.filter(({ result }) => {
    const key = identity(result);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { distinct, duplicates: inputs.length - distinct.length };
}

/** The people list: each name once, with how many results carry it; results without a name one line each. */
export function peopleLines<T extends { result: AssessmentResult }>(inputs: readonly T[]): PersonLine<T>[] {
  const byName = new Map<string, PersonLine<T>>();
  const lines: PersonLine<T>[] = [];
  for (const input of distinctResults(inputs).distinct) {
    const name = input.result.name;
    const line = name === undefined ? undefined : byName.get(name);
    if (line) {
      line.results++;
      continue;
    }
    const added = { first: input, results: 1 };
    lines.push(added);
    if (name !== undefined) byName.set(name, added);
  }
  return lines;
}

/** Refusals shown one by one before the rest are summed up as "and N more". */
export const MAX_REFUSALS_SHOWN = 20;
