import {
  CURRENCY_CODE,
  FIELD_GROUPS,
  FIELD_SPECS,
  NUMBER_TEXT,
  SCENARIO_FIELDS,
  isFieldPath,
  readField,
  resolveScenario,
  type FieldPath,
  type Scenario,
  type ScenarioInput,
} from './fields.ts';
import { crossFieldProblems, workingDaysProblem, type DaysOutPath } from './rules.ts';
import type { Evaluation } from './model/cost-model.ts';
import { isRecord } from '../../common/formats.ts';
import { describeValue, type Problem, type ProblemCode, type Result } from '../../common/problems.ts';

/**
 * Scenarios in and out of the site, for the calculator page, `npm run calc` and the page's own
 * defaults: share links (only the differences from the defaults, as `inHouse.baseSalary=60000`) and
 * JSON files (a scenario, or a results file the page or the command line exported). Checked against
 * the field table directly, without zod, so the page's script stays small and needs no
 * 'unsafe-eval'. It accepts exactly what the zod schemas in schema.ts accept
 * (tests/unit/calculator/codec.test.ts compares the two on generated input and file text). Every
 * entry point takes untrusted input and never throws; every problem carries a code.
 */

/** Longest share link query accepted. */
export const MAX_LINK_LENGTH = 8192;
/** Largest scenario file accepted, in characters. */
export const MAX_FILE_LENGTH = 1_000_000;
/** Written in a link for `seats: null` (solve for the target); `null` is accepted too. */
export const SOLVE_SEATS_TOKEN = 'auto';

const GROUPS: readonly string[] = FIELD_GROUPS;
const NO_SUCH_FIELD = 'no such field (it is not part of the format; check the spelling)';

const grouped = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });
const problem = (code: ProblemCode, field: string, expected: string, given: string): Problem => ({ code, field, expected, given });
const refuse = <T>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/**
 * What a field accepts, in words, e.g. "a whole number from 1 to 60". `solveWord` is how "size for
 * the target" is written where seats accept it: `auto` in links, `null` in files.
 */
