import {
  FIELD_GROUPS,
  FIELD_SPECS,
  SCENARIO_FIELDS,
  isFieldPath,
  readField,
  resolveScenario,
  type FieldPath,
} from './fields.ts';
import type { Scenario, ScenarioInput } from './schema.ts';
import { describeValue, type Problem } from '../../common/problems.ts';

/**
 * The browser's twin of `scenario-codec.ts`: share links and scenario files checked against the
 * field table directly, without zod, so the calculator page's script stays small. It accepts and
 * refuses exactly what the zod schemas do (tests/unit/calculator/codec.test.ts compares the two
 * on generated input); the wording of its problems names the whole allowed range instead.
 */

/** Longest share link query accepted (the same limit as `scenario-codec.ts`). */
export const MAX_LINK_LENGTH = 8192;
/** Largest scenario file accepted (the same limit as `scenario-codec.ts`). */
export const MAX_FILE_LENGTH = 1_000_000;
/** Written in a link for `seats: null` (solve for the target); `null` is accepted too. */
export const SOLVE_SEATS_TOKEN = 'auto';

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const CURRENCY = /^[A-Z]{3}$/;
const GROUPS: readonly string[] = FIELD_GROUPS;
const NO_SUCH_FIELD = 'no such field (it is not part of the format; check the spelling)';

const grouped = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });

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

/** True when `value` is what the field accepts on its own (the days-out rule is checked separately). */
export function isValidValue(path: FieldPath, value: unknown): boolean {
  const spec = FIELD_SPECS[path];
  switch (spec.unit) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (spec.options as readonly string[]).includes(value);
    case 'currency':
      return typeof value === 'string' && CURRENCY.test(value);
    default:
      if (value === null) return 'nullable' in spec && spec.nullable === true;
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if ('integer' in spec && spec.integer && !Number.isSafeInteger(value)) return false;
      if ('exclusiveMin' in spec && spec.exclusiveMin ? !(value > spec.min) : !(value >= spec.min)) return false;
      return value <= spec.max;
  }
}

