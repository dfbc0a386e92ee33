import type { Scenario } from './fields.ts';
import type { Evaluation } from './model/cost-model.ts';
import { runUncertainty, type UncertaintyResult } from './model/uncertainty.ts';
import { whatWouldHaveToBeTrue, type WhatWouldHaveToBeTrue } from './model/what-would-have-to-be-true.ts';

/**
 * The slower results (uncertainty, what would have to be true) in one call. The page loads this
 * module on its own after the first paint (pb-calculator.ts imports it dynamically), so the script
 * a reader waits for stays small and typing never waits for it.
 */
export function computeAnalysis(scenario: Scenario, evaluation: Evaluation): { uncertainty: UncertaintyResult; whatIf: WhatWouldHaveToBeTrue } {
  return { uncertainty: runUncertainty(scenario, evaluation), whatIf: whatWouldHaveToBeTrue(scenario, evaluation) };
}
