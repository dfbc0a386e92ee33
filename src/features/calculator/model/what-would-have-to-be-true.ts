import type { NumericFieldPath, Scenario } from '../fields.ts';
import { findBreakEven } from './break-even.ts';
import { MODEL_IDS, MODEL_LABELS, evaluate, type Evaluation, type ModelId } from './cost-model.ts';

/**
 * "What would have to be true" (methodology, "Beyond the totals"): for the option that is cheapest
 * per opportunity (W) and each other option X, the value of each of X's deciding inputs at which X
 * would cost the same per opportunity as W, everything else held (seats too), each found like a
 * break-even inside the input's allowed range; or "not within the allowed range". Pure; the page
 * shows it (and may run it off the typing path: it runs a few thousand model evaluations).
 */

/**
 * Each option's deciding inputs: its meetings rate, its meeting-to-opportunity rate and its main
 * price. D has no inputs of its own that decide it: it uses A's.
 */
export const DECIDING_INPUTS: Readonly<Record<ModelId, readonly NumericFieldPath[]>> = {
  inHouse: ['inHouse.meetingsPerMonth', 'inHouse.meetingToOpportunity', 'inHouse.baseSalary'],
  outsourced: ['outsourced.meetingsPerSeatPerMonth', 'outsourced.meetingToOpportunity', 'outsourced.monthlyFeePerSeat'],
  fullCycle: ['fullCycle.meetingsPerProspectingDay', 'fullCycle.meetingToOpportunity', 'fullCycle.aeAnnualOte'],
  bridge: ['inHouse.meetingsPerMonth', 'inHouse.meetingToOpportunity', 'inHouse.baseSalary'],
};

/** What one input of X would have to be for X to cost as much per opportunity as the cheapest option. */
export type Requirement =
  | {
      path: NumericFieldPath;
      /** The input's value in the scenario. */
      baseValue: number;
      status: 'value';
      /** The value at which X and W cost the same per opportunity (the crossing nearest the base value). */
      value: number;
      /** The common cost per opportunity there. */
      costPerOpportunity: number | null;
    }
  | {
      path: NumericFieldPath;
      baseValue: number;
      status: 'not-within-range';
      /** Why, in a sentence: "not within the allowed range", with the range. */
      reason: string;
    };

/** One option other than the cheapest, with its requirements. */
export interface OptionRequirements {
  model: ModelId;
  /** Its cost per opportunity in the base case (null when none). */
  costPerOpportunity: number | null;
  requirements: Requirement[];
}

/** The answer: the cheapest option and what would make each other one as cheap. */
export type WhatWouldHaveToBeTrue =
  { status: 'found'; cheapest: ModelId; costPerOpportunity: number; options: OptionRequirements[] } | { status: 'no-cheapest'; reason: string };

/** The option with the lowest cost per opportunity (the first in display order on a tie); null when none has one. */
export function cheapestOption(evaluation: Evaluation): ModelId | null {
  let best: ModelId | null = null;
  for (const model of MODEL_IDS) {
    const cost = evaluation[model].costPerOpportunity;
    if (evaluation[model].error !== undefined || cost === null) continue;
    const bestCost = best === null ? null : evaluation[best].costPerOpportunity;
    if (bestCost === null || cost < bestCost) best = model;
  }
  return best;
}

/**
 * For the cheapest option W and every other option X that can be costed, the values of X's
 * deciding inputs at which X costs the same per opportunity as W (methodology). `base` saves the
 * base evaluation when the caller has it.
 */
export function whatWouldHaveToBeTrue(scenario: Scenario, base: Evaluation = evaluate(scenario)): WhatWouldHaveToBeTrue {
  const cheapest = cheapestOption(base);
  if (cheapest === null) {
    return { status: 'no-cheapest', reason: 'No option can be costed per opportunity with these inputs, so none is the cheapest.' };
  }
  const options: OptionRequirements[] = [];
  for (const model of MODEL_IDS) {
    if (model === cheapest || base[model].error !== undefined) continue;
    const requirements = DECIDING_INPUTS[model].map((path): Requirement => {
      const found = findBreakEven(scenario, { path, models: [model, cheapest] });
      if (found.status === 'crossing') {
        return { path, baseValue: found.baseValue, status: 'value', value: found.value, costPerOpportunity: found.costPerOpportunity };
      }
      return {
        path,
        baseValue: found.baseValue,
        status: 'not-within-range',
        reason: `Not within the allowed range: for no value of ${path} from ${found.range.min} to ${found.range.max} would ${MODEL_LABELS[model]} cost as little per opportunity as ${MODEL_LABELS[cheapest]}, everything else held.`,
      };
    });
    options.push({ model, costPerOpportunity: base[model].costPerOpportunity, requirements });
  }
  return { status: 'found', cheapest, costPerOpportunity: base[cheapest].costPerOpportunity as number, options };
}
