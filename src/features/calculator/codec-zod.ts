import {
  ScenarioInputSchema,
  ScenarioSchema,
  isFieldPath,
  readField,
  resolveScenario,
  type FieldPath,
  type Scenario,
  type ScenarioInput,
} from './schema.ts';
import { MAX_FILE_LENGTH, decodeValue, readLinkFields } from './codec.ts';
import { describeValue, type Problem } from '../../common/problems.ts';
import { problemsFromZod } from '../../common/zod-problems.ts';

/**
 * Scenarios in and out of the site: share links (only the differences from the defaults, as
 * `inHouse.baseSalary=60000`) and JSON files. Every entry point takes untrusted text and never throws.
 */

// The link format itself (what is written for each value, how text is read back, the size limits) is
// shared with the browser's zod-free twin, so the two cannot drift apart.
export { MAX_FILE_LENGTH, MAX_LINK_LENGTH, SOLVE_SEATS_TOKEN, encodeLink as encodeScenario } from './codec.ts';

/** The result of reading a share link: always a valid scenario, plus what was ignored and why. */
export interface DecodeResult {
  scenario: Scenario;
  /** One entry per ignored field (invalid, unknown, repeated); empty for a clean link. */
  problems: Problem[];
}

function linkProblem(expected: string, given: string): Problem {
  return { field: '', expected, given };
}

/** Builds a nested, prototype-free input object from known paths only. */
function nestedInput(values: ReadonlyMap<FieldPath, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null);
  for (const [path, value] of values) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      input[path] = value;
      continue;
    }
    const group = path.slice(0, dot);
    const target = (input[group] ??= Object.create(null)) as Record<string, unknown>;
    target[path.slice(dot + 1)] = value;
  }
  return input;
}

function pathOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('.');
}

/**
 * Validates known fields one by one: invalid ones are dropped (they fall back to the defaults) and
 * reported; the cross-field rule is checked on the merged scenario. Always returns a valid scenario.
 */
function resolveLeniently(values: Map<FieldPath, unknown>, defaults: Scenario, problems: Problem[]): Scenario {
  for (let attempt = 0; attempt < 4; attempt++) {
    const input = nestedInput(values);
    const parsed = ScenarioInputSchema.safeParse(input);
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error, input));
      for (const issue of parsed.error.issues) {
        const path = pathOf(issue.path);
        if (isFieldPath(path)) values.delete(path);
      }
      continue;
    }
    const merged = resolveScenario(parsed.data as ScenarioInput, defaults);
    const checked = ScenarioSchema.safeParse(merged);
    if (checked.success) return checked.data;
    // Only the days-out rule can fail here. Drop the linked days out; if the default days out is what
    // conflicts, the linked working days are at fault: drop and report those instead.
    for (const problem of problemsFromZod(checked.error, merged)) {
      if (isFieldPath(problem.field) && values.has(problem.field)) {
        values.delete(problem.field);
        problems.push(problem);
        continue;
      }
      if (!values.has('shared.workingDaysPerYear')) continue;
      const daysOut = readField(merged, problem.field as FieldPath);
      values.delete('shared.workingDaysPerYear');
      problems.push({
        field: 'shared.workingDaysPerYear',
        expected: `a number of at least ${Number(daysOut) + 1} (more than the ${String(daysOut)} days out per year in ${problem.field})`,
        given: describeValue(merged.shared.workingDaysPerYear),
      });
    }
  }
  return defaults;
}

/**
 * Reads a share link's query (with or without the leading `?`). Invalid, unknown and repeated
 * fields fall back to the defaults and are reported; never throws, whatever the input.
 */
export function decodeScenario(search: string, defaults: Scenario): DecodeResult {
  const problems: Problem[] = [];
  try {
    const values = new Map<FieldPath, unknown>();
    const read = readLinkFields(search, problems, (key, text) => {
      if (!isFieldPath(key)) {
        // Let the schema word the refusal, from a prototype-free probe holding only this key.
        const probe: Record<string, unknown> = Object.create(null);
        probe[key] = text;
        const parsed = ScenarioInputSchema.safeParse(probe);
        if (parsed.success) problems.push({ field: key, expected: 'no such field', given: describeValue(text) });
        else problems.push(...problemsFromZod(parsed.error, probe));
        return;
      }
      values.set(key, decodeValue(key, text));
    });
    if (!read) return { scenario: defaults, problems };
    return { scenario: resolveLeniently(values, defaults, problems), problems };
  } catch (error) {
    // Defensive: nothing above should throw, but a share link must never break the page.
    return { scenario: defaults, problems: [...problems, linkProblem('a readable link', describeValue(String(error)))] };
  }
}

/** The outcome of reading a scenario file: all or nothing. */
export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/**
 * Validates an already-parsed scenario object (all fields optional) and merges it over the
 * defaults; any problem refuses the whole input.
 */
export function parseScenarioInput(input: unknown, defaults: Scenario): ParseScenarioResult {
  const parsed = ScenarioInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error, input) };
  const merged = resolveScenario(parsed.data as ScenarioInput, defaults);
  const checked = ScenarioSchema.safeParse(merged);
  if (!checked.success) return { ok: false, problems: problemsFromZod(checked.error, merged) };
  return { ok: true, scenario: checked.data };
}

/**
 * Reads a scenario JSON file (import, `npm run calc`): strict, so any problem refuses the file and
 * every problem is listed. Never throws.
 */
export function parseScenarioFile(text: string, defaults: Scenario): ParseScenarioResult {
  if (typeof text !== 'string') return { ok: false, problems: [linkProblem('a JSON text', describeValue(text))] };
  if (text.length > MAX_FILE_LENGTH) {
    return {
      ok: false,
      problems: [linkProblem(`a file of at most ${MAX_FILE_LENGTH} characters`, `${text.length} characters`)],
    };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [linkProblem('a JSON object such as {"horizonMonths": 36}', `text that is not valid JSON (${reason})`)],
    };
  }
  return parseScenarioInput(input, defaults);
}
