import { describeValue, type Problem } from '../../common/problems.ts';
import { numericSpec, readNumber, type NumericFieldPath, type Scenario } from './fields.ts';

/**
 * The calculator's rules that link two fields, written once: days out per year stay below the
 * working days per year (`shared.workingDaysPerYear`), for each option that has days out; and a
 * spread may name an option's deal value only while it is set. The zod
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
 * The spread keys that name a deal value left empty (`null`, meaning "use the shared one") with a
 * spread above 0: there is no value of the option's own to vary, so the key is refused, naming it (a
 * spread of 0, as complete files and links write it, holds nothing and is accepted).
 */
export function spreadProblems(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(scenario.uncertainty.spread)) {
    if (!key.endsWith('.dealValue') || value === undefined || value === 0) continue;
    if (readNumber(scenario, key as NumericFieldPath) !== null) continue;
    problems.push({
      code: 'conflict',
      field: `uncertainty.spread.${key}`,
      expected: `no spread for ${key} while it is empty (null: the shared average deal value is used; spread shared.averageDealValue instead, or set ${key})`,
      given: describeValue(value),
    });
  }
  return problems;
}

/**
 * The rules on a whole scenario whose fields are each valid: one `conflict` problem per days-out
 * value that is not below the working days, blaming the days out, and one per spread key that
 * names an empty deal value.
 */
export function crossFieldProblems(scenario: Scenario): Problem[] {
  return [...daysOutProblems(scenario), ...spreadProblems(scenario)];
}

/** The days-out rule: each days out below the working days per year. */
export function daysOutProblems(scenario: Scenario): Problem[] {
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
