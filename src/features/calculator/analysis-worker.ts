import { computeAnalysis } from './analysis-runner.ts';
import { evaluate } from './model/cost-model.ts';
import type { Scenario } from './fields.ts';

/**
 * The slower results computed off the page's main thread, so typing and scrolling never wait for the
 * uncertainty run. A message is `{ id, scenario }`; the answer is `{ id, parts }`, or `{ id, error }`
 * when the computation threw. The same code as in the page (analysis-runner.ts), so the same numbers.
 * The worker is a module from the site itself: allowed by `script-src 'self'` / `worker-src 'self'`.
 */
self.addEventListener('message', (event: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = event.data;
  try {
    self.postMessage({ id, parts: computeAnalysis(scenario, evaluate(scenario)) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
});
