import {
  CURRENCY_CODE,
  FIELD_GROUPS,
  FIELD_SPECS,
  NUMBER_TEXT,
  SCENARIO_FIELDS,
  SCENARIO_VERSION,
  SPREAD_KEYS,
  isFieldPath,
  isSpreadKey,
  readField,
  resolveScenario,
  type FieldPath,
  type Scenario,
  type ScenarioInput,
  type Spread,
} from './fields.ts';
import { crossFieldProblems, workingDaysProblem, type DaysOutPath } from './rules.ts';
import { comparisons } from './view/answer.ts';
import { isRecord } from '../../common/formats.ts';
import { describeValue, type Problem, type ProblemCode, type Result } from '../../common/problems.ts';

/**
 * Scenarios in and out of the site, for the calculator page, `npm run calc` and the page's own
 * defaults: share links and JSON files (a scenario, or a results file the page or the command line
 * exported). Links and files written by the product carry every value of the scenario (version 2),
 * so that they keep their meaning when a hosting team edits its defaults; version-1 links and files
 * (differences from the defaults) are still read, over today's defaults, with a notice saying so; a
 * newer version is refused with the reason. Checked against
 * the field table directly, without zod, so the page's script stays small and needs no
 * 'unsafe-eval'. It accepts exactly what the zod schemas in schema.ts accept
 * (tests/unit/calculator/codec.test.ts compares the two on generated input and file text). Every
 * entry point takes untrusted input and never throws; every problem carries a code.
 */

/** Longest share link query accepted. */
export const MAX_LINK_LENGTH = 8192;
/** Largest scenario file accepted, in characters. */
export const MAX_FILE_LENGTH = 1_000_000;
/** Written in a version-1 link for `seats: null` (solve for the target); `null` is accepted too. */
export const SOLVE_SEATS_TOKEN = 'auto';
/** The versions this build reads. */
export const READABLE_VERSIONS: readonly number[] = [1, SCENARIO_VERSION];
/** Link parameters of a version-2 link: the version, every field's value in order, and the spreads in order. */
export const LINK_VERSION_KEY = 'v';
export const LINK_VALUES_KEY = 's';
export const LINK_SPREAD_KEY = 'f';
/**
 * The question the verdict answers ("Your question": a comparison id of view/answer.ts, e.g.
 * `inHouse-outsourced`), so that a link sent to finance opens on the same question. Not part of the
 * scenario: files and `npm run calc` do not carry it, and a link without it opens on the default question.
 */
export const LINK_QUESTION_KEY = 'q';
/** Separates the values inside `s` and `f` (never part of a number, a currency code or an option). */
export const LINK_SEPARATOR = '_';
/**
 * The fields of a version-2 link, in the order their values are written in `s`. Fixed for the
 * version: adding, removing or reordering a field needs a new version (tests pin this list).
 */
export const LINK_FIELDS: readonly FieldPath[] = SCENARIO_FIELDS.map((field) => field.path);

/** What the page says when it opens a version-1 link or file. */
export const VERSION_1_NOTICE =
  'This scenario was saved by an earlier version of the calculator (version 1). It was read as version 2: the inputs it does not hold (among them the agency programme fee, the deal value of each option, the agency bridge and the uncertainty settings) take today’s defaults, which may differ from the defaults when it was saved.';

/** The problem for a version this build cannot read, with what to do about it. */
function versionProblem(given: unknown): Problem {
  const newer = typeof given === 'number' && Number.isInteger(given) && given > SCENARIO_VERSION;
  return problem(
    'unsupported_version',
    'version',
    newer
      ? `version 1 or 2: this scenario comes from a newer calculator, so none of it was applied; open it on the site that made it, or update this site`
      : 'version 1 or 2',
    describeValue(given),
  );
}
const GROUPS: readonly string[] = FIELD_GROUPS;
const NO_SUCH_FIELD = 'no such field (it is not part of the format; check the spelling)';

const grouped = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 6 });
const problem = (code: ProblemCode, field: string, expected: string, given: string): Problem => ({ code, field, expected, given });
const refuse = <T>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/**
 * What a field accepts, in words, e.g. "a whole number from 1 to 60". `solveWord` is how "size for
 * the target" is written where seats accept it: `auto` in links, `null` in files.
 */
