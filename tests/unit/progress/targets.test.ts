import { describe, expect, test } from 'vitest';
import { describePathSteps, type PathStepInput } from '../../../src/features/progress/targets.ts';

const titles = {
  chapter: (id: string) => ({ 'leads-versus-targets': 'Leads are not targets' })[id],
  assessment: (id: string) => ({ 'prospecting-habits': 'Your prospecting habits' })[id],
  calculator: 'Pipeline cost calculator',
};

describe('describing a path’s steps', () => {
  test.each<[string, PathStepInput, { kindLabel: string; title: string; href: string | undefined; target: string }]>([
    [
      'a chapter',
      { kind: 'chapter', ref: 'leads-versus-targets', description: 'd' },
      { kindLabel: 'Chapter', title: 'Leads are not targets', href: 'chapters/leads-versus-targets/', target: 'c:leads-versus-targets' },
    ],
    [
      'an assessment',
      { kind: 'assessment', ref: 'prospecting-habits', description: 'd' },
      { kindLabel: 'Self-assessment', title: 'Your prospecting habits', href: 'assessments/prospecting-habits/', target: 's:p/assessment-prospecting-habits' },
    ],
    [
      'the calculator',
      { kind: 'calculator', description: 'd' },
      { kindLabel: 'Calculator', title: 'Pipeline cost calculator', href: 'calculator/', target: 's:p/calculator' },
    ],
    [
      'a task',
      { kind: 'task', title: 'Shadow five calls', description: 'd' },
      { kindLabel: 'Practical task', title: 'Shadow five calls', href: undefined, target: 's:p/task-shadow-five-calls' },
    ],
    [
      'a step’s own title wins',
      { kind: 'chapter', ref: 'leads-versus-targets', title: 'Start here', description: 'd' },
      { kindLabel: 'Chapter', title: 'Start here', href: 'chapters/leads-versus-targets/', target: 'c:leads-versus-targets' },
    ],
    [
      'an unknown reference falls back to its id',
      { kind: 'assessment', ref: 'gone', description: 'd' },
      { kindLabel: 'Self-assessment', title: 'gone', href: 'assessments/gone/', target: 's:p/assessment-gone' },
    ],
  ])('%s', (_name, step, expected) => {
    const [view] = describePathSteps('p', [step], titles);
    expect(view).toEqual({ number: 1, kind: step.kind, description: 'd', ...expected });
  });

  test('steps are numbered from 1 in path order', () => {
    const steps: PathStepInput[] = [
      { kind: 'calculator', description: 'a' },
      { kind: 'task', title: 'T', description: 'b' },
    ];
    expect(describePathSteps('p', steps, titles).map((s) => [s.number, s.description])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('check steps', () => {
  test('a check step has its own step key and leads to the check on its chapter page', () => {
    const [view] = describePathSteps('new-rep', [{ kind: 'check', ref: 'leads', description: 'Pass it.' }], {
      chapter: () => 'Leads',
      assessment: () => undefined,
      calculator: 'Calc',
    });
    expect(view).toMatchObject({
      kind: 'check',
      kindLabel: 'Knowledge check',
      title: 'Knowledge check: Leads',
      href: 'chapters/leads/#check',
      target: 's:new-rep/check-leads',
    });
  });
});
