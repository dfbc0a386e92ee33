import { describeValue, type Problem } from '../../common/problems.ts';
import { numericSpec, readNumber, type NumericFieldPath, type Scenario } from './fields.ts';

/**
 * The calculator's one rule that links two fields, written once: days out per year stay below the
 * working days per year (`shared.workingDaysPerYear`), for each model that has days out. The zod
 * schema (schema.ts), the codec (codec.ts) and the form (view/form.ts) all apply it from here.
 */

/** The days-out fields limited by `shared.workingDaysPerYear`. */
export const DAYS_OUT_PATHS = ['inHouse.daysOutPerYear', 'fullCycle.daysOutPerYear'] as const satisfies readonly NumericFieldPath[];
/** A days-out field. */
export type DaysOutPath = (typeof DAYS_OUT_PATHS)[number];

/** Every field whose allowed range depends on another field: the days out and the working days. */
export const LINKED_PATHS: readonly NumericFieldPath[] = [...DAYS_OUT_PATHS, 'shared.workingDaysPerYear'];

/**
 * The range a numeric field may take in this scenario: the table's range, with days out limited to
 * W − 1 and working days kept above both days-out values.
 */
export function fieldBounds(scenario: Scenario, path: NumericFieldPath): { min: number; max: number } {
  const spec = numericSpec(path);
  let { min, max } = spec;
  if (path === 'inHouse.daysOutPerYear' || path === 'fullCycle.daysOutPerYear') {
    max = Math.min(max, scenario.shared.workingDaysPerYear - 1);
  }
  if (path === 'shared.workingDaysPerYear') {
    min = Math.max(min, scenario.inHouse.daysOutPerYear + 1, scenario.fullCycle.daysOutPerYear + 1);
  }
  return { min, max };
}

/**
 * The rule on a whole scenario whose fields are each valid: one `conflict` problem per days-out
 * value that is not below the working days, blaming the days out.
 */
export function crossFieldProblems(scenario: Scenario): Problem[] {
  const workingDays = scenario.shared.workingDaysPerYear;
  const problems: Problem[] = [];
  for (const path of DAYS_OUT_PATHS) {
    const daysOut = readNumber(scenario, path) ?? 0;
    if (daysOut > workingDays - 1) {
      problems.push({
        code: 'conflict',
        field: path,
        expected: `a number of at most ${workingDays - 1} (fewer days out than the ${workingDays} working days per year in shared.workingDaysPerYear)`,
        given: describeValue(daysOut),
      });
    }
  }
  return problems;
}

/** The same conflict blamed on the working days instead (when the days out were not given, only the working days). */
export function workingDaysProblem(scenario: Scenario, path: DaysOutPath): Problem {
  const daysOut = readNumber(scenario, path) ?? 0;
  return {
    code: 'conflict',
    field: 'shared.workingDaysPerYear',
    expected: `a number of at least ${daysOut + 1} (more than the ${daysOut} days out per year in ${path})`,
    given: describeValue(scenario.shared.workingDaysPerYear),
  };
}