/** The days-out rule on a merged scenario: days out at most working days − 1, per model. */
export function daysOutProblems(scenario: Scenario): Problem[] {
  const workingDays = scenario.shared.workingDaysPerYear;
  const problems: Problem[] = [];
  for (const group of ['inHouse', 'fullCycle'] as const) {
    const daysOut = scenario[group].daysOutPerYear;
    if (daysOut > workingDays - 1) {
      problems.push({
        field: `${group}.daysOutPerYear`,
        expected: `a number of at most ${workingDays - 1} (fewer days out than the ${workingDays} working days per year in shared.workingDaysPerYear)`,
        given: describeValue(daysOut),
      });
    }
  }
  return problems;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function encodeValue(value: unknown): string {
  if (value === null) return SOLVE_SEATS_TOKEN;
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

/**
 * A share-link query string (without `?`) holding only the fields that differ from the defaults, in
 * form order; the same text as `encodeScenario`.
 */
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

/** Merges checked values over the defaults, then applies the days-out rule as the zod codec does. */
function resolveLeniently(values: Map<FieldPath, unknown>, defaults: Scenario, problems: Problem[]): Scenario {
  for (let attempt = 0; attempt < 4; attempt++) {
    const merged = resolveScenario(nestedInput(values), defaults);
    const conflicts = daysOutProblems(merged);
    if (conflicts.length === 0) return merged;
    // Drop linked days out; if the default days out is what conflicts, the linked working days are at fault.
    for (const problem of conflicts) {
      const field = problem.field as FieldPath;
      if (values.has(field)) {
        values.delete(field);
        problems.push(problem);
        continue;
      }
      if (!values.has('shared.workingDaysPerYear')) continue;
      const daysOut = readField(merged, field);
      values.delete('shared.workingDaysPerYear');
      problems.push({
        field: 'shared.workingDaysPerYear',
        expected: `a number of at least ${Number(daysOut) + 1} (more than the ${String(daysOut)} days out per year in ${field})`,
        given: describeValue(merged.shared.workingDaysPerYear),
      });
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
 * Reads a share link's query (with or without `?`) for both link readers: the query must be text of at
 * most MAX_LINK_LENGTH characters (else `false`: the whole link is refused), a field given twice is
 * ignored, `version` must be 1, and every other field goes to `onField` in the link's order. Each
 * problem is added to `problems`, in that order too.
 */
export function readLinkFields(search: unknown, problems: Problem[], onField: (key: string, text: string) => void): boolean {
  if (typeof search !== 'string') {
    problems.push({ field: '', expected: 'a link query as text', given: describeValue(search) });
    return false;
  }
  const query = search.startsWith('?') || search.startsWith('#') ? search.slice(1) : search;
  if (query.length > MAX_LINK_LENGTH) {
    problems.push({ field: '', expected: `a link of at most ${MAX_LINK_LENGTH} characters`, given: `${query.length} characters` });
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
      problems.push({
        field: key,
        expected: 'one value (the field appears more than once in the link)',
        given: `${list.length} values: ${list.slice(0, 3).map(describeValue).join(', ')}${list.length > 3 ? ', …' : ''}`,
      });
      continue;
    }
    const text = list[0] ?? '';
    if (key === 'version') {
      const version = numberFromText(text);
      if (version !== 1) problems.push({ field: 'version', expected: 'exactly 1', given: describeValue(version) });
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
        problems.push({ field: key, expected: GROUPS.includes(key) ? 'an object' : NO_SUCH_FIELD, given: describeValue(text) });
        return;
      }
      const value = decodeValue(key, text);
      if (isValidValue(key, value)) values.set(key, value);
      else problems.push({ field: key, expected: expectedText(key, 'auto'), given: describeValue(value) });
    });
    if (!read) return { scenario: defaults, problems };
    return { scenario: resolveLeniently(values, defaults, problems), problems };
  } catch (error) {
    // Defensive: nothing above should throw, but a share link must never break the page.
    return { scenario: defaults, problems: [...problems, { field: '', expected: 'a readable link', given: describeValue(String(error)) }] };
  }
}

/** The outcome of reading a scenario file: all or nothing. */
export type FileResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an already-parsed scenario object (every field optional, unknown fields refused) and merges
 * it over the defaults; any problem refuses the whole input, and every problem is listed.
 */
export function parseScenarioObject(input: unknown, defaults: Scenario): FileResult {
  if (!isObject(input)) return { ok: false, problems: [{ field: '', expected: 'an object', given: describeValue(input) }] };
  const problems: Problem[] = [];
  const values = new Map<FieldPath, unknown>();
  const check = (path: string, value: unknown): void => {
    if (value === undefined) return;
    if (!isFieldPath(path)) problems.push({ field: path, expected: NO_SUCH_FIELD, given: describeValue(value) });
    else if (!isValidValue(path, value)) problems.push({ field: path, expected: expectedText(path), given: describeValue(value) });
    else values.set(path, value);
  };
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === 'version') {
      if (value !== undefined && value !== 1) problems.push({ field: 'version', expected: 'exactly 1', given: describeValue(value) });
    } else if (GROUPS.includes(key) && value !== undefined) {
      if (!isObject(value)) problems.push({ field: key, expected: 'an object', given: describeValue(value) });
      else for (const inner of Object.keys(value)) check(`${key}.${inner}`, value[inner]);
    } else if (key.includes('.')) {
      problems.push({ field: key, expected: NO_SUCH_FIELD, given: describeValue(value) });
    } else {
      check(key, value);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const merged = resolveScenario(nestedInput(values), defaults);
  const conflicts = daysOutProblems(merged);
  return conflicts.length > 0 ? { ok: false, problems: conflicts } : { ok: true, scenario: merged };
}

/**
 * Reads a scenario JSON file: a scenario, or a results file exported by the page or `npm run calc`
 * (its `scenario` member is read). Strict: any problem refuses the file. Never throws.
 */
export function parseScenarioText(text: string, defaults: Scenario): FileResult {
  if (typeof text !== 'string') return { ok: false, problems: [{ field: '', expected: 'a JSON text', given: describeValue(text) }] };
  if (text.length > MAX_FILE_LENGTH) {
    return { ok: false, problems: [{ field: '', expected: `a file of at most ${MAX_FILE_LENGTH} characters`, given: `${text.length} characters` }] };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ field: '', expected: 'a JSON object such as {"horizonMonths": 36}', given: `text that is not valid JSON (${reason})` }],
    };
  }
  if (isObject(input) && Object.prototype.hasOwnProperty.call(input, 'scenario')) input = input['scenario'];
  return parseScenarioObject(input, defaults);
}
