/**
 * Zod's issues as problems: each names the field, what was expected (in words a content author or a
 * finance analyst understands) and what was given, with a stable code.
 */
import type { z } from 'astro/zod';
import { describeValue, valueAt, type Problem, type ProblemCode } from './problems.ts';
import { plural } from './plural.ts';

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
  if (origin === 'string') return side === 'min' ? `text of at least ${plural(n, 'character')}` : `text of at most ${n} characters`;
  if (origin === 'array' || origin === 'set') return side === 'min' ? `a list of at least ${plural(n, 'item')}` : `a list of at most ${n} items`;
  const inclusive = issue.inclusive !== false;
  if (side === 'min') return inclusive ? `a number of at least ${n}` : `a number greater than ${n}`;
  return inclusive ? `a number of at most ${n}` : `a number less than ${n}`;
}

/** zod's own wording; anything else is a message a schema author wrote for people. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected|Required)/;

/** The problem code for a zod issue; `given` tells a missing field from a wrongly typed one. */
function codeFor(issue: z.core.$ZodIssue, given: unknown): ProblemCode {
  switch (issue.code) {
    case 'invalid_type':
      return given === undefined ? 'missing' : 'wrong_type';
    case 'invalid_value':
      return 'not_allowed';
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      return 'out_of_range';
    case 'invalid_format':
      return 'bad_format';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_union':
      return 'wrong_type';
    default:
      return 'invalid';
  }
}

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
          code: 'unknown_field',
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
      code: codeFor(issue, given),
      field: issue.path.map(String).join('.'),
      expected: expectedFor(issue),
      given: describeValue(given),
    });
  }
  return problems;
}