export function expectedText(path: FieldPath, solveWord: 'auto' | 'null' | 'empty' = 'null'): string {
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
      const solve = 'nullable' in spec && spec.nullable ? `, or ${solveWord} (${'nullMeaning' in spec ? spec.nullMeaning : 'size for the target'})` : '';
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

function encodeValue(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

/**
 * A share-link query string (without `?`) holding every value of the scenario, compactly:
 * `v=2&s=<every field's value in LINK_FIELDS order>&f=<every spread in SPREAD_KEYS order>`, values
 * separated by `_`; an empty value is null (seats sized for the target, a deal value taken from the
 * shared one) or, in `f`, a spread of 0. With `question`, `&q=<comparison id>` follows.
 */
export function encodeLink(scenario: Scenario, question?: string): string {
  const values = LINK_FIELDS.map((path) => encodeValue(readField(scenario, path))).join(LINK_SEPARATOR);
  const spreads = SPREAD_KEYS.map((key) => {
    const f = scenario.uncertainty.spread[key] ?? 0;
    return f === 0 ? '' : encodeValue(f);
  }).join(LINK_SEPARATOR);
  const params = new URLSearchParams();
  params.set(LINK_VERSION_KEY, String(SCENARIO_VERSION));
  params.set(LINK_VALUES_KEY, values);
  params.set(LINK_SPREAD_KEY, spreads.replace(/_+$/, ''));
  if (question !== undefined) params.set(LINK_QUESTION_KEY, question);
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
      return trimmed === 'true' || trimmed === '1' ? true : trimmed === 'false' || trimmed === '0' ? false : text;
    case 'enum':
    case 'currency':
      return text;
    default:
      if ('nullable' in spec && spec.nullable && (trimmed === SOLVE_SEATS_TOKEN || trimmed === 'null')) return null;
      return numberFromText(text);
  }
}

/** Builds a nested, prototype-free partial scenario from checked values. */
function nestedInput(values: ReadonlyMap<FieldPath, unknown>, spread?: Spread): ScenarioInput {
  const input: Record<string, unknown> = Object.create(null);
  if (spread !== undefined) input['uncertainty'] = Object.assign(Object.create(null), { spread });
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
function resolveLeniently(values: Map<FieldPath, unknown>, spread: Spread | undefined, defaults: Scenario, problems: Problem[]): Scenario {
  for (let attempt = 0; attempt < 4; attempt++) {
    const merged = resolveScenario(nestedInput(values, spread), defaults);
    const conflicts = crossFieldProblems(merged);
    if (conflicts.length === 0) return merged;
    for (const conflict of conflicts) {
      if (conflict.field.startsWith('uncertainty.spread.')) {
        // A spread on an empty deal value: held fixed instead (there is nothing of its own to vary).
        spread = { ...(spread ?? {}), [conflict.field.slice('uncertainty.spread.'.length)]: 0 };
        problems.push(conflict);
        continue;
      }
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
  /** Set when the link was read from an older version (VERSION_1_NOTICE): the page shows it. */
  notice?: string;
  /** The question the link was sent with (a known comparison id); absent when it has none or an unknown one. */
  question?: string;
}

/**
 * Reads a share link's query: it must be text of at most MAX_LINK_LENGTH characters (else `false`:
 * the whole link is refused), a field given twice is ignored; every field goes to `onField` in the
 * link's order. Each problem is added to `problems`, in that order too.
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
    onField(key, list[0] ?? '');
  }
  return true;
}

/** Reads one field's text from a link into `values`, or records why it was ignored. */
function readLinkValue(path: FieldPath, text: string, values: Map<FieldPath, unknown>, problems: Problem[], compact: boolean): void {
  const spec = FIELD_SPECS[path];
  const value = compact && text === '' && 'nullable' in spec && spec.nullable ? null : decodeValue(path, text);
  const code = valueProblem(path, value);
  if (code === null) values.set(path, value);
  else problems.push(problem(code, path, expectedText(path, compact ? 'empty' : 'auto'), describeValue(value)));
}

/**
 * Reads a share link's query (with or without `?`): a version-2 link (every value, `v=2&s=…&f=…`),
 * or a version-1 link (`inHouse.baseSalary=60000`, only the differences, read over today's
 * defaults with a notice). Invalid, unknown and repeated fields fall back to the defaults and are
 * reported; a link from a newer version is not applied at all. Never throws, whatever the input.
 */
export function decodeLink(search: string, defaults: Scenario): LinkResult {
  const problems: Problem[] = [];
  try {
    const values = new Map<FieldPath, unknown>();
    // Fields written out by name (version-1 links, or edited by hand): they win over `s`.
    const named = new Map<FieldPath, unknown>();
    let version: unknown = 1;
    let compactValues: string | undefined;
    let compactSpread: string | undefined;
    let question: string | undefined;
    const read = readLinkFields(search, problems, (key, text) => {
      if (key === LINK_VERSION_KEY || key === 'version') {
        version = numberFromText(text);
        if (!READABLE_VERSIONS.includes(version as number)) problems.push(versionProblem(version));
      } else if (key === LINK_VALUES_KEY) compactValues = text;
      else if (key === LINK_SPREAD_KEY) compactSpread = text;
      else if (key === LINK_QUESTION_KEY) {
        const ids = comparisons().map((c) => c.id);
        if (ids.includes(text)) question = text;
        else problems.push(problem('not_allowed', LINK_QUESTION_KEY, `one of ${ids.join(', ')}`, describeValue(text)));
      } else if (!isFieldPath(key)) {
        if (GROUPS.includes(key)) problems.push(problem('wrong_type', key, 'an object', describeValue(text)));
        else problems.push(problem('unknown_field', key, NO_SUCH_FIELD, describeValue(text)));
      } else readLinkValue(key, text, named, problems, false);
    });
    if (!read) return { scenario: defaults, problems };
    // A link from a newer calculator may mean something else: none of it is applied.
    if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
      return { scenario: defaults, problems: [versionProblem(version)] };
    }

    let spread: Spread | undefined;
    if (compactValues !== undefined) {
      const texts = compactValues.split(LINK_SEPARATOR);
      if (texts.length !== LINK_FIELDS.length) {
        problems.push(
          problem(
            'bad_format',
            LINK_VALUES_KEY,
            `${LINK_FIELDS.length} values separated by ${LINK_SEPARATOR} (a link copied whole from the calculator)`,
            `${texts.length} values`,
          ),
        );
      } else {
        LINK_FIELDS.forEach((path, i) => readLinkValue(path, texts[i] ?? '', values, problems, true));
      }
    }
    if (compactSpread !== undefined) {
      const texts = compactSpread.split(LINK_SEPARATOR);
      if (texts.length > SPREAD_KEYS.length) {
        problems.push(problem('bad_format', LINK_SPREAD_KEY, `at most ${SPREAD_KEYS.length} spreads separated by ${LINK_SEPARATOR}`, `${texts.length} values`));
      } else {
        // Every spread is carried: one not written is 0 (held fixed), whatever today's defaults say.
        spread = {};
        SPREAD_KEYS.forEach((key, i) => {
          const text = texts[i] ?? '';
          const value = text === '' ? 0 : numberFromText(text);
          if (typeof value === 'number' && value >= 0 && value <= 1) (spread as Spread)[key] = value;
          else
            problems.push(
              problem(typeof value === 'number' ? 'out_of_range' : 'wrong_type', `uncertainty.spread.${key}`, 'a number from 0 to 1', describeValue(value)),
            );
        });
      }
    }
    for (const [key, value] of named) values.set(key, value);
    const scenario = resolveLeniently(values, spread, defaults, problems);
    // A version-1 link (fields by name, only those that differed) is read over today's defaults: say so.
    const versionOne = compactValues === undefined && named.size > 0;
    return { scenario, problems, ...(versionOne ? { notice: VERSION_1_NOTICE } : {}), ...(question !== undefined ? { question } : {}) };
  } catch (error) {
    // Defensive: nothing above should throw, but a share link must never break the page.
    return { scenario: defaults, problems: [...problems, problem('invalid', '', 'a readable link', describeValue(String(error)))] };
  }
}

/** The checked fields of a scenario object: values by path, the spreads given, and the version. */
interface CheckedFields {
  values: Map<FieldPath, unknown>;
  spread: Spread | undefined;
  /** The `version` given (1 or 2), or undefined. */
  version: number | undefined;
}

/** Checks `uncertainty.spread`: an object of allowed keys, each a number from 0 to 1; unknown keys refused by name. */
function readSpread(value: unknown, problems: Problem[]): Spread | undefined {
  if (!isRecord(value)) {
    problems.push(problem('wrong_type', 'uncertainty.spread', 'an object such as {"inHouse.meetingsPerMonth": 0.3}', describeValue(value)));
    return undefined;
  }
  const spread: Spread = {};
  for (const key of Object.keys(value)) {
    const f = value[key];
    const field = `uncertainty.spread.${key}`;
    if (!isSpreadKey(key)) {
      problems.push(
        problem(
          'unknown_field',
          field,
          'a spread of a numeric input of shared (not the target or working days) or of an option (not seats or days out), e.g. inHouse.meetingsPerMonth',
          describeValue(f),
        ),
      );
    } else if (f === undefined) {
      continue;
    } else if (typeof f !== 'number' || Number.isNaN(f)) {
      problems.push(problem('wrong_type', field, 'a number from 0 to 1', describeValue(f)));
    } else if (!(f >= 0 && f <= 1)) {
      problems.push(problem('out_of_range', field, 'a number from 0 to 1', describeValue(f)));
    } else {
      spread[key] = f;
    }
  }
  return spread;
}

/**
 * Checks the fields of a parsed scenario object: every field optional (all required, with
 * `version` 2, when `complete`), unknown fields refused by name.
 */
function readFields(input: unknown, complete: boolean): Result<CheckedFields> {
  if (!isRecord(input)) return refuse(problem('wrong_type', '', 'an object', describeValue(input)));
  // A newer version is refused before anything else: its fields may mean something else.
  const version = Object.hasOwn(input, 'version') ? input['version'] : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) return refuse(versionProblem(version));
  const problems: Problem[] = [];
  const values = new Map<FieldPath, unknown>();
  let spread: Spread | undefined;
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
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (key === 'version') {
      if (complete && value !== SCENARIO_VERSION) problems.push(problem('unsupported_version', 'version', `exactly ${SCENARIO_VERSION}`, describeValue(value)));
      else if (!complete && value !== undefined && !READABLE_VERSIONS.includes(value as number)) problems.push(versionProblem(value));
    } else if (GROUPS.includes(key)) {
      if (isRecord(value)) {
        for (const inner of Object.keys(value)) {
          if (key === 'uncertainty' && inner === 'spread') {
            if (value[inner] !== undefined) spread = readSpread(value[inner], problems);
          } else check(`${key}.${inner}`, value[inner]);
        }
      } else if (value !== undefined) problems.push(problem('wrong_type', key, 'an object', describeValue(value)));
    } else if (key.includes('.')) {
      problems.push(problem('unknown_field', key, NO_SUCH_FIELD, describeValue(value)));
    } else {
      check(key, value);
    }
  }
  if (complete) {
    if (version === undefined) problems.push(problem('missing', 'version', `exactly ${SCENARIO_VERSION}`, describeValue(undefined)));
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
    if (spread === undefined && !reported.has('uncertainty') && !problems.some((p) => p.field === 'uncertainty.spread')) {
      problems.push(problem('missing', 'uncertainty.spread', 'an object such as {"inHouse.meetingsPerMonth": 0.3}', describeValue(undefined)));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { values, spread, version: version as number | undefined } };
}

/** A scenario read from a file: a `Result<Scenario>` whose success may carry a notice for the page (a version-1 file). */
export type ScenarioResult = { ok: true; value: Scenario; notice?: string } | { ok: false; problems: Problem[] };

/**
 * Checks an already-parsed scenario object (every field optional, unknown fields refused) and merges
 * it over the defaults; any problem refuses the whole input, and every problem is listed. A
 * version-1 object is read as version 2 (with VERSION_1_NOTICE); a newer version is refused.
 */
export function parseScenarioObject(input: unknown, defaults: Scenario): ScenarioResult {
  const fields = readFields(input, false);
  if (!fields.ok) return fields;
  const merged = resolveScenario(nestedInput(fields.value.values, fields.value.spread), defaults);
  const conflicts = crossFieldProblems(merged);
  if (conflicts.length > 0) return { ok: false, problems: conflicts };
  return fields.value.version === 1 ? { ok: true, value: merged, notice: VERSION_1_NOTICE } : { ok: true, value: merged };
}

/**
 * Checks a complete scenario (every field present, `version` 2, nothing else), as the page reads
 * its own defaults; the result is a new object in form order.
 */
export function parseScenario(input: unknown): Result<Scenario> {
  const fields = readFields(input, true);
  if (!fields.ok) return fields;
  const scenario = { version: SCENARIO_VERSION } as Record<string, unknown>;
  for (const field of SCENARIO_FIELDS) {
    const value = fields.value.values.get(field.path);
    if (!field.path.includes('.')) scenario[field.path] = value;
    else ((scenario[field.group] ??= {}) as Record<string, unknown>)[field.key] = value;
  }
  const spread: Spread = {};
  for (const key of SPREAD_KEYS) {
    const f = fields.value.spread?.[key];
    if (f !== undefined && f !== 0) spread[key] = f;
  }
  (scenario['uncertainty'] as Record<string, unknown>)['spread'] = spread;
  const conflicts = crossFieldProblems(scenario as Scenario);
  return conflicts.length > 0 ? { ok: false, problems: conflicts } : { ok: true, value: scenario as Scenario };
}

/**
 * A scenario as written to files and inside results: version 2 and every value, spreads included
 * (a spread of 0 is written too), so that it keeps its meaning when the site's defaults change.
 */
export function exportScenario(scenario: Scenario): Scenario {
  const spread: Spread = {};
  for (const key of SPREAD_KEYS) spread[key] = scenario.uncertainty.spread[key] ?? 0;
  return { ...scenario, version: SCENARIO_VERSION, uncertainty: { ...scenario.uncertainty, spread } };
}

/**
 * Reads a scenario JSON file: a scenario, or a results file exported by the page or `npm run calc`
 * (its `scenario` member is read). Strict: any problem refuses the file. Never throws.
 */
export function parseScenarioText(text: string, defaults: Scenario): ScenarioResult {
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
