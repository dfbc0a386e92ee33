import type { z } from 'astro/zod';

/**
 * What kind of problem it is, stable across wording changes: code branches on this, never on the
 * English sentences.
 */
export type ProblemCode =
  | 'missing' // a required field or file is absent
  | 'wrong_type' // the value is of the wrong kind (text for a number, a list for an object, …)
  | 'out_of_range' // a number, a length or a count outside its bounds
  | 'bad_format' // text that does not match its pattern (ids, dates, colours, …)
  | 'not_allowed' // a value outside a fixed set of choices
  | 'unknown_field' // a field the format does not have
  | 'conflict' // fields that are each valid but contradict each other
  | 'unknown_reference' // an id that names nothing (a chapter, section, term, …)
  | 'duplicate' // the same id or key twice
  | 'not_parseable' // not JSON / not YAML / not a link of this kind
  | 'unsupported_version' // a format version this build does not read
  | 'too_large' // input over a size limit before it is read
  | 'invalid'; // anything else a schema author wrote a sentence for

/** One problem found in a piece of input: what kind, where, what was expected, what was given. */
export interface Problem {
  /** What kind of problem, for code to branch on (see ProblemCode). */
  code?: ProblemCode;
  /** Dotted path of the field, e.g. `inHouse.baseSalary` or `steps.2.ref`; empty for the whole input. */
  field: string;
  /** What the field must be, in plain words. */
  expected: string;
  /** What was found, in plain words (values are quoted and shortened). */
  given: string;
}

/** Every parser's answer: the value, or the problems that stop it. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const MAX_SHOWN = 60;

/** Describes a value for a person reading an error: short, quoted, never the whole input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Reads the value at a path inside untrusted input without ever touching prototypes. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'null',
};

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, side: 'min' | 'max'): string {
  const limit = side === 'min' ? issue.minimum : issue.maximum;
  const n = Number(limit);
  const origin = issue.origin ?? 'number';
  if (origin === 'string') return side === 'min' ? `text of at least ${n} character${n === 1 ? '' : 's'}` : `text of at most ${n} characters`;
  if (origin === 'array' || origin === 'set') return side === 'min' ? `a list of at least ${n} item${n === 1 ? '' : 's'}` : `a list of at most ${n} items`;
  const inclusive = issue.inclusive !== false;
  if (side === 'min') return inclusive ? `a number of at least ${n}` : `a number greater than ${n}`;
  return inclusive ? `a number of at most ${n}` : `a number less than ${n}`;
}

/** zod's own wording; anything else is a message a schema author wrote for people. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected|Required)/;

/** What a zod issue required, in words a content author or a finance analyst understands. */
function expectedFor(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys' && !ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return issue.values.length === 1 ? `exactly ${listValues(issue.values)}` : `one of ${listValues(issue.values)}`;
    case 'too_small':
      return bound(issue, 'min');
    case 'too_big':
      return bound(issue, 'max');
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `text matching ${String(issue.pattern)}` : `a valid ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return 'only known fields';
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return issue.message;
  }
}

/**
 * Turns a zod error (full zod or zod/mini) into problems that name the field, what was expected and
 * what was given. `input` is the value that was parsed, so the given value can be shown even when zod
 * omits it.
 */
export function problemsFromZod(error: { issues: readonly z.core.$ZodIssue[] }, input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          field: [...issue.path, key].map(String).join('.'),
          expected: 'no such field (it is not part of the format; check the spelling)',
          given: describeValue(valueAt(input, [...issue.path, key])),
        });
      }
      continue;
    }
    const given = valueAt(input, issue.path);
    // Custom refinements carry their own sentence; keep it as the expectation.
    problems.push({
      field: issue.path.map(String).join('.'),
      expected: expectedFor(issue),
      given: describeValue(given),
    });
  }
  return problems;
}

/** One line per problem: `file: field "x": expected …; given ….` */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  return problems
    .map((p) => `${file}: ${p.field ? `field "${p.field}"` : 'the file'}: expected ${p.expected}; given ${p.given}.`)
    .join('\n');
}
