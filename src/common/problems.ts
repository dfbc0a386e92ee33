/**
 * The one error vocabulary: a `Problem` (what kind, where, what was expected, what was given), the
 * `Result` every parser returns, and the error the build throws for content. Light and zod-free, so
 * every page's parser can use it; zod's issues become problems in zod-problems.ts.
 */
import { plural } from './plural.ts';

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
  | 'not_saved' // the input was fine, but this browser would not store it (storage full or blocked)
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

/** A parser's success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A parser's refusal, with at least one problem. */
export function refuse(...problems: Problem[]): { ok: false; problems: Problem[] } {
  return { ok: false, problems };
}

/**
 * The one error the build throws for content a person has to fix (invalid fields, broken references,
 * missing files). Its message names the file, the field, what was expected and what was given.
 */
export class ContentError extends Error {
  override name = 'ContentError';
}

const MAX_SHOWN = 60;

// Right-to-left letters and the bidirectional controls (marks, embeddings, overrides, isolates).
const BIDI = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Quoted input inside a message, isolated (U+2068 … U+2069) when it holds right-to-left text or a
 * direction control, so a right-to-left override in a file name or a field cannot reorder the message
 * around it. Left-to-right input is returned as it is.
 */
export function isolate(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text;
}

/** Describes a value for a person reading an error: short, quoted, never the whole input. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return `"${isolate(JSON.stringify(shown).slice(1, -1))}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'item')}`;
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

/** One line per problem: `file: field "x": expected …; given ….` */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  return problems.map((p) => `${file}: ${p.field ? `field "${p.field}"` : 'the file'}: expected ${p.expected}; given ${p.given}.`).join('\n');
}
