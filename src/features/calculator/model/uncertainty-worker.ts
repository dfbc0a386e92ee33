/// <reference lib="webworker" />
import type { Scenario } from '../fields.ts';
import { runUncertainty } from './uncertainty.ts';

/**
 * The uncertainty run in a module Web Worker, so that typing in the page never waits for it. Vite
 * emits this file as a separate same-origin script, which the strict policy (`script-src 'self'`)
 * allows. Message in: `{ id, scenario }` (a resolved, validated scenario); out: `{ id, result }` or
 * `{ id, error }`. uncertainty-runner.ts is the page's side.
 */
self.addEventListener('message', (event: MessageEvent<{ id: number; scenario: Scenario }>) => {
  const { id, scenario } = event.data;
  try {
    self.postMessage({ id, result: runUncertainty(scenario) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
