import { describe, expect, test } from 'vitest';
import { dueItems, nextReview, REVIEW_INTERVALS } from '../../../src/features/review/schedule.ts';

const at = new Date(2026, 2, 2, 15, 0); // local time, 2 March 2026 15:00
const day = (offset: number) => new Date(2026, 2, 2 + offset).toISOString();

describe('spaced review', () => {
  test('a wrong answer comes back at the start of the next day', () => {
    expect(nextReview(undefined, 'leads', 'q', false, at)).toEqual({
      chapter: 'leads',
      question: 'q',
      due: day(1),
      streak: 0,
    });
  });

  test('right answers in a row come back after 1, 3, 7, 14 and 30 days, then retire', () => {
    let item = nextReview(undefined, 'leads', 'q', true, at);
    const gaps: number[] = [];
    while (item) {
      gaps.push(Math.round((Date.parse(item.due) - Date.parse(day(0))) / 86_400_000));
      item = nextReview(item, 'leads', 'q', true, at);
    }
    expect(gaps).toEqual([...REVIEW_INTERVALS]);
  });

  test('a wrong answer after a streak starts again at one day', () => {
    const item = nextReview({ chapter: 'leads', question: 'q', due: day(0), streak: 3 }, 'leads', 'q', false, at);
    expect(item?.streak).toBe(0);
    expect(item?.due).toBe(day(1));
  });

  test("today's review lists what is due, earliest first, and no more than the limit", () => {
    const review = {
      'a/1': { chapter: 'a', question: '1', due: day(1), streak: 0 },
      'a/2': { chapter: 'a', question: '2', due: day(-2), streak: 0 },
      'b/1': { chapter: 'b', question: '1', due: day(5), streak: 1 },
    };
    expect(dueItems(review, at).map((i) => `${i.chapter}/${i.question}`)).toEqual(['a/2']);
    expect(dueItems(review, new Date(2026, 2, 3, 8)).map((i) => `${i.chapter}/${i.question}`)).toEqual(['a/2', 'a/1']);
    expect(dueItems(review, new Date(2026, 2, 30), 1)).toHaveLength(1);
  });
});
