import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { STAGES, nextStage, selectStages, type Outcome, type Stage } from '../../../scripts/test.ts';

const stage = (name: string, extra: Partial<Stage> = {}): Stage => ({ name, run: [name], ...extra });
const names = (stages: readonly Stage[]) => stages.map((s) => s.name);

describe('selectStages', () => {
  test('no names: every stage, in priority order', () => {
    expect(names(selectStages(STAGES, []))).toEqual(names(STAGES));
  });

  test('a stage brings the stages it needs', () => {
    expect(names(selectStages(STAGES, ['e2e']))).toEqual(['build', 'build:subpath', 'e2e']);
    expect(names(selectStages(STAGES, ['lint', 'unit']))).toEqual(['unit', 'lint']);
  });

  test('an unknown name is refused, listing the stages', () => {
    expect(() => selectStages(STAGES, ['lnt'])).toThrow(/unknown stage lnt; the stages are build, build:subpath, check, e2e/);
  });

  test('every stage npm test runs is an npm script, and every dependency exists', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const s of STAGES) {
      expect(scripts, s.name).toHaveProperty([s.run[0]!]);
      for (const dep of s.after ?? []) expect(names(STAGES)).toContain(dep);
    }
  });
});

describe('nextStage', () => {
  const build = stage('build', { content: 'default' });
  const check = stage('check', { content: 'default' });
  const e2e = stage('e2e', { after: ['build'] });
  const buildTests = stage('build-tests', { content: 'fixtures' });
  const lint = stage('lint');
  const outcomes = (entries: readonly (readonly [string, Outcome])[] = []) => new Map<string, Outcome>(entries);

  test.each([
    ['the first pending stage when nothing runs', [build, lint], [], [], 'build', 'start'],
    ['a stage waits for its dependency, the next one starts', [e2e, lint], [build], [], 'lint', 'start'],
    ['a stage starts once its dependency passed', [e2e, lint], [], [['build', 'passed']], 'e2e', 'start'],
    ['a stage whose dependency failed is skipped', [e2e, lint], [], [['build', 'failed']], 'e2e', 'skip'],
    ['stages building the same content may overlap', [check], [build], [], 'check', 'start'],
    ['stages building other content wait', [buildTests, lint], [build], [], 'lint', 'start'],
  ] as const)('%s', (_, pending, running, done, expected, action) => {
    expect(nextStage(pending, running, outcomes(done))).toEqual({ stage: expect.objectContaining({ name: expected }), action });
  });

  test('nothing can start: undefined', () => {
    expect(nextStage([buildTests], [build], outcomes())).toBeUndefined();
    expect(nextStage([], [], outcomes())).toBeUndefined();
  });
});
