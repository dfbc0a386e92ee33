import { describe, expect, test } from 'vitest';
import { chapterInPaths, stepHref, type NavPath } from '../../../src/features/path-steps/nav.ts';

const path: NavPath = {
  id: 'new-rep',
  title: 'New rep',
  steps: [
    { number: 1, kind: 'chapter', title: 'Leads', href: 'chapters/leads/' },
    {
      number: 2,
      kind: 'check',
      title: 'Knowledge check: Leads',
      href: 'chapters/leads/#check',
    },
    { number: 3, kind: 'task', title: 'Shadow calls', href: undefined },
    {
      number: 4,
      kind: 'assessment',
      title: 'Habits',
      href: 'assessments/habits/',
    },
  ],
};

describe('path step navigation', () => {
  test('chapter and check links carry the path; a task leads to its row on the path page', () => {
    expect(path.steps.map((s) => stepHref('new-rep', s))).toEqual([
      'chapters/leads/?path=new-rep',
      'chapters/leads/?path=new-rep#check',
      'paths/new-rep/#step-3',
      'assessments/habits/',
    ]);
  });

  test('a chapter knows its step number and the steps either side', () => {
    expect(chapterInPaths('leads', [path])).toEqual([
      {
        pathId: 'new-rep',
        pathTitle: 'New rep',
        number: 1,
        total: 4,
        previous: undefined,
        next: {
          title: 'Step 2: Knowledge check: Leads',
          href: 'chapters/leads/?path=new-rep#check',
        },
      },
    ]);
    expect(chapterInPaths('other', [path])).toEqual([]);
  });
});