export function expectedText(path: FieldPath, solveWord: 'auto' | 'null' = 'null'): string {
  const spec = FIELD_SPECS[path];
  switch (spec.unit) {
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.options.join(', ')}`;
    case 'currency':
      return 'a three-letter ISO 4217 currency code in capitals, e.g. USD';
    default: {
      const kind = 'integer' in spec && spec.integer ? 'a whole number' : 'a number';
      const range =
        'exclusiveMin' in spec && spec.exclusiveMin
          ? `greater than ${grouped(spec.min)} and at most ${grouped(spec.max)}`
          : `from ${grouped(spec.min)} to ${grouped(spec.max)}`;
      const solve = 'nullable' in spec && spec.nullable ? `, or ${solveWord} (size for the target)` : '';
      return `${kind} ${range}${solve}`;
    }
  }
}

/**
 * Why a value does not fit a field on its own, as a problem code; `null` when it fits. The days-out
 * rule is checked separately, on the whole scenario (rules.ts).
 */
export function valueProblem(path: FieldPath, value: unknown): ProblemCode | null {
  const spec = FIELD_SPECS[path];
  switch (spec.unit) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'wrong_type';
    case 'enum':
      if (typeof value !== 'string') return 'wrong_type';
      return (spec.options as readonly string[]).includes(value) ? null : 'not_allowed';
    case 'currency':
      if (typeof value !== 'string') return 'wrong_type';
      return CURRENCY_CODE.test(value) ? null : 'bad_format';
    default:
      if (value === null) return 'nullable' in spec && spec.nullable === true ? null : 'wrong_type';
      if (typeof value !== 'number' || Number.isNaN(value)) return 'wrong_type';
      if (!Number.isFinite(value)) return 'out_of_range';
      if ('integer' in spec && spec.integer && !Number.isSafeInteger(value)) return Number.isInteger(value) ? 'out_of_range' : 'wrong_type';
      if ('exclusiveMin' in spec && spec.exclusiveMin ? !(value > spec.min) : !(value >= spec.min)) return 'out_of_range';
      return value <= spec.max ? null : 'out_of_range';
  }
}

/** True when `value` is what the field accepts on its own (the days-out rule is checked separately). */
export const isValidValue = (path: FieldPath, value: unknown): boolean => valueProblem(path, value) === null;

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function encodeValue(value: unknown): string {
  if (value === null) return SOLVE_SEATS_TOKEN;
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

/** A share-link query string (without `?`) holding only the fields that differ from the defaults, in form order. */
export function encodeLink(scenario: Scenario, defaults: Scenario): string {
  const params = new URLSearchParams();
  for (const field of SCENARIO_FIELDS) {
    const value = readField(scenario, field.path);
    if (!sameValue(value, readField(defaults, field.path))) params.append(field.path, encodeValue(value));
  }
  return params.toString();
}

/** A number written in plain decimal or exponent notation, or the text unchanged (`0x10`, `''` stay text). */
export function numberFromText(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : text;
}

/** Turns link text into the value the field expects, or leaves the text for validation to refuse. */
export function decodeValue(path: FieldPath, text: string): unknown {
  const spec = FIELD_SPECS[path];
  const trimmed = text.trim();
  switch (spec.unit) {
    case 'boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
    case 'enum':
    case 'currency':
      return text;
    default:
      if ('nullable' in spec && spec.nullable && (trimmed === SOLVE_SEATS_TOKEN || trimmed === 'null')) return null;
      return numberFromText(text);
  }
}

/** Builds a nested, prototype-free partial scenario from checked values. */
function nestedInput(values: ReadonlyMap<FieldPath, unknown>): ScenarioInput {
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
  return input as ScenarioInput;
}

/**
 * Merges checked link values over the defaults, then applies the days-out rule: a linked days out
 * that conflicts is dropped; if a default days out is what conflicts, the linked working days are
 * at fault and are dropped instead. Every drop is reported.
 */
function resolveLeniently(values: Map<FieldPath, unknown>, defaults: Scenario, problems: Problem[]): Scenario {
  for (let attempt = 0; attempt < 4; attempt++) {
    const merged = resolveScenario(nestedInput(values), defaults);
    const conflicts = crossFieldProblems(merged);
    if (conflicts.length === 0) return merged;
    for (const conflict of conflicts) {
      const field = conflict.field as DaysOutPath;
      if (values.has(field)) {
        values.delete(field);
        problems.push(conflict);
        continue;
      }
      if (!values.has('shared.workingDaysPerYear')) continue;
      values.delete('shared.workingDaysPerYear');
      problems.push(workingDaysProblem(merged, field));
    }
  }
  return defaults;
}

/** The result of reading a share link: always a valid scenario, plus what was ignored and why. */
export interface LinkResult {
  scenario: Scenario;
  /** One entry per ignored field (invalid, unknown, repeated); empty for a clean link. */
  problems: Problem[];
}

/**
 * Reads a share link's query: it must be text of at most MAX_LINK_LENGTH characters (else `false`:
 * the whole link is refused), a field given twice is ignored, `version` must be 1, and every other
 * field goes to `onField` in the link's order. Each problem is added to `problems`, in that order too.
 */
function readLinkFields(search: unknown, problems: Problem[], onField: (key: string, text: string) => void): boolean {
  if (typeof search !== 'string') {
    problems.push(problem('wrong_type', '', 'a link query as text', describeValue(search)));
    return false;
  }
  const query = search.startsWith('?') || search.startsWith('#') ? search.slice(1) : search;
  if (query.length > MAX_LINK_LENGTH) {
    problems.push(problem('too_large', '', `a link of at most ${MAX_LINK_LENGTH} characters`, `${query.length} characters`));
    return false;
  }
  const seen = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(query)) {
    const list = seen.get(key);
    if (list) list.push(value);
    else seen.set(key, [value]);
  }
  for (const [key, list] of seen) {
    if (key === '' && list.every((value) => value === '')) continue;
    if (list.length > 1) {
      const shown = `${list.slice(0, 3).map(describeValue).join(', ')}${list.length > 3 ? ', …' : ''}`;
      problems.push(problem('duplicate', key, 'one value (the field appears more than once in the link)', `${list.length} values: ${shown}`));
      continue;
    }
    const text = list[0] ?? '';
    if (key === 'version') {
      const version = numberFromText(text);
      if (version !== 1) problems.push(problem('unsupported_version', 'version', 'exactly 1', describeValue(version)));
      continue;
    }
    onField(key, text);
  }
  return true;
}

/**
 * Reads a share link's query (with or without `?`). Invalid, unknown and repeated fields fall back to
 * the defaults and are reported; never throws, whatever the input.
 */
export function decodeLink(search: string, defaults: Scenario): LinkResult {
  const problems: Problem[] = [];
  try {
    const values = new Map<FieldPath, unknown>();
    const read = readLinkFields(search, problems, (key, text) => {
      if (!isFieldPath(key)) {
        if (GROUPS.includes(key)) problems.push(problem('wrong_type', key, 'an object', describeValue(text)));
        else problems.push(problem('unknown_field', key, NO_SUCH_FIELD, describeValue(text)));
        return;
      }
      const value = decodeValue(key, text);
      const code = valueProblem(key, value);
      if (code === null) values.set(key, value);
      else problems.push(problem(code, key, expectedText(key, 'auto'), describeValue(value)));
    });
    if (!read) return { scenario: defaults, problems };
    return { scenario: resolveLeniently(values, defaults, problems), problems };
  } catch (error) {
    // Defensive: nothing above should throw, but a share link must never break the page.
    return { scenario: defaults, problems: [...problems, problem('invalid', '', 'a readable link', describeValue(String(error)))] };
  }
}

/**
 * Checks the fields of a parsed scenario object: every field optional (all required, with
 * `version`, when `complete`), unknown fields refused by name. Returns the checked values by path.
 */
function readFields(input: unknown, complete: boolean): Result<Map<FieldPath, unknown>> {
  if (!isRecord(input)) return refuse(problem('wrong_type', '', 'an object', describeValue(input)));
  const problems: Problem[] = [];
  const values = new Map<FieldPath, unknown>();
  const check = (path: string, value: unknown): void => {
    if (!isFieldPath(path)) problems.push(problem('unknown_field', path, NO_SUCH_FIELD, describeValue(value)));
    else if (value === undefined) {
      if (complete) problems.push(problem('missing', path, expectedText(path), describeValue(value)));
    } else {
      const code = valueProblem(path, value);
      if (code === null) values.set(path, value);
      else problems.push(problem(code, path, expectedText(path), describeValue(value)));
    }
  };
  let hasVersion = false;
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === 'version') {
      hasVersion = value !== undefined;
      if (value !== 1 && hasVersion) problems.push(problem('unsupported_version', 'version', 'exactly 1', describeValue(value)));
    } else if (GROUPS.includes(key)) {
      if (isRecord(value)) for (const inner of Object.keys(value)) check(`${key}.${inner}`, value[inner]);
      else if (value !== undefined) problems.push(problem('wrong_type', key, 'an object', describeValue(value)));
    } else if (key.includes('.')) {
      problems.push(problem('unknown_field', key, NO_SUCH_FIELD, describeValue(value)));
    } else {
      check(key, value);
    }
  }
  if (complete) {
    if (!hasVersion) problems.push(problem('missing', 'version', 'exactly 1', describeValue(undefined)));
    const reported = new Set(problems.map((p) => p.field));
    for (const field of SCENARIO_FIELDS) {
      if (values.has(field.path) || reported.has(field.path)) continue;
      const inGroup = field.path.includes('.');
      if (inGroup && !isRecord(Object.hasOwn(input, field.group) ? input[field.group] : undefined)) {
        if (!reported.has(field.group)) problems.push(problem('missing', field.group, 'an object', describeValue(undefined)));
        reported.add(field.group);
        continue;
      }
      problems.push(problem('missing', field.path, expectedText(field.path), describeValue(undefined)));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: values };
}

/**
 * Checks an already-parsed scenario object (every field optional, unknown fields refused) and merges
 * it over the defaults; any problem refuses the whole input, and every problem is listed.
 */
export function parseScenarioObject(input: unknown, defaults: Scenario): Result<Scenario> {
  const fields = readFields(input, false);
  if (!fields.ok) return fields;
  const merged = resolveScenario(nestedInput(fields.value), defaults);
  const conflicts = crossFieldProblems(merged);
  return conflicts.length > 0 ? { ok: false, problems: conflicts } : { ok: true, value: merged };
}

/**
 * Checks a complete scenario (every field present, `version` 1, nothing else), as the page reads
 * its own defaults; the result is a new object in form order.
 */
export function parseScenario(input: unknown): Result<Scenario> {
  const fields = readFields(input, true);
  if (!fields.ok) return fields;
  const scenario = { version: 1 } as Record<string, unknown>;
  for (const field of SCENARIO_FIELDS) {
    const value = fields.value.get(field.path);
    if (!field.path.includes('.')) scenario[field.path] = value;
    else ((scenario[field.group] ??= {}) as Record<string, unknown>)[field.key] = value;
  }
  const conflicts = crossFieldProblems(scenario as Scenario);
  return conflicts.length > 0 ? { ok: false, problems: conflicts } : { ok: true, value: scenario as Scenario };
}

/**
 * The results file: the three models' results and the scenario they are for, as "Download JSON"
 * saves it and `npm run calc` prints it; `parseScenarioText` reads it back.
 */
export function resultsJson(scenario: Scenario, evaluation: Evaluation): string {
  return `${JSON.stringify({ ...evaluation, scenario }, null, 2)}\n`;
}

/**
 * Reads a scenario JSON file: a scenario, or a results file exported by the page or `npm run calc`
 * (its `scenario` member is read). Strict: any problem refuses the file. Never throws.
 */
export function parseScenarioText(text: string, defaults: Scenario): Result<Scenario> {
  if (typeof text !== 'string') return refuse(problem('wrong_type', '', 'a JSON text', describeValue(text)));
  if (text.length > MAX_FILE_LENGTH) {
    return refuse(problem('too_large', '', `a file of at most ${MAX_FILE_LENGTH} characters`, `${text.length} characters`));
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(problem('not_parseable', '', 'a JSON object such as {"horizonMonths": 36}', `text that is not valid JSON (${reason})`));
  }
  if (isRecord(input) && Object.hasOwn(input, 'scenario')) input = input['scenario'];
  return parseScenarioObject(input, defaults);
}
