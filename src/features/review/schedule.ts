/**
 * Spaced review of knowledge-check questions, all in the browser: a question answered wrongly comes
 * back the next day; one answered right comes back after a growing interval (1, 3, 7, 14, 30 days)
 * and leaves the review after it has been answered right at the 30-day interval.
 */
import type { ReviewItem } from '../checks/model.ts';

/** Days until a question comes back, by how many times in a row it was answered right. */
export const REVIEW_INTERVALS = [1, 3, 7, 14, 30] as const;

const DAY = 86_400_000;

/**
 * The next review of one question after it was answered (`right` or not) at `at`. Returns undefined
 * when it has been right at every interval and is retired.
 */
export function nextReview(previous: ReviewItem | undefined, chapter: string, question: string, right: boolean, at: Date): ReviewItem | undefined {
  const streak = right ? Math.min((previous?.streak ?? -1) + 1, REVIEW_INTERVALS.length) : 0;
  if (streak >= REVIEW_INTERVALS.length) return undefined;
  const days = right ? REVIEW_INTERVALS[streak]! : REVIEW_INTERVALS[0];
  return {
    chapter,
    question,
    due: startOfDay(new Date(at.getTime() + days * DAY)).toISOString(),
    streak,
  };
}

/** Midnight (local time) at the start of the day of `date`, so an item due "tomorrow" is due all of tomorrow. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Items due at or before `now`, earliest first, at most `limit` ("Today's review" stays short). */
export function dueItems(review: Readonly<Record<string, ReviewItem>>, now: Date, limit = 5): ReviewItem[] {
  return Object.values(review)
    .filter((item) => Date.parse(item.due) <= now.getTime())
    .sort((a, b) => a.due.localeCompare(b.due) || a.chapter.localeCompare(b.chapter) || a.question.localeCompare(b.question))
    .slice(0, limit);
}

/** When the next item falls due after `now`, or undefined when none is waiting. */
export function nextDue(review: Readonly<Record<string, ReviewItem>>, now: Date): string | undefined {
  return Object.values(review)
    .map((item) => item.due)
    .filter((due) => Date.parse(due) > now.getTime())
    .sort()[0];
}
