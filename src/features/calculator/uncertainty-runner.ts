import type { Scenario } from './fields.ts';
import type { Evaluation } from './model/cost-model.ts';
import { runUncertainty, type UncertaintyResult } from './model/uncertainty.ts';

/**
 * Runs the uncertainty Monte Carlo off the page's typing path: in a module Web Worker when the
 * browser has one (model/uncertainty-worker.ts, emitted by Vite as a same-origin file, allowed by
 * `script-src 'self'`), else on the main thread after the current task (a `setTimeout`). Only the
 * latest request is answered: an older one still running resolves to `null` (superseded). The
 * numbers are the same either way: the run is specified to the bit.
 */
export interface UncertaintyRunner {
  /** The scenario's uncertainty, or `null` when a newer request replaced this one. */
  run(scenario: Scenario, base?: Evaluation): Promise<UncertaintyResult | null>;
  /** Stops the worker (the page is leaving). */
  close(): void;
}

type Pending = { id: number; resolve: (value: UncertaintyResult | null) => void; scenario: Scenario; base: Evaluation | undefined };

/** Creates the runner; `useWorker: false` forces the main-thread path (tests, or a browser without workers). */
export function createUncertaintyRunner(options: { useWorker?: boolean } = {}): UncertaintyRunner {
  let worker: Worker | null = null;
  if (options.useWorker !== false && typeof Worker === 'function') {
    try {
      worker = new Worker(new URL('./model/uncertainty-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  let latest = 0;
  let pending: Pending | null = null;

  const onMainThread = (job: Pending): void => {
    setTimeout(() => {
      if (job.id !== latest) return job.resolve(null);
      job.resolve(runUncertainty(job.scenario, job.base));
    }, 0);
  };

  worker?.addEventListener('message', (event: MessageEvent<{ id: number; result?: UncertaintyResult; error?: string }>) => {
    const job = pending;
    if (!job || event.data.id !== job.id) return;
    pending = null;
    if (event.data.result) job.resolve(job.id === latest ? event.data.result : null);
    else onMainThread(job);
  });
  worker?.addEventListener('error', () => {
    // A worker that cannot start (blocked, unsupported): finish on the main thread from now on.
    worker = null;
    const job = pending;
    pending = null;
    if (job) onMainThread(job);
  });

  return {
    run(scenario, base) {
      const id = ++latest;
      return new Promise((resolve) => {
        const job: Pending = { id, resolve, scenario, base };
        if (worker) {
          pending?.resolve(null);
          pending = job;
          worker.postMessage({ id, scenario });
        } else {
          onMainThread(job);
        }
      });
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}
