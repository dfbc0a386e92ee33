import { describe, expect, test } from 'vitest';
import { runUncertainty } from '../../../src/features/calculator/model/uncertainty.ts';
import { createUncertaintyRunner } from '../../../src/features/calculator/uncertainty-runner.ts';
import { scenarioWith } from './fixtures.ts';

describe('the uncertainty runner (main-thread path)', () => {
  test('answers with the same numbers as the run itself, after the current task', async () => {
    const runner = createUncertaintyRunner({ useWorker: false });
    const scenario = scenarioWith({ uncertainty: { runs: 200, seed: 3 } });
    let answered = false;
    const promise = runner.run(scenario).then((result) => {
      answered = true;
      return result;
    });
    expect(answered).toBe(false);
    expect(await promise).toEqual(runUncertainty(scenario));
  });

  test('only the latest request is answered; older ones resolve to null', async () => {
    const runner = createUncertaintyRunner({ useWorker: false });
    const first = runner.run(scenarioWith({ uncertainty: { runs: 100, seed: 1 } }));
    const second = runner.run(scenarioWith({ uncertainty: { runs: 100, seed: 2 } }));
    expect(await first).toBeNull();
    expect(await second).toEqual(runUncertainty(scenarioWith({ uncertainty: { runs: 100, seed: 2 } })));
  });
});
