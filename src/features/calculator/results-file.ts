/**
 * The results file (methodology, "Results format"): what "Download JSON" saves and `npm run calc`
 * prints, both through `resultsJson`, so they agree number for number; `parseScenarioText` in
 * codec.ts reads it back. Its own module because it runs the uncertainty model: the page loads it
 * when the reader asks for the file, not with the calculator's first script.
 */
import { exportScenario } from './codec.ts';
import { SCENARIO_VERSION, type Scenario } from './fields.ts';
import { MODEL_IDS, evaluate, type Evaluation, type ModelResult } from './model/cost-model.ts';
import { runUncertainty, type UncertaintyResult } from './model/uncertainty.ts';

/** One option in the results format: its results with `uncertainty`, or `{ error }` when it cannot reach the target. */
function optionDocument(result: ModelResult, uncertainty: UncertaintyResult[keyof UncertaintyResult]): Record<string, unknown> {
  if (result.error !== undefined) return { error: result.error };
  const { months, ...rest } = result;
  return { ...rest, uncertainty, months };
}

/**
 * The results document (methodology, "Results format"): version 2, the four options, and the
 * complete scenario they are for. "Download JSON" saves it and `npm run calc` prints it, both
 * through this function, so they agree number for number; `parseScenarioText` reads it back.
 * The uncertainty run is done here when not given.
 */
export function resultsDocument(scenario: Scenario, evaluation: Evaluation = evaluate(scenario), uncertainty?: UncertaintyResult): Record<string, unknown> {
  const ranges = uncertainty ?? runUncertainty(scenario, evaluation);
  const document: Record<string, unknown> = { version: SCENARIO_VERSION };
  for (const model of MODEL_IDS) document[model] = optionDocument(evaluation[model], ranges[model]);
  document['scenario'] = exportScenario(scenario);
  return document;
}

/** The results document as JSON text (two-space indent, final newline). */
export function resultsJson(scenario: Scenario, evaluation: Evaluation = evaluate(scenario), uncertainty?: UncertaintyResult): string {
  return `${JSON.stringify(resultsDocument(scenario, evaluation, uncertainty), null, 2)}\n`;
}
