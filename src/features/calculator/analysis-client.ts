import type { Scenario } from './fields.ts';
import type { AnalysisCompute, AnalysisParts } from './store.ts';

/*
 * The page's side of analysis-worker.ts, loaded the first time the inputs differ from the defaults
 * (whose analysis comes with the page). The worker is started once and reused; where it cannot start
 * or fails, the same code runs in the page instead, so the numbers are the same either way.
 */

let worker: Worker | null | undefined;
let workerAsked = 0;
const workerWaiting = new Map<number, { resolve: (parts: AnalysisParts) => void; reject: (error: Error) => void }>();

/** The worker that computes the slower results, started on first use; null where it cannot start (it is then not tried again). */
function analysisWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'calculator-analysis' });
  } catch {
    return (worker = null);
  }
  worker.addEventListener('message', (event: MessageEvent<{ id: number; parts?: AnalysisParts; error?: string }>) => {
    const waiting = workerWaiting.get(event.data.id);
    workerWaiting.delete(event.data.id);
    if (event.data.parts) waiting?.resolve(event.data.parts);
    else waiting?.reject(new Error(event.data.error ?? 'no answer'));
  });
  // A worker that cannot load (a server or policy that refuses it) or that fails: every question waiting goes to the page's own thread.
  const fail = () => {
    worker?.terminate();
    worker = null;
    for (const waiting of workerWaiting.values()) waiting.reject(new Error('the analysis worker failed'));
    workerWaiting.clear();
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  return worker;
}

/** Computes the slower results in the worker, or in the page where the worker is not available. The same code either way. */
export const analyseOffThread: AnalysisCompute = async (scenario: Scenario, evaluation) => {
  const inPage = async () => (await import('./analysis-runner.ts')).computeAnalysis(scenario, evaluation);
  const running = analysisWorker();
  if (!running) return inPage();
  const id = ++workerAsked;
  try {
    return await new Promise<AnalysisParts>((resolve, reject) => {
      workerWaiting.set(id, { resolve, reject });
      running.postMessage({ id, scenario });
    });
  } catch {
    return inPage();
  }
};
